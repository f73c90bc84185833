// Named entity mentions and their cross-document linking against MEANTIME
// (120 English Wikinews articles in four corpora: airbus, apple, gm, stock),
// scoring `extractEntities` and `linkEntities`.
//
// Gold mentions: ENTITY_MENTIONs of syntactic type NAM (a name) or PRE.NAM (a
// name modifying a noun: "US" in "US airtanker contract", "German" in "German
// airline"), typed through REFERS_TO by their ENTITY's ent_type: PER person,
// ORG organization, LOC place. Our `group` type (demonyms, peoples) is scored
// as a place: MEANTIME annotates a nationality adjective as a LOC name of its
// country ("German" PRE.NAM LOC). MEANTIME annotated the title and the first
// sentences of each article only (the intra-document layer, five sentences
// after the title and date); mentions are scored there alone.
//
// A MEANTIME mention spans its whole noun phrase ("JSA Research defence
// analysist Paul Nesbit", "the United States Air Force ( USAF"), so the name
// in it is found first: the part before a parenthesis, the first comma
// segment ending in a name ("Mobile , Alabama" -> Mobile; "Ryanair CEO ,
// Michael O'Leary" -> Michael O'Leary), in it the last run of capitalized
// words, without titles before it and without a glued "-led"/"-based".
// Nested gold mentions ending on the same word count once.
//
// Scores (one-to-one matching):
// - `precision`/`recall`/`f1`, `by_type`: a predicted mention matches a gold
//   one of the same type when it ends where the gold name ends and starts
//   inside the gold mention (head match, as in ACE);
// - `untyped`: the same, ignoring types;
// - `exact`: same type and exactly the gold name's span.
// A prediction that matches nothing is a false positive unless it lies inside
// a gold name (MEANTIME chose a larger unit that contains it: "RAF" in "the
// Royal Air Force ( RAF") or overlaps a gold mention that is not scored: of a
// type we do not extract (products, financial entities: "Airbus" of "Airbus
// A380"), or a phrase annotated as a whole without a name annotated in it
// ("its Cupertino headquarters", NOM).
// - `cross_doc`: B-cubed precision/recall of `linkEntities` over the gold
//   mentions our mentions matched (untyped), gold clusters being MEANTIME's
//   cross-document entity instances (an instance_id on the ENTITY), and an
//   entity of its own for a mention whose ENTITY has none.
//
// Split: MEANTIME has none. The rules were tuned on airbus and apple (`dev`);
// gm and stock (`heldout`) were not looked at while tuning. Top-level figures
// are on all 120 documents.
//
// Also timed (CPU time): `ms_per_article`, extraction only (tokens given,
// after a warm-up pass), and `tokenize_ms_per_article` (the wink-nlp parse),
// on 500 AllSides articles.
//
// `npm run eval -- entities [--errors dev|heldout|all]` lists errors on stderr.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities, linkEntities, type EntityMention, type EntityType } from '../src/extract/entities.js';
import { tokenize } from '../src/text/nlp.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';
import { dataset, readAllSides } from './lib/datasets.js';
import { progress, progressDone } from './lib/runner.js';

type GoldType = 'person' | 'organization' | 'place';
const GOLD_TYPES: Record<string, GoldType> = { PER: 'person', ORG: 'organization', LOC: 'place' };
const SCORED: GoldType[] = ['person', 'organization', 'place'];

interface Tok {
  id: string;
  sentence: number;
  word: string;
  start: number;
  end: number;
}

export interface GoldMention {
  /** Extent of the whole annotated mention. */
  start: number;
  end: number;
  /** The name in it. */
  coreStart: number;
  coreEnd: number;
  type: GoldType;
  /** Cross-document entity: the instance id, or a document-local id. */
  entity: string;
}

export interface Doc {
  corpus: string;
  name: string;
  text: string;
  /** Characters before this offset were annotated. */
  annotatedEnd: number;
  gold: GoldMention[];
  /** Gold mentions of types and syntactic types not scored: predictions inside them are not false positives. */
  ignore: { start: number; end: number }[];
}

