// Meaning changes between a source sentence and its (aligned) rewrite. Every
// check compares like with like after normalizing the ways a rewrite may
// legitimately differ (synonyms among cue words, number spelling, unit
// conversion, name aliases, passive voice, clause order), and a check fires
// only when the difference survives that: a false alarm on an honest rewrite
// costs more than a missed distortion.
import { getTagger, its } from '../text/nlp.js';
import { STOPWORDS } from '../text/stopwords.js';
import { dict } from '../util/dict.js';

export type DistortionType =
  | 'negation'
  | 'number'
  | 'unit'
  | 'entity-swapped'
  | 'entity-dropped'
  | 'speaker'
  | 'hedge-dropped'
  | 'role-swap'
  | 'truncated';

export interface Distortion {
  type: DistortionType;
  /** The source sentence. */
  source: string;
  /** The copy sentence. */
  copy: string;
  /** What changed, e.g. "12 -> 21" or "hedge 'reportedly' dropped". */
  detail: string;
}

/** Meaning changes from `source` to `copy`, two sentences already aligned as the same statement. */
export function detectDistortions(source: string, copy: string): Distortion[] {
  if (normalize(source) === normalize(copy)) return [];
  const out: Distortion[] = [];
  const add = (type: DistortionType, detail: string): void => {
    out.push({ type, source, copy, detail });
  };
  // Checks read the sentences with their datelines blanked out; the
  // distortions quote them as written.
  const s = blankCredits(source);
  const c = blankCredits(copy);
  let src = tokenize(s);
  const cpy = tokenize(c);
  // A cut-off clause is one distortion; the cues it carried (a denial, a
  // speaker, a hedge) are not reported again as separate changes.
  const cut = truncation(s, src, cpy);
  if (cut) {
    add('truncated', `dropped '${cut.tail}'`);
    src = src.filter((t) => t.start < cut.at);
  }
  const neg = negationChange(src, cpy);
  if (neg) add('negation', neg);
  for (const [type, detail] of numberChanges(src, cpy)) add(type, detail);
  const speakers = speakerChange(src, cpy);
  if (speakers.detail) add('speaker', speakers.detail);
  for (const [type, detail] of entityChanges(src, cpy, speakers.involved)) add(type, detail);
  const hedge = hedgeChange(src, cpy);
  if (hedge && !speakers.detail) add('hedge-dropped', hedge);
  const swap = roleSwap(cut ? s.slice(0, cut.at) : s, c);
  if (swap) add('role-swap', swap);
  return out;
}

// ---------------------------------------------------------------------------
// Datelines and wire credits: "LAKE CHARLES, La. (AP) — ", "KINSHASA, March 10
// (Reuters) - ", "Kalemie (DR Congo) (AFP) - ". They say where the story was
// filed and who filed it, not what happened, and a rewrite usually drops them.

const AGENCY =
  /^(?:AP|AFP|Reuters|UPI|dpa|EFE|ANSA|Xinhua|Kyodo|Yonhap|TASS|ITAR-TASS|Interfax|Bernama|PTI|IANS|ANI|AAP|CP|PA|Bloomberg|Anadolu|IRNA|KUNA|WAM|SPA|MENA|Antara|CNA|RIA Novosti|Dow Jones|Associated Press|Agence France-Presse|Press Association|Canadian Press)$/i;
const PAREN = String.raw`\(([^()]{1,40})\)`;
// A place in capitals (one or more words, "KINSHASA/KALEMIE"), then
// optionally a state, country or date after a comma, then parenthesized
// groups, then a dash. A place in ordinary case counts only with a wire
// credit before the dash.
const DATELINE = new RegExp(
  String.raw`^\s*(?:(\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[ /]\p{Lu}[\p{Lu}\p{M}'’.-]*)*)|\p{Lu}[\p{L}\p{M}'’.-]*(?: \p{Lu}[\p{L}\p{M}'’.-]*){0,3})` +
    String.raw`(?:,[^,()—–]{1,30}?)?((?:\s*${PAREN})*)\s*(?:—|–|--|\s-)\s*`,
  'u',
);

/** `text` with its dateline and parenthesized wire credits replaced by spaces (offsets kept). */
function blankCredits(text: string): string {
  const blank = (x: string): string => ' '.repeat(x.length);
  let out = text;
  const m = DATELINE.exec(text);
  if (m) {
    const parens = [...m[2].matchAll(new RegExp(PAREN, 'g'))].map((p) => p[1].trim());
    if (m[1] !== undefined || parens.some((p) => AGENCY.test(p))) out = blank(m[0]) + text.slice(m[0].length);
  }
  return out.replace(new RegExp(PAREN, 'g'), (x, inner: string) => (AGENCY.test(inner.trim()) ? blank(x) : x));
}

// ---------------------------------------------------------------------------
// Tokens

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** First word of the sentence (or of a quotation), where capitals say nothing. */
  initial: boolean;
}

// Numbers (incl. "1,500", ".85" and the decimal comma of "1,2 million"),
// dotted abbreviations ("U.S.") and titles ("Lt. Col."), middle initials
// ("George W. Bush"), words with inner hyphens or apostrophes.
const TOKEN =
  /(?<!\p{L})(?:Mr|Mrs|Ms|Dr|Lt|Col|Gen|Sen|Rep|Gov|Sgt|Capt|Maj|Adm|Cpl|Pvt|St|Jr|Sr|Prof|Rev|Corp|Inc|Co|Ltd)\.(?=\s)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?|(?<![\p{L}\p{N}])\.\d+|\p{L}(?:\.\p{L})+\.?|\p{Lu}\.(?=\s\p{Lu})|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\S/gu;
const OPENERS = new Set(['“', '‘', '(', ':', '—', '–', '-']);
// A straight quote opens a quotation only when it leans on the word after it:
// in '..., he said. "The' it opens, in '...event," World' it closes.
const STRAIGHT_QUOTES = new Set(['"', "'"]);

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let words = false;
  for (const m of text.matchAll(TOKEN)) {
    const prev = toks[toks.length - 1];
    const t = m[0];
    const opened = prev !== undefined && (OPENERS.has(prev.text) || (STRAIGHT_QUOTES.has(prev.text) && prev.end === m.index));
    const low = t.toLowerCase();
    const tok = { text: t, lower: low.includes('’') ? low.replace(/’/g, "'") : low, start: m.index, end: m.index + t.length, initial: !words || opened };
    toks.push(tok);
    words ||= isWord(tok);
  }
  return toks;
}

const WORD_START = /[\p{L}\p{N}]/u;
const isWord = (t: Tok): boolean => {
  const c = t.text.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_START.test(t.text[0]);
};
// Only case, spacing and quote style: symbols such as "$" and "€" carry meaning.
const normalize = (s: string): string =>
  s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
const quote = (toks: Tok[]): string => toks.map((t) => t.text).join(' ');

// ---------------------------------------------------------------------------
// Truncation: the copy is the source with a trailing clause cut off.

const CLAUSE_OPENERS = new Set(
  'but and while whereas although though which who whom where as after before because since until unless when despite saying adding according citing even yet so'.split(
    ' ',
  ),
);

function truncation(source: string, src: Tok[], cpy: Tok[]): { at: number; tail: string } | undefined {
  const sw = src.filter(isWord);
  const cw = cpy.filter(isWord);
  const pairs = lcs(
    sw.map((t) => t.lower),
    cw.map((t) => t.lower),
  );
  if (!pairs.length) return undefined;
  // Both must start together: a copy that opens with other words (a moved
  // clause, "According to X, ...") is a rewrite, not a cut.
  if (pairs[0][0] > 2 || pairs[0][1] > 2) return undefined;
  const [lastS, lastC] = pairs[pairs.length - 1];
  const tail = sw.slice(lastS + 1);
  if (tail.length < 3 || cw.length - 1 - lastC > 2) return undefined;
  // ", according to the Palo Alto company." -> ", it said.": the attribution
  // was reworded, not cut (the speaker check compares who says it); nor is
  // it cut from a quotation the copy leaves open (see openQuote).
  const attributes = (ts: Tok[]): boolean => ts.some((t) => ATTRIBUTION.has(t.lower));
  if (attributes(tail) && (attributes(cw.slice(lastC + 1)) || openQuote(cpy))) return undefined;
  if (pairs.length < 0.6 * cw.length || pairs.length < 0.6 * (lastS + 1)) return undefined;
  // The cut must fall at a clause boundary: punctuation or a clause opener.
  const i = src.indexOf(sw[lastS]);
  const next = src[i + 1];
  const boundary = next && (/^[,;:—–(-]$/.test(next.text) || CLAUSE_OPENERS.has(next.lower));
  if (!boundary) return undefined;
  const copyWords = new Set(cw.map((t) => t.lower));
  const content = tail.filter((t) => !STOPWORDS.has(t.lower));
  const gone = content.filter((t) => !copyWords.has(t.lower)).length;
  if (!content.length || gone < 0.7 * content.length) return undefined;
  const at = next.start;
  return { at, tail: source.slice(at).trim() };
}

/** Index pairs of a longest common subsequence of a and b. */
function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

// ---------------------------------------------------------------------------
// Negation. Cues are counted, not compared word for word, so that "refused
// to" and "would not" (both one negation) count the same.

const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'nowhere', 'neither', 'nor', 'without', 'cannot', 'unable']);
// Contractions typed without their apostrophe ("dont", "havent").
const APOSTROPHELESS = /^(?:do|does|did|is|are|was|were|has|have|had|could|would|should|ca|wo|must|need)nt$/;
const DENY = /^den(?:y|ies|ied|ying|ial|ials)$/;
const NEGATING_VERBS = /^(?:refus(?:e|es|ed|ing)|refusal)$/;
const NEEDS_TO = /^(?:fail(?:s|ed|ing|ure)?|declin(?:e|es|ed|ing))$/;
// "declined comment", "declined requests for an interview"; not "declined the most".
const DECLINED_WHAT = /^(?:comment|requests?|invitations?|interviews?)$/;

