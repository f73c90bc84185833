// Sentence segmentation against gold sentence boundaries in real news:
// MEANTIME (120 Wikinews articles) and ECB+ (topics 1-35), both distributed
// as token streams with a sentence number per token, scoring
// `segmentSentences`. ECB+ topics 1-22 are the development set (the
// segmenter's rules were tuned on them); MEANTIME and ECB+ 23-35 are the test set.
//
// Neither corpus ships its raw text, so it is rebuilt from the tokens with
// the usual detokenization rules (no space before `,` `.` `n't` or a closing
// quote, PTB `` '' → “ ”, `11 - year - old` → `11-year-old`), keeping each
// token's offset. A gold sentence that does not end in a terminator (title,
// date, URL and byline lines, headings ending in `:`) was a line of its own in
// the article, so it ends a paragraph; every other sentence follows the
// previous one after a space, so whole articles become a few long paragraphs.
//
// Scores: a boundary is the start of a sentence that is not the start of a
// paragraph (paragraph starts are given to the segmenter, so they would only
// dilute the figures); a predicted boundary is right when a gold sentence
// starts at the same character. `sentence_accuracy` is the share of gold
// sentences, titles included, returned with exactly their start and end.
// Speed (`mb_per_s`: MiB of UTF-8 per CPU second of segmentation, paragraphs
// given, so other load on the machine does not count) is also measured on the
// first 3000 AllSides articles.
//
// `npm run eval -- sentences [--errors dev|test|meantime|ecb_test]` also lists
// the boundaries it gets wrong on that split (on stderr).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Range } from '../src/model/document.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';
import { dataset, readAllSides } from './lib/datasets.js';
import { progress, progressDone } from './lib/runner.js';

export interface GoldDoc {
  name: string;
  text: string;
  paragraphs: Range[];
  sentences: Range[];
}

interface Token {
  sentence: number;
  word: string;
}

export default async function sentences(args: string[]): Promise<Record<string, unknown>> {
  const e = args.indexOf('--errors');
  const errorsOf = e >= 0 ? args[e + 1] : undefined;
  progress('reading MEANTIME and ECB+…');
  const splits = goldSplits();

  const figures: Record<string, unknown> = {};
  for (const [name, docs] of Object.entries(splits)) {
    progress(`scoring ${name}…`);
    figures[name] = {
      documents: docs.length,
      sentences: docs.reduce((n, d) => n + d.sentences.length, 0),
      boundaries: docs.reduce((n, d) => n + boundaries(d.sentences, d.paragraphs).size, 0),
      ...score(docs),
      mb_per_s: speed(docs),
    };
    if (name === errorsOf) printErrors(docs);
  }

  progress('reading 3000 AllSides articles…');
  const news = (await readAllSides(3000)).map((a) => {
    const paragraphs = splitParagraphs(a.text);
    return { name: a.id, text: a.text, paragraphs, sentences: [] as Range[] };
  });
  progress('timing on AllSides…');
  figures.allsides = { articles: news.length, mb: round(mib(news)), mb_per_s: speed(news) };
  progressDone();
  return figures;
}

/** Gold documents by split: `dev` (ECB+ 1-22), `test` (MEANTIME + ECB+ 23-35), and the parts of `test`. */
export function goldSplits(): Record<string, GoldDoc[]> {
  const meantime = readMeantime();
  const ecb = readEcb();
  const ecbTest = ecb.filter((d) => d.topic > 22).map((d) => d.doc);
  return {
    dev: ecb.filter((d) => d.topic <= 22).map((d) => d.doc),
    test: [...meantime, ...ecbTest],
    meantime,
    ecb_test: ecbTest,
  };
}

// ---------------------------------------------------------------------------
// Scoring

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function boundaries(sentences: Range[], paragraphs: Range[]): Set<number> {
  const starts = new Set(paragraphs.map((p) => p.start));
  return new Set(sentences.map((s) => s.start).filter((s) => !starts.has(s)));
}

function compare(gold: Set<number>, got: Set<number>): Counts {
  let tp = 0;
  for (const b of got) if (gold.has(b)) tp++;
  return { tp, fp: got.size - tp, fn: gold.size - tp };
}

function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

