import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../src/store/sqlite.js';
import { analyze } from '../src/output/build.js';
import { syntheticJsonl } from './helpers/synthetic.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sitrep-store-'));
}

test('commit writes documents and records; deletes with null', async () => {
  const s = new SqliteStore();
  const doc = {
    id: 'd1', textHash: 'h1', origin: 'a.txt', format: 'text' as const, title: 'T', publishedFrom: 'unknown' as const,
    text: 'Body.', paragraphs: [{ start: 0, end: 5 }], sentences: [{ start: 0, end: 5 }], removed: [], spans: [],
  };
  await s.commit({ documents: [doc], records: [{ kind: 'k', key: 'a', value: { n: 1 } }, { kind: 'k', key: 'b', value: 2 }] });
  assert.deepEqual([...(await s.hasDocuments(['d1', 'd2']))], ['d1']);
  assert.deepEqual((await s.documents())[0], doc);
  await s.commit({ documents: [doc], records: [{ kind: 'k', key: 'b', value: null }] });
  assert.equal(await s.countDocuments(), 1);
  assert.deepEqual([...(await s.records('k')).keys()], ['a']);
  assert.deepEqual([...(await s.getRecords('k', ['a', 'zz'])).entries()], [['a', { n: 1 }]]);
  await s.close();
});

test('a database in use by another run is refused with a clear message', () => {
  const dir = tempDir();
  try {
    const db = join(dir, 'busy.db');
    const first = new SqliteStore(db);
    assert.throws(() => new SqliteStore(db), /busy\.db: the database is in use by another sitrep run/);
    void first.close();
    const again = new SqliteStore(db);
    void again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('re-running on an existing database processes only new articles', async () => {
  const dir = tempDir();
  try {
    const db = join(dir, 'news.db');
    writeFileSync(join(dir, 'a.jsonl'), syntheticJsonl(30));
    const first = await analyze([join(dir, 'a.jsonl')], { db });
    assert.equal(first.stats.added, 30);
    writeFileSync(join(dir, 'b.jsonl'), syntheticJsonl(10, 25));
    const second = await analyze([join(dir, 'a.jsonl'), join(dir, 'b.jsonl')], { db });
    assert.equal(second.stats.added, 5);
    assert.equal(second.stats.alreadyStored, 35);
    assert.equal(second.json.documents.length, 35);
    const storyDocs = second.json.stories.flatMap((s) => s.documentIds);
    assert.equal(new Set(storyDocs).size, 35, 'every document in exactly one story');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a run killed with SIGKILL leaves a consistent database that the next run completes', async () => {
  const dir = tempDir();
  try {
    const db = join(dir, 'news.db');
    const input = join(dir, 'many.jsonl');
    writeFileSync(input, syntheticJsonl(400));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/run-ingest.ts', db, input], { stdio: ['ignore', 'pipe', 'inherit'] });
    let commits = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        commits += (b.toString().match(/committed/g) ?? []).length;
        if (commits >= 3 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    assert.ok(commits >= 3, 'the child committed some batches before it was killed');

    // The killed run's file is a valid database holding whole batches only.
    const raw = new Database(db, { readonly: true });
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    const stored = raw.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    const fps = raw.prepare("SELECT count(*) FROM records WHERE kind = 'fp'").pluck().get() as number;
    raw.close();
    assert.ok(stored > 0 && stored < 400, `a partial run stored ${stored}`);
    assert.equal(stored % 25, 0, 'only whole batches were committed');
    assert.equal(fps, stored, 'every stored document has its fingerprint: batch state is atomic');

    const rest = await analyze([input], { db });
    assert.equal(rest.stats.added, 400 - stored);
    assert.equal(rest.json.documents.length, 400);
    assert.equal(new Set(rest.json.stories.flatMap((s) => s.documentIds)).size, 400);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
