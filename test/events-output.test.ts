// Events, claims, timeline and exports end to end on the bundled example
// corpus (fiction written for the project; see examples/README.md).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { readFileSync } from 'node:fs';
import { analyze } from '../src/output/build.js';
import { exportEvents, CSV_COLUMNS } from '../src/output/export.js';
import { validateSitrepJson } from '../src/output/schema.js';
import type { SitrepJson } from '../src/output/sitrep-json.js';

const CORPUS = 'examples/corpus';
let json: SitrepJson;
const refOf = new Map<string, string>();
before(async () => {
  json = (await analyze([CORPUS])).json;
  for (const d of json.documents) refOf.set(d.id, relative(CORPUS, d.path ?? ''));
});

test('the output with events, claims and timeline matches the schema', () => {
  assert.deepEqual(validateSitrepJson(json), { valid: true, errors: [] });
  assert.ok(json.events.length > 10);
});

test('the capture of Kalemie is one event reported by several outlets, placed in DR Congo', () => {
  const captures = json.events.filter((e) => e.type === 'capture' && e.place?.geo?.country === 'CD' && e.modality === 'asserted');
  assert.ok(captures.length >= 1);
  const main = captures.sort((a, b) => b.documents.length - a.documents.length)[0];
  assert.ok(main.documents.length >= 3, `documents: ${main.documents.map((d) => refOf.get(d))}`);
  assert.ok(main.independentSources < main.documents.length, 'wire copies count once');
  assert.equal(main.cameo, '19');
});

test('a threatened or possible event is kept but not put on the timeline', () => {
  const notFacts = json.events.filter((e) => e.modality !== 'asserted');
  assert.ok(notFacts.length > 0);
  const onTimeline = new Set(json.timeline.map((t) => t.event));
  for (const e of notFacts) assert.ok(!onTimeline.has(e.id), `${e.type} (${e.modality}) on the timeline`);
});

test('timeline entries are in date order within each story, with precision and sources', () => {
  assert.ok(json.timeline.length > 5);
  for (let i = 1; i < json.timeline.length; i++) {
    const [a, b] = [json.timeline[i - 1], json.timeline[i]];
    if (a.story === b.story) assert.ok(a.date <= b.date, `${a.date} before ${b.date}`);
  }
  for (const t of json.timeline) {
    assert.match(t.date, /^\d{4}/);
    assert.ok(t.precision && t.documents.length >= 1 && t.independentSources >= 1);
  }
});

test('claims count support in independent groups, and a claim that changed over time is never contested', () => {
  for (const c of json.claims) {
    for (const v of c.values) assert.ok(v.support <= v.documents.length);
    if (c.status === 'corroborated') assert.ok(c.support >= 2);
    if (c.evolution) assert.notEqual(c.status, 'contested');
  }
  assert.ok(json.claims.some((c) => c.status === 'corroborated'), 'some claim is corroborated');
  assert.ok(json.claims.some((c) => c.evolution), 'some claim changed over time');
});

test('every contested pair of the example truth is found as a contested claim, each side citing its documents', () => {
  const truth = JSON.parse(readFileSync('examples/truth.json', 'utf8')) as Truth;
  const docsOf = refsToDocs(truth);
  const missed: string[] = [];
  for (const pair of truth.contested) {
    const [a, b] = pair.sides;
    const found = json.claims.some(
      (c) =>
        c.status === 'contested' &&
        c.values.some((va) => sideHolds(c, va, a, docsOf) && c.values.some((vb) => vb !== va && sideHolds(c, vb, b, docsOf))),
    );
    if (!found) missed.push(pair.slot);
  }
  assert.deepEqual(missed, []);
});

test('no value that only changed with time is reported as contested (examples/truth.json, evolution)', () => {
  const truth = JSON.parse(readFileSync('examples/truth.json', 'utf8')) as Truth;
  const docsOf = refsToDocs(truth);
  for (const series of truth.evolution) {
    for (const c of json.claims.filter((x) => x.status === 'contested')) {
      for (const [i, x] of series.values.entries()) {
        for (const y of series.values.slice(i + 1)) {
          if (x.value === y.value || x.date === y.date) continue;
          const sideX = { value: x.value, refs: x.refs };
          const sideY = { value: y.value, refs: y.refs };
          const both = c.values.some((vx) => sideHolds(c, vx, sideX, docsOf) && c.values.some((vy) => vy !== vx && sideHolds(c, vy, sideY, docsOf)));
          assert.ok(!both, `${series.slot}: ${x.value} (${x.date}) and ${y.value} (${y.date}) reported as contested in "${c.statement}"`);
        }
      }
    }
  }
});

