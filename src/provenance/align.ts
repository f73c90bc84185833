// Sentence-level alignment of a suspected copy with its source, robust to the
// rewrites content farms apply to evade shingle matching: synonym substitution
// ("seized" -> "confiscated"), clause reordering, active/passive changes and
// reordered paragraphs.
//
// Sentence similarity is a weighted soft word alignment (after Mihalcea,
// Corley & Strapparava, AAAI 2006): every content word of each sentence finds
// its best counterpart in the other (same base form 1, WordNet synonym 0.8,
// related word or same stem 0.6), rare words and names weigh more, and the
// two directions are averaged, so extra or missing content lowers the score.
// Word order and length count only mildly: reordered clauses keep most of the
// score.
//
// Document alignment pairs sentences repeated word for word by their text
// (score 1, no features needed: most copies at volume are repeats), scores
// among the rest only sentence pairs that share enough content words or
// synonym classes (one merge of the documents' sorted keys), then
// finds the best monotone chain of matches by local alignment (Smith-Waterman
// over the scored pairs, skips allowed), then repeats on the sentences left
// (Waterman-Eggert) to pick up moved paragraphs.
import { createRequire } from 'node:module';
import type { AlignedPair } from '../model/collection.js';
import { lemmaFrequency, lemmas, relatedClasses, synClasses } from './lexicon.js';
import { fnv1a } from './minhash.js';
import { FUNCTION_WORDS, tokenize } from './tokens.js';

