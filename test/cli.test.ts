// The `sitrep` command as a user runs it: help, exit codes, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync, openSync, writeSync, closeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticJsonl } from './helpers/synthetic.js';

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/cli.ts', ...args], { encoding: 'utf8', input, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--help on every command, --version, usage errors exit 2', () => {
  const top = sitrep(['--help']);
  assert.equal(top.code, 0);
  assert.match(top.stdout, /analyze/);
  const sub = sitrep(['analyze', '--help']);
  assert.equal(sub.code, 0);
  assert.match(sub.stdout, /--db <file>/);
  assert.match(sitrep(['--version']).stdout, /^\d+\.\d+\.\d+/);
  assert.equal(sitrep(['analyze']).code, 2);
  assert.equal(sitrep(['frobnicate']).code, 2);
});

test('bad inputs: one clear stderr line each, the run goes on, exit 1, nothing stored is lost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  try {
    const good = join(dir, 'good');
    const bad = join(dir, 'bad');
    mkdirSync(good);
    mkdirSync(bad);
    writeFileSync(join(good, 'batch.jsonl'), syntheticJsonl(6));
    const db = join(dir, 'news.db');
    const out = join(dir, 'out');
    const first = sitrep(['analyze', good, '--db', db, '--out', out, '--json']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(JSON.parse(first.stdout.trim()).documents, 6);

    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'image.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 7)]));
    // Windows-1252 bytes (not valid UTF-8): read, not refused.
    writeFileSync(join(bad, 'legacy.txt'), Buffer.from('Caf\xe9 owners protest rent rise\n\nOwners of the \x93old market\x94 caf\xe9s marched on Monday, organisers said.', 'latin1'));
    writeFileSync(join(bad, 'broken.html'), '<html><head><title>Half a page</title></head><body><div><p>The council met late on Tuesday to discuss the flood barrier and the cost of repairs to the river wall.<p>Members voted to delay the decision by a week, the clerk said.<div><b>unclosed');
    writeFileSync(join(bad, 'lines.jsonl'), JSON.stringify({ title: 'Dam inspection ordered', text: 'Engineers were ordered to inspect the dam after cracks appeared, officials said on Friday.' }) + '\n{oops\n');
    const huge = join(bad, 'huge.txt');
    const fd = openSync(huge, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'All work and no play makes a long file. ');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);

    const missing = join(dir, 'does-not-exist.txt');
    const feed = 'http://127.0.0.1:9/feed.xml';
    const r = sitrep(['analyze', good, bad, missing, feed, '--db', db, '--out', out]);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.trim().split('\n');
    const expect: [string, RegExp][] = [
      ['empty.txt', /empty/],
      ['image.txt', /binary/],
      ['huge.txt', /too large/],
      ['lines.jsonl#2', /not valid JSON/],
      ['does-not-exist.txt', /no such file/],
      [feed, /unreachable|refused/i],
    ];
    for (const [name, why] of expect) {
      const hits = lines.filter((l) => l.includes(name));
      assert.equal(hits.length, 1, `one line for ${name}:\n${r.stderr}`);
      assert.match(hits[0], why);
    }
    assert.equal(lines.length, expect.length, r.stderr);
    const json = JSON.parse(readFileSync(join(out, 'sitrep.json'), 'utf8'));
    const titles = json.documents.map((d: { title: string }) => d.title);
    assert.equal(json.documents.length, 6 + 3, 'earlier documents kept, three new good ones added');
    assert.ok(titles.includes('Café owners protest rent rise'));
    assert.ok(titles.includes('Half a page'));
    assert.ok(titles.includes('Dam inspection ordered'));
    assert.equal(json.errors.length, expect.length);
    assert.ok(existsSync(join(out, 'report.html')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JSONL on stdin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stdin-'));
  try {
    const r = sitrep(['analyze', '-', '--out', dir, '--json'], syntheticJsonl(4));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout.trim()).documents, 4);
    assert.equal(r.stderr, '', 'no progress output in a pipe');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export: events as CSV on stdout or GeoJSON to a file, from a sitrep.json or a database; bad input exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-export-'));
  try {
    const db = join(dir, 'news.db');
    const out = join(dir, 'out');
    const run = sitrep(['analyze', 'examples/corpus', '--db', db, '--out', out, '--quiet']);
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(readFileSync(join(out, 'sitrep.json'), 'utf8'));
    const csv = sitrep(['export', join(out, 'sitrep.json')]);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^event_id,date,date_precision,event_type,cameo,actor1,actor2,place,admin1,country,latitude,longitude/);
    const geoFile = join(dir, 'events.geojson');
    const geo = sitrep(['export', '--db', db, '--format', 'geojson', '-o', geoFile]);
    assert.equal(geo.code, 0, geo.stderr);
    const fc = JSON.parse(readFileSync(geoFile, 'utf8'));
    assert.equal(fc.type, 'FeatureCollection');
    assert.equal(fc.features.length, json.events.filter((e: { place?: { geo?: unknown } }) => e.place?.geo).length);
    const missing = sitrep(['export', join(dir, 'nope.json')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.json: no such file/);
    writeFileSync(join(dir, 'junk.json'), '{"hello": 1}');
    const junk = sitrep(['export', join(dir, 'junk.json')]);
    assert.equal(junk.code, 1);
    assert.match(junk.stderr, /not a sitrep\.json/);
    assert.equal(sitrep(['export', join(out, 'sitrep.json'), '--format', 'kml']).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