export default async function entities(args: string[]): Promise<Record<string, unknown>> {
  const e = args.indexOf('--errors');
  const errorsOf = e >= 0 ? args[e + 1] : undefined;
  progress('reading MEANTIME…');
  const docs = readMeantime();
  progress('extracting…');
  const predicted = new Map<Doc, EntityMention[]>();
  for (const d of docs) {
    const sentences = segmentSentences(d.text, splitParagraphs(d.text));
    predicted.set(d, extractEntities({ text: d.text, sentences }));
  }
  const ids = entityIds(docs, predicted);
  const splits: Record<string, Doc[]> = {
    all: docs,
    dev: docs.filter((d) => d.corpus === 'airbus' || d.corpus === 'apple'),
    heldout: docs.filter((d) => d.corpus === 'gm' || d.corpus === 'stock'),
  };
  const figures: Record<string, unknown> = {};
  for (const [name, set] of Object.entries(splits)) {
    const f = score(set, predicted, ids, name === errorsOf);
    if (name === 'all') Object.assign(figures, f);
    else figures[name] = f;
  }
  progress('timing on AllSides…');
  Object.assign(figures, await speed());
  progressDone();
  return figures;
}

// ---------------------------------------------------------------------------
// Scoring

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

const scoredType = (t: EntityType): GoldType => (t === 'group' ? 'place' : t);

type Match = (p: EntityMention, g: GoldMention) => boolean;
const headMatch = (p: EntityMention, g: GoldMention): boolean => p.end === g.coreEnd && p.start >= g.start && p.start < g.coreEnd;
const MATCHES: Record<string, { match: Match; typed: boolean }> = {
  head: { match: headMatch, typed: true },
  untyped: { match: headMatch, typed: false },
  exact: { match: (p, g) => p.start === g.coreStart && p.end === g.coreEnd, typed: true },
};

interface Alignment {
  counts: Counts;
  byType: Record<GoldType, Counts>;
  pairs: [EntityMention, GoldMention][];
  fps: EntityMention[];
  fns: GoldMention[];
}

function align(d: Doc, preds: EntityMention[], match: Match, typed: boolean): Alignment {
  const byType = { person: zero(), organization: zero(), place: zero() };
  const inScope = preds.filter((p) => p.end <= d.annotatedEnd);
  const used = new Set<EntityMention>();
  const pairs: [EntityMention, GoldMention][] = [];
  const fns: GoldMention[] = [];
  for (const g of d.gold) {
    const p = inScope.find((x) => !used.has(x) && match(x, g) && (!typed || scoredType(x.type) === g.type));
    if (p) {
      used.add(p);
      pairs.push([p, g]);
      byType[g.type].tp++;
    } else {
      fns.push(g);
      byType[g.type].fn++;
    }
  }
  const fps: EntityMention[] = [];
  for (const p of inScope) {
    if (used.has(p)) continue;
    const inside = d.gold.some((g) => p.start >= g.start && p.end <= g.end && (!typed || pairs.some(([, x]) => x === g) || scoredType(p.type) === g.type));
    const ignored = d.ignore.some((r) => p.start < r.end && p.end > r.start);
    if (inside || ignored) continue;
    fps.push(p);
    byType[scoredType(p.type)].fp++;
  }
  const counts = zero();
  for (const t of SCORED) {
    counts.tp += byType[t].tp;
    counts.fp += byType[t].fp;
    counts.fn += byType[t].fn;
  }
  return { counts, byType, pairs, fps, fns };
}

function score(docs: Doc[], predicted: Map<Doc, EntityMention[]>, ids: Map<EntityMention, string>, showErrors: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { documents: docs.length, gold_mentions: docs.reduce((n, d) => n + d.gold.length, 0) };
  for (const [name, { match, typed }] of Object.entries(MATCHES)) {
    const total = zero();
    const byType = { person: zero(), organization: zero(), place: zero() };
    for (const d of docs) {
      const a = align(d, predicted.get(d)!, match, typed);
      for (const t of SCORED) {
        byType[t].tp += a.byType[t].tp;
        byType[t].fp += a.byType[t].fp;
        byType[t].fn += a.byType[t].fn;
      }
      total.tp += a.counts.tp;
      total.fp += a.counts.fp;
      total.fn += a.counts.fn;
      if (showErrors && name === 'head') printErrors(d, a);
    }
    if (name === 'head') {
      Object.assign(out, prf(total));
      out.by_type = Object.fromEntries(SCORED.map((t) => [t, { ...prf(byType[t]), gold: byType[t].tp + byType[t].fn }]));
    } else out[name] = prf(total);
  }
  out.cross_doc = crossDoc(docs, predicted, ids, showErrors);
  return out;
}

/** Entity of each predicted mention ("name/type/id"), from linking all documents at once. */
function entityIds(docs: Doc[], predicted: Map<Doc, EntityMention[]>): Map<EntityMention, string> {
  const entities = linkEntities(docs.map((d) => ({ doc: d.name, mentions: predicted.get(d)! })));
  const byPlace = new Map<string, string>();
  for (const e of entities) for (const m of e.mentions) byPlace.set(`${m.doc}:${m.start}:${m.end}`, `${e.name}/${e.type}/${e.id}`);
  const ids = new Map<EntityMention, string>();
  for (const d of docs) for (const m of predicted.get(d)!) ids.set(m, byPlace.get(`${d.name}:${m.start}:${m.end}`)!);
  return ids;
}