const require = createRequire(import.meta.url);
const stem = require('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

/** Match scores for two content words. */
export const MATCH = { exact: 1, synonym: 0.8, related: 0.6, stem: 0.6 } as const;
// Match levels as stored in the word-pair matrix, and their scores.
const STEM = 1;
const RELATED = 2;
const SYNONYM = 3;
const EXACT = 4;
const LEVEL_SCORE = [0, MATCH.stem, MATCH.related, MATCH.synonym, MATCH.exact];

/** Weight of numbers, and factor for names: what a copy cannot change without changing the facts. */
const NUMBER_WEIGHT = 1.5;
const NAME_FACTOR = 1.15;
/** Share of the score that depends on word order; reordered clauses lose at most this much. */
const ORDER_WEIGHT = 0.1;
/** Share of the score that depends on the content-length ratio: a short sentence inside a long one is a partial match. */
const LENGTH_WEIGHT = 0.1;

/**
 * Per-sentence data computed once; treat as opaque. Content words are listed
 * by four kinds of key (runs, see `RUN_*`), each run sorted by key, so two
 * sentences are compared by merge joins instead of all word pairs.
 */
export interface SentenceFeatures {
  text: string;
  /** Length in characters, for coverage. */
  length: number;
  /** Hashes of all word tokens in order: equal for verbatim copies; the edit ratio compares them. */
  surface: Uint32Array;
  /** Weight of each content word, in sentence order. */
  weights: Float64Array;
  totalWeight: number;
  /** Keys of the content words, run after run, sorted within each run. */
  keys: Int32Array;
  /** The content word (index into `weights`) of each key. */
  words: Uint16Array;
  /** Start of each run in `keys`, and the end: 5 offsets. */
  runs: Int32Array;
  /** Direct speech in the sentence; `prepareDocument` extends quotations running over several sentences. */
  quotes: Quotes;
}

/** Base form (numbers: canonical digits), stem, synonym classes of every reading, related classes. */
const RUN_KEY = 0;
const RUN_STEM = 1;
const RUN_CLASS = 2;
const RUN_RELATED = 3;
const RUNS = 4;

const WORD_SLOT = 2 ** 16;
const KEY_SLOT = 2 ** 32;
const RUN_SLOT = WORD_SLOT * KEY_SLOT;
/** Content words beyond this many in one "sentence" (an unsplit blob) are ignored. */
const MAX_WORDS = WORD_SLOT - 1;

interface WordInfo {
  key: number;
  stem: number;
  weight: number;
  classes: readonly number[];
  related: readonly number[];
}

const wordCache = new Map<string, WordInfo>();
const WORD_CACHE_LIMIT = 300_000;

/**
 * Weight of a content word from its SemCor frequency: "say" (2,167 tags)
 * ~0.9, "police" (38) ~1.05, "confiscate" (2) ~1.15; words WordNet lacks
 * (names, rare terms) 1.2. Deliberately flat: SemCor is small, and on MSRP
 * steeper slopes did worse (train accuracy 0.729 at this slope, 0.709 at 0.2).
 */
function frequencyWeight(freq: number | undefined): number {
  if (freq === undefined) return 1.2;
  return Math.min(1.2, Math.max(0.3, 1.2 - 0.04 * Math.log1p(freq)));
}

/** Word hashes as non-negative small integers (30 bits), so keys stay V8 small integers. */
function wordKey(s: string): number {
  return fnv1a(s) >>> 2;
}

function wordInfo(lower: string): WordInfo {
  let info = wordCache.get(lower);
  if (info) return info;
  const bases = lemmas(lower);
  // Classes of every reading: without tags, "wounded" may be the adjective
  // (related to "injured") or the verb "wound" (a synonym of "injure").
  const classes = new Set<number>();
  const related = new Set<number>();
  for (const b of bases) {
    for (const c of synClasses(b) ?? []) classes.add(c);
    for (const c of relatedClasses(b) ?? []) related.add(c);
  }
  info = {
    key: wordKey(bases[0]),
    stem: wordKey(stem(lower)),
    weight: frequencyWeight(lemmaFrequency(bases[0])),
    classes: [...classes],
    related: [...related],
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(lower, info);
  return info;
}

// Scratch for prepareSentence: (run, key, word) packed in one double, so one
// numeric sort orders the runs and the keys within them.
let packed = new Float64Array(256);

const OPEN_QUOTE = 0x201c;
const CLOSE_QUOTE = 0x201d;
const STRAIGHT_QUOTE = 34;

/** Where a sentence's direct speech is; see `quotes`. */
export interface Quotes {
  /** Share of the sentence's characters inside double quotation marks. */
  share: number;
  /** A quotation opens and is still open at the end of the sentence. */
  openAtEnd: boolean;
  /** The first quotation mark closes a quotation opened in an earlier sentence. */
  closesEarlier: boolean;
}

/**
 * Direct speech in one sentence. Curly quotes say which way they go; a
 * straight quote opens when it starts the text or follows a space or opening
 * bracket. A closing mark with no opening one closes a quotation begun in an
 * earlier sentence, and everything before it is quoted.
 */
export function quotes(text: string): Quotes {
  let inside = false;
  let from = 0;
  let quoted = 0;
  let closesEarlier = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let opens: boolean;
    if (c === OPEN_QUOTE) opens = true;
    else if (c === CLOSE_QUOTE) opens = false;
    else if (c === STRAIGHT_QUOTE) opens = i === 0 || /[\s(\[{\u2014-]/.test(text[i - 1]);
    else continue;
    if (!seen && !opens) closesEarlier = true;
    seen = true;
    if (opens && !inside) {
      inside = true;
      from = i;
    } else if (!opens) {
      quoted += inside ? i + 1 - from : i + 1;
      inside = false;
      from = i + 1;
    }
  }
  if (inside) quoted += text.length - from;
  return { share: text.length ? Math.min(1, quoted / text.length) : 0, openAtEnd: inside, closesEarlier };
}

/** A quotation left open is taken to run on only if it closes within this many sentences. */
const QUOTE_RUN = 4;

export function prepareSentence(text: string): SentenceFeatures {
  const tokens = tokenize(text);
  const surface = new Uint32Array(tokens.length);
  const weights: number[] = [];
  let count = 0;
  const push = (run: number, key: number, word: number): void => {
    if (count === packed.length) {
      const grown = new Float64Array(count * 2);
      grown.set(packed);
      packed = grown;
    }
    packed[count++] = run * RUN_SLOT + key * WORD_SLOT + word;
  };
  let totalWeight = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    surface[i] = fnv1a(t.lower);
    const w = weights.length;
    if (w >= MAX_WORDS) continue;
    if (t.isNumber) {
      push(RUN_KEY, wordKey('#' + t.lower), w);
      weights.push(NUMBER_WEIGHT);
      totalWeight += NUMBER_WEIGHT;
      continue;
    }
    // All-caps acronyms that spell a function word ("US", "IT") are names.
    const acronym = t.text.length > 1 && t.text === t.text.toUpperCase();
    if (t.lower.length < 2 || (FUNCTION_WORDS.has(t.lower) && !acronym)) continue;
    const info = wordInfo(t.lower);
    // A capitalized word inside the sentence is a name; the first word is
    // capitalized anyway, so it counts only when WordNet does not know it.
    const name = t.capitalized && (i > 0 || info.classes.length === 0);
    const weight = name ? info.weight * NAME_FACTOR : info.weight;
    weights.push(weight);
    totalWeight += weight;
    push(RUN_KEY, info.key, w);
    push(RUN_STEM, info.stem, w);
    for (const c of info.classes) push(RUN_CLASS, c, w);
    for (const c of info.related) push(RUN_RELATED, c, w);
  }
  const order = packed.subarray(0, count).sort();
  const keys = new Int32Array(count);
  const words = new Uint16Array(count);
  const runs = new Int32Array(RUNS + 1);
  for (let k = 0; k < count; k++) {
    const v = order[k];
    const run = Math.floor(v / RUN_SLOT);
    const rest = v - run * RUN_SLOT;
    keys[k] = Math.floor(rest / WORD_SLOT);
    words[k] = rest % WORD_SLOT;
    runs[run + 1] = k + 1;
  }
  // Empty runs end where the previous one did.
  for (let r = 1; r <= RUNS; r++) if (runs[r] < runs[r - 1]) runs[r] = runs[r - 1];
  return {
    text,
    length: text.length,
    surface,
    weights: Float64Array.from(weights),
    totalWeight,
    keys,
    words,
    runs,
    quotes: quotes(text),
  };
}

// Scratch buffers reused across calls: similarity runs millions of times.
let levels = new Uint8Array(1024);
let bestB = new Float64Array(64);
let argA = new Int32Array(64);
let tails = new Int32Array(64);

/** Raises `levels[i][j]` to `level` for every word i of a's run ra and j of b's run rb with the same key. */
function join(a: SentenceFeatures, ra: number, b: SentenceFeatures, rb: number, level: number, m: number): void {
  const xk = a.keys;
  const yk = b.keys;
  let i = a.runs[ra];
  const ie = a.runs[ra + 1];
  let j = b.runs[rb];
  const je = b.runs[rb + 1];
  while (i < ie && j < je) {
    const kx = xk[i];
    const ky = yk[j];
    if (kx < ky) i++;
    else if (kx > ky) j++;
    else {
      let i2 = i + 1;
      while (i2 < ie && xk[i2] === kx) i2++;
      let j2 = j + 1;
      while (j2 < je && yk[j2] === ky) j2++;
      for (let x = i; x < i2; x++) {
        const row = a.words[x] * m;
        for (let y = j; y < j2; y++) {
          const cell = row + b.words[y];
          if (levels[cell] < level) levels[cell] = level;
        }
      }
      i = i2;
      j = j2;
    }
  }
}

/** Similarity of two prepared sentences, in [0, 1]; symmetric. */
export function similarity(a: SentenceFeatures, b: SentenceFeatures): number {
  const n = a.weights.length;
  const m = b.weights.length;
  if (n === 0 || m === 0) return n === m && a.surface.length > 0 && sameTokens(a, b) ? 1 : 0;
  if (levels.length < n * m) levels = new Uint8Array(n * m * 2);
  if (argA.length < n) (argA = new Int32Array(n * 2)), (tails = new Int32Array(n * 2));
  if (bestB.length < m) bestB = new Float64Array(m * 2);
  levels.fill(0, 0, n * m);
  join(a, RUN_STEM, b, RUN_STEM, STEM, m);
  join(a, RUN_CLASS, b, RUN_RELATED, RELATED, m);
  join(a, RUN_RELATED, b, RUN_CLASS, RELATED, m);
  join(a, RUN_CLASS, b, RUN_CLASS, SYNONYM, m);
  join(a, RUN_KEY, b, RUN_KEY, EXACT, m);

  bestB.fill(0, 0, m);
  let matchedA = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let arg = -1;
    for (let j = 0, at = i * m; j < m; j++, at++) {
      const l = levels[at];
      if (l === 0) continue;
      const s = LEVEL_SCORE[l];
      if (s > best) (best = s), (arg = j);
      if (s > bestB[j]) bestB[j] = s;
    }
    argA[i] = arg;
    matchedA += a.weights[i] * best;
  }
  let matchedB = 0;
  for (let j = 0; j < m; j++) matchedB += b.weights[j] * bestB[j];
  const soft = (matchedA + matchedB) / (a.totalWeight + b.totalWeight);

  // Order: longest increasing run of matched positions (patience sorting)
  // over the words that found a counterpart, as a share of them.
  let matched = 0;
  let lis = 0;
  for (let i = 0; i < n; i++) {
    const j = argA[i];
    if (j < 0) continue;
    matched++;
    let lo = 0;
    let hi = lis;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < j) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = j;
    if (lo === lis) lis++;
  }
  const order = matched > 1 ? (lis - 1) / (matched - 1) : 1;
  const ratio = Math.min(a.totalWeight, b.totalWeight) / Math.max(a.totalWeight, b.totalWeight);
  return soft * (1 - ORDER_WEIGHT + ORDER_WEIGHT * order) * (1 - LENGTH_WEIGHT + LENGTH_WEIGHT * ratio);
}

/** Similarity of two sentences given as text. */
export function sentenceSimilarity(a: string, b: string): number {
  return similarity(prepareSentence(a), prepareSentence(b));
}

/** Whether two sentences have the same word tokens: identical after normalization. */
export function sameTokens(a: SentenceFeatures, b: SentenceFeatures): boolean {
  if (a.surface.length !== b.surface.length) return false;
  for (let i = 0; i < a.surface.length; i++) if (a.surface[i] !== b.surface[i]) return false;
  return true;
}

let lcsRow = new Int32Array(64);

/** Edit ratio: longest common subsequence of word tokens over the longer sentence's token count. */
export function editRatio(a: SentenceFeatures, b: SentenceFeatures): number {
  const x = a.surface;
  const y = b.surface;
  if (x.length === 0 || y.length === 0) return 0;
  if (lcsRow.length <= y.length) lcsRow = new Int32Array(y.length * 2 + 1);
  lcsRow.fill(0, 0, y.length + 1);
  for (let i = 0; i < x.length; i++) {
    let diag = 0;
    for (let j = 0; j < y.length; j++) {
      const up = lcsRow[j + 1];
      lcsRow[j + 1] = x[i] === y[j] ? diag + 1 : Math.max(up, lcsRow[j]);
      diag = up;
    }
  }
  return lcsRow[y.length] / Math.max(x.length, y.length);
}

// ---------------------------------------------------------------------------
// Document alignment

/**
 * A document's sentences prepared for alignment. A sentence's features are
 * made when first needed (`featuresAt`): against a copy that repeats it word
 * for word it needs none, and most copies at volume are such repeats.
 */
export interface DocumentFeatures {
  texts: readonly string[];
  /** Direct speech in each sentence, quotations running over several sentences followed. */
  quotes: Quotes[];
  /** Total characters of the sentences. */
  length: number;
  /** Each sentence's features, once made. */
  feats: (SentenceFeatures | undefined)[];
  /** Sentence indices by text, built on first use. */
  byText?: Map<string, number[]>;
  /** Prefilter keys of all sentences, built on first use. */
  postings?: Postings;
}

/** The features of sentence `i`, made on first use. */
export function featuresAt(doc: DocumentFeatures, i: number): SentenceFeatures {
  return (doc.feats[i] ??= cachedSentence(doc.texts[i]));
}

export interface AlignmentResult {
  /** Aligned pairs, in copy order. */
  pairs: AlignedPair[];
  /** Share of the copy's characters in aligned sentences, 0..1. */
  coverageOfCopy: number;
  /** Share of the source's characters in aligned sentences, 0..1. */
  coverageOfSource: number;
  sourceSentences: number;
  copySentences: number;
  sourceLength: number;
  copyLength: number;
  /** Sentence pairs fully scored after the prefilter (for diagnostics and tuning). */
  scored: number;
  /**
   * Indices into `pairs` of pairs where either sentence is mostly direct
   * speech: two reports quoting the same statement share it without one
   * copying the other.
   */
  quotedPairs: number[];
}

/**
 * Thresholds of the alignment, calibrated on sentence similarity scores:
 * - MSRP training pairs: unrelated sentences (random pairs) score 0.30 at the
 *   99.9th percentile (maximum 0.375); same-event pairs judged not to be
 *   paraphrases have a median of 0.60, paraphrases 0.75;
 * - MSRP sentences spun by replacing 60% of content words with random
 *   WordNet synonyms of any of their first four senses and swapping clauses:
 *   99.8% score at least 0.45, 97% at least 0.6 (optimistic: the spinner
 *   draws on the lexicon's own source);
 * - sentences of AllSides articles about the same story from different
 *   outlets that share any content word: 0.13% reach 0.45.
 */
export const ALIGN = {
  /**
   * A pair inside a chain of matches in the same order on both sides. Low,
   * because the chain itself is evidence: a rewritten or distorted sentence
   * between two matches is still the same sentence, and the distortion
   * detector needs to see it.
   */
  chained: 0.45,
  /** A pair that stands alone (no neighbouring match in order): must be a paraphrase on its own. */
  single: 0.6,
  /** Reward per aligned pair beyond its margin over `chained`, so a pair at the threshold still extends a chain. */
  pairBonus: 0.1,
  /** Cost of each sentence skipped on either side inside a chain (inserted ads, dropped paragraphs). */
  skip: 0.04,
  /** Pairs with an edit ratio at or above this are `edited`; below, `paraphrase`. */
  edited: 0.7,
} as const;

/** Prepares every sentence of a document once, for any number of alignments. */
// Sentences recur across documents (wire copy run by many outlets, a
// document fetched again as another one's candidate): while remembered,
// their features are computed once. Features are never modified once made.
const SENTENCE_CACHE = 20_000;
const sentenceCache = new Map<string, SentenceFeatures>();

function cachedSentence(text: string): SentenceFeatures {
  let f = sentenceCache.get(text);
  if (!f) {
    f = prepareSentence(text);
    if (sentenceCache.size >= SENTENCE_CACHE) sentenceCache.delete(sentenceCache.keys().next().value!);
    sentenceCache.set(text, f);
  }
  return f;
}

export function prepareDocument(sentences: readonly string[]): DocumentFeatures {
  const qs = sentences.map(quotes);
  // A quotation opened in one sentence and closed a few sentences later
  // covers the sentences between, which carry no marks of their own.
  for (let i = 0; i < qs.length; i++) {
    if (!qs[i].openAtEnd) continue;
    for (let j = i + 1; j < qs.length && j <= i + QUOTE_RUN; j++) {
      const q = qs[j];
      if (q.closesEarlier) {
        for (let k = i + 1; k < j; k++) qs[k] = { share: 1, openAtEnd: true, closesEarlier: true };
        break;
      }
      if (q.share > 0 || q.openAtEnd) break;
    }
  }
  let length = 0;
  for (const t of sentences) length += t.length;
  return { texts: sentences, quotes: qs, length, feats: new Array<SentenceFeatures | undefined>(sentences.length) };
}

function fromSentences(sentences: SentenceFeatures[]): DocumentFeatures {
  let length = 0;
  for (const s of sentences) length += s.length;
  return { texts: sentences.map((s) => s.text), quotes: sentences.map((s) => s.quotes), length, feats: sentences.slice() };
}

function toDocument(d: readonly string[] | readonly SentenceFeatures[] | DocumentFeatures): DocumentFeatures {
  if (!Array.isArray(d)) return d as DocumentFeatures;
  if (d.length === 0 || typeof d[0] !== 'string') return fromSentences(d as SentenceFeatures[]);
  return prepareDocument(d as string[]);
}

/**
 * A document's prefilter keys: every content word's base form, and its
 * synonym classes (negated, apart from word keys), sorted by key. Words are
 * numbered across the document (`wordSentence` maps them back), so two
 * documents are compared by one merge of their key lists.
 */
interface Postings {
  keys: Int32Array;
  words: Int32Array;
  wordSentence: Int32Array;
}

function buildPostings(sentences: readonly SentenceFeatures[]): Postings {
  let total = 0;
  let count = 0;
  for (const f of sentences) {
    total += f.weights.length;
    count += f.runs[RUN_STEM] - f.runs[RUN_KEY] + f.runs[RUN_RELATED] - f.runs[RUN_CLASS];
  }
  const wordSentence = new Int32Array(total);
  // (key, word) packed in one double: keys are 31-bit, document word numbers
  // stay below 2^21 (two million words).
  const packed = new Float64Array(count);
  let base = 0;
  let c = 0;
  sentences.forEach((f, s) => {
    wordSentence.fill(s, base, base + f.weights.length);
    for (let k = f.runs[RUN_KEY]; k < f.runs[RUN_STEM]; k++) packed[c++] = (f.keys[k] + KEY_OFFSET) * DOC_WORDS + base + f.words[k];
    for (let k = f.runs[RUN_CLASS]; k < f.runs[RUN_RELATED]; k++)
      packed[c++] = (-1 - f.keys[k] + KEY_OFFSET) * DOC_WORDS + base + f.words[k];
    base += f.weights.length;
  });
  packed.sort();
  const keys = new Int32Array(count);
  const words = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const key = Math.floor(packed[k] / DOC_WORDS);
    keys[k] = key - KEY_OFFSET;
    words[k] = packed[k] - key * DOC_WORDS;
  }
  return { keys, words, wordSentence };
}