function prf(c: Counts): { f1: number; precision: number; recall: number } {
  const precision = c.tp / (c.tp + c.fp || 1);
  const recall = c.tp / (c.tp + c.fn || 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1: round4(f1), precision: round4(precision), recall: round4(recall) };
}

export function score(docs: GoldDoc[]): Record<string, number> {
  let counts = { tp: 0, fp: 0, fn: 0 };
  let exact = 0;
  let total = 0;
  for (const d of docs) {
    const got = segmentSentences(d.text, d.paragraphs);
    counts = add(counts, compare(boundaries(d.sentences, d.paragraphs), boundaries(got, d.paragraphs)));
    const spans = new Set(got.map((r) => `${r.start}:${r.end}`));
    for (const s of d.sentences) if (spans.has(`${s.start}:${s.end}`)) exact++;
    total += d.sentences.length;
  }
  return { ...prf(counts), sentence_accuracy: round4(exact / total) };
}

/**
 * MiB/s of segmentation, repeating the whole set until a second of CPU time
 * has passed. CPU time, not wall time, so that other processes on the machine
 * do not count; the segmenter is single-threaded.
 */
function speed(docs: GoldDoc[]): number {
  for (const d of docs.slice(0, 200)) segmentSentences(d.text, d.paragraphs); // JIT warm-up
  let reps = 0;
  let seconds = 0;
  const t0 = process.cpuUsage();
  do {
    for (const d of docs) segmentSentences(d.text, d.paragraphs);
    reps++;
    const t = process.cpuUsage(t0);
    seconds = (t.user + t.system) / 1e6;
  } while (seconds < 1);
  return round((mib(docs) * reps) / seconds);
}

function mib(docs: GoldDoc[]): number {
  return docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1048576;
}

export function printErrors(docs: GoldDoc[]): void {
  for (const d of docs) {
    const gold = boundaries(d.sentences, d.paragraphs);
    const got = boundaries(segmentSentences(d.text, d.paragraphs), d.paragraphs);
    const show = (kind: string, b: number) => {
      const context = `${d.text.slice(Math.max(0, b - 60), b)}‖${d.text.slice(b, b + 40)}`.replace(/\s+/g, ' ');
      process.stderr.write(`${kind} ${d.name}: ${context}\n`);
    };
    for (const b of got) if (!gold.has(b)) show('FP', b);
    for (const b of gold) if (!got.has(b)) show('FN', b);
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

// ---------------------------------------------------------------------------
// Corpora

function readMeantime(): GoldDoc[] {
  const root = dataset('meantime', 'intra-doc_annotation');
  const out: GoldDoc[] = [];
  for (const corpus of readdirSync(root).sort())
    for (const f of readdirSync(join(root, corpus)).sort())
      if (f.endsWith('.xml')) out.push(rebuild(f, readTokens(readFileSync(join(root, corpus, f), 'utf8'))));
  return out;
}

function readEcb(): { topic: number; doc: GoldDoc }[] {
  const root = dataset('ecbplus', 'ECB+');
  const out: { topic: number; doc: GoldDoc }[] = [];
  for (const topic of readdirSync(root)) {
    if (!/^\d+$/.test(topic)) continue;
    for (const f of readdirSync(join(root, topic)).sort())
      if (f.endsWith('.xml')) out.push({ topic: Number(topic), doc: rebuild(f, readTokens(readFileSync(join(root, topic, f), 'utf8'))) });
  }
  return out.sort((a, b) => a.topic - b.topic);
}

const TOKEN = /<token\b([^>]*)>([^<]*)<\/token>/g;
const SENTENCE_ATTR = /\bsentence="(\d+)"/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function readTokens(xml: string): Token[] {
  const out: Token[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const word = m[2].replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]).trim();
    const sentence = SENTENCE_ATTR.exec(m[1]);
    if (word && sentence) out.push({ sentence: Number(sentence[1]), word });
  }
  return out;
}

