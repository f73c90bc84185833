// A second candidate index, robust to paraphrase. A content farm's spin
// replaces most common words with synonyms and reorders clauses, so word
// shingles stop matching; what survives is the skeleton of facts: names,
// numbers and quoted words, and which of them stand together in a sentence.
// Each document is reduced to such anchors; documents sharing enough rare
// anchors become candidates for alignment. Postings of anchors seen in too many
// documents are not scanned, so a lookup costs O(anchors × cap), never O(corpus).
import { fnv1a } from './minhash.js';

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

/**
 * Anchor postings in typed arrays. Most anchors (a pair of names in one
 * sentence) belong to one document for ever, and a Map of arrays of id
 * strings spent about 80 bytes on each: at 100,000 articles that was most of
 * the detector's heap. Here an anchor costs a slot of an open-addressing
 * table (about 17 bytes at most 3/4 full) and its first document sits in the
 * slot; only anchors shared by several documents use the postings arrays
 * (8 bytes a document). Documents are numbered in arrival order. Candidates
 * come out in the order the Map version gave them.
 */
export class AnchorIndex {
  private ids: string[] = [];
  private sizes = new Int32Array(1024);
  // The table: key, first document (-1: empty slot), further postings as a linked list, count (capped).
  private keys = new Uint32Array(1 << 16);
  private first = new Int32Array(1 << 16).fill(-1);
  private head = new Int32Array(1 << 16);
  private tail = new Int32Array(1 << 16);
  private count = new Uint8Array(1 << 16);
  private shift = 16;
  private used = 0;
  // Postings past the first: document and next posting (-1 ends the list).
  private pDoc = new Int32Array(1 << 16);
  private pNext = new Int32Array(1 << 16);
  private postings = 0;
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
    for (const a of anchors) {
      if ((this.used + 1) * 4 > this.keys.length * 3) this.rehash();
      const slot = this.slotOf(a);
      if (this.first[slot] < 0) {
        this.keys[slot] = a;
        this.first[slot] = doc;
        this.head[slot] = -1;
        this.count[slot] = 1;
        this.used++;
        continue;
      }
      // Past the cap the list is never scanned; stop growing it too.
      if (this.count[slot] > this.opts.maxPostings) continue;
      if (this.postings >= this.pDoc.length) {
        this.pDoc = grow(this.pDoc, this.pDoc.length * 2);
        this.pNext = grow(this.pNext, this.pDoc.length);
      }
      const p = this.postings++;
      this.pDoc[p] = doc;
      this.pNext[p] = -1;
      if (this.head[slot] < 0) this.head[slot] = p;
      else this.pNext[this.tail[slot]] = p;
      this.tail[slot] = p;
      this.count[slot]++;
    }
  }

  /** Documents sharing enough anchors with `anchors`, best first. */
  candidates(anchors: Uint32Array): { id: string; shared: number }[] {
    const touched: number[] = [];
    const shared = this.shared;
    const bump = (doc: number) => {
      if (shared[doc]++ === 0) touched.push(doc);
    };
    for (const a of anchors) {
      const slot = this.slotOf(a);
      if (this.first[slot] < 0 || this.count[slot] > this.opts.maxPostings) continue;
      bump(this.first[slot]);
      for (let p = this.head[slot]; p >= 0; p = this.pNext[p]) bump(this.pDoc[p]);
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

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    // Fibonacci hashing: the high bits of the product mix every bit of the key.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.first[slot] >= 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    const [keys, first, head, tail, count] = [this.keys, this.first, this.head, this.tail, this.count];
    const size = keys.length * 2;
    this.shift--;
    this.keys = new Uint32Array(size);
    this.first = new Int32Array(size).fill(-1);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.count = new Uint8Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (first[i] < 0) continue;
      const slot = this.slotOf(keys[i]);
      this.keys[slot] = keys[i];
      this.first[slot] = first[i];
      this.head[slot] = head[i];
      this.tail[slot] = tail[i];
      this.count[slot] = count[i];
    }
  }
}

function grow<T extends Int32Array>(a: T, size: number): T {
  const b = new Int32Array(size) as T;
  b.set(a);
  return b;
}
