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
