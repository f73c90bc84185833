// Cross-document results: what collection stages produce from many documents.

/** A group of documents about the same event. */
export interface Story {
  id: string;
  title: string;
  documentIds: string[];
  /** Earliest and latest publication date (ISO) among its dated documents. */
  firstDate?: string;
  lastDate?: string;
}

export type CopyKind = 'duplicate' | 'partial' | 'rewrite';

/** A sentence of the copy aligned to a sentence of the source. */
export interface AlignedPair {
  sourceSentence: number;
  copySentence: number;
  score: number;
  kind: 'verbatim' | 'edited' | 'paraphrase';
}

/** `copy` reproduces (all or part of) `source`. */
export interface CopyRelation {
  source: string;
  copy: string;
  kind: CopyKind;
  /** Share of the copy's text found in the source, 0..1. */
  coverageOfCopy: number;
  /** Share of the source's text found in the copy, 0..1. */
  coverageOfSource: number;
  /** Estimated Jaccard similarity of word shingles. */
  similarity: number;
  /** How the relation was found (e.g. "exact", "minhash"). */
  method: string;
  pairs: AlignedPair[];
}
