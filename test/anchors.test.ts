import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnchorIndex, documentAnchors, type AnchorOptions } from '../src/provenance/anchors.js';
import { mulberry32 } from '../eval/lib/spin.js';

/** The plain version the typed-array index replaced: a Map of id lists. */
class Reference {
  private postings = new Map<number, string[]>();
  private sizes = new Map<string, number>();
  constructor(private opts: AnchorOptions) {}
  add(id: string, anchors: Uint32Array): void {
    this.sizes.set(id, anchors.length);
    for (const a of anchors) {
      const p = this.postings.get(a);
      if (p) {
        if (p.length <= this.opts.maxPostings) p.push(id);
      } else this.postings.set(a, [id]);
    }
  }
  candidates(anchors: Uint32Array): { id: string; shared: number }[] {
    const shared = new Map<string, number>();
    for (const a of anchors) {
      const p = this.postings.get(a);
      if (!p || p.length > this.opts.maxPostings) continue;
      for (const id of p) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const out: { id: string; shared: number }[] = [];
    for (const [id, n] of shared) {
      const smaller = Math.min(anchors.length, this.sizes.get(id) ?? 0);
      if (smaller > 0 && n / smaller >= this.opts.minShare) out.push({ id, shared: n / smaller });
    }
    out.sort((a, b) => b.shared - a.shared);
    return out.slice(0, this.opts.maxCandidates);
  }
}

test('the typed-array anchor index returns what a Map of postings returns, through table growth and capped lists', () => {
  const opts: AnchorOptions = { maxPostings: 6, maxCandidates: 5, minShare: 0.2 };
  const index = new AnchorIndex(opts);
  const ref = new Reference(opts);
  const rng = mulberry32(11);
  // Documents drawn from families sharing anchors, plus common anchors every family uses
  // (past the posting cap) and many anchors of their own (the table grows past its first size).
  const families = Array.from({ length: 600 }, () => Array.from({ length: 30 }, () => (rng() * 2 ** 32) >>> 0));
  const common = Array.from({ length: 5 }, (_, i) => i + 1);
  let compared = 0;
  let nonEmpty = 0;
  for (let d = 0; d < 3000; d++) {
    const fam = families[Math.floor(rng() * families.length)];
    const set = new Set<number>(common.filter(() => rng() < 0.5));
    for (const a of fam) if (rng() < 0.6) set.add(a);
    for (let k = 0; k < 20; k++) set.add((rng() * 2 ** 32) >>> 0);
    const anchors = Uint32Array.from(set);
    const got = index.candidates(anchors);
    assert.deepEqual(got, ref.candidates(anchors), `document ${d}`);
    compared++;
    if (got.length) nonEmpty++;
    index.add(`doc${d}`, anchors);
    ref.add(`doc${d}`, anchors);
  }
  assert.equal(compared, 3000);
  assert.ok(nonEmpty > 1500, `most documents find family members (${nonEmpty})`);
});

test('a reworded copy shares the anchors of its source: names, numbers, a quote', () => {
  const src = 'Taliban fighters captured Herat on Thursday, officials said. "We have taken the governor\'s office," a spokesman said. About 3,000 people fled toward Islam Qala.';
  const cp = 'On Thursday, Herat fell to Taliban militants, authorities reported. Some 3,000 residents escaped toward Islam Qala. "We have taken the governor\'s office," said a spokesperson.';
  const other = 'The central bank in Lagos raised its main rate by 50 basis points on Tuesday, traders said.';
  const sentences = (t: string) => [...t.matchAll(/[^.!?]+[.!?]"?/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const index = new AnchorIndex();
  index.add('source', documentAnchors(src, sentences(src)));
  index.add('other', documentAnchors(other, sentences(other)));
  const found = index.candidates(documentAnchors(cp, sentences(cp)));
  assert.deepEqual(found.map((c) => c.id), ['source']);
});

test('the typed-array LSH index returns the candidates a Map of buckets returns, in the same order', async () => {
  const { LshIndex } = await import('../src/provenance/minhash.js');
  const index = new LshIndex(8, 2);
  const buckets: Map<number, string[]>[] = Array.from({ length: 8 }, () => new Map());
  const rng = mulberry32(5);
  // Signatures from a few templates, each value kept or redrawn: documents of a template share bands.
  const templates = Array.from({ length: 30 }, () => Array.from({ length: 16 }, () => (rng() * 2 ** 32) | 0));
  let withCandidates = 0;
  for (let d = 0; d < 5000; d++) {
    const t = templates[Math.floor(rng() * templates.length)];
    const sig = Uint32Array.from(t.map((v) => (rng() < 0.3 ? (rng() * 2 ** 32) | 0 : v)));
    const expected = new Set<string>();
    const got = index.candidates(sig);
    // Reference: buckets keyed by the band's two values themselves, so no hash can merge two buckets.
    for (let b = 0; b < 8; b++) for (const id of buckets[b].get(sig[2 * b] * 4294967296 + sig[2 * b + 1]) ?? []) expected.add(id);
    assert.deepEqual([...got], [...expected], `document ${d}`);
    if (got.size) withCandidates++;
    index.add(`d${d}`, sig);
    for (let b = 0; b < 8; b++) {
      const k = sig[2 * b] * 4294967296 + sig[2 * b + 1];
      const list = buckets[b].get(k);
      if (list) list.push(`d${d}`);
      else buckets[b].set(k, [`d${d}`]);
    }
  }
  assert.ok(withCandidates > 4000, `documents of one template meet (${withCandidates})`);
});