// Phrases built on a negation word that negate nothing the sentence claims:
// the terms of a source's anonymity ("asked not to be named", "was not
// authorized to speak") and bounds on an amount ("no fewer than 41").
// Matched on the lowercased tokens joined by single spaces.
const NEUTRAL_NEGATIONS = new RegExp(
  [
    String.raw`\b(?:asks?|asked|asking|request(?:s|ed|ing)?|agreed|wish(?:es|ed|ing)?|prefer(?:s|red|ring)?)(?: that)?(?: (?:his|her|their|the) (?:(?:sur|last |full |first |family )?names?|identity))? not (?:to )?be(?:ing)? (?:named|identified|quoted|used|published|printed|given|disclosed|revealed)\b`,
    String.raw`\bcondition (?:of|that) (?:\S+ ){0,3}?not (?:be(?:ing)? )?(?:named|identified|quoted)\b`,
    String.raw`\b(?:declin|refus)(?:e|es|ed|ing) to be (?:named|identified|quoted)\b`,
    String.raw`\b(?:because|as|since|who|saying) (?:\S+ ){0,2}?(?:(?:is|are|was|were) not|isn't|aren't|wasn't|weren't|(?:has|have|had) not been|(?:hasn't|haven't|hadn't) been) (?:authori[sz]ed|permitted|allowed|cleared) to (?:speak|talk|comment|discuss|brief|be (?:named|identified|quoted))\b`,
    String.raw`\b(?:no|not) (?:fewer|less|more|greater|later|earlier|sooner) than\b`,
    String.raw`\bnothing (?:less|short) (?:than|of)\b`,
    String.raw`\bnot (?:only|least)\b`,
    String.raw`\bwhether or not\b`,
  ].join('|'),
  'g',
);

interface Cue {
  word: string;
  /** Token index. */
  at: number;
  deny: boolean;
}

/** Indices of the tokens inside matches of `re` (global) on the lowercased tokens joined by spaces. */
function phraseTokens(toks: Tok[], re: RegExp): Set<number> {
  const starts: number[] = [];
  let text = '';
  for (const t of toks) {
    starts.push(text.length);
    text += `${t.lower} `;
  }
  const out = new Set<number>();
  for (const m of text.matchAll(re)) starts.forEach((s, i) => s >= m.index && s < m.index + m[0].length && out.add(i));
  return out;
}

function negationCues(toks: Tok[]): Cue[] {
  let neutral: Set<number> | undefined; // found when first needed: most sentences have no cue at all
  const cues: Cue[] = [];
  let neither = false;
  toks.forEach((t, i) => {
    const w = t.lower;
    const next = toks[i + 1]?.lower;
    if (w === 'nor' && neither) return; // "neither ... nor" is one negation
    if (w === 'not' && t.initial && next?.endsWith('ly')) return; // "Not surprisingly, ..."
    if (w === 'no' && (next === '.' || /^\d/.test(next ?? ''))) return; // "No. 10"
    // "three no votes", "the No campaign": the vote's side, not a negation.
    const prev = toks[i - 1]?.lower ?? '';
    if (w === 'no' && (/^(?:the|a|an|this|that|\d+)$/.test(prev) || prev in ONES || prev in TENS)) return;
    // Inside a hyphenated word too: "do-not-call", "no-fly". "Declined to"
    // and "failed to" negate a verb, not an amount ("declined to $36.9 billion").
    const contracted = w.endsWith("n't") || APOSTROPHELESS.test(w);
    const deny = DENY.test(w);
    const cue =
      contracted ||
      deny ||
      w.split('-').some((x) => NEGATORS.has(x)) ||
      NEGATING_VERBS.test(w) ||
      (NEEDS_TO.test(w) && next === 'to' && !/^[\d$£€]/.test(toks[i + 2]?.text ?? '')) ||
      (w.startsWith('declin') && DECLINED_WHAT.test(next ?? ''));
    if (!cue) return;
    neutral ??= phraseTokens(toks, NEUTRAL_NEGATIONS);
    if (neutral.has(i)) return;
    cues.push({ word: contracted ? "n't" : w, at: i, deny });
    if (w === 'neither') neither = true;
  });
  return cues;
}

// Negative-prefix words a rewrite may use instead of "not": "unharmed" for
// "not injured", "unknown" for "not known".
const NEGATIVE_PREFIX = /^(?:un|non-?)(?!der|it|ion|ique|ivers|til|veil)\p{L}{4,}$/u;
// Verbs that deny as "denied" does: "rejected any troop movements". They
// stand in for a denial, but are no cue by themselves ("rejected the offer").
const DENIAL_SYNONYMS =
  /^(?:reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|rebuff(?:s|ed|ing)?|rebut(?:s|ted|ting)?|repudiat(?:e|es|ed|ing))$/;
// "Not X" said as one word Y: "did not open" for "were closed", "not
// allowed" for "banned". Either side may be the negated one ("not closed" =
// "open"). Only pairs without middle ground: "did not win" is not "lost" (a
// draw), nor is "did not confirm" "denied".
const ANTONYMS: [RegExp, RegExp][] = [
  [/^(?:re)?open(?:s|ed|ing)?$/, /^(?:clos(?:e|es|ed|ing|ure)|shut|shuts|shutting)$/],
  [/^(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?)$/, /^(?:forb(?:id|ids|ade|idden)|ban(?:s|ned)?|prohibit(?:s|ed|ing)?|bar(?:s|red)?)$/],
  [/^includ(?:e|es|ed|ing)$/, /^(?:exclud(?:e|es|ed|ing)|omit(?:s|ted)?)$/],
  [/^(?:succeed(?:s|ed)?|pass(?:es|ed)?)$/, /^fail(?:s|ed|ure)?$/],
  [/^accept(?:s|ed|ing)?$/, /^(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing))$/],
  [/^(?:remain(?:s|ed)?|stay(?:s|ed)?)$/, /^(?:leave|leaves|left|depart(?:s|ed)?)$/],
  [/^surviv(?:e|es|ed|ing)$/, /^(?:die|dies|died|dead)$/],
  [/^guilty$/, /^(?:innocent|acquit(?:s|ted|tal)?)$/],
  [/^(?:present|attend(?:s|ed|ing)?)$/, /^(?:absent|miss(?:es|ed)?|skip(?:s|ped)?)$/],
  [/^(?:same|identical)$/, /^(?:different|differ(?:s|ed)?)$/],
  [/^(?:have|has|had|having)$/, /^lack(?:s|ed|ing)?$/],
];
const STOPS = /^(?:stop|stops|stopped|stopping|ceased?|ceases|ceasing|quit|quits|halted?|halts|ended)$/;

