// Alignment in worker threads must give exactly what the detector's own
// thread gives: same relations, same pairs, same order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CopyDetector, type ProvenancePrint, type TextDoc } from '../src/provenance/copies.js';
import { AlignPool } from '../src/provenance/align-pool.js';
import { prepare } from '../src/pipeline/stages.js';
import type { Document } from '../src/model/document.js';
import { spin, SPIN_RECIPES } from '../eval/lib/spin.js';

const SEEDS = '../shared/seeds';

/** The seeds, and copies of each made as content farms and republishers make them, in a mixed arrival order. */
function flood(): { doc: Document; print: ProvenancePrint }[] {
  const out: { doc: Document; print: ProvenancePrint }[] = [];
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  seeds.forEach((f, i) => {
    const text = readFileSync(join(SEEDS, f), 'utf8');
    const versions = [text, ...['syn30', 'farm', 'truncate', 'drop'].map((r, k) => spin(text, SPIN_RECIPES[r], 100 * i + k).text)];
    versions.forEach((t, k) => {
      const p = prepare({ origin: `${f}#${k}`, format: 'text', text: t, published: `2021-08-${String(14 + k).padStart(2, '0')}` });
      out.push({ doc: p.doc, print: p.print! });
    });
  });
  // Copies before and after their originals, the same order every run.
  return out.map((x, i) => ({ x, k: (i * 7919) % 101 })).sort((a, b) => a.k - b.k).map((y) => y.x);
}

async function detect(items: { doc: Document; print: ProvenancePrint }[], pool?: AlignPool) {
  const stored = new Map<string, Document>();
  const detector = new CopyDetector(async (ids) => ids.map((id) => stored.get(id)!).filter(Boolean), {
    paraphrase: true,
    distortions: true,
    ...(pool ? { relater: pool } : {}),
  });
  const results = [];
  // Two batches: the second finds candidates in the store as well as in itself.
  for (const part of [items.slice(0, 12), items.slice(12)]) {
    const batch = new Map<string, TextDoc>(part.map((x) => [x.doc.id, x.doc]));
    // Prints are copied: the detector fills in their anchors.
    results.push(...(await detector.addBatch(part.map((x) => ({ doc: x.doc, print: { ...x.print } })), batch)));
    for (const x of part) stored.set(x.doc.id, x.doc);
  }
  return { results, stats: detector.stats };
}

test('alignment in two worker threads finds the same relations, pairs and distortions as on one thread', { skip: !existsSync(SEEDS) && 'needs ../shared/seeds' }, async () => {
  const items = flood();
  const here = await detect(items);
  const pool = new AlignPool(2);
  try {
    const away = await detect(items, pool);
    assert.deepEqual(away.results, here.results);
    assert.equal(away.stats.aligned, here.stats.aligned);
  } finally {
    await pool.close();
  }
  const copies = here.results.flatMap((r) => ('copies' in r ? r.copies : []));
  assert.ok(copies.some((c) => c.kind === 'rewrite' && c.method === 'alignment'), 'spun copies found by alignment');
  assert.ok(copies.some((c) => c.distortions?.length), 'distortions checked in the workers too');
  assert.ok(here.stats.aligned >= 20, `aligned ${here.stats.aligned}`);
});

test('a document whose alignment fails in a worker gets its error; the worker and the other documents go on', { skip: !existsSync(SEEDS) && 'needs ../shared/seeds' }, async () => {
  const items = flood().slice(0, 10);
  const pool = new AlignPool(1);
  try {
    const job = { id: 'nowhere', meta: { n: 1 }, others: [{ id: 'elsewhere', meta: { n: 1 } }], found: [], distortions: false };
    // The worker is sent the candidate's text but not the document's: relating them throws there.
    const text = 'Police arrested three men on Monday.';
    await assert.rejects(pool.relate(job, 0, async () => [{ id: 'elsewhere', text, sentences: [{ start: 0, end: text.length }] }]), /nowhere is not at hand/);
    const { results } = await detect(items, pool);
    assert.ok(results.every((r) => !('error' in r)));
    assert.ok(results.some((r) => 'copies' in r && r.copies.length > 0));
    await pool.close();
    // No worker left: each document with candidates says so, the rest are answered.
    const after = await detect(items, pool);
    assert.ok(after.results.some((r) => 'error' in r && /no alignment worker/.test(r.error)));
    assert.ok(after.results.some((r) => 'copies' in r));
  } finally {
    await pool.close();
  }
});

test('analyze with alignment workers writes the same copies and shared passages', { skip: !existsSync(SEEDS) && 'needs ../shared/seeds' }, async () => {
  const { analyze } = await import('../src/output/build.js');
  const here = await analyze([SEEDS], { workers: 0 });
  const away = await analyze([SEEDS], { workers: 0, alignWorkers: 2 });
  assert.ok(here.json.copies.length > 0 && here.json.passages.length > 0);
  assert.deepEqual(away.json.copies, here.json.copies);
  assert.deepEqual(away.json.passages, here.json.passages);
  assert.deepEqual(away.stats.errors, []);
});
