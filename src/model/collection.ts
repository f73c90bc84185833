// Cross-document results: what collection stages produce from many documents.

/** A group of documents about the same event. */
export interface Story {
  id: string;
  title: string;
  documentIds: string[];
  /** Earliest and latest publication date (ISO) among its dated documents. */
  firstDate?: string;
  lastDate?: string;
  /** Independence groups in the story: how many separate sources report it. */
  independentSources?: number;
}

/** Sentences two documents share word for word (or nearly) without one being a copy of the other. */
export interface SharedPassage {
  source: string;
  copy: string;
  pairs: AlignedPair[];
}

/** Documents of a story that cannot confirm each other (copies, shared wire reporting). */
export interface IndependenceGroup {
  id: string;
  story: string;
  /** The likely origin: earliest known, else the agency's own text, else the most complete. */
  origin: string;
  documentIds: string[];
  /** Why members were joined ("rewrite copy", "AFP reporting", "credits Lake Charles Ledger"). */
  reasons: string[];
}

export type CopyKind = 'duplicate' | 'partial' | 'rewrite';

/** A sentence of the copy aligned to a sentence of the source. */
export interface AlignedPair {
  sourceSentence: number;
  copySentence: number;
  score: number;
  kind: 'verbatim' | 'edited' | 'paraphrase';
}

/** A change of meaning between an aligned source sentence and its copy. */
export interface Distortion {
  sourceSentence: number;
  copySentence: number;
  type: string;
  /** What changed, e.g. "12 -> 21", "hedge 'reportedly' dropped". */
  detail: string;
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
  distortions?: Distortion[];
}