function negationChange(src: Tok[], cpy: Tok[]): string | undefined {
  const a = negationCues(src);
  const b = negationCues(cpy);
  if (a.length === b.length) return undefined;
  const [fewer, more, moreCues] = a.length < b.length ? [src, cpy, b] : [cpy, src, a];
  const moreWords = new Set(more.map((t) => t.lower));
  // A word on the side with fewer cues that says a negation in itself
  // accounts for one cue of the other side: "unharmed" for "not harmed",
  // "rejected" for "denied", "closed" for "did not open".
  const prefixed = (w: string): boolean => {
    if (NEGATIVE_PREFIX.test(w)) return true;
    // "not sufficient" -> "insufficient", "did not agree" -> "disagreed".
    const m = /^(?:un|in|im|il|ir|dis|non-?)(\p{L}{4,})$/u.exec(w);
    return m !== null && [...moreWords].some((x) => x.length >= 4 && (x.startsWith(m[1].slice(0, -2)) || m[1].startsWith(x.slice(0, -2))));
  };
  const near = (c: Cue, re: RegExp): boolean => more.slice(Math.max(0, c.at - 1), c.at + 4).some((t) => re.test(t.lower));
  const covers = (w: string, c: Cue): boolean =>
    prefixed(w) ||
    (c.deny && DENIAL_SYNONYMS.test(w)) ||
    // "no longer produces" -> "has stopped producing"
    (c.word === 'no' && more[c.at + 1]?.lower === 'longer' && STOPS.test(w)) ||
    ANTONYMS.some(([x, y]) => (y.test(w) && near(c, x)) || (x.test(w) && near(c, y)));
  const open = [...moreCues];
  for (const t of fewer) {
    if (moreWords.has(t.lower)) continue;
    const k = open.findIndex((c) => covers(t.lower, c));
    if (k >= 0) open.splice(k, 1);
  }
  if (open.length <= Math.min(a.length, b.length)) return undefined;
  const list = (xs: string[]): string => xs.map((x) => `'${x}'`).join(', ');
  const [aw, bw] = [a.map((c) => c.word), b.map((c) => c.word)];
  if (!a.length) return `negation added: ${list(bw)}`;
  if (!b.length) return `negation removed: ${list(aw)}`;
  const extra = a.length > b.length ? minus(aw, bw) : minus(bw, aw);
  const what = extra.length ? list(extra) : list(a.length > b.length ? aw : bw);
  return `negation ${a.length > b.length ? 'removed' : 'added'}: ${what} (${a.length} -> ${b.length} cues)`;
}

/** Multiset difference a - b. */
function minus(a: string[], b: string[]): string[] {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

// ---------------------------------------------------------------------------
// Numbers and units

interface Quantity {
  /** The number as written, multiplier applied ("1.5 million" = 1.5e6). */
  value: number;
  unit?: string;
  dim?: string;
  /** Value in the dimension's base unit, for conversions. */
  base?: number;
  kind: 'num' | 'ordinal' | 'time';
  approx: boolean;
  text: string;
  start: number;
  /** The words either side, to tell a changed number from an unrelated one. */
  context: [string, string];
}

const ONES: Record<string, number> = dict(Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i]),
));
const TENS: Record<string, number> = dict(Object.fromEntries(
  'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, 20 + 10 * i]),
));
const SCALES: Record<string, number> = dict({ hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
const SUFFIX_SCALES: Record<string, number> = dict({ k: 1e3, bn: 1e9, b: 1e9, tn: 1e12, mn: 1e6 });
const ORDINALS: Record<string, number> = dict(Object.fromEntries(
  'first second third fourth fifth sixth seventh eighth ninth tenth'.split(' ').map((w, i) => [w, i + 1]),
));
const DENOMINATORS: Record<string, number> = dict({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  eighth: 8, eighths: 8, tenth: 10, tenths: 10,
});
const APPROX = new Set(['about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'than', 'under', 'circa', 'estimated']);
// Two-word approximators, keyed by their last word: "up to", "at least", "close to".
const APPROX2: Record<string, string[]> = dict({ to: ['up', 'close'], least: ['at'], most: ['at'] });
const CURRENCY_SIGNS: Record<string, string> = dict({ $: 'usd', '£': 'gbp', '€': 'eur', '¥': 'jpy' });
// unit word -> [unit, dimension, factor to the dimension's base unit]
const UNITS: Record<string, [string, string, number]> = dict({});
const unit = (words: string, u: string, dim: string, f: number): void => {
  for (const w of words.split(' ')) UNITS[w] = [u, dim, f];
};
unit('km kms kilometre kilometres kilometer kilometers', 'km', 'length', 1000);
unit('metre metres meter meters', 'm', 'length', 1);
unit('cm centimetre centimetres centimeter centimeters', 'cm', 'length', 0.01);
unit('mile miles mi', 'mi', 'length', 1609.34);
unit('ft foot feet', 'ft', 'length', 0.3048);
unit('yard yards yd', 'yd', 'length', 0.9144);
unit('inch inches', 'in', 'length', 0.0254);
unit('kg kilo kilos kilogram kilograms kilogramme kilogrammes', 'kg', 'mass', 1);
unit('gram grams g', 'g', 'mass', 0.001);
unit('tonne tonnes ton tons', 't', 'mass', 1000);
unit('lb lbs', 'lb', 'mass', 0.4536);
unit('pound pounds', 'pound', 'pound', 1); // weight or sterling: never converted
unit('hectare hectares ha', 'ha', 'area', 1e4);
unit('acre acres', 'acre', 'area', 4046.86);
unit('km2', 'km2', 'area', 1e6);
unit('mph', 'mph', 'speed', 1.609);
unit('kph kmh', 'km/h', 'speed', 1);
unit('litre litres liter liters', 'l', 'volume', 1);
unit('gallon gallons', 'gal', 'volume', 3.785);
unit('barrel barrels', 'bbl', 'volume', 159);
unit('second seconds', 's', 'duration', 1);
unit('minute minutes', 'min', 'duration', 60);
unit('hour hours', 'h', 'duration', 3600);
unit('day days', 'day', 'duration', 86400);
unit('week weeks', 'week', 'duration', 604800);
unit('month months', 'month', 'duration', 2.63e6);
unit('year years', 'year', 'duration', 3.156e7);
unit('percent % pc', '%', 'ratio', 0.01);
unit('dollar dollars usd', 'usd', 'usd', 1);
unit('euro euros eur', 'eur', 'eur', 1);
unit('sterling gbp', 'gbp', 'gbp', 1);
unit('yuan', 'cny', 'cny', 1);
unit('rupee rupees', 'inr', 'inr', 1);
unit('celsius c', 'C', 'temperature', 1);
unit('fahrenheit f', 'F', 'temperature', 1);

const TIME = /\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b\.?|\b(\d{1,2}):(\d{2})\b/gi;

function quantities(toks: Tok[], text: string): Quantity[] {
  const out: Quantity[] = [];
  const used = new Set<number>();
  for (const m of text.matchAll(TIME)) {
    const h = Number(m[1] ?? m[4]) % 12 + (m[3]?.toLowerCase() === 'p' ? 12 : 0);
    const hour = m[3] ? h : Number(m[4]);
    out.push({ value: hour * 60 + Number(m[2] ?? m[5] ?? 0), kind: 'time', approx: false, text: m[0], start: m.index, context: ['', ''] });
    toks.forEach((t, i) => {
      if (t.start >= m.index && t.start < m.index + m[0].length) used.add(i);
    });
  }
  for (let i = 0; i < toks.length; i++) {
    if (used.has(i)) continue;
    const q = quantityAt(toks, i, text);
    if (!q) continue;
    out.push(q.q);
    i = q.next - 1;
  }
  return out;
}

/** Whether `quantities` could find anything: a digit, or a word a number is read from. */
function mayHoldQuantity(toks: Tok[]): boolean {
  for (const t of toks) {
    const s = t.text;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
    }
    if (t.lower.includes('-')) {
      for (const w of t.lower.split('-')) if (numberWord(w)) return true;
    } else if (numberWord(t.lower)) return true;
  }
  return false;
}

const NUMBER_WORDS = new Set([...[ONES, TENS, SCALES, ORDINALS, DENOMINATORS].flatMap((t) => Object.keys(t)), 'dozen']);
const numberWord = (w: string): boolean => NUMBER_WORDS.has(w);

/** The quantity starting at token i, if any, and the index after it. */
function quantityAt(toks: Tok[], i: number, text: string): { q: Quantity; next: number } | undefined {
  const t = toks[i];
  const attachedAfter = (k: number): boolean => toks[k + 1] !== undefined && toks[k + 1].start === toks[k].end;
  let value: number | undefined;
  let j = i;
  let kind: Quantity['kind'] = 'num';
  let fraction = false;
  if (/^\d/.test(t.text)) {
    // Part of a name or code ("F-16", "G20", "COVID-19"): not a quantity.
    const before = text.slice(Math.max(0, t.start - 2), t.start);
    if (/\p{L}-?$/u.test(before)) return undefined;
    value = Number(/^\d+,\d{1,2}$/.test(t.text) ? t.text.replace(',', '.') : t.text.replace(/,/g, ''));
    j = i + 1;
    // "2/32", "24/7": ratios and codes, not amounts.
    if ((toks[j]?.text === '/' && attachedAfter(i)) || (toks[i - 1]?.text === '/' && toks[i - 1].end === t.start)) return undefined;
    // "38-million": the hyphen joins number and multiplier.
    if (toks[j]?.text === '-' && toks[j + 1]?.lower in SCALES && attachedAfter(i)) j++;
    if (attachedAfter(i) && /^\p{L}/u.test(toks[i + 1].text)) {
      const suf = toks[i + 1].lower;
      if (/^(?:st|nd|rd|th)$/.test(suf)) {
        kind = 'ordinal';
        j++;
      } else if (!(suf in SUFFIX_SCALES) && !(suf in UNITS) && suf !== 'm') return undefined;
    }
  } else {
    const w = wordNumber(toks, i);
    if (!w) return undefined;
    ({ value, next: j, kind, fraction } = w);
  }
  // Multiplier: "1.5 million", "$30m", "2bn".
  const mult = toks[j]?.lower;
  const currencyBefore = CURRENCY_SIGNS[toks[i - 1]?.text ?? ''];
  if (kind === 'num' && mult !== undefined) {
    if (mult in SCALES && !(toks[j + 1]?.lower === 'of' && mult.endsWith('s'))) {
      value *= SCALES[mult];
      j++;
    } else if (mult in SUFFIX_SCALES || (mult === 'm' && (currencyBefore || !Number.isInteger(value)))) {
      value *= SUFFIX_SCALES[mult] ?? 1e6;
      j++;
    }
  }
  let u: [string, string, number] | undefined = currencyBefore ? [currencyBefore, currencyBefore, 1] : undefined;
  if (fraction) u = ['fraction', 'ratio', 1];
  else if (kind === 'num') {
    const w = toks[j]?.lower;
    const w2 = toks[j + 1]?.lower;
    if (w === 'per' && w2 === 'cent') {
      u = UNITS.percent;
      j += 2;
    } else if ((w === 'square' || w === 'sq') && (w2 === 'km' || w2?.startsWith('kilomet'))) {
      u = UNITS.km2;
      j += 2;
    } else if (w === 'degrees' && (w2 === 'celsius' || w2 === 'fahrenheit')) {
      u = UNITS[w2];
      j += 2;
    } else if (w === 'km' && toks[j + 1]?.text === '/' && toks[j + 2]?.lower === 'h') {
      u = UNITS.kph;
      j += 3;
    } else if (w !== undefined && w in UNITS && (w.length > 1 || toks[j].start === toks[j - 1].end)) {
      u = UNITS[w];
      j++;
    } else if (w === 'm' && toks[j].start === toks[j - 1].end) {
      u = UNITS.metre;
      j++;
    }
  }
  const at = currencyBefore ? i - 1 : i;
  const prev = toks[at - 1]?.lower ?? '';
  const prev2 = toks[at - 2]?.lower ?? '';
  const approx = APPROX.has(prev) || (APPROX2[prev]?.includes(prev2) ?? false) || (prev === 'an' && prev2 === 'estimated');
  const base = u ? (u[1] === 'ratio' && u[0] === 'fraction' ? value : value * u[2]) : undefined;
  const start = currencyBefore ? toks[i - 1].start : t.start;
  const context: [string, string] = [toks[at - 1]?.lower ?? '', toks[j]?.lower ?? ''];
  const q: Quantity = { value, kind, approx, start, text: text.slice(start, toks[j - 1].end), context };
  if (u) Object.assign(q, { unit: u[0], dim: u[1], base });
  return { q, next: j };
}

/** A number written in words at token i: "twenty-five", "a dozen", "two-thirds", "third". */
function wordNumber(
  toks: Tok[],
  i: number,
): { value: number; next: number; kind: Quantity['kind']; fraction: boolean } | undefined {
  const w = toks[i].lower;
  const next = toks[i + 1]?.lower;
  const prev = toks[i - 1]?.lower;
  const parts = w.split('-');
  // Fractions: "two-thirds", "two thirds", "a third of", "half".
  if (parts.length === 2 && parts[0] in ONES && parts[1] in DENOMINATORS)
    return { value: ONES[parts[0]] / DENOMINATORS[parts[1]], next: i + 1, kind: 'num', fraction: true };
  if ((w in ONES || w === 'a') && next !== undefined && next in DENOMINATORS && toks[i + 2]?.lower === 'of')
    return { value: (ONES[w] ?? 1) / DENOMINATORS[next], next: i + 2, kind: 'num', fraction: true };
  if (w === 'half' && prev !== 'a' && (next === 'of' || next === 'the'))
    return { value: 0.5, next: i + 1, kind: 'num', fraction: true };
  if (w in ORDINALS && !(prev !== undefined && (prev in ONES || /^\d/.test(prev))) && next !== 'of')
    return { value: ORDINALS[w], next: i + 1, kind: 'ordinal', fraction: false };
  if (w === 'dozen' || (w === 'a' && next === 'dozen'))
    return { value: 12, next: w === 'a' ? i + 2 : i + 1, kind: 'num', fraction: false };
  if (w === 'a' && next !== undefined && next in SCALES && !next.endsWith('s'))
    return { value: SCALES[next], next: i + 2, kind: 'num', fraction: false };
  if (w === 'one' && (['no', 'any', 'every', 'each', 'the', 'this', 'that', 'which'].includes(prev ?? '') || next === 'another'))
    return undefined;
  // "two-year-old", "twenty-five", "three-day"
  if (parts.length > 1 && (parts[0] in ONES || parts[0] in TENS)) {
    const value = parts[0] in TENS && parts[1] in ONES ? TENS[parts[0]] + ONES[parts[1]] : (ONES[parts[0]] ?? TENS[parts[0]]);
    if (parts.length === 2 && parts[0] in TENS && parts[1] in ONES) {
      // a plain hyphenated number: fall through so "twenty-five thousand" scales
    } else return { value, next: i + 1, kind: 'num', fraction: false };
  }
  let total = 0;
  let current = 0;
  let j = i;
  let any = false;
  for (; j < toks.length; j++) {
    const x = toks[j].lower;
    const [a, b] = x.split('-');
    if (x in ONES) current += ONES[x];
    else if (x in TENS) current += TENS[x];
    else if (b !== undefined && a in TENS && b in ONES) current += TENS[a] + ONES[b];
    else if (any && (x === 'hundred' || x === 'thousand') && toks[j + 1]?.lower !== 'of') {
      current = (current || 1) * SCALES[x];
      if (x === 'thousand') (total += current), (current = 0);
    } else if (any && x === 'and' && toks[j + 1] !== undefined && (toks[j + 1].lower in ONES || toks[j + 1].lower.split('-')[0] in TENS))
      continue;
    else break;
    any = true;
  }
  if (!any) return undefined;
  return { value: total + current, next: j, kind: 'num', fraction: false };
}

const close = (x: number, y: number, tol: number): boolean => Math.abs(x - y) <= tol * Math.max(Math.abs(x), Math.abs(y)) + 1e-9;

/**
 * Whether one of x, y is the other rounded ("296" -> "300", "$114.3 million"
 * -> "$114 million", "1.36 percent" -> "1.4 percent"). Rounding to one
 * significant digit must also stay within 2%: "14" is not "10".
 */
function rounded(x: number, y: number): boolean {
  if (x === y) return true;
  const digits = (v: number): number => String(v).replace(/^0\.0*|\.|0+$/g, '').length;
  const [r, v] = digits(x) < digits(y) ? [x, y] : [y, x];
  if (digits(r) < 2 && !close(x, y, 0.02)) return false;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(r))) - digits(r) + 1);
  return Math.abs(Math.round(v / step) * step - r) < step / 2;
}