const KEY_OFFSET = 2 ** 30;
const DOC_WORDS = 2 ** 21;

/**
 * Dice share of content words that must meet across a sentence pair (same
 * base form or a shared synonym class: 2 * met / (words of both)) for it to be
 * scored at all. Related classes are left out here: hypernyms are shared by
 * too many sentences to filter anything. Measured on 1,500 AllSides articles:
 * of the sentence pairs across outlets on the same story that share any word,
 * 5.5% pass; none that reaches `ALIGN.chained` is dropped; of their sentences
 * spun with WordNet synonyms (60% of content words), 99.98% of the pairs
 * reaching `ALIGN.chained` pass.
 */
export const PREFILTER_DICE = 0.25;

/** Sentence pairs scoring at least `ALIGN.chained`, ordered by source then copy sentence. */
interface Cells {
  source: number[];
  copy: number[];
  score: number[];
  /** Pairs fully scored (diagnostics). */
  scored: number;
}

/**
 * Scores the sentence pairs worth scoring among the source sentences `si`
 * and the copy sentences `ci` (indices; all of them when every sentence is
 * taken): those where enough content words of the copy sentence meet the
 * source sentence (at least two, and a Dice share of `PREFILTER_DICE`), and
 * adds to `cells` those that reach `ALIGN.chained`.
 */