const PTB: Record<string, string> = { '``': '“', "''": '”', '`': '‘', '-LRB-': '(', '-RRB-': ')' };
const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', '”', '...', '…', "n't", '’']);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '€', '£', '#', '“', '‘', 'US$', 'C$', 'A$']);
const CLITIC = /^['’](?:s|re|ve|m|ll|d|t)$/i;
const SUFFIX = /^(?:s|re|ve|m|ll|d|t)$/i;
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const DIGIT_END = /\d$/;
const DIGIT_START = /^\d/;
const CAPITALIZED = /^\p{Lu}\p{L}*$/u;
const TLD = /^(?:com|org|net|gov|edu|co|uk|html?)\b/;
const SINGLE_LETTER = /^\p{L}$/u;
const ABBREVIATED = /\p{L}\.$/u;
const TERMINATED = /[.!?…][”"'’)\]]*$/;

/** The article text the tokens came from, as nearly as spacing rules can tell, with gold sentences and paragraphs. */
function rebuild(name: string, tokens: Token[]): GoldDoc {
  let text = '';
  const sentences: Range[] = [];
  const paragraphs: Range[] = [];
  let paragraphStart = 0;
  let glueNext = true;
  let url = false;
  const open = { '"': false, "'": false };
  for (let i = 0; i < tokens.length; i++) {
    const { sentence } = tokens[i];
    const raw = tokens[i].word;
    const prev = i > 0 && tokens[i - 1].sentence === sentence ? tokens[i - 1].word : undefined;
    const next = i + 1 < tokens.length && tokens[i + 1].sentence === sentence ? tokens[i + 1].word : undefined;
    // ECB+ lost the euro signs of some articles to `?` (`agreeing an ? 110 billion`).
    let word = raw === '?' && next && DIGIT_START.test(next) ? '€' : (PTB[raw] ?? raw);
    if (prev === undefined) {
      // A new gold sentence: on a new paragraph when the last one had no terminator.
      if (sentences.length) {
        const last = sentences[sentences.length - 1];
        if (!TERMINATED.test(text.slice(last.start, last.end))) {
          paragraphs.push({ start: paragraphStart, end: last.end });
          text += '\n\n';
          paragraphStart = text.length;
        } else text += ' ';
      }
      sentences.push({ start: text.length, end: text.length });
      glueNext = true;
      url = /^https?$/i.test(raw);
    }
    let glue = glueNext || url || NO_SPACE_BEFORE.has(word) || CLITIC.test(word);
    let glueAfter = url || NO_SPACE_AFTER.has(word);
    if (word === '"' || word === "'" || word === '’') {
      const kind = word === '"' ? '"' : "'";
      if (kind === "'" && prev && WORD_END.test(prev) && next && SUFFIX.test(next)) {
        // `we ’ ll`: an apostrophe.
        glue = glueAfter = true;
      } else {
        const opens = next === undefined ? false : prev === undefined ? true : !open[kind];
        open[kind] = opens;
        if (opens) glueAfter = true;
        else glue = true;
      }
    } else if (word === '.' && prev && next && SINGLE_LETTER.test(prev) && SINGLE_LETTER.test(next)) {
      glue = glueAfter = true; // `U . S .`, `a . m .`, `A . J . Smith`
    } else if (word === '.' && next && DIGIT_START.test(next) && !(prev && CAPITALIZED.test(prev))) {
      glueAfter = true; // `hit .308`, `(.535)`, `3.5`, `Dh472.72bn`; not `Nov. 30`
      glue = prev !== undefined && DIGIT_END.test(prev);
    } else if (word === '.' && prev && next && WORD_END.test(prev) && TLD.test(next)) {
      glue = glueAfter = true; // `FoxSports . com`
    } else if ((word === '-' || word === '/') && prev && next && WORD_END.test(prev) && WORD_START.test(next)) {
      glue = glueAfter = true;
    } else if (word === ':' && prev && next && DIGIT_END.test(prev) && DIGIT_START.test(next)) {
      glue = glueAfter = true; // `8 : 44AM`
    } else if (raw.length > 1) {
      // Whitespace-tokenized files keep quotes on their words (`"The`, `said."`).
      if (raw[0] === '"') open['"'] = true;
      if (raw[raw.length - 1] === '"') open['"'] = false;
    }
    if (word === '.' && prev && ABBREVIATED.test(prev)) word = ''; // PTB repeats the period after a final `U.S.`
    if (!glue) text += ' ';
    text += word;
    sentences[sentences.length - 1].end = text.length;
    glueNext = glueAfter;
  }
  if (sentences.length) paragraphs.push({ start: paragraphStart, end: sentences[sentences.length - 1].end });
  return { name, text, paragraphs, sentences };
}
