// End to end on the bundled example corpus, checked against its truth file,
// and on the real seeds in ../shared/seeds.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relative } from 'node:path';
import { analyze, type AnalyzeResult } from '../src/output/build.js';
import { validateSitrepJson } from '../src/output/schema.js';
import { renderReport } from '../src/output/report.js';
import type { JsonDocument } from '../src/output/sitrep-json.js';

const CORPUS = 'examples/corpus';
interface Truth {
  articles: { ref: string; story: string; source: string; published: string | null; trueDate: string; boilerplate: string[] }[];
  copies: { source: string; copy: string; kind: 'duplicate' | 'partial' | 'rewrite'; distortions: string[] }[];
  sameArticle: [string, string][];
}
const truth = JSON.parse(readFileSync('examples/truth.json', 'utf8')) as Truth;

let result: AnalyzeResult;
const byRef = new Map<string, JsonDocument>();
before(async () => {
  result = await analyze([CORPUS]);
  for (const d of result.json.documents) byRef.set(relative(CORPUS, d.path ?? ''), d);
});

function docOf(ref: string): JsonDocument {
  const d = byRef.get(ref) ?? byRef.get(truth.sameArticle.flat().find((r) => r !== ref && truth.sameArticle.some((p) => p.includes(ref))) ?? '');
  assert.ok(d, `document for ${ref}`);
  return d;
}

test('every article is read without errors, the repeated one stored once', () => {
  assert.deepEqual(result.stats.errors, []);
  const refs = new Set(truth.articles.map((a) => a.ref));
  assert.equal(result.json.documents.length, refs.size - truth.sameArticle.length);
  for (const [a, b] of truth.sameArticle) assert.ok(byRef.has(a) !== byRef.has(b), `${a} and ${b} stored once`);
});

test('the output validates against the schema', () => {
  const v = validateSitrepJson(result.json);
  assert.deepEqual(v.errors, []);
  assert.ok(v.valid);
});

test('stories match the truth exactly', () => {
  const storyOfDoc = new Map<string, string>();
  for (const s of result.json.stories) for (const id of s.documentIds) storyOfDoc.set(id, s.id);
  const ours = new Map<string, Set<string>>();
  for (const a of truth.articles) {
    const sid = storyOfDoc.get(docOf(a.ref).id)!;
    assert.ok(sid, `${a.ref} is in a story`);
    (ours.get(a.story) ?? ours.set(a.story, new Set()).get(a.story)!).add(sid);
  }
  for (const [story, sids] of ours) assert.equal(sids.size, 1, `truth story ${story} is one story, not ${sids.size}`);
  const all = [...ours.values()].map((s) => [...s][0]);
  assert.equal(new Set(all).size, all.length, 'different truth stories are different stories');
});

test('every copy in the truth is found with its source and kind, and nothing else', () => {
  const found = result.json.copies.map((c) => `${c.source}>${c.copy}:${c.kind}`);
  for (const c of truth.copies) {
    const s = docOf(c.source).id;
    const k = docOf(c.copy).id;
    assert.ok(found.includes(`${s}>${k}:${c.kind}`), `${c.kind} ${c.copy} of ${c.source}; found ${found.join(' ')}`);
  }
  const known = new Set(truth.copies.map((c) => `${docOf(c.source).id}>${docOf(c.copy).id}`));
  for (const c of result.json.copies) assert.ok(known.has(`${c.source}>${c.copy}`), `unexpected copy ${c.source}>${c.copy}`);
});

test('copies carry aligned sentence pairs; the distorted rewrite shows its changed number and dropped hedge', () => {
  for (const c of result.json.copies) {
    assert.ok(c.pairs.length >= 3, `${c.kind} ${c.copy}: ${c.pairs.length} aligned pairs`);
    if (c.kind === 'duplicate') assert.ok(c.pairs.every((p) => p.kind === 'verbatim'));
    if (c.kind === 'rewrite') assert.ok(c.pairs.filter((p) => p.kind === 'paraphrase').length >= c.pairs.length * 0.3);
  }
  const distorted = truth.copies.find((c) => c.copy.includes('trendpulse'))!;
  const rel = result.json.copies.find((c) => c.copy === docOf(distorted.copy).id)!;
  const types = (rel.distortions ?? []).map((d) => `${d.type}: ${d.detail}`);
  assert.ok(types.some((t) => /^number: .*(14|Fourteen).*41/.test(t)), types.join('\n'));
  assert.ok(types.some((t) => /^hedge-dropped: .*reportedly/.test(t)), types.join('\n'));
});

