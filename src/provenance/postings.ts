// A multimap from 32-bit keys to document numbers, in typed arrays. Copy
// detection indexes every document under hundreds of keys (anchors, LSH
// bands), and most keys belong to one document for ever: a Map of arrays of
// id strings spent about 80-100 bytes on each, most of the detector's heap at
// 100,000 articles. Here a key costs a slot of an open-addressing table (17
// bytes, the table at most 3/4 full) holding its first document; only keys
// shared by several documents use the postings arrays (8 bytes a document).
// Documents of a key come back in the order they were added.

export class Postings {
  private keys = new Uint32Array(1 << 12);
  private first = new Int32Array(1 << 12).fill(-1);
  private head = new Int32Array(1 << 12);
  private tail = new Int32Array(1 << 12);
  /** Documents under the key, saturating at 255. */
  private counts = new Uint8Array(1 << 12);
  private shift = 20;
  private used = 0;
  private pDoc = new Int32Array(1 << 12);
  private pNext = new Int32Array(1 << 12);
  private postings = 0;

  /** Adds `doc` under `key`, unless the key already holds more than `cap` documents. */
  add(key: number, doc: number, cap = 254): void {
    if ((this.used + 1) * 4 > this.keys.length * 3) this.rehash();
    const slot = this.slotOf(key);
    if (this.first[slot] < 0) {
      this.keys[slot] = key;
      this.first[slot] = doc;
      this.head[slot] = -1;
      this.counts[slot] = 1;
      this.used++;
      return;
    }
    if (this.counts[slot] > cap) return;
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
    if (this.counts[slot] < 255) this.counts[slot]++;
  }

  /** How many documents the key holds (0 when none), saturating at 255. */
  count(key: number): number {
    const slot = this.slotOf(key);
    return this.first[slot] < 0 ? 0 : this.counts[slot];
  }

  /** Calls `fn` with each document under `key`, in the order added. */
  forEach(key: number, fn: (doc: number) => void): void {
    const slot = this.slotOf(key);
    if (this.first[slot] < 0) return;
    fn(this.first[slot]);
    for (let p = this.head[slot]; p >= 0; p = this.pNext[p]) fn(this.pDoc[p]);
  }

  /** The slot holding `key`, or the empty slot where it would go. */
  private slotOf(key: number): number {
    // As the table stores it: hashes computed with signed arithmetic arrive negative.
    key >>>= 0;
    const mask = this.keys.length - 1;
    // Fibonacci hashing: the high bits of the product mix every bit of the key.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.first[slot] >= 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private rehash(): void {
    const [keys, first, head, tail, counts] = [this.keys, this.first, this.head, this.tail, this.counts];
    const size = keys.length * 2;
    this.shift--;
    this.keys = new Uint32Array(size);
    this.first = new Int32Array(size).fill(-1);
    this.head = new Int32Array(size);
    this.tail = new Int32Array(size);
    this.counts = new Uint8Array(size);
    for (let i = 0; i < keys.length; i++) {
      if (first[i] < 0) continue;
      const slot = this.slotOf(keys[i]);
      this.keys[slot] = keys[i];
      this.first[slot] = first[i];
      this.head[slot] = head[i];
      this.tail[slot] = tail[i];
      this.counts[slot] = counts[i];
    }
  }
}

export function grow<T extends Int32Array>(a: T, size: number): T {
  const b = new Int32Array(size) as T;
  b.set(a);
  return b;
}
