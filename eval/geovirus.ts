// Toponym resolution on GeoVirus (Gritta et al. 2018): 238 WikiNews
// passages on disease outbreaks with 2,169 place names marked and located
// (Wikipedia's coordinates of the place meant). Each <article> is resolved
// as one document, its names together, each with its sentence as context.
//
// 1. Resolution of the gold names: `acc161` (share placed within 161 km, 100
//    miles), `mean_km`, `median_km`, and `auc`, the area under the curve of
//    the sorted errors on a log scale as Gritta et al. ("What's missing in
//    geographical parsing?", 2018) define it: trapezoidal area under
//    ln(1 + error km), divided by ln(20039) (half the Earth's circumference)
//    and by n - 1; 0 is perfect, lower is better. A name the resolver cannot
//    place counts as 20,039 km off.
// 2. End to end: names found in the text, resolved the same way. A found
//    name is right when its span overlaps a gold span (`e2e_precision`,
//    `e2e_recall`, `e2e_f1`); `e2e_acc161` is accuracy@161 over the found
//    names that overlap one. The names are the `place` mentions of
//    src/extract/entities.ts when it is there; `e2e_by_recognizer` also gives
//    the capitalized-run finder below (runs of capitalized words, the longest
//    gazetteer names within them, common words and demonyms left out).
//
// `acc161_or_inside` also counts a country, subdivision, continent or UN
// subregion as right when the gold point lies in it (its nearest town within
// 400 km does), however far its centre: Wikipedia's and our centre points of
// large areas differ by hundreds of kilometres (the United States: 40N 100W
// against 38N 97W).
//
// `population_baseline` resolves each name alone to its most populous
// candidate in the same gazetteer, the baseline of Gritta et al.
//
// `published` gives accuracy@161 of other geocoders on GeoVirus as reported
// by Gritta et al. (2018, "Which Melbourne? Augmenting geocoding with maps").
// `npm run eval -- geovirus --errors` lists the names placed more than 161 km off.
import { readFileSync } from 'node:fs';
import countries from 'world-countries';
import type { Range } from '../src/model/document.js';
import { demonymCountry, gazetteer, isPlaceName, lookup, type Place } from '../src/geo/gazetteer.js';
import { lemmaFrequency } from '../src/provenance/lexicon.js';
import { distanceKm, resolveToponyms, type ResolvedPlace } from '../src/geo/resolve.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';
import { dataset } from './lib/datasets.js';
import { progress, progressDone } from './lib/runner.js';

interface Gold extends Range {
  name: string;
  lat: number;
  lon: number;
}

interface Passage {
  source: string;
  text: string;
  gold: Gold[];
}

const MAX_KM = 20039;