test('boilerplate lines listed in the truth are removed, and dates are read', () => {
  for (const a of truth.articles) {
    const d = docOf(a.ref);
    for (const line of a.boilerplate) assert.ok(!d.text.includes(line), `${a.ref}: "${line}" removed`);
    if (a.published) assert.equal(d.published?.slice(0, 10), a.published, `${a.ref} published`);
    else assert.notEqual(d.publishedFrom, 'metadata', `${a.ref} has no date metadata`);
  }
});

test('every sentence offset slices the text to a trimmed, non-empty sentence', () => {
  for (const d of result.json.documents) {
    assert.ok(d.sentences.length > 0, d.title);
    for (const s of d.sentences) {
      const t = d.text.slice(s.start, s.end);
      assert.ok(t.length > 0 && t === t.trim(), `${d.title}: "${t}"`);
    }
  }
});

test('small batches and a run split in two give the same copies and stories as one run', async () => {
  const key = (j: AnalyzeResult['json']) => {
    const path = new Map(j.documents.map((d) => [d.id, d.path]));
    return {
      copies: j.copies.map((c) => `${path.get(c.source)}>${path.get(c.copy)}:${c.kind}:${c.method}`).sort(),
      stories: j.stories.map((s) => s.documentIds.map((id) => path.get(id)).sort().join('|')).sort(),
    };
  };
  const small = await analyze([CORPUS], { batchSize: 3 });
  assert.deepEqual(key(small.json), key(result.json));
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-split-'));
  try {
    const db = join(dir, 'split.db');
    await analyze([join(CORPUS, 'text')], { db });
    const rest = await analyze([CORPUS], { db });
    assert.deepEqual(key(rest.json).copies, key(result.json).copies);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const SEEDS = '../shared/seeds';
test('the five Herat seeds: one story, boilerplate gone, the dated seed dated', { skip: !existsSync(SEEDS) && 'needs ../shared/seeds' }, async () => {
  const { json, stats } = await analyze([SEEDS]);
  assert.equal(stats.errors.length, 0);
  assert.equal(json.documents.length, 5);
  assert.equal(json.stories.length, 1, `one story, got ${json.stories.map((s) => s.title).join(' | ')}`);
  const all = json.documents.map((d) => d.text).join('\n');
  for (const junk of ['4 min read', 'Live Story', 'Home News']) assert.ok(!all.includes(junk), `"${junk}" removed`);
  const dated = json.documents.find((d) => d.path?.includes('000_'))!;
  assert.equal(dated.published, '2021-08-15');
  assert.equal(dated.publishedFrom, 'metadata');
  assert.equal(dated.title, 'After the fall of Herat, Afghan soldiers seek Taliban amnesty.');
  // Provenance on real wire copy: 000 is a synonym-spun rewrite of the AFP
  // passage carried by 001; 002 and 004 share AFP sentences without copying.
  const name = (id: string) => json.documents.find((d) => d.id === id)!.path!.split('/').pop()!.slice(0, 3);
  const rewrite = json.copies.find((c) => c.kind === 'rewrite');
  assert.ok(rewrite, 'a rewrite among the seeds');
  assert.deepEqual([name(rewrite.source), name(rewrite.copy)], ['001', '000']);
  assert.ok(rewrite.pairs.filter((p) => p.kind === 'paraphrase').length >= 10);
  assert.ok(json.passages.some((sp) => [name(sp.source), name(sp.copy)].sort().join() === '002,004'), 'shared AFP passages 002/004');
  assert.ok(json.stories[0].independentSources! < 5, 'copies and shared wire reporting are not independent sources');
  const report = renderReport(json);
  assert.match(report, /Shared passages/);
  assert.match(report, /independent source/);
  const seed001 = json.documents.find((d) => d.path?.includes('001_'))!;
  assert.equal(seed001.title, 'Taliban enters Kabul frontiers as Afghan army seeks Amnesty');

});