/** B-cubed over gold mentions matched by a predicted one (types ignored). */
function crossDoc(docs: Doc[], predicted: Map<Doc, EntityMention[]>, ids: Map<EntityMention, string>, showErrors: boolean): Record<string, number> {
  const items: { gold: string; ours: string }[] = [];
  for (const d of docs) for (const [p, g] of align(d, predicted.get(d)!, headMatch, false).pairs) items.push({ gold: g.entity, ours: ids.get(p)! });
  const goldSize = new Map<string, number>();
  const oursSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const it of items) {
    goldSize.set(it.gold, (goldSize.get(it.gold) ?? 0) + 1);
    oursSize.set(it.ours, (oursSize.get(it.ours) ?? 0) + 1);
    const k = `${it.gold}\u0000${it.ours}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  if (showErrors) {
    const split = new Map<string, Set<string>>();
    for (const it of items) split.set(it.gold, (split.get(it.gold) ?? new Set()).add(it.ours.replace(/\/[^/]*$/, '')));
    for (const [g, s] of split) if (s.size > 1) process.stderr.write(`SPLIT ${g}: ${[...s].join(' | ')}\n`);
  }
  let p = 0;
  let r = 0;
  for (const it of items) {
    const shared = both.get(`${it.gold}\u0000${it.ours}`)!;
    p += shared / oursSize.get(it.ours)!;
    r += shared / goldSize.get(it.gold)!;
  }
  const precision = p / (items.length || 1);
  const recall = r / (items.length || 1);
  return {
    mentions: items.length,
    gold_entities: goldSize.size,
    entities: oursSize.size,
    b3_precision: round(precision),
    b3_recall: round(recall),
    b3_f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
  };
}

function printErrors(d: Doc, a: Alignment): void {
  const ctx = (s: number, e: number): string => `${d.text.slice(Math.max(0, s - 40), s)}[${d.text.slice(s, e)}]${d.text.slice(e, e + 30)}`.replace(/\s+/g, ' ');
  for (const p of a.fps) process.stderr.write(`FP ${p.type} ${d.name.slice(0, 24)}: ${ctx(p.start, p.end)}\n`);
  for (const g of a.fns) {
    const near = (predictedNear(a, g) ?? []).map((p) => `${p.text}/${p.type}`).join(' ');
    process.stderr.write(`FN ${g.type} ${d.name.slice(0, 24)}: ${ctx(g.coreStart, g.coreEnd)}${near ? `  (ours: ${near})` : ''}\n`);
  }
}

function predictedNear(a: Alignment, g: GoldMention): EntityMention[] | undefined {
  return [...a.pairs.map(([p]) => p), ...a.fps].filter((p) => p.start < g.end && p.end > g.start);
}

async function speed(): Promise<Record<string, number>> {
  const articles = await readAllSides(500);
  const parsed = articles.map((a) => ({ text: a.text, tokens: tokenize(a.text) }));
  for (let r = 0; r < 2; r++) for (const a of parsed) extractEntities({ text: a.text }, a.tokens); // JIT warm-up, name cache
  let t0 = process.cpuUsage();
  for (let r = 0; r < 3; r++) for (const a of parsed) extractEntities({ text: a.text }, a.tokens);
  let t = process.cpuUsage(t0);
  const extract = (t.user + t.system) / 1000 / parsed.length / 3;
  t0 = process.cpuUsage();
  for (const a of articles.slice(0, 200)) tokenize(a.text);
  t = process.cpuUsage(t0);
  return {
    speed_articles: parsed.length,
    mean_article_chars: Math.round(articles.reduce((n, a) => n + a.text.length, 0) / articles.length),
    ms_per_article: round(extract),
    tokenize_ms_per_article: round((t.user + t.system) / 1000 / 200),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

// ---------------------------------------------------------------------------
// MEANTIME

const TOKEN = /<token\b([^>]*)>([^<]*)<\/token>/g;
const ATTR = (name: string): RegExp => new RegExp(`\\b${name}="([^"]*)"`);
const T_ID = ATTR('t_id');
const SENTENCE = ATTR('sentence');
const M_ID = ATTR('m_id');
const SYNTACTIC = ATTR('syntactic_type');
const ENT_TYPE = ATTR('ent_type');
const INSTANCE = ATTR('instance_id');
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, x: string) => XML_ENTITIES[x]);

