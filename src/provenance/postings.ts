// A multimap from 32-bit keys to document numbers, in typed arrays. Copy
// detection indexes every document under hundreds of keys (anchors, LSH
// bands), and most keys belong to one document for ever: a Map of arrays of
// id strings spent about 80-100 bytes on each, most of the detector's heap at
// 100,000 articles. Here a key costs a slot of an open-addressing table (9
// bytes, the table at most 3/4 full) holding its document; only keys shared
// by several documents use the postings arrays (8 bytes a document), chained
// from the newest back. Documents of a key come back in the order they were
// added.

export class Postings {
  private keys = new Uint32Array(1 << 12);
  /** The key's document while it has one; then -1 - its newest posting. */
  private value = new Int32Array(1 << 12);
  /** Documents under the key, saturating at 255; 0: the slot is empty. */
  private counts = new Uint8Array(1 << 12);
  private shift = 20;
  private used = 0;
  private pDoc = new Int32Array(1 << 12);
  /** The posting added before this one under the same key, or -1. */
  private pPrev = new Int32Array(1 << 12);
  private postings = 0;
  private scratch = new Int32Array(256);

  /** Adds `doc` under `key`, unless the key already holds more than `cap` documents. */
  add(key: number, doc: number, cap = 254): void {
    if ((this.used + 1) * 4 > this.keys.length * 3) this.rehash();
    const slot = this.slotOf(key);
    const count = this.counts[slot];
    if (count === 0) {
      this.keys[slot] = key;
      this.value[slot] = doc;
      this.counts[slot] = 1;
      this.used++;
      return;
    }
    if (count > cap) return;
    let prev = this.value[slot];
    // A second document: the first moves to the postings.
    if (prev >= 0) prev = -1 - this.post(prev, -1);
    this.value[slot] = -1 - this.post(doc, -1 - prev);
    if (count < 255) this.counts[slot] = count + 1;
  }

  private post(doc: number, prev: number): number {
    if (this.postings >= this.pDoc.length) {
      // Half again, not double: at 100,000 articles these arrays are tens of MB.
      const size = Math.ceil(this.pDoc.length * 1.5);
      this.pDoc = grow(this.pDoc, size);
      this.pPrev = grow(this.pPrev, size);
    }
    const p = this.postings++;
    this.pDoc[p] = doc;
    this.pPrev[p] = prev;
    return p;
  }

  /** How many documents the key holds (0 when none), saturating at 255. */
  count(key: number): number {
    return this.counts[this.slotOf(key)];
  }

  /** Calls `fn` with each document under `key`, in the order added; `fn` must not call into this index. */
  forEach(key: number, fn: (doc: number) => void): void {
    const slot = this.slotOf(key);
    if (this.counts[slot] === 0) return;
    const v = this.value[slot];
    if (v >= 0) return fn(v);
    let n = 0;
    for (let p = -1 - v; p >= 0; p = this.pPrev[p]) {
      if (n === this.scratch.length) this.scratch = grow(this.scratch, n * 2);
      this.scratch[n++] = this.pDoc[p];
    }
    for (let i = n - 1; i >= 0; i--) fn(this.scratch[i]);
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    // As the table stores it: hashes computed with signed arithmetic arrive negative.
    key >>>= 0;
    const mask = this.keys.length - 1;
    // Fibonacci hashing: the high bits of the product mix every bit of the key.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.counts[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    const [keys, value, counts] = [this.keys, this.value, this.counts];
    const size = keys.length * 2;
    this.shift--;
    this.keys = new Uint32Array(size);
    this.value = new Int32Array(size);
    this.counts = new Uint8Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (counts[i] === 0) continue;
      const slot = this.slotOf(keys[i]);
      this.keys[slot] = keys[i];
      this.value[slot] = value[i];
      this.counts[slot] = counts[i];
    }
  }
}

export function grow<T extends Int32Array>(a: T, size: number): T {
  const b = new Int32Array(size) as T;
  b.set(a);
  return b;
}
