// Extraction end to end on the bundled example corpus: what sitrep.json says
// about people, places, quotes, dates and numbers, each cited by its span.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { analyze } from '../src/output/build.js';
import type { SitrepJson, JsonDocument } from '../src/output/sitrep-json.js';

const CORPUS = 'examples/corpus';
let json: SitrepJson;
const byRef = new Map<string, JsonDocument>();
before(async () => {
  json = (await analyze([CORPUS])).json;
  for (const d of json.documents) byRef.set(relative(CORPUS, d.path ?? ''), d);
});

const doc = (ref: string) => {
  const d = byRef.get(ref);
  assert.ok(d, ref);
  return d;
};

test('relative dates resolve against the publication date, past tense to the last such day', () => {
  const d = doc('text/a-afp-kalemie-falls.txt'); // published Tuesday 2025-03-11
  const times = json.times.filter((t) => t.doc === d.id);
  const value = (text: string) => times.find((t) => t.text.startsWith(text))?.value;
  assert.equal(value('Tuesday'), '2025-03-11');
  assert.match(value('Monday') ?? '', /^2025-03-10/);
  for (const t of times) if (t.relative && !t.value.includes('X')) assert.equal(t.anchor, '2025-03-11');
});

test('an undated document gets its story dates, marked inferred, and its relative dates use them', () => {
  const d = doc('text/a-lakeshore-blog-undated.txt');
  assert.equal(d.published, undefined);
  assert.equal(d.publishedFrom, 'inferred');
  assert.ok(d.publishedRange && d.publishedRange.start <= d.publishedRange.end);
  const yesterday = json.times.find((t) => t.doc === d.id && /^yesterday/i.test(t.text));
  assert.ok(yesterday, 'finds "Yesterday afternoon"');
  assert.equal(yesterday.anchorInferred, true);
  assert.ok(!yesterday.value.includes('X'), yesterday.value);
});

test('quantities carry value, hedge and what they count', () => {
  const d = doc('text/a-afp-kalemie-falls.txt');
  const dead = json.quantities.find((q) => q.doc === d.id && q.text.includes('26'));
  assert.ok(dead);
  assert.equal(dead.value, 26);
  assert.equal(dead.approx, 'at least');
  assert.match(dead.counts ?? '', /civilian/);
});

test('people, organizations and places are linked across documents, places geocoded', () => {
  const kalemie = json.entities.find((e) => e.name === 'Kalemie');
  assert.ok(kalemie);
  assert.equal(kalemie.type, 'place');
  assert.equal(kalemie.geo?.country, 'CD');
  assert.ok(kalemie.documents.length >= 4);
  assert.ok(kalemie.mentions.every((m) => !m.geo || m.geo.country === 'CD'));
  const tsm = json.entities.find((e) => e.name === 'Tanganyika Sovereignty Movement');
  assert.ok(tsm);
  assert.equal(tsm.type, 'organization');
  assert.ok(tsm.aliases.includes('TSM'), `aliases: ${tsm.aliases}`);
  const governor = json.entities.filter((e) => e.type === 'person' && /Mukalay/.test(e.name));
  assert.equal(governor.length, 1, 'one governor across documents');
});

test('a quote carried by copies is one quote, one independent source, several documents', () => {
  const q = json.quotes.find((x) => x.text.startsWith('We received the bodies of women and children'));
  assert.ok(q);
  assert.equal(q.kind, 'direct');
  assert.ok(q.documents.length >= 2);
  assert.equal(q.independentSources, 1);
  assert.ok(q.speaker?.anonymous, 'the nurse is not named');
  assert.match(q.speaker?.name ?? '', /nurse/);
});

test('every cited mention is the text at its offsets', () => {
  const text = new Map(json.documents.map((d) => [d.id, d.text]));
  const all = [...json.entities.flatMap((e) => e.mentions), ...json.quotes.flatMap((q) => q.mentions), ...json.times, ...json.quantities];
  assert.ok(all.length > 200);
  for (const m of all) assert.equal(text.get(m.doc)!.slice(m.start, m.end), m.text);
});

test('the report shows each story\'s entities, quotes by speaker and resolved dates with the phrases on hover', async () => {
  const { renderReport } = await import('../src/output/report.js');
  const page = renderReport(json);
  const story = json.stories.find((s) => s.documentIds.includes(doc('text/a-afp-kalemie-falls.txt').id))!;
  const section = page.slice(page.indexOf(`<h2>${story.title}`));
  const own = section.slice(0, section.indexOf('<section', 10) > 0 ? section.indexOf('<section', 10) : undefined);
  assert.match(own, /<h4>Places<\/h4><ul class="ents"><li[^>]*>Kalemie <span class="n">\d+<\/span>/);
  assert.match(own, /<h4>Quotes by speaker<\/h4>/);
  assert.match(own, /<time datetime="2025-03-11" title="written: [^"]*“Tuesday/);
});

test('a quote reworded by a rewrite is still one quote, carried by both documents', () => {
  const q = json.quotes.find((x) => x.kind === 'direct' && x.mentions.some((m) => m.text.startsWith('It shook the whole house')));
  assert.ok(q, 'the resident quote of the Lake Charles blast');
  const texts = new Set(q.mentions.map((m) => m.text));
  assert.ok(texts.size >= 2, `one wording only: ${[...texts]}`);
  assert.ok([...texts].some((t) => t.startsWith('The entire house shook')), 'the rewrite carries it reworded');
});
