import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/output/build.js';
import { syntheticJsonl } from './helpers/synthetic.js';

test('worker threads produce exactly what the main thread produces', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
  try {
    const input = join(dir, 'a.jsonl');
    // Enough articles that chunks go to the workers after the inline ones.
    writeFileSync(input, syntheticJsonl(400));
    const inline = await analyze([input], { workers: 0 });
    const pooled = await analyze([input], { workers: 2 });
    assert.equal(pooled.stats.added, 400);
    const strip = (j: typeof inline.json) => ({ ...j, generatedAt: '' });
    assert.deepEqual(strip(pooled.json), strip(inline.json));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a prepared document extracted again in a worker gets the spans the main thread gives it', async () => {
  const { PreparePool, rerunInline } = await import('../src/pipeline/pool.js');
  const { prepare, segment, copyPrint, extract } = await import('../src/pipeline/stages.js');
  const raw = {
    origin: 'herat.txt',
    format: 'text' as const,
    title: 'Taliban take Herat',
    published: '2021-08-13',
    text:
      'HERAT, Afghanistan (AP) — Taliban fighters captured Herat on Thursday, officials said. ' +
      '"The city has fallen," said Ismail Khan, a former governor. Around 3,000 people fled toward Iran.',
  };
  const fresh = () => prepare(raw, [segment, copyPrint]);
  const inline = rerunInline([fresh()], [extract.name]);
  const pool = new PreparePool(1);
  try {
    const pooled = await pool.rerun([fresh()], [extract.name]);
    assert.ok('ok' in inline[0] && 'ok' in pooled[0]);
    const spans = (r: (typeof inline)[number]) => ('ok' in r ? r.ok.doc.spans : []);
    assert.ok(spans(inline[0]).some((s) => s.label === 'event'), 'the capture is an event');
    assert.deepEqual(spans(pooled[0]), spans(inline[0]));
    // Preparing with named stages only: segmented, no extraction.
    const [seg] = await pool.prepare([raw], [segment.name, copyPrint.name]);
    assert.ok('ok' in seg && seg.ok.doc.sentences.length === 3 && seg.ok.doc.spans.length === 0);
    // The copy print carries the paraphrase anchors, made in the worker as on the main thread.
    assert.ok(seg.ok.print?.anchors, 'anchors computed with the print');
    assert.equal(seg.ok.print.anchors, fresh().print?.anchors);
    // A stage name that does not exist is named in the error.
    assert.throws(() => rerunInline([fresh()], ['no-such-stage']), /no document stage named no-such-stage/);
  } finally {
    await pool.close();
  }
});