export default async function geovirus(args: string[]): Promise<Record<string, unknown>> {
  const showErrors = args.includes('--errors');
  progress('reading GeoVirus…');
  const passages = readGeoVirus(dataset('geovirus', 'GeoVirus.xml'));
  const t0 = performance.now();
  gazetteer();
  const loadMs = performance.now() - t0;

  progress('resolving gold names…');
  const errors: number[] = [];
  const towns = townGrid();
  let insideRight = 0;
  let unresolved = 0;
  let resolveMs = 0;
  const wrong: string[] = [];
  for (const p of passages) {
    const sentences = segmentSentences(p.text, splitParagraphs(p.text));
    const t = performance.now();
    const out = resolveToponyms(p.gold.map((g) => ({ text: p.text.slice(g.start, g.end), context: sentenceOf(p.text, sentences, g) })));
    resolveMs += performance.now() - t;
    p.gold.forEach((g, i) => {
      const r = out[i];
      if (!r) unresolved++;
      const km = r ? distanceKm(g.lat, g.lon, r.lat, r.lon) : MAX_KM;
      errors.push(km);
      const contains = km >= 161 && !!r && inside(towns, r, g);
      if (km < 161 || contains) insideRight++;
      if (km >= 161 && showErrors) wrong.push(describe(g, r, km) + (contains ? '\t(contains the gold point)' : ''));
    });
  }

  // The population baseline on the same gazetteer: each name alone, its most populous candidate.
  let baselineRight = 0;
  let baselineInside = 0;
  for (const p of passages) {
    for (const g of p.gold) {
      const r = lookup(g.name).reduce<Place | undefined>((a, b) => (!a || (b.population ?? 0) > (a.population ?? 0) ? b : a), undefined);
      const km = r ? distanceKm(g.lat, g.lon, r.lat, r.lon) : MAX_KM;
      if (km < 161) baselineRight++;
      if (km < 161 || (r && inside(towns, r, g))) baselineInside++;
    }
  }

  progress('finding and resolving names…');
  const recognizers: Record<string, Recognizer> = { capitalized: findPlaceNames };
  const entities = await entityRecognizer();
  if (entities) recognizers.entities = entities;
  const e2e: Record<string, unknown> = {};
  for (const [name, recognize] of Object.entries(recognizers)) e2e[name] = endToEnd(passages, recognize, showErrors);
  progressDone();
  if (showErrors) process.stderr.write(wrong.sort().join('\n') + '\n');

  const sorted = [...errors].sort((a, b) => a - b);
  const primary = (entities ? e2e.entities : e2e.capitalized) as Record<string, unknown>;
  return {
    passages: passages.length,
    n: errors.length,
    unresolved,
    acc161: round(errors.filter((e) => e < 161).length / errors.length),
    mean_km: Math.round(errors.reduce((a, b) => a + b, 0) / errors.length),
    median_km: Math.round(sorted[sorted.length >> 1]),
    auc: round(auc(errors)),
    acc161_or_inside: round(insideRight / errors.length),
    population_baseline: { acc161: round(baselineRight / errors.length), acc161_or_inside: round(baselineInside / errors.length) },
    e2e_recognizer: entities ? 'extractEntities place mentions (src/extract/entities.ts)' : 'capitalized runs + gazetteer (eval/geovirus.ts)',
    e2e_precision: primary.precision,
    e2e_recall: primary.recall,
    e2e_f1: primary.f1,
    e2e_acc161: primary.acc161,
    e2e_by_recognizer: e2e,
    gazetteer_load_ms: Math.round(loadMs),
    resolve_ms_per_passage: round(resolveMs / passages.length),
    published: { acc161: { CamCoder: 0.82, population_baseline: 0.8, CLAVIN: 0.79, Edinburgh: 0.78 } },
  };
}

type Recognizer = (text: string, sentences: Range[]) => Range[];