export function readMeantime(): Doc[] {
  const cross = dataset('meantime', 'intra_cross-doc_annotation');
  const intra = dataset('meantime', 'intra-doc_annotation');
  const docs: Doc[] = [];
  for (const dir of readdirSync(cross).sort()) {
    for (const f of readdirSync(join(cross, dir)).sort()) {
      if (!f.endsWith('.xml')) continue;
      const lastSentence = annotatedSentences(readFileSync(join(intra, dir, f), 'utf8'));
      docs.push(readDoc(dir.replace(/^corpus_/, ''), f.replace(/\.xml$/, ''), readFileSync(join(cross, dir, f), 'utf8'), lastSentence));
    }
  }
  return docs;
}

/** The last sentence number with any intra-document markable. */
function annotatedSentences(xml: string): number {
  const sentence = new Map<string, number>();
  for (const m of xml.matchAll(TOKEN)) sentence.set(T_ID.exec(m[1])![1], Number(SENTENCE.exec(m[1])![1]));
  let last = 0;
  for (const m of xml.matchAll(/<token_anchor t_id="(\d+)"/g)) last = Math.max(last, sentence.get(m[1]) ?? 0);
  return last;
}

function readDoc(corpus: string, name: string, xml: string, lastSentence: number): Doc {
  const toks: Tok[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const word = unescape(m[2]).trim();
    if (word) toks.push({ id: T_ID.exec(m[1])![1], sentence: Number(SENTENCE.exec(m[1])![1]), word, start: 0, end: 0 });
  }
  const text = detokenize(toks);
  const byId = new Map(toks.map((t, i) => [t.id, i]));
  const markables = xml.slice(xml.indexOf('<Markables>'), xml.indexOf('</Markables>'));
  const relations = xml.slice(xml.indexOf('<Relations>'));
  const entityOf = new Map<string, { type: string; entity: string }>();
  for (const m of markables.matchAll(/<ENTITY\b([^>]*)\/?>/g)) {
    const id = M_ID.exec(m[1])![1];
    entityOf.set(id, { type: ENT_TYPE.exec(m[1])?.[1] ?? '', entity: INSTANCE.exec(m[1])?.[1] || `${name}#${id}` });
  }
  const refersTo = new Map<string, string>();
  for (const r of relations.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(r[1])![1];
    for (const s of r[1].matchAll(/<source m_id="(\d+)"/g)) refersTo.set(s[1], target);
  }
  const annotatedEnd = Math.max(...toks.filter((t) => t.sentence <= lastSentence).map((t) => t.end));
  const gold: GoldMention[] = [];
  const ignore: { start: number; end: number }[] = [];
  for (const m of markables.matchAll(/<ENTITY_MENTION\b([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    const anchors = [...m[2].matchAll(/t_id="(\d+)"/g)].map((a) => byId.get(a[1])!).filter((i) => i !== undefined);
    if (!anchors.length) continue;
    const first = Math.min(...anchors);
    const last = Math.max(...anchors);
    if (toks[first].end > annotatedEnd) continue;
    const syntactic = SYNTACTIC.exec(m[1])?.[1];
    const ent = entityOf.get(refersTo.get(M_ID.exec(m[1])![1]) ?? '');
    const type = GOLD_TYPES[ent?.type ?? ''];
    const range = { start: toks[first].start, end: toks[last].end };
    if (!type || (syntactic !== 'NAM' && syntactic !== 'PRE.NAM')) {
      // Products, financial entities, untyped names, and phrases MEANTIME
      // annotated as a whole without the name in them ("its Cupertino
      // headquarters"): not ours to find, nor our error to find.
      ignore.push(range);
      continue;
    }
    const core = nameIn(toks, first, last, text);
    if (!core) continue;
    gold.push({ ...range, coreStart: core.start, coreEnd: core.end, type, entity: ent!.entity });
  }
  // Nested mentions ending on the same name count once: the innermost.
  gold.sort((a, b) => a.coreEnd - b.coreEnd || b.start - a.start);
  const unique = gold.filter((g, i) => i === 0 || gold[i - 1].coreEnd !== g.coreEnd);
  return { corpus, name, text, annotatedEnd, gold: unique, ignore };
}

const TITLE_WORDS = new Set(
  'Mr. Mr Mrs. Ms. Dr. Senator Sen. President Spokeswoman Spokesman CEO Chairman Chief Executive Minister Prime Secretary General Gen. Governor Representative Rep. Vice'.split(' '),
);
const capitalized = (w: string): boolean => /^\p{Lu}/u.test(w) || /^[A-Z]/.test(w);

/** The name in a MEANTIME mention spanning tokens [first, last]: see the header. */
function nameIn(toks: Tok[], first: number, last: number, text: string): { start: number; end: number } | undefined {
  let a = first;
  let b = last;
  while (a <= b && /^[(\[]$/.test(toks[a].word)) a++;
  for (let k = a; k <= b; k++)
    if (toks[k].word === '(' || toks[k].word === '-LRB-') {
      b = k - 1;
      break;
    }
  while (b >= a && /^[)\]]$/.test(toks[b].word)) b--;
  // Comma segments: the first that ends in a name other than a title.
  const segments: [number, number][] = [];
  let s = a;
  for (let k = a; k <= b + 1; k++) {
    if (k > b || toks[k].word === ',') {
      if (k > s) segments.push([s, k - 1]);
      s = k + 1;
    }
  }
  const seg = segments.find(([, e]) => capitalized(toks[e].word) && !TITLE_WORDS.has(toks[e].word)) ?? segments.find(([x, e]) => toks.slice(x, e + 1).some((t) => capitalized(t.word)));
  if (!seg) return undefined;
  // Its head: what comes before "in", "near", "at" ("Moscone Center in San
  // Francisco"), and in that the last run of capitalized words, with "of",
  // "&", "-" inside.
  for (let k = seg[0] + 1; k <= seg[1]; k++)
    if (/^(?:in|near|at)$/.test(toks[k].word) && toks.slice(seg[0], k).some((t) => capitalized(t.word))) {
      seg[1] = k - 1;
      break;
    }
  let e = seg[1];
  while (e >= seg[0] && !capitalized(toks[e].word)) e--;
  if (e < seg[0]) return undefined;
  let st = e;
  while (st - 1 >= seg[0]) {
    const w = toks[st - 1].word;
    if (capitalized(w) && !TITLE_WORDS.has(w)) st--;
    else if ((w === 'of' || w === '&' || w === '-') && st - 2 >= seg[0] && capitalized(toks[st - 2].word) && !TITLE_WORDS.has(toks[st - 2].word)) st -= 2;
    else break;
  }
  let end = toks[e].end;
  // "EADS-led": the name ends before the glued lower-case suffix.
  const m = /-\p{Ll}+$/u.exec(toks[e].word);
  if (m && toks[e].word.length > m[0].length) end -= m[0].length;
  if (text.slice(toks[st].start, end).trim() === '') return undefined;
  return { start: toks[st].start, end };
}

const PTB: Record<string, string> = { '``': '“', "''": '”', '`': '‘', '-LRB-': '(', '-RRB-': ')' };
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '”', '’', "n't", "'s", "'", '...']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '“', '‘', '#', 'US$', 'AU$', 'C$']);
const TERMINATED = /[.!?…][”"'’)\]]*$/;

/**
 * The article's text rebuilt from its tokens (as eval/sentences.ts does, more
 * simply), filling in each token's offsets. Sentences without a terminator
 * (title, date line) end a paragraph.
 */
function detokenize(toks: Tok[]): string {
  let text = '';
  let sentenceStart = 0;
  let glueNext = true;
  let quoteOpen = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const newSentence = i === 0 || toks[i - 1].sentence !== t.sentence;
    if (newSentence && i > 0) {
      text += TERMINATED.test(text.slice(sentenceStart)) ? ' ' : '\n\n';
      sentenceStart = text.length;
      glueNext = true;
      quoteOpen = false;
    }
    const word = PTB[t.word] ?? t.word;
    const prev = newSentence ? undefined : toks[i - 1].word;
    const next = toks[i + 1] && toks[i + 1].sentence === t.sentence ? toks[i + 1].word : undefined;
    let glue = glueNext || NO_SPACE_BEFORE.has(word) || /^'(?:s|re|ve|m|ll|d)$/i.test(word) || (prev !== undefined && /^\p{Lu}'$/u.test(prev));
    let glueAfter = NO_SPACE_AFTER.has(word);
    if (word === '"') {
      quoteOpen = !quoteOpen;
      if (quoteOpen) glueAfter = true;
      else glue = true;
    } else if ((word === '-' || word === '/') && prev && next && /[\p{L}\p{N}]$/u.test(prev) && /^[\p{L}\p{N}]/u.test(next)) {
      glue = glueAfter = true;
    }
    if (!glue) text += ' ';
    t.start = text.length;
    text += word;
    t.end = text.length;
    glueNext = glueAfter;
  }
  return text;
}