function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) return false;
  const approx = a.approx || b.approx;
  const equal = (x: number, y: number): boolean => (approx ? close(x, y, 0.1) : rounded(x, y));
  if (a.dim && b.dim) {
    if (a.dim !== b.dim) return false;
    if (a.unit === b.unit) return equal(a.value, b.value);
    if (a.dim === 'ratio') return Math.abs(a.base! - b.base!) <= 0.011;
    if (a.dim === 'temperature') {
      const c = (q: Quantity): number => (q.unit === 'F' ? ((q.value - 32) * 5) / 9 : q.value);
      return Math.abs(c(a) - c(b)) <= 1;
    }
    return close(a.base!, b.base!, approx ? 0.1 : 0.05);
  }
  return equal(a.value, b.value);
}

function numberChanges(src: Tok[], cpy: Tok[]): ['number' | 'unit', string][] {
  // Most reworded pairs hold no number at all: then there is nothing to read.
  if (!mayHoldQuantity(src) && !mayHoldQuantity(cpy)) return [];
  const text = (toks: Tok[]): string => {
    // Quantities are read from the text the tokens cover (offsets stay valid).
    let s = '';
    for (const t of toks) s = s.padEnd(t.start, ' ') + t.text;
    return s;
  };
  const a = quantities(src, text(src));
  const b = quantities(cpy, text(cpy));
  // One-to-one: "five elections in five states" -> "five elections in
  // seventeen states" leaves one five unmatched. Identical mentions pair
  // first, so that the lenient matches (conversions, a unit on one side only)
  // cannot take a quantity an exact mention needs.
  const restA = [...a];
  const restB = [...b];
  const identical = (x: Quantity, y: Quantity): boolean => x.value === y.value && x.unit === y.unit && x.kind === y.kind;
  const samePlace = (x: Quantity, y: Quantity): boolean => x.context[0] === y.context[0] && x.context[1] === y.context[1];
  const passes = [(x: Quantity, y: Quantity) => identical(x, y) && samePlace(x, y), identical, sameQuantity];
  for (const same of passes)
    for (let i = 0; i < restA.length; i++) {
      const x = restA[i];
      const j = restB.findIndex((y) => same(x, y));
      if (j < 0) continue;
      restA.splice(i--, 1);
      restB.splice(j, 1);
    }
  // A change may be stated by its size: "to $2,800 from $2,500" -> "will
  // rise by $300 to $2,800". Only amounts with a unit: bare small numbers
  // differ by each other too often by chance.
  const difference = (q: Quantity, qs: Quantity[]): boolean =>
    q.unit !== undefined &&
    qs.some((x, i) => x.unit === q.unit && qs.some((y, j) => i < j && y.unit === q.unit && close(Math.abs(x.value - y.value), q.value, 1e-6)));
  for (const [rest, other] of [[restA, b], [restB, a]])
    for (let i = rest.length - 1; i >= 0; i--) if (difference(rest[i], other)) rest.splice(i, 1);
  const out: ['number' | 'unit', string][] = [];
  // Pair what is left, closest first. A changed number keeps its place: the
  // same unit, or the same word before or after it ("12 people" -> "21
  // people"); otherwise the two are different facts ("2002" and "$600", "Aug.
  // 3" and "a 62-43 vote"), not one fact changed. The same value in another
  // unit is a changed unit.
  // "2,000" is an amount: years are written without a thousands comma.
  const year = (q: Quantity): boolean => !q.dim && /^\d{4}$/.test(q.text.trim()) && q.value >= 1900 && q.value <= 2100;
  const cost = (x: Quantity, y: Quantity): number => {
    if (x.kind !== y.kind || year(x) !== year(y)) return Infinity;
    const unitChange = x.value === y.value && x.unit && y.unit && x.unit !== y.unit;
    if (!unitChange && x.dim !== y.dim) return Infinity;
    const sameSpot = (x.dim && x.dim === y.dim) || x.context[0] === y.context[0] || x.context[1] === y.context[1];
    if (!sameSpot) return Infinity;
    return Math.abs(Math.log10((Math.abs(x.value) + 1) / (Math.abs(y.value) + 1)));
  };
  while (restA.length && restB.length) {
    let best: [number, number, number] = [Infinity, -1, -1];
    restA.forEach((x, i) => restB.forEach((y, j) => {
      const c = cost(x, y);
      if (c < best[0]) best = [c, i, j];
    }));
    if (best[0] === Infinity) break;
    const [x] = restA.splice(best[1], 1);
    const [y] = restB.splice(best[2], 1);
    const unitChanged = x.value === y.value && (x.unit ?? '') !== (y.unit ?? '') && Boolean(x.unit && y.unit);
    out.push([unitChanged ? 'unit' : 'number', `${x.text.trim()} -> ${y.text.trim()}`]);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Named entities: runs of capitalized words.

interface Entity {
  text: string;
  /** Lowercase name tokens without titles or dots. */
  key: string[];
  /** All lowercase name tokens, titles included ("general electric"), for acronyms. */
  full: string[];
  /** Keys of the names a connector joins ("scholz", "germany" in "Scholz of Germany"). */
  parts: string[][];
  start: number;
  end: number;
  /** Token index range [from, to). */
  from: number;
  to: number;
}

const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'di', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', '&']);
const TITLES = new Set(
  `mr mrs ms dr prof president chancellor vice prime minister ministers secretary general gen lt col colonel maj major capt captain sgt
  sen senator rep representative gov governor mayor chief chairman chairwoman spokesman spokeswoman spokesperson commander
  king queen prince princess sheikh judge justice pope ambassador foreign interior defence defense deputy acting former
  director head leader st saint the jr sr inc corp co ltd llc plc group ceo cfo chief`
    .split(/\s+/)
    .filter(Boolean),
);
const CALENDAR = new Set('january february march april may june july august september october november december'.split(' '));
const DEMONYMS: Record<string, string> = dict({
  french: 'france', dutch: 'netherlands', swiss: 'switzerland', greek: 'greece', welsh: 'wales',
  scottish: 'scotland', irish: 'ireland', danish: 'denmark', swedish: 'sweden', finnish: 'finland', polish: 'poland',
  turkish: 'turkey', spanish: 'spain', portuguese: 'portugal', thai: 'thailand', filipino: 'philippines', yemeni: 'yemen',
  saudi: 'arabia', iraqi: 'iraq', israeli: 'israel', kuwaiti: 'kuwait', qatari: 'qatar', omani: 'oman', emirati: 'emirates',
  american: 'us', americans: 'us', america: 'us', britain: 'uk', british: 'uk',
});

const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun'.split(' '));

/** 'day' for a weekday, 'month' for a month (either spelled out or abbreviated), else ''. */
function calendar(e: Entity): string {
  const w = e.key.length === 1 ? e.key[0].replace(/s$/, '') : '';
  if (WEEKDAYS.has(w)) return 'day';
  return CALENDAR.has(w) || /^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/.test(w) ? 'month' : '';
}
/**
 * Whether the name only says where someone is from, in an aside set off by
 * commas: "Darnell Simien, 41, of Sulphur, ...", "Odyssey Marine, of Tampa,
 * Fla., ..." or "Luis Ortega, a technician from Lake Charles, ...". The
 * aside describes a person or a company; the sentence's claim does not rest on it.
 */
function originAside(e: Entity, src: Tok[]): boolean {
  const end = src[e.to]?.text ?? '';
  return /^[,.;]$/.test(end) && originBefore(src, e.from);
}

/** Whether the place name starting at token `at` opens or continues an origin aside. */
function originBefore(src: Tok[], at: number): boolean {
  const isComma = (t: Tok | undefined): boolean => t?.text === ',';
  const preposition = src[at - 1]?.lower ?? '';
  // "of Tampa, Fla.": the state or country after the place.
  if (isComma(src[at - 1])) {
    let p = at - 1;
    while (p > 0 && (isCap(src[p - 1]) || src[p - 1].text === '.') && at - p < 5) p--;
    return p < at - 1 && isCap(src[p]) && originBefore(src, p);
  }
  if (preposition !== 'of' && preposition !== 'from' && preposition !== 'in') return false;
  // ", of Sulphur," directly, or after an article and lowercase words: ", a technician from Lake Charles,".
  if (isComma(src[at - 2])) return preposition !== 'in';
  let from = at - 1;
  while (from > 0 && !isComma(src[from - 1]) && at - from < 6) from--;
  return (
    isComma(src[from - 1]) &&
    ['a', 'an', 'the'].includes(src[from].lower) &&
    src.slice(from + 1, at - 1).every((t) => isWord(t) && !isCap(t))
  );
}

/**
 * Whether the copy calls the named thing by the name's last word, in lower
 * case after "the": "the Aspen Fire" -> "the fire", "the Interior Ministry"
 * -> "the ministry".
 */
function namedByHead(e: Entity, src: Tok[], cpy: Tok[]): boolean {
  if (e.key.length < 2) return false;
  const head = e.key[e.key.length - 1];
  const common = (t: Tok | undefined): boolean => t !== undefined && t.lower === head && !isCap(t);
  // A lowercase "fire" in the source may be what the copy's "the fire" refers to.
  if (src.some(common)) return false;
  return cpy.some((t, i) => common(t) && (cpy[i - 1]?.lower === 'the' || (cpy[i - 2]?.lower === 'the' && isWord(cpy[i - 1]) && !isCap(cpy[i - 1]))));
}

/**
 * Whether the copy puts a lowercase description where the source had the
 * name, between the same two neighbours: "returned to Tenet as" -> "returned
 * to the company as", "thoughts of Lee." -> "thoughts of the film director.".
 */
function describedInPlace(e: Entity, src: Tok[], cpy: Tok[]): boolean {
  // Punctuation neighbours match any punctuation: "to Colby, Doyle said" -> "to the college.".
  const norm = (t: Tok | undefined): string | undefined => (t && !isWord(t) ? '.' : t?.lower);
  const before = norm(src[e.from - 1]);
  const after = norm(src[e.to]);
  if (before === undefined || after === undefined) return false;
  const srcWords = new Set(src.map((t) => t.lower));
  for (let i = 0; i < cpy.length; i++) {
    if (norm(cpy[i]) !== before) continue;
    for (let k = i + 2; k <= i + 6 && k < cpy.length; k++) {
      const span = cpy.slice(i + 1, k);
      if (!span.every((t) => isWord(t) && !isCap(t))) break;
      if (norm(cpy[k]) === after && span.some((t) => !srcWords.has(t.lower) && !STOPWORDS.has(t.lower))) return true;
    }
  }
  return false;
}

const PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'it', 'its', 'they', 'them', 'their']);
const isCalendar = (e: Entity): boolean => calendar(e) !== '';
const isCap = (t: Tok): boolean => /^\p{Lu}/u.test(t.text) || /^(?:al|el|bin|ibn)-\p{Lu}/u.test(t.text);