function scoreCandidates(source: DocumentFeatures, si: number[], copy: DocumentFeatures, ci: number[], cells: Cells): void {
  const sf = si.map((i) => featuresAt(source, i));
  const cf = ci.map((j) => featuresAt(copy, j));
  // A whole document's keys serve every alignment it takes part in whole.
  const ps = si.length === source.texts.length ? (source.postings ??= buildPostings(sf)) : buildPostings(sf);
  const pc = ci.length === copy.texts.length ? (copy.postings ??= buildPostings(cf)) : buildPostings(cf);
  const n = sf.length;
  const m = cf.length;
  // counts[i][j]: words of copy sentence j meeting source sentence i, each
  // counted once however many of its keys meet.
  const counts = new Int32Array(n * m);
  const seen = new Uint8Array(pc.wordSentence.length * n);
  let x = 0;
  let y = 0;
  while (x < ps.keys.length && y < pc.keys.length) {
    const kx = ps.keys[x];
    const ky = pc.keys[y];
    if (kx < ky) x++;
    else if (kx > ky) y++;
    else {
      let x2 = x + 1;
      while (x2 < ps.keys.length && ps.keys[x2] === kx) x2++;
      let y2 = y + 1;
      while (y2 < pc.keys.length && pc.keys[y2] === ky) y2++;
      for (let b = y; b < y2; b++) {
        const word = pc.words[b];
        const j = pc.wordSentence[word];
        for (let a = x; a < x2; a++) {
          const i = ps.wordSentence[ps.words[a]];
          if (seen[word * n + i]) continue;
          seen[word * n + i] = 1;
          counts[i * m + j]++;
        }
      }
      x = x2;
      y = y2;
    }
  }
  for (let i = 0; i < n; i++) {
    const na = sf[i].weights.length;
    for (let j = 0; j < m; j++) {
      const c = counts[i * m + j];
      if (c === 0) continue;
      const nb = cf[j].weights.length;
      if (c < Math.min(2, na, nb) || (2 * c) / (na + nb) < PREFILTER_DICE) continue;
      const score = similarity(sf[i], cf[j]);
      cells.scored++;
      if (score < ALIGN.chained) continue;
      cells.source.push(si[i]);
      cells.copy.push(ci[j]);
      cells.score.push(score);
    }
  }
}