interface Side {
  value: string;
  refs: string[];
}
interface Truth {
  sameArticle: string[][];
  contested: { slot: string; sides: Side[] }[];
  evolution: { slot: string; values: (Side & { date: string })[] }[];
}

/** Document ids of truth refs; an article given twice in the input is stored once, under either ref. */
function refsToDocs(truth: Truth): (refs: string[]) => Set<string> {
  const idOf = new Map<string, string>();
  for (const [id, ref] of refOf) idOf.set(ref, id);
  for (const refs of truth.sameArticle) {
    const id = refs.map((r) => idOf.get(r)).find((x) => x);
    if (id) for (const r of refs) idOf.set(r, id);
  }
  return (refs) => new Set(refs.map((r) => idOf.get(r)).filter((x): x is string => !!x));
}

/**
 * Whether a claim value stands for one side of the truth: it cites one of
 * the side's documents, and says what the side says — the same number for
 * a count or a measure ("12", "1 mile"), a person's status for the rest.
 */
function sideHolds(c: SitrepJson['claims'][number], v: SitrepJson['claims'][number]['values'][number], side: Side, docsOf: (refs: string[]) => Set<string>): boolean {
  const docs = docsOf(side.refs);
  if (!v.documents.some((d) => docs.has(d))) return false;
  const n = Number(/^[\d,.]+/.exec(side.value)?.[0]?.replace(/,/g, ''));
  if (Number.isFinite(n)) return Number(/^[\d.]+/.exec(String(v.value))?.[0]) === n;
  return c.slot === 'status';
}

test('CSV export: one event a row, ACLED-like columns, fields quoted as RFC 4180 wants', () => {
  const csv = exportEvents(json, 'csv');
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.equal(rows.length - 1, json.events.length);
  const byId = new Map(json.events.map((e) => [e.id, e]));
  for (const r of rows.slice(1)) {
    assert.equal(r.length, CSV_COLUMNS.length);
    const e = byId.get(r[0])!;
    assert.equal(r[3], e.type);
    assert.equal(Number(r[16]), e.independentSources);
    if (e.place?.geo) assert.equal(Number(r[10]), e.place.geo.lat);
  }
});

test('GeoJSON export: located events as points, longitude first', () => {
  const geo = JSON.parse(exportEvents(json, 'geojson'));
  assert.equal(geo.type, 'FeatureCollection');
  const located = json.events.filter((e) => e.place?.geo);
  assert.equal(geo.features.length, located.length);
  for (const f of geo.features) {
    const e = located.find((x) => x.id === f.id)!;
    assert.deepEqual(f.geometry.coordinates, [e.place!.geo!.lon, e.place!.geo!.lat]);
  }
});

/** A strict RFC 4180 reader, so the test does not trust the writer's own quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  return rows;
}

test('the report opens with an overview map of located events and maps the largest stories', async () => {
  const { renderReport } = await import('../src/output/report.js');
  const page = renderReport(json);
  const overview = page.indexOf('<section id="overview-map">');
  assert.ok(overview > 0 && overview < page.indexOf('<section class="story"'), 'overview before the stories');
  const markers = page.slice(overview, page.indexOf('</section>', overview)).match(/<circle class="marker"/g) ?? [];
  assert.ok(markers.length >= 3, `${markers.length} markers`);
  // Each story with several documents has its own map.
  const multi = json.stories.filter((s) => s.documentIds.length > 1).length;
  assert.equal((page.match(/<h4>Map<\/h4>/g) ?? []).length, multi);
});

test('events reported only by undated documents are dated from the story, as their times are', () => {
  const undated = new Set(json.documents.filter((d) => d.publishedFrom === 'inferred').map((d) => d.id));
  const theirs = json.events.filter((e) => e.documents.every((d) => undated.has(d)));
  assert.ok(theirs.length > 0);
  const dated = theirs.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
  assert.ok(dated.length >= 1, 'at least one undated report dates its event');
  for (const e of dated) {
    const d = json.documents.find((x) => x.id === e.documents[0])!;
    // Within a few days of the story's dates: resolved against them, not against nothing.
    const day = Date.parse(e.date!.slice(0, 10));
    assert.ok(Math.abs(day - Date.parse(d.publishedRange!.end)) <= 7 * 86400000, `${e.date} vs ${d.publishedRange!.end}`);
  }
});