/**
 * Capitalized runs in `toks`. A sentence-initial word counts only when it is
 * capitalized mid-sentence somewhere in `context` too: otherwise "Rebels" at
 * the start of one sentence would be a name the other sentence lacks. `loose`
 * adds every sentence-initial capitalized word as a possible name, for
 * matching ("Chadian troops" still names Chad).
 */
function entities(toks: Tok[], context: Tok[][], loose = false): Entity[] {
  const midCaps = new Set(context.flatMap((ts) => ts.filter((t) => isCap(t) && !t.initial).map((t) => t.lower)));
  // Ticker and wire codes ("ERNY.UL", "<.DJI>", "<JPY=>") are not names.
  const code = (i: number): boolean => {
    const p = toks[i - 1];
    const n = toks[i + 1];
    return (p !== undefined && p.end === toks[i].start && /^[.<=/]$/.test(p.text)) || (n !== undefined && n.start === toks[i].end && /^[=>]$/.test(n.text));
  };
  const nameTok = (t: Tok, i: number): boolean =>
    !code(i) &&
    isWord(t) &&
    isCap(t) &&
    !/^\d/.test(t.text) &&
    t.lower !== 'i' &&
    !(t.lower in UNITS) &&
    (!t.initial || midCaps.has(t.lower) || isAcronym(t.text));
  // A capitalized number word continues a name ("Big Four") but starts none ("Two Out Of Three").
  const numberWord = (t: Tok): boolean => t.lower in ONES || t.lower in TENS || t.lower in SCALES;
  const out: Entity[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!nameTok(toks[i], i) || numberWord(toks[i])) continue;
    let j = i + 1;
    for (;;) {
      // A possessive ends a name: "Germany's Chancellor Olaf Scholz" is two.
      if (/'s$/.test(toks[j - 1].lower)) break;
      if (j < toks.length && nameTok(toks[j], j)) j++;
      else if (CONNECTORS.has(toks[j]?.lower) && toks[j + 1] && nameTok(toks[j + 1], j + 1)) j += 2;
      else break;
    }
    const run = toks.slice(i, j);
    const full = run.flatMap((t) => keyWords(t.lower)).filter((w) => !CONNECTORS.has(w));
    // A name made only of title words ("Prime Minister") is its own key.
    const titled = full.filter((w) => !TITLES.has(w));
    const named = titled.length ? titled : full;
    // "S&P" is one acronym, as "U.S." is.
    const key = named.length > 1 && named.every((w) => w.length === 1) ? [named.join('')] : named;
    // The names a connector joins may be one name ("Bank of England") or two
    // ("Scholz of Germany"); matching tries both.
    const parts: string[][] = [];
    for (let k = i, start = i; k <= j; k++) {
      if (k < j && !CONNECTORS.has(toks[k].lower)) continue;
      const part = toks.slice(start, k).flatMap((t) => keyWords(t.lower)).filter((w) => !TITLES.has(w));
      if (part.length) parts.push(part);
      start = k + 1;
    }
    if (parts.length < 2) parts.length = 0;
    const text = quote(run).replace(/ '/g, "'");
    // Lone initials ("W", "R-Texas") name nothing by themselves.
    if (key.some((w) => w.length > 1)) out.push({ text, key, full, parts, start: run[0].start, end: run[run.length - 1].end, from: i, to: j });
    i = j - 1;
  }
  if (loose)
    toks.forEach((t, i) => {
      if (t.initial && isWord(t) && isCap(t) && !out.some((e) => e.from <= i && i < e.to)) {
        const key = keyWords(t.lower);
        out.push({ text: t.text, key, full: key, parts: [], start: t.start, end: t.end, from: i, to: i + 1 });
        // With the name it may begin: "Associated Press" at the start of a sentence.
        const next = out.find((e) => e.from === i + 1);
        if (next)
          out.push({ ...next, text: `${t.text} ${next.text}`, key: [...key, ...next.key], full: [...key, ...next.full], parts: [], start: t.start, from: i });
      }
    });
  return out;
}

// "Houston-based", "Saudi-led": the word after the hyphen relates the name
// to what follows and is no part of it, so "Houston-headquartered Calder
// Industries" keeps both names of "Houston-based Calder Industries".
const NAME_MODIFIERS = new Set(
  'based headquartered born bred owned run operated registered listed made led backed funded sponsored allied aligned controlled held affiliated linked bound style era area'.split(
    ' ',
  ),
);

/** "O'Neill's" -> ["oneill"], "DVD-CCA" -> ["dvd", "cca"], "U.S." -> ["us"], "H-P" -> ["hp"], "Houston-based" -> ["houston"]. */
function keyWords(w: string): string[] {
  // Most words have nothing to strip or split.
  if (w && !w.includes("'") && !w.includes('.') && !w.includes('-')) return [w];
  const parts = w
    .replace(/'s$/, '')
    .replace(/[.']/g, '')
    .split('-')
    .filter((p, i) => p && !(i > 0 && NAME_MODIFIERS.has(p)));
  // "H-P" is "hp", as "U.S." is "us".
  return parts.length > 1 && parts.every((p) => p.length === 1) ? [parts.join('')] : parts;
}

const isAcronym = (s: string): boolean => /^\p{Lu}{2,6}$/u.test(s.replace(/\./g, ''));

/** Every capitalized word of `a` is a word of `b` (compared as entity key words). */
function capitalsShared(a: Tok[], b: Tok[]): boolean {
  let words: Set<string> | undefined;
  for (const t of a) {
    if (!isWord(t) || !isCap(t)) continue;
    words ??= new Set(b.filter(isWord).flatMap((x) => keyWords(x.lower)));
    // Single letters join into one key ("S", "P" -> "sp"): let the full check decide.
    for (const w of keyWords(t.lower)) if (w.length < 2 || !words.has(w)) return false;
  }
  return true;
}

/** Whether two entity mentions can name the same thing ("Ismail Khan"/"Khan", "UN"/"United Nations"). */
function sameEntity(a: Entity, b: Entity): boolean {
  const variants = (e: Entity): [string[], string[]][] => [[e.key, e.full], ...e.parts.map((p): [string[], string[]] => [p, p])];
  return variants(a).some(([ka, fa]) => variants(b).some(([kb, fb]) => sameName(ka, fa, kb, fb)));
}

// A middle initial may be left out: "Robert A. Eckert" / "Robert Eckert".
const withoutInitials = (k: string[]): string[] => (k.length > 2 ? k.filter((w, i) => w.length > 1 || i === 0 || i === k.length - 1) : k);

function sameName(keyA: string[], fa: string[], keyB: string[], fb: string[]): boolean {
  const ka = withoutInitials(keyA);
  const kb = withoutInitials(keyB);
  const [x, y, yFull] = ka.length <= kb.length ? [ka, kb, fb] : [kb, ka, fa];
  // Every word of the shorter name in the longer one, up to spelling
  // variants and short forms ("Tim Muris"/"Timothy Muris", "Nov"/"November").
  // An acronym stands for a run of the other name's words: "US Treasury" /
  // "United States Treasury", "GE" / "General Electric".
  const spelled = (w: string): boolean => y.some((v) => sameWord(w, v)) || acronymOf(w, yFull) || acronymOf(DEMONYMS[w] ?? '', yFull);
  if (x.every(spelled)) return true;
  return x.length === 1 && y.length === 1 && sameStem(x[0], y[0]);
}

function acronymOf(w: string, words: string[]): boolean {
  if (w.length < 2) return false;
  const initials = words.filter((v) => v !== 'and').map((v) => v[0]).join('');
  return initials.includes(w);
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length >= 3 && l.startsWith(s)) return true;
  // Transliterations differ by a letter or two: "Jeffery"/"Jeffrey", "Turkmen"/"Turkoman".
  return s.length >= 5 && editDistance(a, b) <= (s.length >= 7 ? 2 : 1);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** "Russia"/"Russian", "Afghan"/"Afghanistan", "China"/"Chinese", "French"/"France". */
function sameStem(a: string, b: string): boolean {
  if (DEMONYMS[a] === b || DEMONYMS[b] === a) return true;
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  const shorter = Math.min(a.length, b.length);
  return k >= 4 && k >= 0.6 * shorter && shorter - k <= 2;
}

function entityChanges(src: Tok[], cpy: Tok[], skip: Set<string>): ['entity-swapped' | 'entity-dropped', string][] {
  // A name can only be swapped or dropped if some capitalized word of one
  // sentence is missing from the other: when none is, the finding below
  // (which keeps every name whose words the other sentence has) is empty.
  if (capitalsShared(src, cpy) && capitalsShared(cpy, src)) return [];
  const ctx = [src, cpy];
  const a = entities(src, ctx).filter((e) => !skip.has(e.key.join(' ')));
  const b = entities(cpy, ctx).filter((e) => !skip.has(e.key.join(' ')));
  // Matches may use sentence-initial words too ("Chadian troops" keeps "Chad").
  const looseA = entities(src, ctx, true);
  const looseB = entities(cpy, ctx, true);
  // Present in the other sentence in any case ("the Interior Ministry" vs
  // "the interior ministry"), or as the start of a word ("Web sites" ->
  // "websites"), is present.
  const words = (ts: Tok[]): string[] => ts.filter(isWord).flatMap((t) => keyWords(t.lower));
  const kept = (e: Entity, ws: string[]): boolean => e.key.every((w) => ws.some((x) => x === w || (w.length >= 3 && x.startsWith(w))));
  const wa = words(src);
  const wb = words(cpy);
  const restA = a.filter((e) => !looseB.some((f) => sameEntity(e, f)) && !kept(e, wb));
  const restB = b.filter((e) => !looseA.some((f) => sameEntity(e, f)) && !kept(e, wa));
  const out: ['entity-swapped' | 'entity-dropped', string][] = [];
  // A swap puts the new name in the old one's place: same word before or
  // after it, and both or neither a weekday or month.
  const around = (ts: Tok[], e: Entity): string[] => [ts[e.from - 1]?.lower ?? '^', ts[e.to]?.lower ?? '$'];
  const inPlace = (x: Entity, y: Entity): boolean => {
    const [p, n] = around(src, x);
    const [q, m] = around(cpy, y);
    // A shared comma says nothing about place; a shared word does.
    const word = (w: string): boolean => /\p{L}/u.test(w);
    return ((p === q && word(p)) || (n === m && word(n))) && calendar(x) === calendar(y);
  };
  // A name the copy replaced by a pronoun ("Liu Jinbao was moved" -> "He was
  // moved") is still there: each pronoun the copy adds covers one name.
  const pronouns = (ts: Tok[]): number => ts.filter((t) => PRONOUNS.has(t.lower)).length;
  let covered = Math.max(0, pronouns(cpy) - pronouns(src));
  for (const x of restA) {
    const k = restB.findIndex((y) => inPlace(x, y));
    if (k >= 0) out.push(['entity-swapped', `${x.text} -> ${restB.splice(k, 1)[0].text}`]);
    // A dropped weekday, month or hometown is a detail omitted, not a changed
    // fact; a name said another way ("the fire", "the company") is kept.
    else if (isCalendar(x) || originAside(x, src) || namedByHead(x, src, cpy) || describedInPlace(x, src, cpy)) continue;
    else if (covered > 0) covered--;
    else out.push(['entity-dropped', `'${x.text}' dropped`]);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Speakers of attributions: "X said", "said X", "according to X", "X told AFP".

const SAY = new Set(
  `said says say told tells stated added adds claimed claims announced announces confirmed confirms warned warns insisted insists
  explained explains noted wrote writes tweeted declared declares alleges admitted admits acknowledged acknowledges argued argues
  contended contends asserted asserts conceded concedes testified recalled recalls predicted predicts`.split(/\s+/),
);

/**
 * Named speakers, each as the group of names in its attribution phrase: "said
 * U.S. military spokesman Lt. Col. Douglas Lefforge" or "The North Shore
 * Health System in New York announced". A group is one speaker: any of its
 * names found among the other sentence's speakers matches it.
 */
function speakers(toks: Tok[], ents: Entity[]): Entity[][] {
  const out: Entity[][] = [];
  const gap = (from: number, to: number): Tok[] => toks.slice(from, to);
  ents.forEach((e, idx) => {
    // "Trump's tweeted announcement": a possessive is not a speaker.
    if (isCalendar(e) || /'s$/.test(toks[e.to - 1].lower)) return;
    let k = e.to;
    if (['has', 'had', 'have', 'later', 'also'].includes(toks[k]?.lower)) k++;
    const after = toks[k]?.lower;
    const before = toks[e.from - 1]?.lower;
    const before2 = toks[e.from - 2]?.lower;
    if (after !== undefined && SAY.has(after)) {
      // Back over short lowercase links: "the X in New York said".
      const group = [e];
      for (let j = idx - 1; j >= 0; j--) {
        const link = gap(ents[j].to, group[0].from);
        if (link.length > 2 || !link.every((t) => LINKS.has(t.lower))) break;
        group.unshift(ents[j]);
      }
      out.push(group);
      return;
    }
    // '..., said Khan.', but not "told Khan" (the listener) nor "officials
    // said Khan fled" (Khan is the subject of what was said).
    const inverted =
      before !== undefined && SAY.has(before) && before !== 'told' && before !== 'tells' && !isWord(toks[e.from - 2] ?? toks[e.from - 1]);
    const according = (before === 'to' && before2 === 'according') || (before === 'the' && before2 === 'to' && toks[e.from - 3]?.lower === 'according');
    if (!inverted && !according) return;
    // Forward to the end of the phrase: descriptors and titles may come between names.
    const stop = toks.findIndex((t, i) => i >= e.to && /^[,;:.!?")”]$/.test(t.text));
    out.push(ents.filter((f) => f.from >= e.from && (stop < 0 || f.to <= stop)));
  });
  return out;
}

const LINKS = new Set(['in', 'of', 'at', 'for', 'from', 'the', 'and']);

function speakerChange(src: Tok[], cpy: Tok[]): { detail?: string; involved: Set<string> } {
  // Speakers stand next to a verb of saying or after "according to": a
  // source sentence with neither has no speaker to lose.
  if (!src.some((t) => SAY.has(t.lower) || t.lower === 'according')) return { involved: new Set() };
  const ctx = [src, cpy];
  const a = speakers(src, entities(src, ctx));
  const b = speakers(cpy, entities(cpy, ctx));
  const involved = new Set<string>();
  const meets = (g: Entity[], others: Entity[][]): boolean => others.some((h) => g.some((e) => h.some((f) => sameEntity(e, f))));
  const name = (g: Entity[]): string => g[g.length - 1].text;
  const involve = (gs: Entity[][]): void => gs.flat().forEach((e) => involved.add(e.key.join(' ')));
  const lost = a.filter((g) => !meets(g, b));
  if (!lost.length) return { involved };
  const gained = b.filter((g) => !meets(g, a));
  if (gained.length) {
    involve([...lost, ...gained]);
    return { detail: `${name(lost[0])} -> ${name(gained[0])}`, involved };
  }
  // No named speaker left: fine if the copy still attributes the statement
  // (to a pronoun, or to the same person named elsewhere), a change if it does not.
  const cw = new Set(cpy.flatMap((t) => keyWords(t.lower)));
  const stillSays = cpy.some((t) => SAY.has(t.lower)) || cw.has('according');
  const named = lost.filter((g) => !g.some((e) => e.key.every((w) => cw.has(w))));
  // "Khan said" -> "he said": the speaker is still there, under a pronoun.
  involve(stillSays || !named.length ? lost : named);
  if (stillSays || !named.length) return { involved };
  if (openQuote(cpy)) return { involved };
  return { detail: `attribution to ${name(named[0])} dropped`, involved };
}

/**
 * Whether the sentence opens or closes a quotation without the other mark:
 * the quotation spans sentences, and its attribution may sit in the next or
 * the previous one.
 */
function openQuote(toks: Tok[]): boolean {
  return toks.filter((t) => t.text === '"' || t.text === '“' || t.text === '”').length % 2 === 1;
}

// ---------------------------------------------------------------------------
// Hedges

// Two kinds of hedge: evidential (the claim is second-hand or unproven) and
// modal (it is uncertain). Words within a kind stand in for each other
// ("reportedly"/"allegedly", "may"/"could"); a kind is dropped when the copy
// keeps no word of it at all.
const EVIDENTIAL = new Set(
  'alleged allegedly reportedly purportedly purported apparently apparent seemingly suspected unconfirmed unverified'.split(' '),
);
const MODAL = new Set('possibly possible perhaps maybe likely unlikely probably potentially presumably'.split(' '));
const MODAL_VERBS = new Set(['may', 'might', 'could']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const HAVE = new Set(['has', 'have', 'had']);
// Any of these keeps a claim attributed: "according to OSHA records" may
// become "OSHA records show" or "..., citing OSHA records".
const ATTRIBUTION = new Set([
  ...SAY,
  ...`according report reported reports find found finds show shows showed shown suggest suggests suggested indicate indicated
  indicates estimate estimated estimates cite cites cited citing quoted quoting saying reveal reveals revealed`.split(/\s+/),
]);

interface Hedges {
  evidential: string[];
  modal: string[];
  /** "could not": a negation, but the same modal word. */
  negatedModal: string[];
  /** "according to X": an attribution that "X said" can replace. */
  according: boolean;
}

function hedges(toks: Tok[]): Hedges {
  const h: Hedges = { evidential: [], modal: [], negatedModal: [], according: false };
  toks.forEach((t, i) => {
    const w = t.lower;
    const prev = toks[i - 1]?.lower ?? '';
    const next = toks[i + 1]?.lower ?? '';
    const afterBe = BE.has(prev) && next === 'to';
    if (w === 'alleged' && (next === 'that' || HAVE.has(prev))) return; // "SCO has alleged that ..." is an attribution
    if (EVIDENTIAL.has(w)) h.evidential.push(w);
    else if (MODAL.has(w)) h.modal.push(w);
    // A negated modal ("could not") is a negation, not a hedge; "May" is a month.
    else if (MODAL_VERBS.has(w) && t.text === w) (next === 'not' || next.endsWith("n't") ? h.negatedModal : h.modal).push(w);
    else if (['believed', 'thought', 'said', 'understood', 'alleged', 'rumoured', 'rumored'].includes(w) && afterBe) h.evidential.push(`${w} to`);
    else if (w === 'expected' && afterBe) h.modal.push('expected to');
    // "appeared to" says what "seemingly" and "apparently" say: same kind.
    else if (/^(?:appear|seem)(?:s|ed)?$/.test(w) && next === 'to') h.evidential.push(`${w} to`);
    // "the reported attack", "was reported", "142 reported assaults"; not "police reported".
    else if ((w === 'reported' || w === 'claimed') && (BE.has(prev) || ['the', 'a', 'an'].includes(prev) || /^\d/.test(prev) || next === 'to'))
      h.evidential.push(w);
    else if (w === 'according' && next === 'to') {
      if (/^(?:media|news|unconfirmed)?$/.test(toks[i + 2]?.lower ?? '') && toks.slice(i + 2, i + 4).some((x) => x.lower === 'reports'))
        h.evidential.push('according to reports');
      else h.according = true;
    }
  });
  return h;
}

function hedgeChange(src: Tok[], cpy: Tok[]): string | undefined {
  const a = hedges(src);
  const b = hedges(cpy);
  const attributions = (ts: Tok[]): number => ts.filter((t) => ATTRIBUTION.has(t.lower)).length;
  const gone: string[] = [];
  // "allegedly" -> "..., police said" keeps the claim attributed.
  if (a.evidential.length && !b.evidential.length && attributions(cpy) <= attributions(src)) gone.push(...a.evidential);
  // "could" -> "could not" is a negation change, reported as such.
  if (a.modal.length && !b.modal.length && !a.modal.some((m) => b.negatedModal.includes(m))) gone.push(...a.modal);
  if (a.according && !b.according && !b.evidential.length && !attributions(cpy)) gone.push('according to');
  return gone.length ? `hedge ${[...new Set(gone)].map((c) => `'${c}'`).join(', ')} dropped` : undefined;
}

// ---------------------------------------------------------------------------
// Agent and patient swapped.
//
// For every two nouns both sentences share (each once), look at the words
// between them. If that stretch is a short relation (no clause break) with the
// same content words in both sentences, the sentences state the same relation
// between the same two participants; passive "was X-ed by" reverses who is the
// agent. Different agent order then means the roles were swapped.

// Relations that read the same both ways, and linking verbs ("X appeared to
// be Y"), whose two sides are not an agent and a patient.
const SYMMETRIC = new Set(
  `meet met talk clash fight battle negotiate marry play draw tie merge ally partner border face join trade debate discuss
  appear seem become remain resemble equal match`.split(/\s+/),
);
const RELATION_SKIP = new Set(['DET', 'ADP', 'AUX', 'PART', 'ADV', 'PRON', 'NUM']);
const BREAKS = new Set(['PUNCT', 'CCONJ', 'SCONJ']);
const MAX_RELATION = 6;

interface Word {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
}

function tagged(sentence: string): Word[] {
  const doc = getTagger().readDoc(sentence);
  const ts = doc.tokens();
  const text = ts.out() as string[];
  const pos = ts.out(its.pos) as string[];
  // wink-nlp's typings declare `its.lemma` with a raw-document signature that
  // matches no ItsFunction; at run time it is an ordinary token property.
  const lemma = ts.out(its.lemma as unknown as typeof its.pos) as string[];
  // Proper nouns keep their plural ("Rebels" at a sentence start is tagged
  // PROPN), so fold a plural -s to meet the common-noun lemma.
  const key = (l: string, p: string): string => (p === 'PROPN' && /[^s]s$/.test(l) && l.length > 3 ? l.slice(0, -1) : l);
  return text.map((t, i) => ({ text: t, lower: t.toLowerCase(), lemma: key((lemma[i] ?? t).toLowerCase(), pos[i]), pos: pos[i] }));
}

interface Relation {
  agent: string;
  patient: string;
  verb: string;
}

function relation(words: Word[], x: string, y: string): Relation | undefined {
  const i = words.findIndex((w) => isNoun(w) && w.lemma === x);
  const j = words.findIndex((w) => isNoun(w) && w.lemma === y);
  const [lo, hi] = i < j ? [i, j] : [j, i];
  const between = words.slice(lo + 1, hi);
  if (!between.length || between.length > MAX_RELATION) return undefined;
  if (between.some((w) => BREAKS.has(w.pos) || w.lower === 'that' || w.lower === 'who' || w.lower === 'which')) return undefined;
  // Determiners, possessives and adjectives of the second noun's phrase are not the relation.
  let end = between.length;
  while (end > 0 && ['DET', 'ADJ', 'PRON', 'NUM'].includes(between[end - 1].pos)) end--;
  const core = between.slice(0, end);
  const k = core.findIndex((w) => !RELATION_SKIP.has(w.pos) && !STOPWORDS.has(w.lemma));
  if (k < 0 || core.slice(k + 1).some((w) => !RELATION_SKIP.has(w.pos) && !STOPWORDS.has(w.lemma))) return undefined;
  const verb = core[k];
  // A noun between two nouns is a verb only when an object follows it
  // ("Taliban fear the army"), not in a compound ("US company Fluor").
  if (verb.pos !== 'VERB' && !(k === core.length - 1 && end < between.length && between[end].pos === 'DET')) return undefined;
  const participle = verb.lower !== verb.lemma && !/(?:ing|s)$/.test(verb.lower);
  const byAgent = core.slice(k + 1).some((w) => w.lower === 'by');
  if (byAgent && !participle) return undefined; // "sign up by phone": means, not agent
  const beforeVerb = core.slice(0, k);
  const passive = byAgent || beforeVerb.some((w) => BE.has(w.lower) || w.lemma === 'get');
  // Passive without its "by" agent ("killed in hostile fire") relates no agent to a patient.
  if (passive && !byAgent) return undefined;
  const first = words[lo].lemma;
  const second = words[hi].lemma;
  return passive ? { agent: second, patient: first, verb: verb.lemma } : { agent: first, patient: second, verb: verb.lemma };
}

const isNoun = (w: Word): boolean => w.pos === 'NOUN' || w.pos === 'PROPN';

function roleSwap(source: string, copy: string): string | undefined {
  if (!mayReverseRoles(source, copy)) return undefined;
  const a = tagged(source);
  const b = tagged(copy);
  const once = (ws: Word[]): Set<string> => {
    const counts = new Map<string, number>();
    for (const w of ws) if (isNoun(w)) counts.set(w.lemma, (counts.get(w.lemma) ?? 0) + 1);
    return new Set([...counts].filter(([, n]) => n === 1).map(([l]) => l));
  };
  const onceB = once(b);
  const shared = [...once(a)].filter((l) => onceB.has(l));
  for (let p = 0; p < shared.length; p++)
    for (let q = p + 1; q < shared.length; q++) {
      const ra = relation(a, shared[p], shared[q]);
      const rb = relation(b, shared[p], shared[q]);
      if (!ra || !rb || ra.verb !== rb.verb || SYMMETRIC.has(ra.verb)) continue;
      if (ra.agent !== rb.agent) return `${ra.agent} ${ra.verb} ${ra.patient} -> ${rb.agent} ${rb.verb} ${rb.patient}`;
    }
  return undefined;
}

// Tagging both sentences is the dearest check of all; most aligned pairs
// cannot hold a swap. Without a passive "by", the agent is the noun that comes
// first, so a swap needs two words both sentences share (once each) in
// opposite orders; with one, anything goes and the tagger decides.
function mayReverseRoles(source: string, copy: string): boolean {
  const a = onceWords(source);
  const b = onceWords(copy);
  if (a.has('by') || b.has('by')) return true;
  const shared: [number, number][] = [];
  for (const [w, i] of a) {
    const j = b.get(w);
    if (j !== undefined && j >= 0 && i >= 0) shared.push([i, j]);
  }
  for (let p = 0; p < shared.length; p++)
    for (let q = p + 1; q < shared.length; q++)
      if (Math.sign(shared[p][0] - shared[q][0]) !== Math.sign(shared[p][1] - shared[q][1])) return true;
  return false;
}

/** Lowercased words (plural -s folded) -> position of their only occurrence, or -1 when repeated. */
function onceWords(sentence: string): Map<string, number> {
  const out = new Map<string, number>();
  let k = 0;
  for (const m of sentence.toLowerCase().matchAll(/\p{L}+/gu)) {
    let w = m[0];
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.set(w, out.has(w) ? -1 : k);
    k++;
  }
  return out;
}
