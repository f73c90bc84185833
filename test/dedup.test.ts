import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, shingleHashes, signature, LshIndex, encodeSignature, decodeSignature } from '../src/provenance/minhash.js';
import { DuplicateFinder, fingerprint } from '../src/provenance/dedup.js';
import { prepare } from '../src/pipeline/stages.js';
import { words } from '../src/text/normalize.js';
import { syntheticArticle } from './helpers/synthetic.js';

function exactJaccard(a: string, b: string): number {
  const sa = new Set(shingleHashes(words(a)));
  const sb = new Set(shingleHashes(words(b)));
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

const long = Array.from({ length: 12 }, (_, i) => syntheticArticle(i).text).join('\n\n');

test('one-permutation MinHash estimates Jaccard within a few points', () => {
  const ws = long.split(' ');
  for (const cut of [0.9, 0.7, 0.5, 0.3]) {
    const b = ws.slice(0, Math.floor(ws.length * cut)).join(' ') + ' an added closing line about something else entirely';
    const est = estimateJaccard(signature(shingleHashes(words(long))), signature(shingleHashes(words(b))));
    const truth = exactJaccard(long, b);
    assert.ok(Math.abs(est - truth) < 0.12, `cut ${cut}: estimate ${est.toFixed(3)} vs exact ${truth.toFixed(3)}`);
  }
});

test('signatures survive base64 round trips; LSH finds near copies, not strangers', () => {
  const sig = signature(shingleHashes(words(long)));
  assert.deepEqual(decodeSignature(encodeSignature(sig)), sig);
  const idx = new LshIndex();
  idx.add('orig', sig);
  const near = long.replace('households', 'homes').replace('crews', 'teams');
  assert.ok(idx.candidates(signature(shingleHashes(words(near)))).has('orig'));
  const other = Array.from({ length: 12 }, (_, i) => syntheticArticle(i + 500).text).join('\n\n');
  assert.ok(!idx.candidates(signature(shingleHashes(words(other)))).has('orig'));
});

function doc(title: string, text: string, source: string, published?: string) {
  return prepare({ origin: `${source}.txt`, format: 'text', title, text, source, ...(published ? { published } : {}) }).doc;
}

test('exact, near-exact and cut copies are related to their source; other articles are not', () => {
  const wire = doc('Storm hits coast', long, 'Wire', '2024-04-01');
  const verbatim = doc('Storm batters the coast', long, 'Local Daily', '2024-04-02');
  const edited = doc('Coast storm', long.replace(/households/g, 'homes') + '\n\nThe Local Daily will update this story.', 'Gazette', '2024-04-02');
  const cut = doc('Storm: first reports', long.split('\n\n').slice(0, 30).join('\n\n'), 'Blog', '2024-04-03');
  const stranger = doc('Other', Array.from({ length: 12 }, (_, i) => syntheticArticle(i + 900).text).join('\n\n'), 'Other', '2024-04-01');
  const f = new DuplicateFinder();
  assert.deepEqual(f.add(wire.id, fingerprint(wire)), []);
  const [v] = f.add(verbatim.id, fingerprint(verbatim));
  assert.equal(v.kind, 'duplicate');
  assert.equal(v.method, 'exact');
  assert.equal(v.source, wire.id);
  const e = f.add(edited.id, fingerprint(edited));
  assert.ok(e.length >= 1 && e.every((r) => r.kind === 'duplicate' && r.method === 'minhash'));
  const c = f.add(cut.id, fingerprint(cut)).find((r) => r.source === wire.id);
  assert.equal(c?.kind, 'partial');
  assert.equal(c?.copy, cut.id);
  assert.ok(c!.coverageOfCopy > 0.9 && c!.coverageOfSource < 0.8);
  assert.deepEqual(f.add(stranger.id, fingerprint(stranger)), []);
});