/** Texts this long or longer always hold a content word; shorter ones are looked at. */
const SURELY_CONTENT = 40;

/**
 * Pairs of sentences with the same text, each sentence in one pair (the
 * first unused source sentence of that text), as cells scoring 1: a sentence
 * repeated word for word needs no features to be aligned. Sentences without
 * a content word ("He said so.") are left to the scoring, which never pairs
 * them. Returns the source and copy sentences left over.
 */
function verbatimCells(source: DocumentFeatures, copy: DocumentFeatures, cells: Cells): [number[], number[]] {
  const byText = (source.byText ??= indexTexts(source.texts));
  const usedSource = new Uint8Array(source.texts.length);
  const restCopy: number[] = [];
  copy.texts.forEach((t, j) => {
    const same = byText.get(t);
    const i = same?.find((x) => !usedSource[x]);
    if (i === undefined || (t.length < SURELY_CONTENT && featuresAt(copy, j).weights.length === 0)) {
      restCopy.push(j);
      return;
    }
    usedSource[i] = 1;
    cells.source.push(i);
    cells.copy.push(j);
    cells.score.push(1);
  });
  const restSource: number[] = [];
  for (let i = 0; i < usedSource.length; i++) if (!usedSource[i]) restSource.push(i);
  return [restSource, restCopy];
}

