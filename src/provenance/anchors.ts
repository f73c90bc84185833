// A second candidate index, robust to paraphrase. A content farm's spin
// replaces most common words with synonyms and reorders clauses, so word
// shingles stop matching; what survives is the skeleton of facts: names,
// numbers and quoted words, and which of them stand together in a sentence.
// Each document is reduced to such anchors; documents sharing enough rare
// anchors become candidates for alignment. Postings of anchors seen in too many
// documents are not scanned, so a lookup costs O(anchors × cap), never O(corpus).
import { fnv1a } from './minhash.js';
import { grow, Postings } from './postings.js';

export interface AnchorOptions {
  /** Anchors in more documents than this are too common to tell copies apart. */
  maxPostings: number;
  /** Candidates kept per document, best first. */
  maxCandidates: number;
  /** Minimum share of the smaller document's anchor weight that must be shared. */
  minShare: number;
}

export const DEFAULT_ANCHOR_OPTIONS: AnchorOptions = { maxPostings: 50, maxCandidates: 12, minShare: 0.25 };

const NUMBER = /\d[\d,.]*\d|\d/g;
const CAPITALIZED = /(?<![.!?]\s|^|["“‘'(]\s?)\b\p{Lu}[\p{L}'’-]+/gu;
const QUOTE = /["“]([^"”]{12,400})["”]/g;

/** Single anchors of a sentence: numbers, proper names, quote openings. */
function sentenceAnchors(s: string): string[] {
  const out = new Set<string>();
  for (const m of s.matchAll(NUMBER)) {
    const n = m[0].replace(/,/g, '').replace(/\.$/, '');
    out.add('#' + n);
  }
  for (const m of s.matchAll(CAPITALIZED)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (w.length > 2) out.add('@' + w);
  }
  for (const m of s.matchAll(QUOTE)) {
    // Quotes are kept verbatim by rewriters more often than anything else.
    const ws = m[1].toLowerCase().match(/\p{L}+/gu) ?? [];
    if (ws.length >= 4) out.add('"' + ws.slice(0, 4).join(' '));
  }
  return [...out];
}

/**
 * Anchor hashes of a document: single anchors, plus unordered pairs of anchors
 * that share a sentence (far rarer than either alone, and indifferent to
 * clause order).
 */
export function documentAnchors(text: string, sentences: { start: number; end: number }[]): Uint32Array {
  const set = new Set<number>();
  for (const r of sentences) {
    const a = sentenceAnchors(text.slice(r.start, r.end)).sort();
    for (let i = 0; i < a.length; i++) {
      set.add(fnv1a(a[i]));
      for (let j = i + 1; j < Math.min(a.length, i + 6); j++) set.add(fnv1a(a[i] + '|' + a[j]));
    }
  }
  return Uint32Array.from(set);
}

/** Documents by their anchors (`Postings`: typed arrays, documents numbered in arrival order). */
export class AnchorIndex {
  private ids: string[] = [];
  private sizes = new Int32Array(1024);
  private postings = new Postings();
  // Per-document counters for `candidates`, cleared after each call.
  private shared = new Int32Array(1024);

  constructor(private opts: AnchorOptions = DEFAULT_ANCHOR_OPTIONS) {
    if (opts.maxPostings >= 255) throw new Error('maxPostings must stay below 255');
  }

  add(id: string, anchors: Uint32Array): void {
    const doc = this.ids.length;
    this.ids.push(id);
    if (doc >= this.sizes.length) {
      this.sizes = grow(this.sizes, this.sizes.length * 2);
      this.shared = grow(this.shared, this.sizes.length);
    }
    this.sizes[doc] = anchors.length;
    // Past the cap the list is never scanned; stop growing it too.
    for (const a of anchors) this.postings.add(a, doc, this.opts.maxPostings);
  }

  /** Documents sharing enough anchors with `anchors`, best first. */
  candidates(anchors: Uint32Array): { id: string; shared: number }[] {
    const touched: number[] = [];
    const shared = this.shared;
    const bump = (doc: number) => {
      if (shared[doc]++ === 0) touched.push(doc);
    };
    for (const a of anchors) {
      if (this.postings.count(a) > this.opts.maxPostings) continue;
      this.postings.forEach(a, bump);
    }
    const out: { id: string; shared: number }[] = [];
    for (const doc of touched) {
      const n = shared[doc];
      shared[doc] = 0;
      const smaller = Math.min(anchors.length, this.sizes[doc]);
      if (smaller > 0 && n / smaller >= this.opts.minShare) out.push({ id: this.ids[doc], shared: n / smaller });
    }
    out.sort((a, b) => b.shared - a.shared);
    return out.slice(0, this.opts.maxCandidates);
  }
}