/** Place mentions of the entity extractor, when src/extract/entities.ts is there. */
async function entityRecognizer(): Promise<Recognizer | undefined> {
  let mod: { extractEntities?: (doc: { text: string; sentences?: Range[] }) => { start: number; end: number; type: string }[] };
  try {
    mod = await import('../src/extract/entities.js');
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
  const extract = mod.extractEntities;
  return extract && ((text, sentences) => extract({ text, sentences }).filter((m) => m.type === 'place'));
}

/** Found names scored against the gold spans (overlap counts), and accuracy@161 of those that match one. */
function endToEnd(passages: Passage[], recognize: Recognizer, showErrors: boolean): Record<string, number> {
  let found = 0;
  let matched = 0;
  let goldFound = 0;
  let goldTotal = 0;
  const e2eErrors: number[] = [];
  const falsePositives: string[] = [];
  for (const p of passages) {
    const sentences = segmentSentences(p.text, splitParagraphs(p.text));
    const spans = recognize(p.text, sentences);
    const out = resolveToponyms(spans.map((s) => ({ text: p.text.slice(s.start, s.end), context: sentenceOf(p.text, sentences, s) })));
    found += spans.length;
    spans.forEach((s, i) => {
      const g = p.gold.find((x) => x.start < s.end && s.start < x.end);
      if (!g) {
        if (showErrors) falsePositives.push(p.text.slice(s.start, s.end));
        return;
      }
      matched++;
      const r = out[i];
      e2eErrors.push(r ? distanceKm(g.lat, g.lon, r.lat, r.lon) : MAX_KM);
    });
    goldTotal += p.gold.length;
    goldFound += p.gold.filter((g) => spans.some((s) => g.start < s.end && s.start < g.end)).length;
  }
  if (showErrors) {
    const counts = new Map<string, number>();
    for (const f of falsePositives) counts.set(f, (counts.get(f) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`);
    process.stderr.write(`${recognize === findPlaceNames ? 'capitalized' : 'entities'}: found, not gold: ${top.join(', ')}\n`);
  }
  const precision = matched / found;
  const recall = goldFound / goldTotal;
  return {
    found,
    precision: round(precision),
    recall: round(recall),
    f1: round((2 * precision * recall) / (precision + recall)),
    acc161: round(e2eErrors.filter((e) => e < 161).length / e2eErrors.length),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Gritta et al.'s AUC: trapezoidal area under the sorted ln(1 + error), normalized to [0, 1]. */
function auc(errors: number[]): number {
  const y = errors.map((e) => Math.log1p(e)).sort((a, b) => a - b);
  let area = 0;
  for (let i = 1; i < y.length; i++) area += (y[i - 1] + y[i]) / 2;
  return area / (Math.log(MAX_KM) * (y.length - 1));
}

function describe(g: Gold, r: ResolvedPlace | null, km: number): string {
  const got = r ? `${r.name} (${r.level}, ${r.country}${r.admin1 ? '.' + r.admin1 : ''}, ${r.lat},${r.lon}, score ${r.score.toFixed(2)} of ${r.candidates})` : 'nothing';
  return `${g.name}\t${Math.round(km)} km\tgold ${g.lat},${g.lon}\tgot ${got}`;
}

/** Towns of the gazetteer in 1-degree cells, to find the town nearest a point. */
type TownGrid = Map<string, number[]>;

function townGrid(): TownGrid {
  const g = gazetteer();
  const grid: TownGrid = new Map();
  for (let r = 0; r < g.size; r++) {
    if (g.level(r) !== 'city') continue;
    const { lat, lon } = g.row(r);
    const k = `${Math.floor(lat)},${Math.floor(lon)}`;
    const cell = grid.get(k);
    if (cell) cell.push(r);
    else grid.set(k, [r]);
  }
  return grid;
}

/** Countries of the continents and UN subregions (world-countries), by name. */
const MEMBERS = (() => {
  const members = new Map<string, Set<string>>();
  const add = (name: string, cc: string): void => {
    const set = members.get(name) ?? new Set<string>();
    members.set(name, set.add(cc));
  };
  for (const c of countries) {
    add(c.region === 'Americas' ? (c.subregion === 'South America' ? 'South America' : 'North America') : c.region, c.cca2);
    if (c.region === 'Americas') add('Americas', c.cca2);
    if (c.subregion) add(c.subregion, c.cca2);
  }
  return members;
})();

/**
 * Whether a country, subdivision, continent or UN subregion answer contains
 * the gold point, by the town nearest the point (within 400 km: deserts).
 */
function inside(grid: TownGrid, r: Place, g: Gold): boolean {
  const members = MEMBERS.get(r.name);
  if (r.level !== 'country' && r.level !== 'admin1' && !members) return false;
  const gz = gazetteer();
  let best: number | undefined;
  let bestKm = 400;
  for (let dlat = -4; dlat <= 4; dlat++) {
    for (let dlon = -4; dlon <= 4; dlon++) {
      for (const t of grid.get(`${Math.floor(g.lat) + dlat},${Math.floor(g.lon) + dlon}`) ?? []) {
        const row = gz.row(t);
        const km = distanceKm(g.lat, g.lon, row.lat, row.lon);
        if (km < bestKm) [best, bestKm] = [t, km];
      }
    }
  }
  if (best === undefined) return false;
  const town = gz.row(best);
  if (members) return members.has(town.country);
  return town.country === r.country && (r.level === 'country' || town.admin1 === r.admin1);
}

function sentenceOf(text: string, sentences: Range[], r: Range): string {
  const s = sentences.find((x) => x.start <= r.start && r.start < x.end);
  return s ? text.slice(s.start, Math.max(s.end, r.end)) : text.slice(Math.max(0, r.start - 150), r.end + 150);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m),
  );

/** The passages and their located names; names without coordinates (a few empty entries) are left out. */
function readGeoVirus(file: string): Passage[] {
  const xml = readFileSync(file, 'utf8');
  const field = (block: string, tag: string): string => unescape(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(block)?.[1] ?? '');
  const passages: Passage[] = [];
  for (const [, block] of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
    const text = field(block, 'text');
    const gold: Gold[] = [];
    for (const [, loc] of block.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      const lat = field(loc, 'lat');
      const lon = field(loc, 'lon');
      if (!lat || !lon) continue;
      // Offsets in the file count from 1.
      const g = { name: field(loc, 'name'), start: Number(field(loc, 'start')) - 1, end: Number(field(loc, 'end')) - 1, lat: Number(lat), lon: Number(lon) };
      if (text.slice(g.start, g.end) !== g.name) throw new Error(`GeoVirus: "${g.name}" is not at ${g.start}-${g.end} of its passage`);
      gold.push(g);
    }
    passages.push({ source: field(block, 'source'), text, gold });
  }
  if (!passages.length) throw new Error(`${file}: no <article> found`);
  return passages;
}

const CONNECTORS = new Set(['of', 'de', 'del', 'la', 'le', 'du', 'da', 'des', 'the', 'and', 'el', 'al', 'upon', 'on']);
const TOKEN = /\p{Lu}[\p{L}'’.-]*\p{L}\.?|\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}{2,}|[\p{Ll}]+/gu;

/**
 * Place names by capitalization: runs of capitalized words (with "of",
 * "de"... inside), and within each run the longest stretches the gazetteer
 * knows, left to right. A single word opening a sentence must be a country,
 * subdivision, region or town of 100,000 people, since capitals there prove
 * nothing.
 */
function findPlaceNames(text: string, sentences: Range[]): Range[] {
  const g = gazetteer();
  const starts = new Set(sentences.map((s) => s.start));
  const out: Range[] = [];
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
  let i = 0;
  while (i < tokens.length) {
    if (!/^\p{Lu}/u.test(tokens[i].word)) {
      i++;
      continue;
    }
    // A run: capitalized tokens, connectors between them, separated by single spaces or hyphens.
    let j = i + 1;
    // A word ending in a full stop ends the run unless it is an abbreviation ("St.", "U.S.").
    const joins = (k: number): boolean =>
      /^[\s-]?$/.test(text.slice(tokens[k - 1].end, tokens[k].start)) &&
      (!tokens[k - 1].word.endsWith('.') || /^(?:\p{Lu}\.)+$|^\p{Lu}\p{Ll}?\.$/u.test(tokens[k - 1].word)) &&
      (/^\p{Lu}/u.test(tokens[k].word) || CONNECTORS.has(tokens[k].word));
    while (j < tokens.length && joins(j)) j++;
    while (j > i + 1 && !/^\p{Lu}/u.test(tokens[j - 1].word)) j--;
    // "The" opening a run is the article: "The United States".
    if (j > i + 1 && /^the$/i.test(tokens[i].word)) i++;
    for (let a = i; a < j; ) {
      let taken = 0;
      for (let b = j; b > a; b--) {
        if (!/^\p{Lu}/u.test(tokens[b - 1].word)) continue;
        const span = { start: tokens[a].start, end: tokens[b - 1].end };
        let name = text.slice(span.start, span.end);
        if (name.endsWith('.') && !/\p{Lu}\.\p{Lu}\.$/u.test(name)) {
          name = name.slice(0, -1);
          span.end--;
        }
        if (!isPlaceName(name) || demonymCountry(name)) continue;
        const single = b - a === 1;
        const opening = single && (starts.has(span.start) || /["“(]\s*$/.test(text.slice(Math.max(0, span.start - 2), span.start)));
        const major = (min: number): boolean => g.find(name).some((e) => g.level(e.row) !== 'city' || g.row(e.row).population >= min);
        if (opening && !major(100_000)) continue;
        // "King", "University", "Police": common words that some town is named.
        if (single && (lemmaFrequency(name.toLowerCase()) ?? 0) >= 5 && !major(1_000_000)) continue;
        out.push(span);
        taken = b - a;
        break;
      }
      a += taken || 1;
    }
    i = j;
  }
  return out;
}
