// Exact and near-exact copies. Exact: equal normalized body text. Near-exact:
// MinHash/LSH candidates whose estimated shingle Jaccard is high
// (`duplicate`), or whose shorter text is almost wholly contained in the longer
// one (`partial`: wire copy cut by a republisher). Rewrites that change the
// words are the provenance aligner's job, not this one's.
import type { Document } from '../model/document.js';
import type { CopyRelation } from '../model/collection.js';
import { words } from '../text/normalize.js';
import { datelineAgency, wireAgency } from './wire.js';
import {
  LshIndex,
  decodeSignature,
  distinctCount,
  encodeSignature,
  estimateIntersection,
  estimateJaccard,
  shingleHashes,
  signature,
} from './minhash.js';

/** Estimated Jaccard at or above which two texts are the same article. */
export const DUPLICATE_JACCARD = 0.8;
/** Both texts this much inside each other: the same article, lightly edited throughout. */
export const DUPLICATE_COVERAGE = 0.8;
/**
 * Share of the shorter text's shingles found in the longer one for a partial
 * copy: a republisher who cuts wire copy and adds a local paragraph or two
 * still takes most of its text from the wire.
 */
export const PARTIAL_CONTAINMENT = 0.5;
/**
 * Shared shingles a partial copy must carry, about three sentences of running
 * text: one shared quoted statement (20-30 words) does not make a copy.
 */
export const PARTIAL_MIN_SHARED = 60;

export interface Fingerprint {
  sig: string;
  /** Distinct shingles. */
  n: number;
  textHash: string;
  published?: string;
  /** The document's own source is a wire agency. */
  wire?: boolean;
}

/** `normalized`: the text already through `normalizeForHash`, when the caller has it. */
export function fingerprint(doc: Document, normalized?: string): Fingerprint {
  const hashes = shingleHashes(normalized === undefined ? words(doc.text) : normalized.split(' ').filter(Boolean));
  return {
    sig: encodeSignature(signature(hashes)),
    n: distinctCount(hashes),
    textHash: doc.textHash,
    ...(doc.published ? { published: doc.published } : {}),
    // The agency's own copy: its source is the agency, or it names no source
    // and opens with the agency's dateline (republishers name themselves).
    ...(wireAgency(doc.source) || (!doc.source && datelineAgency(doc.text)) ? { wire: true } : {}),
  };
}

/**
 * Which of two related documents is the source: the earlier (by day, or by
 * time when both have one), else the wire agency's own, else the more
 * complete text, else the one stored first.
 */
export function orient<T extends { published?: string; wire?: boolean; n: number }>(a: [string, T], b: [string, T]): [[string, T], [string, T]] {
  const pa = a[1].published;
  const pb = b[1].published;
  if (pa && pb) {
    const timed = pa.includes('T') && pb.includes('T');
    const ta = timed ? Date.parse(pa) : Date.parse(pa.slice(0, 10));
    const tb = timed ? Date.parse(pb) : Date.parse(pb.slice(0, 10));
    if (ta !== tb && !isNaN(ta) && !isNaN(tb)) return ta < tb ? [a, b] : [b, a];
  }
  if (Boolean(a[1].wire) !== Boolean(b[1].wire)) return a[1].wire ? [a, b] : [b, a];
  if (a[1].n !== b[1].n) return a[1].n > b[1].n ? [a, b] : [b, a];
  return [a, b];
}

/**
 * Incremental duplicate finder: holds the LSH index of every stored document
 * and returns the copy relations between each new document and what came before.
 */
export class DuplicateFinder {
  private index = new LshIndex();
  // What comparison needs of each document; the encoded signature is not kept
  // (at 100,000 documents it and the decoded one cost 140 MB together).
  private prints = new Map<string, Omit<Fingerprint, 'sig'>>();
  private sigs = new Map<string, Uint32Array>();

  load(prints: Map<string, Fingerprint>): void {
    for (const [id, fp] of prints) this.insert(id, fp);
  }

  private insert(id: string, fp: Fingerprint): void {
    const sig = decodeSignature(fp.sig);
    this.prints.set(id, {
      n: fp.n,
      textHash: fp.textHash,
      ...(fp.published ? { published: fp.published } : {}),
      ...(fp.wire ? { wire: true } : {}),
    });
    this.sigs.set(id, sig);
    this.index.add(id, sig);
  }

  /** Relations of `id` to earlier documents; then indexes it. */
  add(id: string, fp: Fingerprint): CopyRelation[] {
    const sig = decodeSignature(fp.sig);
    const out: CopyRelation[] = [];
    for (const other of this.index.candidates(sig)) {
      const ofp = this.prints.get(other)!;
      const isExact = ofp.textHash === fp.textHash;
      const j = isExact ? 1 : estimateJaccard(sig, this.sigs.get(other)!);
      const inter = isExact ? fp.n : estimateIntersection(j, fp.n, ofp.n);
      const [src, cpy] = orient([other, ofp], [id, fp]);
      const covCopy = Math.min(1, inter / Math.max(1, cpy[1].n));
      const covSource = Math.min(1, inter / Math.max(1, src[1].n));
      let kind: CopyRelation['kind'] | undefined;
      if (isExact || j >= DUPLICATE_JACCARD || Math.min(covCopy, covSource) >= DUPLICATE_COVERAGE) kind = 'duplicate';
      else if (Math.max(covCopy, covSource) >= PARTIAL_CONTAINMENT && inter >= PARTIAL_MIN_SHARED) kind = 'partial';
      if (!kind) continue;
      out.push({
        source: src[0],
        copy: cpy[0],
        kind,
        coverageOfCopy: round(isExact ? 1 : covCopy),
        coverageOfSource: round(isExact ? 1 : covSource),
        similarity: round(j),
        method: isExact ? 'exact' : 'minhash',
        pairs: [],
      });
    }
    this.insert(id, fp);
    return out;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