/** Puts cells in the order the chaining needs: by source sentence, then copy sentence. */
function sortCells(cells: Cells): void {
  const k = cells.score.length;
  const order = Array.from({ length: k }, (_, c) => c).sort((x, y) => cells.source[x] - cells.source[y] || cells.copy[x] - cells.copy[y]);
  const [source, copy, score] = [cells.source, cells.copy, cells.score];
  cells.source = order.map((c) => source[c]);
  cells.copy = order.map((c) => copy[c]);
  cells.score = order.map((c) => score[c]);
}

function indexTexts(texts: readonly string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  texts.forEach((t, i) => {
    const l = m.get(t);
    if (l) l.push(i);
    else m.set(t, [i]);
  });
  return m;
}

/**
 * The best local alignment (Smith-Waterman) among the live cells: a chain of
 * pairs increasing on both sides, each gaining its margin over
 * `ALIGN.chained` plus `ALIGN.pairBonus`, with `ALIGN.skip` charged per
 * sentence skipped on either side between two pairs. Computed over the
 * candidate cells only (sparse chaining: the same optimum as the grid
 * recurrence, in time independent of document length). Returns the chain's
 * cells in order, or [] when none is live.
 */
function bestChain(cells: Cells, live: Uint8Array): number[] {
  const k = cells.score.length;
  const total = new Float64Array(k);
  const prev = new Int32Array(k).fill(-1);
  let best = -1;
  for (let c = 0; c < k; c++) {
    if (!live[c]) continue;
    const i = cells.source[c];
    const j = cells.copy[c];
    let from = 0;
    for (let p = 0; p < c; p++) {
      if (!live[p] || cells.source[p] >= i || cells.copy[p] >= j) continue;
      const v = total[p] - ALIGN.skip * (i - cells.source[p] - 1 + j - cells.copy[p] - 1);
      if (v > from) (from = v), (prev[c] = p);
    }
    total[c] = from + cells.score[c] - ALIGN.chained + ALIGN.pairBonus;
    if (best < 0 || total[c] > total[best]) best = c;
  }
  const chain: number[] = [];
  for (let c = best; c >= 0; c = prev[c]) chain.push(c);
  return chain.reverse();
}

/**
 * Aligns the sentences of `copy` with those of `source`. Pass prepared
 * documents (`prepareDocument`) when a document takes part in several
 * alignments; arrays of `SentenceFeatures` are taken as they are (quotations
 * running over several sentences are only followed by `prepareDocument`).
 *
 * The first chain found is the monotone alignment; further chains on the
 * sentences left pick up moved paragraphs (each accepted chain is in order
 * internally, chains need not be in order with each other). A chain of one
 * pair must reach `ALIGN.single` on its own.
 */
export function alignDocuments(
  source: readonly string[] | readonly SentenceFeatures[] | DocumentFeatures,
  copy: readonly string[] | readonly SentenceFeatures[] | DocumentFeatures,
): AlignmentResult {
  const src = toDocument(source);
  const cp = toDocument(copy);
  const n = src.texts.length;
  const m = cp.texts.length;
  const cells: Cells = { source: [], copy: [], score: [], scored: 0 };
  if (n && m) {
    // Sentences repeated word for word pair up without features; the rest are scored.
    const [si, ci] = verbatimCells(src, cp, cells);
    if (si.length && ci.length) scoreCandidates(src, si, cp, ci, cells);
    sortCells(cells);
  }
  const live = new Uint8Array(cells.score.length).fill(1);
  retireDominated(cells, n, m, live);
  const pairs: AlignedPair[] = [];
  for (;;) {
    const chain = bestChain(cells, live);
    if (chain.length === 0) break;
    if (chain.length === 1 && cells.score[chain[0]] < ALIGN.single) {
      // Not a chain: drop this cell and look again, a weaker chain may remain.
      live[chain[0]] = 0;
      continue;
    }
    for (const c of chain) {
      const i = cells.source[c];
      const j = cells.copy[c];
      // Each sentence is aligned once: retire the cells of its row and column.
      for (let d = 0; d < live.length; d++) if (cells.source[d] === i || cells.copy[d] === j) live[d] = 0;
      const score = cells.score[c];
      pairs.push({
        sourceSentence: i,
        copySentence: j,
        score: Math.round(score * 1000) / 1000,
        kind: src.texts[i] === cp.texts[j] ? 'verbatim' : kindOf(featuresAt(src, i), featuresAt(cp, j), score),
      });
    }
  }
  pairs.sort((x, y) => x.copySentence - y.copySentence);
  let coveredCopy = 0;
  let coveredSource = 0;
  for (const p of pairs) {
    coveredCopy += cp.texts[p.copySentence].length;
    coveredSource += src.texts[p.sourceSentence].length;
  }
  const quotedPairs: number[] = [];
  pairs.forEach((p, k) => {
    if (Math.max(src.quotes[p.sourceSentence].share, cp.quotes[p.copySentence].share) >= QUOTED)
      quotedPairs.push(k);
  });
  return {
    pairs,
    coverageOfCopy: cp.length ? coveredCopy / cp.length : 0,
    coverageOfSource: src.length ? coveredSource / src.length : 0,
    sourceSentences: n,
    copySentences: m,
    sourceLength: src.length,
    copyLength: cp.length,
    scored: cells.scored,
    quotedPairs,
  };
}

/**
 * A pair this far below the best pair of either of its sentences matches the
 * wrong counterpart (template lines, "Update at 9:20 a.m."); left in, a chain
 * through moved paragraphs takes it and blocks the right one. Measured on
 * generated spins: false distortion flags on reordered copies 30 -> 3 (test).
 */
const DOMINATED = 0.25;

function retireDominated(cells: Cells, n: number, m: number, live: Uint8Array): void {
  const rowBest = new Float64Array(n);
  const colBest = new Float64Array(m);
  cells.score.forEach((s, c) => {
    rowBest[cells.source[c]] = Math.max(rowBest[cells.source[c]], s);
    colBest[cells.copy[c]] = Math.max(colBest[cells.copy[c]], s);
  });
  cells.score.forEach((s, c) => {
    if (s < rowBest[cells.source[c]] - DOMINATED || s < colBest[cells.copy[c]] - DOMINATED) live[c] = 0;
  });
}

/** A sentence with at least this share of its characters in quotation marks is direct speech. */
const QUOTED = 0.5;

function kindOf(a: SentenceFeatures, b: SentenceFeatures, score: number): AlignedPair['kind'] {
  if (sameTokens(a, b)) return 'verbatim';
  // Small edits keep most content words: below this score the edit ratio
  // cannot reach `ALIGN.edited` except through function words.
  if (score < ALIGN.single) return 'paraphrase';
  return editRatio(a, b) >= ALIGN.edited ? 'edited' : 'paraphrase';
}

/** `isCopy` thresholds; see there. */
export const COPY = { minPairs: 3, minPairScore: 0.6, minCoverage: 0.5 } as const;

/**
 * Whether an alignment shows a copy (whole or partial, literal or rewritten)
 * rather than two reports that share a quote or a few facts:
 * - at least `COPY.minPairs` (3) aligned sentences outside direct speech
 *   scoring at least `COPY.minPairScore` (0.6): independent reports of the
 *   same event share quoted statements and the odd sentence of fact ("Police
 *   said two people were injured"), while three narrative sentences rewritten
 *   from one source are not coincidence. Pairs between 0.45 and 0.6 are
 *   aligned (the reader and the distortion check want them) but do not count
 *   here: on AllSides articles about the same story from different outlets
 *   most such pairs are different sentences about the same facts;
 * - and at least `COPY.minCoverage` (half) of the shorter document's text in
 *   aligned sentences: the copy must consist mainly of the source (or, when a
 *   short piece reproduces part of a long one, that part must dominate it). A
 *   long feature quoting three sentences of a wire story is not a copy of it;
 *   a brief made of three of its sentences is.
 * Measured (scripts kept out of the repo, numbers in the provenance report):
 * over 68,992 ordered pairs of AllSides articles from different outlets on
 * the same topic and day, 89 are flagged (0.13%), 74 of them sharing three
 * or more verbatim or lightly edited narrative sentences (syndicated wire
 * copy, which is copying); synthetic content-farm copies of 600 AllSides
 * articles (10-60% of content words replaced by WordNet synonyms, 15% of
 * sentences dropped, paragraphs shuffled or the copy truncated, a foreign
 * paragraph inserted) are found at 99.2%. Counting every aligned pair
 * instead flags 127 pairs, 36 of them with no literal narrative sentence.
 * Documents under three sentences are never copies by this test; exact and
 * near-exact duplicate detection covers them.
 */
export function isCopy(result: AlignmentResult): boolean {
  const quoted = new Set(result.quotedPairs);
  let evidence = 0;
  result.pairs.forEach((p, k) => {
    if (p.score >= COPY.minPairScore && !quoted.has(k)) evidence++;
  });
  if (evidence < COPY.minPairs) return false;
  const coverage = result.copyLength <= result.sourceLength ? result.coverageOfCopy : result.coverageOfSource;
  return coverage >= COPY.minCoverage;
}
