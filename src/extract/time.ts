// Time expressions: every temporal expression in a document, normalized to a
// TimeML TIMEX3 value against the publication date (the anchor).
//
// Two recognizers feed one resolver:
//  - chrono-node, reconfigured for news, reads calendar dates, clock times,
//    weekdays and the casual day words ("yesterday", "Friday morning"). Two
//    refiners adapt it: one drops its known false positives ("they may",
//    "The Sunday Times", "9/11"), one replaces its forward bias with the
//    tense of the sentence ("on Thursday" in past-tense reporting is the
//    latest Thursday, "will meet on Thursday" the coming one).
//  - a small head-driven grammar over word tokens covers what TimeML needs
//    and chrono does not model: durations ("30 days", "the past decade"),
//    calendar units relative to the anchor ("last year", "this week",
//    "earlier this month"), years, decades, seasons, quarters, sets
//    ("daily", "every Monday") and the vague PRESENT/PAST/FUTURE_REF.
// Chrono only sees sentences that contain one of its trigger words: running
// it over whole articles costs ~1 ms each, over the few sentences ~0.1 ms.
//
// Extents follow TimeML: prepositions are signals, not part of the mention
// ("on [Friday]", "within [30 days]"), determiners and modifiers are ("[the
// past two months]", "[earlier this year]", "[more than four hours]").
import * as chrono from 'chrono-node';
import { dict } from '../util/dict.js';

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type Precision =
  | 'minute'
  | 'hour'
  | 'partofday'
  | 'day'
  | 'week'
  | 'month'
  | 'season'
  | 'quarter'
  | 'half'
  | 'year'
  | 'decade'
  | 'century'
  | 'ref';
/** TIMEX3 `mod`: how the expression qualifies its value. */
export type TimeMod =
  | 'START'
  | 'MID'
  | 'END'
  | 'APPROX'
  | 'LESS_THAN'
  | 'MORE_THAN'
  | 'EQUAL_OR_LESS'
  | 'EQUAL_OR_MORE';

export interface TimeMention {
  start: number;
  end: number;
  text: string;
  type: TimeType;
  /**
   * TIMEX3 value: `2021-08-12`, `2021-08`, `2021`, `2021-SU`, `2021-Q3`,
   * `2021-H1`, `2021-W32`, `2021-W32-WE`, `199X` (decade), `19XX` (century),
   * `2021-08-11TEV`, `2021-08-12T14:30`, `P30D`, `PT5H`, `PXY`, `XXXX-WXX-4`
   * (a set, or an undated weekday), `PRESENT_REF`/`PAST_REF`/`FUTURE_REF`.
   * A range ("from 1996 to 2001") is the ISO 8601 interval `1996/2001`.
   * Parts that need an anchor the document lacks are `X`s.
   */
  value: string;
  /** The granularity of the value (of the unit, for durations and sets). */
  precision: Precision;
  /** The ISO date the value was resolved against, when it was relative. */
  anchor?: string;
  /** True when the value depends on the anchor or on an earlier mention. */
  relative: boolean;
  mod?: TimeMod;
  /** The preposition just before the mention: since, until, within, by, ... */
  signal?: string;
  /** The interval denoted, when it is one: a range, "since May", "the past decade". */
  range?: { start: string; end: string };
  /** The two ends of a range, each a mention of its own. */
  endpoints?: [TimeMention, TimeMention];
}

export interface TimeDoc {
  text: string;
  sentences?: { start: number; end: number }[];
  /** ISO date or date-time the document was published: the anchor. */
  published?: string;
}

export interface TimeOptions {
  /** Resolve against this ISO date instead of `doc.published`. */
  anchor?: string;
}

// ---------------------------------------------------------------- calendar

interface Day {
  y: number;
  m: number;
  d: number;
}

function mkDay(y: number, m: number, d: number): Day {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const utc = (x: Day) => {
  const date = new Date(0);
  date.setUTCFullYear(x.y, x.m - 1, x.d);
  return date.getTime();
};

const addDays = (x: Day, n: number): Day => mkDay(x.y, x.m, x.d + n);

function addMonths(x: Day, n: number): Day {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return { y, m, d: Math.min(x.d, last) };
}

/** ISO weekday, Monday 1 .. Sunday 7. */
function isoDow(x: Day): number {
  return new Date(utc(x)).getUTCDay() || 7;
}

function isoWeek(x: Day): { y: number; w: number } {
  const thursday = addDays(x, 4 - isoDow(x));
  const ordinal = (utc(thursday) - utc({ y: thursday.y, m: 1, d: 1 })) / 86400000;
  return { y: thursday.y, w: Math.floor(ordinal / 7) + 1 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const quarterOf = (m: number) => Math.ceil(m / 3);

type Gran = Exclude<Precision, 'ref'>;

/** The value of the period of granularity `g` that contains `x`. */
function periodValue(x: Day, g: Gran): string {
  switch (g) {
    case 'century':
      return `${pad(Math.floor(x.y / 100), 2)}XX`;
    case 'decade':
      return `${pad(Math.floor(x.y / 10), 3)}X`;
    case 'year':
      return pad(x.y, 4);
    case 'half':
      return `${pad(x.y, 4)}-H${x.m <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${pad(x.y, 4)}-Q${quarterOf(x.m)}`;
    case 'season': {
      const s = seasonOf(x);
      return `${pad(s.y, 4)}-${s.code}`;
    }
    case 'month':
      return `${pad(x.y, 4)}-${pad(x.m)}`;
    case 'week': {
      const w = isoWeek(x);
      return `${pad(w.y, 4)}-W${pad(w.w)}`;
    }
    default:
      return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
  }
}

/** The same value with every digit unknown (no anchor). */
function unknownValue(g: Gran): string {
  switch (g) {
    case 'century':
    case 'decade':
    case 'year':
      return 'XXXX';
    case 'half':
      return 'XXXX-HX';
    case 'quarter':
      return 'XXXX-QX';
    case 'season':
      return 'XXXX-XX';
    case 'month':
      return 'XXXX-XX';
    case 'week':
      return 'XXXX-WXX';
    default:
      return 'XXXX-XX-XX';
  }
}

type Season = 'SP' | 'SU' | 'FA' | 'WI';
const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Meteorological seasons; a winter belongs to the year it starts in. */
function seasonOf(x: Day): { y: number; code: Season } {
  if (x.m === 12) return { y: x.y, code: 'WI' };
  if (x.m <= 2) return { y: x.y - 1, code: 'WI' };
  return { y: x.y, code: x.m <= 5 ? 'SP' : x.m <= 8 ? 'SU' : 'FA' };
}

/** Shift by `n` units of granularity `g` (weeks as 7 days, decades as 10 years). */
function shift(x: Day, g: Gran, n: number): Day {
  switch (g) {
    case 'minute':
    case 'hour':
    case 'partofday':
    case 'day':
      return addDays(x, n);
    case 'week':
      return addDays(x, 7 * n);
    case 'month':
      return addMonths(x, n);
    case 'season':
    case 'quarter':
      return addMonths(x, 3 * n);
    case 'half':
      return addMonths(x, 6 * n);
    case 'year':
      return addMonths(x, 12 * n);
    case 'decade':
      return addMonths(x, 120 * n);
    case 'century':
      return addMonths(x, 1200 * n);
  }
}

function parseIsoDay(iso: string | undefined): Day | undefined {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : undefined;
}

const isoOf = (x: Day) => periodValue(x, 'day');

/** Rank of a value's granularity, for comparing precisions. */
const GRAN_ORDER: Gran[] = ['minute', 'hour', 'partofday', 'day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century'];

/** A concrete (anchorable) calendar value back to its first day and granularity. */
function dayOfValue(v: string): { day: Day; gran: Gran } | undefined {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|\d{2}(?::\d{2})?))?$/.exec(v);
  if (m) return { day: { y: +m[1]!, m: +m[2]!, d: +m[3]! }, gran: m[4] ? (/^\d/.test(m[4]) ? (m[4].length > 2 ? 'minute' : 'hour') : 'partofday') : 'day' };
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v))) {
    const jan4 = mkDay(+m[1]!, 1, 4);
    return { day: addDays(jan4, (+m[2]! - 1) * 7 - (isoDow(jan4) - 1) + (m[3] ? 5 : 0)), gran: 'week' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return { day: { y: +m[1]!, m: +m[2]!, d: 1 }, gran: 'month' };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return { day: { y: +m[1]!, m: (+m[2]! - 1) * 3 + 1, d: 1 }, gran: 'quarter' };
  if ((m = /^(\d{4})-H([12])$/.exec(v))) return { day: { y: +m[1]!, m: m[2] === '1' ? 1 : 7, d: 1 }, gran: 'half' };
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v))) return { day: { y: +m[1]!, m: SEASON_START[m[2] as Season], d: 1 }, gran: 'season' };
  if ((m = /^(\d{4})$/.exec(v))) return { day: { y: +m[1]!, m: 1, d: 1 }, gran: 'year' };
  if ((m = /^(\d{3})X$/.exec(v))) return { day: { y: +m[1]! * 10, m: 1, d: 1 }, gran: 'decade' };
  return undefined;
}

// ---------------------------------------------------------------- lexicon

const MONTHS: Record<string, number> = dict({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
});
const WEEKDAYS: Record<string, number> = dict({ monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 });
const WEEKDAY_PLURALS: Record<string, number> = dict({ mondays: 1, tuesdays: 2, wednesdays: 3, thursdays: 4, fridays: 5, saturdays: 6, sundays: 7 });

const SMALL: Record<string, number> = dict({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = dict({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const VAGUE = new Set(['few', 'several', 'many', 'some', 'dozens', 'hundreds', 'thousands', 'numerous', 'multiple']);

type Unit = 'S' | 'MIN' | 'H' | 'D' | 'W' | 'WE' | 'FN' | 'M' | 'Q' | 'Y' | 'DE' | 'CE';
const UNITS: Record<string, Unit> = dict({
  second: 'S', seconds: 'S', minute: 'MIN', minutes: 'MIN', hour: 'H', hours: 'H', day: 'D', days: 'D',
  week: 'W', weeks: 'W', weekend: 'WE', weekends: 'WE', fortnight: 'FN', fortnights: 'FN', month: 'M', months: 'M',
  quarter: 'Q', quarters: 'Q', year: 'Y', years: 'Y', decade: 'DE', decades: 'DE', century: 'CE', centuries: 'CE',
});
const UNIT_GRAN: Record<Unit, Gran> = {
  S: 'minute', MIN: 'minute', H: 'hour', D: 'day', W: 'week', WE: 'week', FN: 'week', M: 'month', Q: 'quarter', Y: 'year', DE: 'decade', CE: 'century',
};
/** Adjectives allowed between a number and its unit: "two more weeks", "eight trading days". */
const UNIT_ADJ = new Set(['more', 'additional', 'extra', 'full', 'straight', 'consecutive', 'long', 'trading', 'business', 'working', 'calendar', 'fiscal', 'whole', 'entire', 'successive']);
const PART_OF_DAY: Record<string, string> = dict({ morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' });
const SEASONS: Record<string, Season> = dict({ spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' });
const ORDINALS: Record<string, number> = dict({ first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 });

const MOD_WORDS: Record<string, TimeMod> = dict({
  about: 'APPROX', around: 'APPROX', approximately: 'APPROX', roughly: 'APPROX', some: 'APPROX', almost: 'LESS_THAN',
  nearly: 'LESS_THAN', under: 'LESS_THAN', over: 'MORE_THAN', just: 'APPROX',
});
const MOD_PAIRS: Record<string, TimeMod> = dict({
  'more than': 'MORE_THAN', 'less than': 'LESS_THAN', 'fewer than': 'LESS_THAN', 'at least': 'EQUAL_OR_MORE',
  'at most': 'EQUAL_OR_LESS', 'up to': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS', 'no less than': 'EQUAL_OR_MORE',
  'well over': 'MORE_THAN', 'just over': 'MORE_THAN', 'just under': 'LESS_THAN',
});
const POINT_MODS: Record<string, TimeMod> = dict({ early: 'START', earlier: 'START', late: 'END', later: 'END', mid: 'MID' });
/** "the end of", "the start of": phrases before a period that narrow it. */
const PART_OF: Record<string, TimeMod> = dict({ end: 'END', beginning: 'START', start: 'START', middle: 'MID', close: 'END', turn: 'START' });

const SIGNALS = new Set([
  'on', 'at', 'in', 'by', 'since', 'until', 'till', 'from', 'to', 'before', 'after', 'during', 'for', 'within', 'through',
  'throughout', 'between', 'of', 'as', 'over', 'around', 'about', 'into', 'from', 'starting', 'beginning', 'ending', 'past',
]);

const REF_WORDS: Record<string, string> = dict({
  now: 'PRESENT_REF', currently: 'PRESENT_REF', nowadays: 'PRESENT_REF', presently: 'PRESENT_REF',
  recently: 'PAST_REF', lately: 'PAST_REF', previously: 'PAST_REF', formerly: 'PAST_REF', soon: 'FUTURE_REF',
});

const SET_WORDS: Record<string, [string, Gran]> = dict({
  hourly: ['PT1H', 'hour'], daily: ['P1D', 'day'], nightly: ['P1D', 'day'], weekly: ['P1W', 'week'], biweekly: ['P2W', 'week'],
  monthly: ['P1M', 'month'], quarterly: ['P3M', 'quarter'], annually: ['P1Y', 'year'], yearly: ['P1Y', 'year'],
  semiannually: ['P6M', 'half'], biannually: ['P6M', 'half'],
});

// ---------------------------------------------------------------- tokens

interface Tok {
  s: number;
  e: number;
  /** Lowercased text. */
  w: string;
}

const TOKEN_RE = /\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|[A-Za-z]+|\S/g;

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Word, number ("1,200", "2:30", "1990s", "5th") and single-character
 * tokens, lowercased. A hand-rolled scan over the lowercased text: a regex
 * would allocate a match per token.
 */
function tokenizeText(text: string): Tok[] {
  const out: Tok[] = [];
  const lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // Lowercasing changed lengths (rare Unicode): fall back to per-token lowercasing.
    TOKEN_RE.lastIndex = 0;
    for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) out.push({ s: m.index, e: m.index + m[0].length, w: m[0].toLowerCase() });
    return out;
  }
  const n = lower.length;
  for (let i = 0; i < n; ) {
    const c = lower.charCodeAt(i);
    if (c <= 32 || c === 160) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isLower(c)) while (j < n && isLower(lower.charCodeAt(j))) j++;
    else if (isDigit(c)) {
      for (;;) {
        while (j < n && isDigit(lower.charCodeAt(j))) j++;
        const p = lower.charCodeAt(j);
        if ((p === 46 || p === 44 || p === 58 || p === 47) && isDigit(lower.charCodeAt(j + 1))) j++; // . , : /
        else break;
      }
      const suffix = /^(?:st|nd|rd|th|s)(?![a-z])/.exec(lower.slice(j, j + 3));
      if (suffix) j += suffix[0].length;
    } else if (c > 127 && /\s/.test(lower[i]!)) {
      i++;
      continue;
    }
    out.push({ s: i, e: j, w: lower.slice(i, j) });
    i = j;
  }
  return out;
}

const isCap = (text: string, t: Tok) => {
  const c = text.charCodeAt(t.s);
  return c >= 65 && c <= 90;
};
const APOS = new Set(["'", '’']);

// ---------------------------------------------------------------- tense

type Tense = 'past' | 'future' | undefined;

const FUTURE_CUES = new Set(['will', 'shall', 'upcoming', 'tomorrow', 'coming']);
/** Words that announce the future when "to" + verb follows: "is expected to", "plans to". */
const FUTURE_BEFORE_TO = new Set(['expected', 'scheduled', 'due', 'plans', 'planning', 'planned', 'intends', 'intend', 'going', 'set', 'aims', 'hopes', 'is', 'are', 'prepared', 'poised', 'likely']);
const UNAMBIGUOUS_PAST = new Set(['said', 'told', 'was', 'were', 'had', 'did', 'ago', 'yesterday']);
/** Irregular past forms; like -ed forms, past only where no article or auxiliary makes them adjectives or passives. */
const PAST_IRREGULAR = new Set([
  'went', 'came', 'took', 'made', 'gave', 'fell', 'began', 'met', 'saw', 'left', 'held', 'won', 'lost', 'sent', 'struck', 'shot',
  'fought', 'brought', 'became', 'got', 'found', 'thought', 'knew', 'ran', 'stood', 'spoke', 'wrote', 'broke', 'rose', 'led', 'fled',
  'overthrew', 'sold', 'bought', 'paid', 'kept', 'felt', 'heard', 'meant', 'built', 'spent', 'drove', 'flew', 'threw', 'chose', 'slew',
]);
const PAST_PERFECT = new Set(['had', 'was', 'were', 'been']);
/** Plans announce the future ("has scheduled a news conference Thursday"); modals do not ("said it would ..."). */
const PLAN_WORDS = new Set(['scheduled', 'slated', 'planning', 'postponed']);
/** -ed words that are not past-tense verbs, or point to the future. */
const ED_NOT_PAST = new Set([
  'expected', 'united', 'armed', 'need', 'speed', 'feed', 'seed', 'based', 'indeed', 'proceed', 'succeed',
  'exceed', 'hundred', 'related', 'detailed', 'limited', 'advanced', 'prepared', 'poised', 'supposed', 'concerned', 'interested',
]);
/** Before an -ed word these make it an adjective or a passive, not a past tense. */
const NOT_BEFORE_PAST = new Set([
  'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'that', 'these', 'those', 'is', 'are', 'be', 'been',
  'being', 'will', 'would', 'to', 'previously', 'newly', 'recently', 'fully', 'not', 'well', 'so', 'very', 'more', 'most',
]);

const WORD_RE = /[A-Za-z]+/g;
const REPORTING = new Set(['said', 'says', 'told', 'added', 'reported', 'stated', 'announced', 'according']);
const QUOTE_RE = /["“”]|``|''|(?:^|\s)'|'(?:\s|$)/;

/** Sentence bounds around `pos`: the given sentences, or a cheap split on end punctuation. */
function sentenceAround(doc: TimeDoc, pos: number): [number, number] {
  const ss = doc.sentences;
  if (ss && ss.length) {
    let lo = 0;
    let hi = ss.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ss[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    const s = ss[lo]!;
    if (s.start <= pos && pos <= s.end) return [s.start, s.end];
  }
  const text = doc.text;
  let a = pos;
  for (let k = pos - 1; k >= 0 && pos - k < 400; k--) {
    if (isStop(text.charCodeAt(k)) && endsSentence(text, k)) break;
    a = k;
  }
  let b = pos;
  for (; b < text.length && b - pos < 400; b++) {
    if (isStop(text.charCodeAt(b)) && endsSentence(text, b)) {
      if (text[b] !== '\n') b++;
      break;
    }
  }
  return [a, b];
}

const isStop = (c: number) => c === 46 || c === 33 || c === 63 || c === 10; // . ! ? newline
const SENTENCE_END = /[.!?]["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])/y;
const ABBREVIATION = /(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Jr|Sr|vs)|[ap]\.m)$/;

/** Whether the stop at `i` ends a sentence: space and a capital follow, and it closes no abbreviation. */
function endsSentence(text: string, i: number): boolean {
  if (text[i] === '\n') return true;
  SENTENCE_END.lastIndex = i;
  if (!SENTENCE_END.test(text)) return false;
  return text[i] !== '.' || !ABBREVIATION.test(text.slice(Math.max(0, i - 5), i));
}

/**
 * The tense around a mention: the cue word nearest to it in its sentence
 * ("said ... on Thursday" past, "will ... on Thursday" future).
 */
function tenseAt(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): Tense {
  // The nearest cue decides, so words far from the mention need no look.
  const from = Math.max(sentenceStart, start - 160);
  const to = Math.min(sentenceEnd, end + 160);
  let best: Tense;
  let bestDist = Infinity;
  let prev = '';
  let prev2 = '';
  WORD_RE.lastIndex = from;
  for (let m = WORD_RE.exec(text); m && m.index < to; prev2 = prev, prev = m[0].toLowerCase(), m = WORD_RE.exec(text)) {
    if (m.index >= start && m.index < end) continue;
    const w = m[0].toLowerCase();
    const apostrophe = text[m.index - 1] === "'" || text[m.index - 1] === '’';
    let cue: Tense;
    if (FUTURE_CUES.has(w) || (w === 'll' && apostrophe) || (w === 'won' && (text[m.index + 3] === "'" || text[m.index + 3] === '’'))) cue = 'future';
    else if (w === 'to' && FUTURE_BEFORE_TO.has(prev)) cue = PAST_PERFECT.has(prev2) ? 'past' : 'future'; // "had been due to expire": a past plan
    else if (PLAN_WORDS.has(w)) cue = 'future';
    else if (UNAMBIGUOUS_PAST.has(w)) cue = 'past';
    else if ((PAST_IRREGULAR.has(w) || (w.length > 4 && w.endsWith('ed') && !ED_NOT_PAST.has(w))) && !NOT_BEFORE_PAST.has(prev) && text.charCodeAt(m.index) >= 97) cue = 'past';
    else if ((w === 'until' || w === 'till') && text.charCodeAt(m.index) >= 97 && prev !== 'not' && prev !== 'up' && m.index < start && /^\s*$/.test(text.slice(m.index + w.length, start))) cue = 'future'; // a deadline
    if (!cue) continue;
    const dist = m.index < start ? start - m.index - m[0].length : m.index - end;
    // "... on Thursday, his spokesman said": the reporting frame, not the tense of the event.
    if (m.index > end && REPORTING.has(w) && text.slice(end, m.index).includes(',')) continue;
    // A quotation has its own tense: "'He will leave at 4 a.m. Thursday,' Castro said."
    if (dist < bestDist && QUOTE_RE.test(m.index < start ? text.slice(m.index, start) : text.slice(end, m.index))) continue;
    if (dist < bestDist) {
      bestDist = dist;
      best = cue;
    }
  }
  return best;
}

/**
 * Which occurrence of a yearly date the text means, given the two nearest
 * (`past` on or before the anchor, `future` on or after): the tense picks
 * the side, the nearer one without a cue. Tense cues are noisy ("a dividend
 * declared Oct. 26, payable Dec. 15"), so a date within two months on the
 * other side wins over one most of a year away.
 */
function pickOccurrence(tense: Tense, past: Day, future: Day, anchor: Day): Day {
  const day = 86400000;
  const back = (utc(anchor) - utc(past)) / day;
  const ahead = (utc(future) - utc(anchor)) / day;
  if (tense === 'past') return ahead <= 60 && back >= 300 ? future : past;
  if (tense === 'future') return back <= 60 && ahead >= 300 ? past : future;
  return ahead < back ? future : past;
}

// ---------------------------------------------------------------- chrono

const DROPPED_PARSERS = new Set([
  // TimeML reads these as durations or needs their granularity, so the grammar does them.
  'ENTimeUnitWithinFormatParser',
  'ENTimeUnitAgoFormatParser',
  'ENTimeUnitLaterFormatParser',
  'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser',
  'ENEndOfCurrentMonthParser',
]);

const DROPPED_REFINERS = new Set(['ENEndOfPeriodRefiner', 'ENUnlikelyFormatFilter']);

const NAMED_WEEKDAY_BEFORE = /\b(?:bloody|black|good|super|holy|cyber|ash|easter|palm|maundy|shrove|mail on|mail on the|fat|giving)\s*$/i;
const PAPER_AFTER = /^\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Independent|Star|Tribune|People|Sport|Age|Observer|World|Night|Morning Herald|Business|Review|Journal|Edition|Magazine|Sun|Service|Mass|School|Trading)\b/;
const MONTH_CUE_BEFORE = /\b(?:in|since|until|till|by|early|late|mid|last|next|this|of|during|before|after|from|through|to|between|and|or|around|on|for|past|coming|that|every|each|throughout|the)[\s-]*$/i;

/** Drops chrono readings that are not dates in news prose. */
class NewsFilter implements chrono.Refiner {
  refine(context: chrono.ParsingContext, results: chrono.ParsingResult[]): chrono.ParsingResult[] {
    const text = context.text;
    return results.filter((r) => {
      const c = r.start;
      const before = text.slice(Math.max(0, r.index - 20), r.index);
      const after = text.slice(r.index + r.text.length, r.index + r.text.length + 30);
      const body = r.text.replace(/^[\s,(]*(?:on|at|in|by)?\s*/i, '');
      const tags = r.tags();
      if (c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('hour')) {
        // Weekdays stand alone only as full, capitalized names ("wed", "Sun", "sat" are words).
        if (!/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/.test(r.text)) return false;
        if (PAPER_AFTER.test(after) || NAMED_WEEKDAY_BEFORE.test(before)) return false;
        if (/^\s*['’]s\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Mail)\b/.test(after)) return false;
      }
      if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year')) {
        // A bare month name: "may"/"march" are also verbs, so ask for a capital and a cue.
        if (!/^[A-Z]/.test(body)) return false;
        if (/^(?:May|March)\b/.test(body) && !MONTH_CUE_BEFORE.test(before) && !/^\s*(?:\d|,\s*\d)/.test(after)) return false;
        if (/^(?:Mar|Jan|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Feb|Apr)\b(?!\.)/.test(body) && !/^[A-Z][a-z]+\.?$/.test(body)) return false;
      }
      if (tags.has('parser/SlashDateFormatParser') && !c.isCertain('year')) return false; // 9/11, 24/7, 1/2
      if (c.isCertain('hour') && !isClockTime(r.text, body, before, after)) return keepDatePart(r, text);
      // "USA TODAY": a newspaper.
      if (/^TODAY$/.test(body) && /\bUSA\s*$/.test(before)) return false;
      return true;
    });
  }
}

/**
 * Whether chrono's clock time is one: "10:35 a.m.", "14:30", "noon", "5 p.m."
 * are; "at 5" (a score, a count), "6.25 a share", "1.20" (prices), "10 to
 * 250" (index points) and "at 1,015 francs" are not.
 */
function isClockTime(text: string, body: string, before: string, after: string): boolean {
  if (/\b(?:noon|midnight|midday|morning|afternoon|evening|night)\b/i.test(text)) return true;
  if (/\d\s*[ap]$/i.test(text.trim()) || (/\bat\s+\d{1,2}$/.test(text) && /^,\d{3}/.test(after))) return false;
  if (/\d\s*(?:[ap]\.?m\b|o'?clock)/i.test(text)) return true;
  // A bare "01:51" is a video length or a score unless a preposition or a time zone makes it a time of day.
  const hm = /\d{1,2}:\d{2}/.exec(text);
  if (!hm) return false;
  const lead = before + text.slice(0, hm.index);
  return /\b(?:at|around|by|until|till|from|before|after|about|since|shortly|approximately)\s*$/i.test(lead) || /^\s*(?:GMT|UTC|[A-Z]{2,4}T\b|local|hours?\b|h\b)/.test(text.slice(hm.index + hm[0].length) + after);
}

/** A date merged with a bogus clock time ("6.43, on Friday"): keep the date, drop the time. */
function keepDatePart(r: chrono.ParsingResult, text: string): boolean {
  const c = r.start;
  if (!c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('month')) return false;
  const m = /(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)/.exec(r.text);
  if (!m) return false;
  r.index += m.index;
  r.text = text.slice(r.index, r.index + m[0].length);
  c.delete(['hour', 'minute', 'second', 'meridiem']);
  return true;
}

/**
 * Replaces chrono's forward-looking guess with the tense of the sentence:
 * a weekday or a month without a year is the latest one in past-tense
 * reporting, the coming one in the future tense, the nearest otherwise.
 */
class NewsTenseRefiner implements chrono.Refiner {
  refine(context: chrono.ParsingContext, results: chrono.ParsingResult[]): chrono.ParsingResult[] {
    const ref = context.reference.instant;
    const anchor: Day = { y: ref.getUTCFullYear(), m: ref.getUTCMonth() + 1, d: ref.getUTCDate() };
    for (const r of results) {
      for (const c of r.end ? [r.start, r.end] : [r.start]) this.resolve(context, r, c, anchor);
    }
    return results;
  }

  private resolve(context: chrono.ParsingContext, r: chrono.ParsingResult, c: chrono.ParsingComponents, anchor: Day): void {
    const text = context.text;
    const tense = () => (/\bsince\s+(?:shortly\s+|just\s+)?(?:after\s+|before\s+)?(?:the\s+)?$/i.test(text.slice(Math.max(0, r.index - 30), r.index)) ? 'past' : tenseAt(text, 0, text.length, r.index, r.index + r.text.replace(/[\s,)]+$/, '').length));
    if (c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('month')) {
      const want = c.get('weekday')! || 7;
      const modifier = /\b(last|past|next|this|coming)\b/i.exec(r.text)?.[1]?.toLowerCase();
      const weekHint = /\b(last|next|this)\s+week\b/i.exec(r.text)?.[1]?.toLowerCase();
      const diff = want - isoDow(anchor);
      let day: Day;
      if (weekHint) day = addDays(anchor, diff + (weekHint === 'last' ? -7 : weekHint === 'next' ? 7 : 0));
      else if (modifier === 'this') day = addDays(anchor, diff);
      else {
        const past = addDays(anchor, diff <= 0 ? diff : diff - 7);
        const future = addDays(anchor, diff > 0 ? diff : diff + 7);
        if (modifier === 'last' || modifier === 'past') day = diff < 0 ? past : addDays(anchor, diff - 7);
        else if (modifier === 'next' || modifier === 'coming') day = future;
        else day = tense() === 'future' ? future : past;
      }
      c.assign('day', day.d);
      c.assign('month', day.m);
      c.assign('year', day.y);
      c.addTag('sitrep/weekday');
    } else if (c.isCertain('month') && !c.isCertain('year')) {
      const month = c.get('month')!;
      // "last May", "next March": chrono leaves the modifier out of the month.
      const lead = c === r.start && !c.isCertain('day') ? /\b(last|next|this|past|coming)\s+$/i.exec(text.slice(Math.max(0, r.index - 8), r.index)) : null;
      if (lead) {
        const mod = lead[1]!.toLowerCase();
        r.index -= lead[0].length;
        r.text = text.slice(r.index, r.index + lead[0].length + r.text.length);
        const y = mod === 'this' ? anchor.y : mod === 'next' || mod === 'coming' ? (month > anchor.m ? anchor.y : anchor.y + 1) : month < anchor.m ? anchor.y : anchor.y - 1;
        c.assign('year', y);
        c.addTag('sitrep/year');
        return;
      }
      const d = c.isCertain('day') ? c.get('day')! : 1;
      const base = c.isCertain('day') ? anchor : { ...anchor, d: 1 };
      const same = { y: anchor.y, m: month, d };
      const cmp = utc(same) - utc(base);
      const past = cmp <= 0 ? same : { ...same, y: anchor.y - 1 };
      const future = cmp >= 0 ? same : { ...same, y: anchor.y + 1 };
      const day = pickOccurrence(tense(), past, future, base);
      c.assign('year', day.y);
      c.addTag('sitrep/year');
    }
  }
}

let newsChrono: chrono.Chrono | undefined;

/** chrono's casual English, minus the parsers the grammar replaces, plus the news refiners. */
export function newsChronoParser(): chrono.Chrono {
  if (!newsChrono) {
    const c = chrono.casual.clone();
    c.parsers = c.parsers.filter((p) => !DROPPED_PARSERS.has(p.constructor.name));
    // "the end of November" stays a month (with mod END), not its last day;
    // the modal "may" is told from the month by NewsFilter, with more cues than "in".
    c.refiners = c.refiners.filter((r) => !DROPPED_REFINERS.has(r.constructor.name));
    c.refiners.push(new NewsFilter(), new NewsTenseRefiner());
    newsChrono = c;
  }
  return newsChrono;
}

/** Clock times and numeric dates: "2:30", "10 a.m.", "2021-08-12", "8/12/2021". */
function chronoNumber(t: Tok[], i: number): boolean {
  const w = t[i]!.w;
  if (w.includes(':') || w.includes('/')) return true;
  const n = t[i + 1]?.w;
  if ((n === 'a' || n === 'p') && t[i + 2]?.w === '.') return true;
  if (n === 'am' || n === 'pm') return true;
  return w.length === 4 && n === '-' && /^\d\d$/.test(t[i + 2]?.w ?? '');
}

// ---------------------------------------------------------------- resolution

interface Resolved {
  type: TimeType;
  value: string;
  precision: Precision;
  relative: boolean;
  mod?: TimeMod;
  range?: { start: string; end: string };
  /** Whether the value used the anchor (as opposed to an earlier mention). */
  usedAnchor?: boolean;
  /** A compared period ("a year earlier"), not a time later mentions refer back to. */
  comparison?: boolean;
  /** A clock time whose day came from the anchor ("at 10:35 a.m."): the sentence may name the day. */
  undatedTime?: boolean;
}

interface Cand {
  s: number;
  e: number;
  /** Higher wins between equally long overlapping candidates. */
  prio: number;
  resolve: (ctx: Ctx) => Resolved | null;
  /** A range: its two ends, resolved in its place. */
  parts?: [Cand, Cand];
}

interface Ctx {
  doc: TimeDoc;
  text: string;
  anchor?: Day;
  /** Mentions resolved so far, in document order. */
  done: TimeMention[];
  /** Mentions that are comparisons, skipped as references. */
  comparisons: WeakSet<TimeMention>;
  /** Position of the mention being resolved. */
  at: number;
  end: number;
  tense(): Tense;
  /** Start of the sentence holding the mention, and of the one before it. */
  sentenceStart(): number;
  previousSentenceStart(): number;
}

const rank = (g: Gran) => GRAN_ORDER.indexOf(g);

/**
 * The latest earlier mention, starting at or after `since`, with a concrete
 * calendar value of an accepted granularity: what "the following day" or "a
 * year earlier" count from. Comparisons ("a year earlier") are not references.
 */
function referenceOf(
  ctx: Ctx,
  accept: (g: Gran) => boolean,
  { since = -Infinity, withComparisons = false, reported = false }: { since?: number; withComparisons?: boolean; reported?: boolean } = {},
): { day: Day; gran: Gran; value: string } | undefined {
  for (let i = ctx.done.length - 1; i >= 0; i--) {
    const m = ctx.done[i]!;
    if (m.start < since) break;
    if ((m.type !== 'DATE' && m.type !== 'TIME') || (ctx.comparisons.has(m) && !withComparisons)) continue;
    const parsed = dayOfValue(m.value);
    // A reported period ("the quarter", "a year earlier") is one that is over, not a forecast one.
    if (parsed && reported && ctx.anchor && utc(shift(parsed.day, parsed.gran, 1)) > utc(ctx.anchor)) continue;
    if (parsed && accept(parsed.gran)) return { ...parsed, value: m.value };
  }
  return undefined;
}

/** The weekend (value `YYYY-Www-WE`) of the ISO week containing `x`. */
/**
 * The year of a quarter named without one: the latest such quarter, or in
 * the future tense the coming one, except that results for a quarter come
 * out after it ends ("expects third-quarter profit" in October is this year's).
 */
/**
 * A quarter or half of a year: the year stated, or stated relative to the
 * anchor ("last year's"), or else the one the anchor and the tense make
 * likely (`guess`).
 */
function partOfYear(ctx: Ctx, unit: 'Q' | 'H', n: number, year: number | undefined, relYear: number | undefined, guess: () => number, mod?: TimeMod): Resolved {
  const precision = unit === 'Q' ? 'quarter' : 'half';
  let y = year;
  if (y === undefined && relYear !== undefined && ctx.anchor) y = ctx.anchor.y + relYear;
  if (y === undefined) {
    if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${unit}${n}`, precision, relative: true, ...(mod ? { mod } : {}) };
    y = guess();
  }
  return { type: 'DATE', value: `${pad(y, 4)}-${unit}${n}`, precision, relative: year === undefined, ...(mod ? { mod } : {}), usedAnchor: year === undefined };
}

function halfYear(ctx: Ctx, n: number): number {
  const a = ctx.anchor!;
  const ah = a.m <= 6 ? 1 : 2;
  return ctx.tense() === 'future' ? (n >= ah ? a.y : a.y + 1) : n <= ah ? a.y : a.y - 1;
}

function quarterYear(ctx: Ctx, q: number): number {
  const a = ctx.anchor!;
  const aq = quarterOf(a.m);
  if (ctx.tense() === 'future') return q >= aq - 1 ? a.y : a.y + 1;
  return q <= aq ? a.y : a.y - 1;
}

function weekendOf(ctx: Ctx, x: Day): Resolved {
  const w = isoWeek(x);
  return { ...dateOf(ctx, x, 'week'), value: `${pad(w.y, 4)}-W${pad(w.w)}-WE` };
}

function dateOf(ctx: Ctx, day: Day | undefined, gran: Gran, extra: Partial<Resolved> = {}): Resolved {
  return {
    type: gran === 'minute' || gran === 'hour' || gran === 'partofday' ? 'TIME' : 'DATE',
    value: day ? periodValue(day, gran) : unknownValue(gran),
    precision: gran,
    relative: true,
    usedAnchor: true,
    ...extra,
  };
}

function durationValue(n: number | 'X', unit: Unit): string {
  if (n === 'X') {
    const x: Record<Unit, string> = { S: 'PTXS', MIN: 'PTXM', H: 'PTXH', D: 'PXD', W: 'PXW', WE: 'PXWE', FN: 'PXW', M: 'PXM', Q: 'PXQ', Y: 'PXY', DE: 'PXDE', CE: 'PXCE' };
    return x[unit];
  }
  const num = (v: number) => String(Math.round(v * 1000) / 1000);
  switch (unit) {
    case 'H':
    case 'MIN':
    case 'S': {
      const secs = Math.round(n * (unit === 'H' ? 3600 : unit === 'MIN' ? 60 : 1));
      const h = Math.floor(secs / 3600);
      const mi = Math.floor((secs % 3600) / 60);
      const s = secs % 60;
      return `PT${h ? h + 'H' : ''}${mi ? mi + 'M' : ''}${s || (!h && !mi) ? s + 'S' : ''}`;
    }
    case 'D':
      return `P${num(n)}D`;
    case 'W':
      return `P${num(n)}W`;
    case 'WE':
      return `P${num(2 * n)}D`;
    case 'FN':
      return `P${num(2 * n)}W`;
    case 'M':
      return `P${num(n)}M`;
    case 'Q':
      return `P${num(n)}Q`;
    case 'Y':
      // "2 1/2 years": whole months read better than a decimal year.
      return Number.isInteger(n) || !Number.isInteger(n * 12) ? `P${num(n)}Y` : `P${Math.floor(n) ? Math.floor(n) + 'Y' : ''}${Math.round((n % 1) * 12)}M`;
    case 'DE':
      return `P${num(10 * n)}Y`;
    case 'CE':
      return `P${num(100 * n)}Y`;
  }
}

/** Moves a day by `n` (possibly fractional) units, at that unit's granularity. */
function shiftByUnit(x: Day, unit: Unit, n: number): Day {
  const k = Math.round(n);
  switch (unit) {
    case 'S':
    case 'MIN':
    case 'H':
      return x;
    case 'D':
      return addDays(x, k);
    case 'W':
      return addDays(x, 7 * k);
    case 'WE':
      return addDays(x, 7 * k);
    case 'FN':
      return addDays(x, 14 * k);
    case 'M':
      return addMonths(x, Math.round(n));
    case 'Q':
      return addMonths(x, 3 * k);
    case 'Y':
      return Number.isInteger(n) ? addMonths(x, 12 * k) : addMonths(x, Math.round(12 * n));
    case 'DE':
      return addMonths(x, 120 * n);
    case 'CE':
      return addMonths(x, 1200 * n);
  }
}

/** Granularity of "N units ago": hours and minutes fall back to the day (anchors carry no clock time). */
function agoGran(unit: Unit): Gran {
  const g = UNIT_GRAN[unit];
  if (g === 'minute' || g === 'hour') return 'day';
  if (unit === 'DE' || unit === 'CE') return 'year';
  return g;
}

// ---------------------------------------------------------------- grammar

interface Quantity {
  n: number | 'X';
  /** First token of the quantity. */
  from: number;
}

/** Parses a number phrase starting at token k; returns its value and end (exclusive). */
function parseQuantityAt(t: Tok[], k: number, limit: number): { n: number | 'X'; end: number } | null {
  let i = k;
  const w = (j: number) => (j < limit ? t[j]!.w : '');
  let n: number | 'X';
  if (w(i) === 'a' || w(i) === 'an') {
    if (w(i + 1) === 'hundred' || w(i + 1) === 'thousand') return { n: w(i + 1) === 'hundred' ? 100 : 1000, end: i + 2 };
    if (w(i + 1) === 'few' || w(i + 1) === 'couple' || w(i + 1) === 'number' || w(i + 1) === 'dozen') {
      const kind = w(i + 1);
      i += 2;
      if (w(i) === 'of') i++;
      n = kind === 'couple' ? 2 : kind === 'dozen' ? 12 : 'X';
      return { n, end: i };
    }
    n = 1;
    i++;
  } else if (w(i) === 'couple' && w(i + 1) === 'of') {
    return { n: 2, end: i + 2 };
  } else if (w(i) === 'half' && (w(i + 1) === 'a' || w(i + 1) === 'an')) {
    return { n: 0.5, end: i + 2 };
  } else if (VAGUE.has(w(i))) {
    n = 'X';
    i++;
    if (w(i) === 'of') i++;
    return { n, end: i };
  } else if (/^\d+(?:,\d{3})*(?:\.\d+)?$/.test(w(i))) {
    n = parseFloat(w(i).replace(/,/g, ''));
    i++;
    if (/^1\/[24]$|^3\/4$/.test(w(i))) {
      const [a, b] = w(i).split('/').map(Number);
      n += a! / b!;
      i++;
    }
  } else if (w(i) in SMALL || w(i) in TENS || w(i) === 'dozen') {
    n = 0;
    if (w(i) === 'dozen') {
      n = 12;
      i++;
    } else {
      if (w(i) in TENS) {
        n = TENS[w(i)]!;
        i++;
        if (w(i) === '-' && w(i + 1) in SMALL) i++;
        if (w(i) in SMALL && SMALL[w(i)]! < 10) n += SMALL[w(i++)]!;
      } else n = SMALL[w(i++)]!;
      if (w(i) === 'hundred') {
        n *= 100;
        i++;
      }
      if (w(i) === 'thousand') {
        n *= 1000;
        i++;
      }
    }
  } else return null;
  if (w(i) === 'and' && (w(i + 1) === 'a' || w(i + 1) === 'one') && w(i + 2) === 'half') {
    n += 0.5;
    i += 3;
  }
  return { n, end: i };
}

/** The quantity that ends right before token `stop` (optionally with a hyphen): "two-year", "20 years". */
function quantityBefore(t: Tok[], stop: number): Quantity | null {
  let best: Quantity | null = null;
  for (let k = stop - 1; k >= 0 && k >= stop - 6; k--) {
    const q = parseQuantityAt(t, k, stop);
    if (q && (q.end === stop || (q.end === stop - 1 && t[stop - 1]!.w === '-'))) best = { n: q.n, from: k };
  }
  return best;
}

/** Modifiers like "more than", "nearly", "about" that end right before token i. */
function modBefore(t: Tok[], i: number): { mod: TimeMod; from: number } | null {
  if (i >= 2) {
    const pair = `${t[i - 2]!.w} ${t[i - 1]!.w}`;
    if (pair in MOD_PAIRS) {
      if (i >= 3 && `${t[i - 3]!.w} ${pair}` in MOD_PAIRS) return { mod: MOD_PAIRS[`${t[i - 3]!.w} ${pair}`]!, from: i - 3 };
      return { mod: MOD_PAIRS[pair]!, from: i - 2 };
    }
  }
  if (i >= 1 && t[i - 1]!.w in MOD_WORDS) return { mod: MOD_WORDS[t[i - 1]!.w]!, from: i - 1 };
  return null;
}

/** "early", "late", "mid-", "earlier", "the end of" before token i. */
function pointModBefore(t: Tok[], i: number): { mod: TimeMod; from: number } | null {
  let j = i;
  if (j >= 1 && t[j - 1]!.w === '-') j--;
  if (j >= 1 && t[j - 1]!.w in POINT_MODS) return { mod: POINT_MODS[t[j - 1]!.w]!, from: j - 1 };
  if (i >= 2 && t[i - 1]!.w === 'of' && t[i - 2]!.w in PART_OF) {
    const from = i >= 3 && t[i - 3]!.w === 'the' ? i - 3 : i - 2;
    return { mod: PART_OF[t[i - 2]!.w]!, from };
  }
  return null;
}

/** A following year ("of 2009", "2009", ", 2009") for seasons, quarters and halves. */
function yearAfter(t: Tok[], i: number): { y: number; rel?: number; end: number } | null {
  let j = i;
  if (t[j]?.w === 'of' || t[j]?.w === ',') j++;
  const tok = t[j];
  if (tok && /^\d{4}$/.test(tok.w)) {
    const y = +tok.w;
    if (y >= 1000 && y <= 2199) return { y, end: j + 1 };
  }
  if ((t[j]?.w === 'this' || t[j]?.w === 'last' || t[j]?.w === 'next') && t[j + 1]?.w === 'year') return { y: NaN, rel: t[j]!.w === 'last' ? -1 : t[j]!.w === 'next' ? 1 : 0, end: j + 2 };
  return null;
}

/** "1998's", "this year's", "last year's" before token i (a quarter, a half). */
function yearPossessiveBefore(t: Tok[], i: number): { rel?: number; y?: number; from: number } | null {
  if (i < 3 || t[i - 1]!.w !== 's' || !APOS.has(t[i - 2]!.w)) return null;
  const k = i - 3;
  if (/^\d{4}$/.test(t[k]!.w)) return { y: +t[k]!.w, from: k };
  if (t[k]!.w === 'year' && k >= 1) {
    const r = t[k - 1]!.w;
    if (r === 'this') return { rel: 0, from: k - 1 };
    if (r === 'last') return { rel: -1, from: k - 1 };
    if (r === 'next') return { rel: 1, from: k - 1 };
  }
  return null;
}

class Grammar {
  readonly cands: Cand[] = [];
  /** Where chrono's trigger words are, in text order. */
  readonly chronoAt: number[] = [];
  constructor(
    private readonly text: string,
    private readonly t: Tok[],
  ) {}

  /** A candidate over tokens [s, e). */
  private cand(s: number, e: number, resolve: Cand['resolve'], prio = 1): Cand {
    return { s: this.t[s]!.s, e: this.t[e - 1]!.e, prio, resolve };
  }

  private add(s: number, e: number, resolve: Cand['resolve'], prio = 1): Cand {
    const c = this.cand(s, e, resolve, prio);
    this.cands.push(c);
    return c;
  }

  run(): Cand[] {
    const t = this.t;
    for (let i = 0; i < t.length; i++) {
      const w = t[i]!.w;
      const c = w.charCodeAt(0);
      if (c >= 48 && c <= 57) {
        if (chronoNumber(t, i)) this.chronoAt.push(t[i]!.s);
        if (/^\d{4}s?$/.test(w)) this.year(i);
        else if (/^(?:\d0s|[1-4]q)$/.test(w)) this.shortForms(i);
        continue;
      }
      if (w.length < 2) continue;
      switch (TRIGGERS.get(w)) {
        case undefined:
          if ((c === 113 || c === 102) && /^(?:q[1-4]|fy\d{2,4})$/.test(w)) this.shortForms(i); // q, f
          break;
        case 'chrono':
          this.chronoAt.push(t[i]!.s);
          break;
        case 'unit':
          this.unit(i, UNITS[w]!);
          break;
        case 'season':
          this.season(i);
          break;
        case 'ref':
          this.ref(i);
          break;
        case 'set':
          this.setWord(i);
          break;
        case 'weekdays':
          this.weekdaySet(i);
          break;
        case 'vague':
          this.vague(i);
          break;
        case 'half':
          this.half(i);
          break;
        case 'decade':
          this.shortForms(i);
          break;
        case 'every':
          this.everyNamed(i);
          break;
        case 'holiday':
          this.holiday(i);
          break;
        case 'period':
          this.period(i);
          break;
        case 'partofday':
          this.chronoAt.push(t[i]!.s);
          this.partOfDay(i);
          break;
        case 'spelled':
          if (w === 'nineteen' || t[i + 1]?.w === 'thousand') this.spelledYear(i);
          break;
      }
    }
    return this.cands;
  }

  // "two weeks", "the past decade", "last year", "10 days ago", "a year earlier", "the fiscal year", "decades-long"
  private unit(h: number, unit: Unit): void {
    const t = this.t;
    const w = t[h]!.w;
    const plural = w !== unit.toLowerCase() && (w.endsWith('s') || w === 'centuries');
    const next = (k: number) => t[k]?.w ?? '';

    if (w === 'days' && t[h - 1]?.w === 'these' && !/^(?:of|before|after|when)$/.test(next(h + 1))) {
      this.add(h - 1, h + 1, () => ({ type: 'DATE', value: 'PRESENT_REF', precision: 'ref', relative: false }), 0);
      return;
    }
    // "the 20th century", "the eleventh century"
    if (unit === 'CE' && !plural && t[h - 1] && (/^\d{1,2}(?:st|nd|rd|th)$/.test(t[h - 1]!.w) || t[h - 1]!.w in CENTURY_ORDINALS)) {
      const n = parseInt(t[h - 1]!.w, 10) || CENTURY_ORDINALS[t[h - 1]!.w]!;
      const from = t[h - 2]?.w === 'the' ? h - 2 : h - 1;
      this.add(from, h + 1, () => ({ type: 'DATE', value: `${pad(n - 1, 2)}XX`, precision: 'century', relative: false }), 2);
      return;
    }
    // "ABC's This Week", "Person of the Year": a capitalized unit after a capitalized word names something.
    if (h > 0 && isCap(this.text, t[h]!) && (isCap(this.text, t[h - 1]!) || (t[h - 1]!.w === '-' && h > 1 && isCap(this.text, t[h - 2]!)))) return;
    // "year-earlier", "year-ago": an adjective for the compared period.
    if (unit === 'Y' && next(h + 1) === '-' && (next(h + 2) === 'earlier' || next(h + 2) === 'ago')) return this.yearEarlierAdjective(h);
    // "year-end", "year end", "year's end"
    if (unit === 'Y' && !plural && (next(h + 1) === 'end' || (next(h + 1) === '-' && next(h + 2) === 'end') || (APOS.has(next(h + 1)) && next(h + 2) === 's' && next(h + 3) === 'end'))) {
      return this.yearEnd(h);
    }
    // "third-quarter", "the fiscal first quarter": named quarters.
    if (unit === 'Q' && !plural) {
      const p = t[h - 1]?.w === '-' || t[h - 1]?.w === 'fiscal' ? h - 2 : h - 1;
      const pw = t[p]?.w ?? '';
      if (pw in ORDINALS || pw === 'final' || (pw === 'fiscal' && next(p - 1) in ORDINALS) || (t[h - 1]?.w === 'fiscal' && next(h - 2) in ORDINALS)) return this.quarter(h);
      if (next(h + 1) === 'of' && !/^\d{4}$/.test(next(h + 2))) return; // "a quarter of the vote"
    }

    // Right context.
    let end = h + 1;
    let half = 0;
    if (next(end) === 'and' && (next(end + 1) === 'a' || next(end + 1) === 'one') && next(end + 2) === 'half') {
      half = 0.5;
      end += 3;
    }
    let k = end;
    if (next(k) === 'or' && next(k + 1) === 'so' && next(k + 2) === 'ago') k += 2;
    if (next(k) === '-' && /^(?:old|long|ago)$/.test(next(k + 1))) k++;
    const r = next(k);
    let after: 'ago' | 'earlier' | 'later' | 'fromnow' | 'long' | undefined;
    if (r === 'old' && (t[k - 1]?.w === '-' || unit === 'Y' || unit === 'M' || unit === 'W' || unit === 'D')) return; // ages are not times
    if (r === 'ago') after = 'ago';
    else if ((r === 'earlier' || r === 'later') && next(k + 1) !== 'than') after = r;
    else if ((r === 'before' || r === 'after') && !/^[a-z0-9]/.test(next(k + 1) || '.')) after = r === 'after' ? 'later' : 'earlier';
    else if (r === 'from' && next(k + 1) === 'now') after = 'fromnow';
    else if (r === 'long' && t[k - 1]?.w === '-') after = 'long';
    if (after) end = after === 'fromnow' ? k + 2 : k + 1;

    // Left context: adjectives, the number, relative words, determiners, modifiers.
    let L = h;
    let adjectives = 0;
    while (L >= 1 && UNIT_ADJ.has(t[L - 1]!.w) && adjectives < 2) {
      L--;
      adjectives++;
    }
    let q = quantityBefore(t, L);
    if (!q && adjectives && !/^(?:fiscal|full|calendar|financial|whole|entire)$/.test(t[L]!.w)) {
      L = h;
      q = quantityBefore(t, L);
    }
    if (q && /^\d{4}$/.test(t[q.from]!.w) && t[q.from - 1]?.w === 'the' && (unit === 'Q' || unit === 'M' || unit === 'H') && !plural) {
      return this.yearQualified(q.from - 1, end, +t[q.from]!.w, UNIT_GRAN[unit]); // "the 1988 quarter"
    }
    if (q && q.n !== 'X' && q.from >= 2 && /^(?:to|or|-|–)$/.test(t[q.from - 1]!.w)) {
      // "two to three weeks", "the next 12 to 18 months": a range of counts, timed by the lower.
      const low = quantityBefore(t, q.from - 1);
      if (low && low.n !== 'X') {
        q = { n: low.n, from: low.from };
      }
    }
    if (q) L = q.from;
    // "three-quarters", "two-thirds": fractions, not periods.
    if (unit === 'Q' && plural && q && t[q.from + 1]?.w === '-') return;
    let rel: string | undefined;
    const pre = t[L - 1]?.w;
    if (pre && REL_WORDS.has(pre)) {
      // "may last months", "moved past years of": verbs and prepositions, not "last"/"past" as relative words.
      const verbal = (pre === 'last' || pre === 'past') && !q && plural && t[L - 2]?.w !== 'the';
      if (!verbal) {
        rel = pre;
        L--;
      }
    } else if (pre === 'same' || pre === 'that') {
      rel = pre;
      L--;
      if (pre === 'same' && t[L - 1]?.w === 'that') L--;
    }
    let det: string | undefined;
    // "the 30-day deadline": the article belongs to the noun, not to the adjectival duration.
    const adjectival = q && !rel && t[h - 1]?.w === '-' && !after;
    if (t[L - 1]?.w === 'the' && !adjectival) {
      det = 'the';
      L--;
    } else if (t[L - 1]?.w === 'another' && q) {
      det = 'another';
      L--;
    }
    // "more than four hours", "at least the past 18 months"; "over" only before a bare number ("over the years").
    let mod = q || (rel && rel !== 'this' && det) ? modBefore(t, L) : null;
    if (mod && t[mod.from]!.w === 'over' && (det || rel)) mod = null;
    if (mod) L = mod.from;
    const modValue = mod?.mod;
    const n = q ? (q.n === 'X' ? 'X' : q.n + half) : undefined;
    const gran = UNIT_GRAN[unit];

    // "a second attack", "about a quarter of them": ordinals and fractions.
    if (q && (unit === 'S' || unit === 'Q') && (t[q.from]!.w === 'a' || t[q.from]!.w === 'an') && !rel && !det && !after && !/^(?:for|in|within|than)$/.test(t[q.from - 1]?.w ?? '')) return;
    // "twice a week", "$5 a year": a frequency.
    if (q && q.n === 1 && (t[q.from]!.w === 'a' || t[q.from]!.w === 'an') && !rel && !det && !after) {
      const prev = t[q.from - 1];
      if (prev && (/^(?:once|twice|thrice|times|percent|%|dollars|euros|pounds|cents|million|billion|trillion|thousand|hundred)$/.test(prev.w) || /\d/.test(prev.w))) {
        const from = prev.w === 'once' || prev.w === 'twice' || prev.w === 'thrice' ? q.from - 1 : q.from;
        this.add(from, end, () => ({ type: 'SET', value: durationValue(1, unit), precision: gran, relative: false }));
        return;
      }
    }

    if ((after === 'earlier' || after === 'later') && (n === 'X' || unit === 'H' || unit === 'MIN' || unit === 'S')) {
      // "a few days later", "two hours later": TimeML times the stretch, the clock time is unknown.
      const count = n ?? 'X';
      this.add(L, k, () => ({ type: 'DURATION', value: durationValue(count, unit), precision: gran, relative: false, mod: modValue }));
      return;
    }
    if (after === 'ago' || after === 'fromnow' || after === 'earlier' || after === 'later') {
      if (n === undefined && !(plural && after === 'ago')) return;
      const sign = after === 'ago' || after === 'earlier' ? -1 : 1;
      const anaphoric = after === 'earlier' || after === 'later';
      this.add(L, end, (ctx) => {
        if (n === 'X' || n === undefined) return { type: 'DATE', value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', precision: 'ref', relative: false, mod: modValue };
        const g = agoGran(unit);
        // "a year earlier" counts from the time under discussion; so does "a year ago" next to
        // a quarter or a month in the same sentence (comparative financial prose).
        const ref =
          (unit === 'Y' && n === 1 ? referenceOf(ctx, (rg) => rg === 'quarter' || rg === 'half' || rg === 'month', { since: ctx.at - 1200, reported: true }) : undefined) ??
          (anaphoric ? referenceOf(ctx, (rg) => rg !== 'week' && rank(rg) <= rank(g) && rank(rg) >= rank('day'), { since: ctx.previousSentenceStart() }) : undefined);
        if (ref) return { ...dateOf(ctx, shiftByUnit(ref.day, unit, sign * n), ref.gran), mod: modValue, usedAnchor: false, comparison: true };
        if (!ctx.anchor) return { ...dateOf(ctx, undefined, g), mod: modValue, comparison: true };
        return { ...dateOf(ctx, shiftByUnit(ctx.anchor, unit, sign * n), g), mod: modValue, comparison: true };
      });
      return;
    }

    if (after === 'long') {
      this.add(L, end, () => ({ type: 'DURATION', value: durationValue(n ?? (plural ? 'X' : 1), unit), precision: gran, relative: false, mod: modValue }));
      return;
    }

    const backward = rel === 'past' || rel === 'last' || rel === 'previous';
    const forward = rel === 'next' || rel === 'coming' || rel === 'following' || rel === 'upcoming';
    if (rel === 'recent' && plural) {
      this.add(L, end, () => ({ type: 'DATE', value: 'PAST_REF', precision: 'ref', relative: false }));
      return;
    }
    if (rel === 'latest' && !q && !plural) return this.latestPeriod(L, end, gran);
    if ((backward || forward || rel === 'first' || rel === 'final' || rel === 'latest') && (n !== undefined || plural || (det === 'the' && backward))) {
      // "the past two months", "the next few days", "the first nine months", "the past decade"
      if (rel === 'previous' && !q && !plural) return this.addAnaphoric(L, end, unit, -1);
      const count = n ?? (plural ? 'X' : 1);
      const anchored = (backward || rel === 'next' || rel === 'coming' || rel === 'upcoming') && count !== 'X';
      this.add(L, end, (ctx) => ({
        type: 'DURATION',
        value: durationValue(count, unit),
        precision: gran,
        relative: anchored && !!ctx.anchor,
        mod: modValue,
        range:
          anchored && ctx.anchor
            ? backward
              ? { start: isoOf(shiftByUnit(ctx.anchor, unit, -count)), end: isoOf(ctx.anchor) }
              : { start: isoOf(ctx.anchor), end: isoOf(shiftByUnit(ctx.anchor, unit, count)) }
            : undefined,
      }));
      return;
    }

    if (!q && !plural && rel) {
      if (unit === 'S' || unit === 'MIN' || unit === 'H') return;
      if (rel === 'following' || rel === 'same' || rel === 'that' || rel === 'previous' || (rel === 'next' && det === 'the')) {
        // "the following day", "that year", "earlier that day": from the time under discussion.
        const pm = pointModBefore(t, L);
        return this.addAnaphoric(pm ? pm.from : L, end, unit, rel === 'following' || rel === 'next' ? 1 : rel === 'previous' ? -1 : 0, pm?.mod);
      }
      const offset: Record<string, number> = { this: 0, current: 0, last: -1, past: -1, next: 1, coming: 1, upcoming: 1 };
      if (!(rel in offset) || unit === 'D' || (rel === 'last' && next(h + 1) === 'night')) return;
      const o = offset[rel]!;
      const pm = pointModBefore(t, L);
      if (pm) L = pm.from;
      this.add(L, end, (ctx) => {
        if (!ctx.anchor) return dateOf(ctx, undefined, gran, { mod: pm?.mod });
        if (unit === 'WE') return { ...weekendOf(ctx, addDays(ctx.anchor, 7 * o)), mod: pm?.mod };
        return { ...dateOf(ctx, shiftByUnit(ctx.anchor, unit, o), unit === 'FN' ? 'week' : gran), mod: pm?.mod };
      });
      return;
    }

    if (q) {
      // "two weeks", "a 10-hour tour", "the nine months", "more than four hours"
      if (n === 1 && (t[q.from]!.w === 'a' || t[q.from]!.w === 'an') && t[q.from - 1]?.w === 'at') return;
      this.add(L, end, () => ({ type: 'DURATION', value: durationValue(n!, unit), precision: gran, relative: false, mod: modValue }));
      return;
    }

    if (!plural && det === 'the' && unit === 'Y' && (next(end) === 'ended' || next(end) === 'ending')) {
      // "the year ended Sept. 30": a fiscal year, a stretch rather than a calendar year.
      this.add(L, end, () => ({ type: 'DURATION', value: 'P1Y', precision: 'year', relative: false }));
      return;
    }
    if (!plural && det === 'the' && (unit === 'Y' || unit === 'Q' || unit === 'W' || unit === 'M' || unit === 'WE')) {
      // "the year", "the quarter", "the weekend": the period under discussion.
      const pm = pointModBefore(t, L);
      if (!pm && t[L - 1]?.w === 'of' && next(L - 2) !== 'rest' && unit !== 'WE') return; // "player of the year"
      if (pm) L = pm.from;
      this.add(L, end, (ctx) => {
        if (unit === 'WE') {
          if (!ctx.anchor) return dateOf(ctx, undefined, 'week');
          const past = ctx.tense() !== 'future' && isoDow(ctx.anchor) < 6;
          return { ...weekendOf(ctx, past ? addDays(ctx.anchor, -7) : ctx.anchor), mod: pm?.mod };
        }
        const ref =
          unit === 'Q'
            ? referenceOf(ctx, (g) => g === gran, { reported: true })
            : referenceOf(ctx, (g) => rank(g) <= rank(gran) && rank(g) >= rank('day') && g !== 'week', { since: ctx.sentenceStart() });
        if (ref) return { ...dateOf(ctx, ref.day, gran), mod: pm?.mod, usedAnchor: false };
        return dateOf(ctx, ctx.anchor, gran, { mod: pm?.mod });
      }, 0);
      return;
    }

    if (plural && det === 'the' && !rel && (next(end) === 'ahead' || /^(?:over|in|during|for|throughout)$/.test(t[L - 1]?.w ?? ''))) {
      // "over the years", "in the weeks ahead"
      if (next(end) === 'ahead') end++;
      this.add(L, end, () => ({ type: 'DURATION', value: durationValue('X', unit), precision: gran, relative: false }), 0);
      return;
    }
    if (plural && !det && !rel) {
      // "for years", "in days", "within hours"
      const prev = t[L - 1]?.w;
      if (prev && /^(?:for|in|over|within|after|took|take|takes|lasted|last|lasting|spent|spend)$/.test(prev) && next(h + 1) !== 'of') {
        if (prev === 'in' && /^[a-z]/.test(next(h + 1))) return; // "in days of fighting" vs "in days."
        this.add(h, end, () => ({ type: 'DURATION', value: durationValue('X', unit), precision: gran, relative: false }));
      }
    }
  }

  private addAnaphoric(from: number, end: number, unit: Unit, offset: number, mod?: TimeMod, pod?: string): void {
    this.add(from, end, (ctx) => {
      const gran = unit === 'FN' || unit === 'WE' ? 'week' : UNIT_GRAN[unit];
      // "that quarter" may point back at a compared one ("the year-ago quarter ... that quarter").
      const ref = referenceOf(ctx, (g) => rank(g) <= rank(gran) && rank(g) >= rank('day'), { withComparisons: true });
      const base = ref?.day ?? ctx.anchor;
      if (!base) return dateOf(ctx, undefined, gran, { mod });
      const r: Resolved = { ...dateOf(ctx, shiftByUnit(base, unit, offset), gran), usedAnchor: !ref, mod };
      return pod ? { ...r, type: 'TIME', value: `${r.value}T${pod}`, precision: 'partofday' } : r;
    });
  }

  // "the next morning", "that night", "the same evening"
  private partOfDay(i: number): void {
    const t = this.t;
    const p = t[i - 1]?.w ?? '';
    let from = i - 1;
    let offset: number;
    if ((p === 'next' || p === 'following' || p === 'previous' || p === 'same') && t[i - 2]?.w === 'the') {
      offset = p === 'previous' ? -1 : p === 'same' ? 0 : 1;
      from = i - 2;
    } else if (p === 'that') offset = 0;
    else return;
    const pm = pointModBefore(t, from);
    this.addAnaphoric(pm ? pm.from : from, i + 1, 'D', offset, pm?.mod, PART_OF_DAY[t[i]!.w]);
  }

  /** "the latest quarter": the period last reported. */
  private latestPeriod(from: number, end: number, gran: Gran): void {
    this.add(from, end, (ctx) => {
      const ref = referenceOf(ctx, (g) => g === gran, { reported: true });
      if (ref) return { ...dateOf(ctx, ref.day, gran), usedAnchor: false };
      if (!ctx.anchor) return dateOf(ctx, undefined, gran);
      return dateOf(ctx, shift(ctx.anchor, gran, -1), gran);
    });
  }

  /** "the latest period", "the same period", "the year-ago period": a reporting period mentioned before. */
  private period(i: number): void {
    const t = this.t;
    const p = t[i - 1]?.w ?? '';
    if (/^\d{4}$/.test(p) && t[i - 2]?.w === 'the') return this.yearQualified(i - 2, i + 1, +p, 'month');
    if ((p !== 'latest' && p !== 'same' && p !== 'comparable' && p !== 'corresponding') || t[i - 2]?.w !== 'the') return;
    const lastYear = t[i + 1]?.w === 'last' && t[i + 2]?.w === 'year';
    const end = lastYear ? i + 3 : t[i + 1]?.w === 'a' && t[i + 2]?.w === 'year' && (t[i + 3]?.w === 'ago' || t[i + 3]?.w === 'earlier') ? i + 4 : i + 1;
    const back = end > i + 1 || p === 'comparable' || p === 'corresponding';
    this.add(i - 2, end, (ctx) => {
      const ref = referenceOf(ctx, (g) => g === 'quarter' || g === 'half' || g === 'month', { reported: true });
      // Without one, the reporting period is the last full quarter.
      if (!ref) return ctx.anchor ? dateOf(ctx, shift(ctx.anchor, 'quarter', back ? -5 : -1), 'quarter') : dateOf(ctx, undefined, 'quarter');
      return { ...dateOf(ctx, back ? shift(ref.day, 'year', -1) : ref.day, ref.gran), usedAnchor: false, comparison: back };
    });
  }

  /** "the 1988 quarter", "the 1989 period": the period under discussion, in that year. */
  private yearQualified(from: number, end: number, year: number, gran: Gran): void {
    this.add(from, end, (ctx) => {
      const ref = referenceOf(ctx, (g) => g === gran || ((gran === 'month' || gran === 'hour') && (g === 'quarter' || g === 'half' || g === 'month')), { since: ctx.at - 3000 });
      // "the 1988 period" in a 1989 report is the compared, year-ago one.
      const comparison = !!ctx.anchor && year < ctx.anchor.y;
      if (ref) return { ...dateOf(ctx, { ...ref.day, y: year }, ref.gran), usedAnchor: false, comparison };
      return { type: 'DATE', value: pad(year, 4), precision: 'year', relative: false, comparison };
    }, 2);
  }

  /** "year-earlier" / "year-ago" (and "the year-earlier quarter"): the compared period a year back. */
  private yearEarlierAdjective(h: number): void {
    const t = this.t;
    let from = h;
    let end = h + 3;
    const nw = t[end]?.w ?? '';
    const ordinal = ORDINALS[nw] !== undefined && t[end + 1]?.w === 'quarter' ? ORDINALS[nw] : undefined;
    const noun = /^(?:quarter|period|month|months|week|year|half)$/.test(nw);
    let det = h - 1;
    if (/^(?:comparable|corresponding|same)$/.test(t[det]?.w ?? '')) det--;
    if ((noun || ordinal) && t[det]?.w === 'the') {
      from = det;
      end += ordinal ? 2 : 1;
    }
    const wantQuarter = nw === 'quarter' || ordinal !== undefined;
    this.add(from, end, (ctx) => {
      if (ordinal && ctx.anchor) return { ...dateOf(ctx, { y: ctx.anchor.y - 1, m: ordinal * 3, d: 1 }, 'quarter'), comparison: true };
      const ref = referenceOf(ctx, (g) => (wantQuarter ? g === 'quarter' : g === 'quarter' || g === 'half' || g === 'month'), { since: noun || ordinal ? ctx.at - 3000 : ctx.at - 1200, reported: true });
      if (ref) return { ...dateOf(ctx, shift(ref.day, 'year', -1), ref.gran), usedAnchor: false, comparison: true };
      if (!ctx.anchor) return dateOf(ctx, undefined, 'year', { comparison: true });
      return { ...dateOf(ctx, shift(ctx.anchor, 'year', -1), wantQuarter ? 'quarter' : 'year'), comparison: true };
    });
  }

  /** "year-end", "year end", "year's end": the end of the current (or discussed) year. */
  private yearEnd(h: number): void {
    const t = this.t;
    const end = t[h + 1]!.w === 'end' ? h + 2 : t[h + 1]!.w === '-' ? h + 3 : h + 4;
    let from = h;
    if (t[h - 1]?.w === 'the' || t[h - 1]?.w === 'this' || t[h - 1]?.w === 'last' || t[h - 1]?.w === 'next') from = h - 1;
    if (t[from - 1]?.w === 'around') from--;
    const o = t[h - 1]?.w === 'last' || (from === h && t[h - 1]?.w === 'since') ? -1 : t[h - 1]?.w === 'next' ? 1 : 0;
    this.add(from, end, (ctx) => (ctx.anchor ? dateOf(ctx, { y: ctx.anchor.y + o, m: 12, d: 31 }, 'day') : dateOf(ctx, undefined, 'day')));
  }

  // "the third quarter", "third-quarter", "the fiscal first quarter", "the fourth quarter of 2009", "this year's second quarter"
  private quarter(h: number): void {
    const t = this.t;
    let L = h - 1;
    if (t[L]!.w === 'fiscal') L--;
    if (t[L]?.w === '-') L--;
    const ordWord = t[L]?.w ?? '';
    let q = ORDINALS[ordWord];
    if (q === undefined && ordWord === 'final') q = 4;
    if (q === undefined || q > 4) return;
    if (t[L - 1]?.w === 'fiscal') L--;
    let end = h + 1;
    let year: number | undefined;
    let relYear: number | undefined;
    const ya = yearAfter(t, end);
    if (ya) {
      if (Number.isNaN(ya.y)) relYear = ya.rel ?? 0;
      else year = ya.y;
      end = ya.end;
    }
    if (t[L - 1]?.w === 'the' && t[h - 1]?.w !== '-') L--;
    const poss = yearPossessiveBefore(t, L);
    if (poss) {
      if (poss.y !== undefined) year = poss.y;
      else relYear = poss.rel;
      L = poss.from;
    } else if (/^\d{4}$/.test(t[L - 1]?.w ?? '') && t[L - 2]?.w === 'the') {
      year = +t[L - 1]!.w;
      L -= 2;
    }
    const pm = pointModBefore(t, L);
    if (pm) L = pm.from;
    this.add(L, end, (ctx) => partOfYear(ctx, 'Q', q!, year, relYear, () => quarterYear(ctx, q!), pm?.mod), 2);
  }

  // "the first half", "the second half of 2021"
  private half(h: number): void {
    const t = this.t;
    const ord = t[h - 1]?.w;
    const n = ord === 'first' ? 1 : ord === 'second' || ord === 'last' ? 2 : undefined;
    if (!n) return;
    let L = h - 1;
    if (t[L - 1]?.w === 'the') L--;
    let end = h + 1;
    let year: number | undefined;
    let relYear: number | undefined;
    const ya = yearAfter(t, end);
    if (ya) {
      if (Number.isNaN(ya.y)) relYear = ya.rel ?? 0;
      else year = ya.y;
      end = ya.end;
    } else if (t[end]?.w === 'of' && (t[end + 1]?.w === 'the' || t[end + 1]?.w === 'this' || t[end + 1]?.w === 'last' || t[end + 1]?.w === 'next') && t[end + 2]?.w === 'year') {
      relYear = t[end + 1]!.w === 'last' ? -1 : t[end + 1]!.w === 'next' ? 1 : 0;
      end += 3;
    } else if (ord === 'last') return;
    else if (t[end] && /^[a-z]/.test(t[end]!.w) && !/^(?:and|or|to|when|as|of|but|was|is|will|saw)$/.test(t[end]!.w)) return; // "the first half hour", "second half goals"
    const poss = yearPossessiveBefore(t, L);
    if (poss) {
      if (poss.y !== undefined) year = poss.y;
      else relYear = poss.rel;
      L = poss.from;
    }
    this.add(L, end, (ctx) => partOfYear(ctx, 'H', n, year, relYear, () => halfYear(ctx, n)), 2);
  }

  // "1998", "fiscal 1989", "mid-1990s", "the 1980s", "1996-2001", "the year 2000"
  private year(i: number): void {
    const t = this.t;
    const text = this.text;
    const tok = t[i]!;
    const decade = tok.w.endsWith('s');
    const y = parseInt(tok.w, 10);
    if (y < 1000 || y > 2199) return;
    const prev = t[i - 1];
    const next = t[i + 1];
    if (prev && (prev.e === tok.s) && /^[$#£€.,:/-]$/.test(prev.w) && !(prev.w === '-' && t[i - 2] && /^(?:mid|pre|post)$/.test(t[i - 2]!.w))) return; // $2020, 1,2020, AK-2000
    if (next && next.s === tok.e && /^[%.,:/]$/.test(next.w) && t[i + 2] && t[i + 2]!.s === next.e && /^\d/.test(t[i + 2]!.w)) return; // 2020.5, 2020/21 handled below
    if (next && next.w === '%') return;
    if (prev && /^(?:no|number|nos|page|pages|flight|route|room|article|section|resolution|model|type|version|windows|office|rule|chapter|bill|code|box|suite|highway|interstate|apartment|unit|squawk|boeing|airbus)$/.test(prev.w) && !decade) return;
    const yearCue = prev && /^(?:in|since|until|till|by|of|from|to|through|during|before|after|early|late|mid|fiscal|year|the|between|and|or|around|circa|spring|summer|autumn|fall|winter|end|beginning|start|middle|calendar|pre|post|for|on|at)$/.test(prev.w);
    const determiner = prev && (/^(?:its|their|his|her|our|a|an)$/.test(prev.w) || (/^(?:that|this)$/.test(prev.w) && !/s$|^(?:people|men|women|children)$/.test(next?.w ?? '')) || (prev.w === 's' && APOS.has(t[i - 2]?.w ?? '')) || (prev.w === '-' && /^(?:pre|post|mid)$/.test(t[i - 2]?.w ?? '')));
    if (!decade && !yearCue && !determiner) {
      if (y < 1900 || y > 2100) return;
      // "2000 people", "about 1500 troops": a count, not a year.
      if (next && COUNT_NOUNS.has(next.w)) return;
      if (prev && /^(?:about|nearly|some|over|than|approximately|roughly|almost|only|just|least|most|another|additional|extra|x|times)$/.test(prev.w)) return;
    }
    let L = i;
    let end = i + 1;
    let mod: TimeMod | undefined;
    // Decades: "1990s", "the 1990s", "mid-1990s", "the late 1970s"
    if (decade) {
      if (y % 10 !== 0) return;
      const pm = pointModBefore(t, L);
      if (pm) {
        mod = pm.mod;
        L = pm.from;
      }
      if (t[L - 1]?.w === 'the') L--;
      this.add(L, end, () => ({ type: 'DATE', value: `${Math.floor(y / 10)}X`, precision: 'decade', relative: false, mod }), 1);
      return;
    }
    // Ranges of years: "1996-2001", "1990-91"
    if (next && (next.w === '-' || next.w === '–') && next.s === tok.e && t[i + 2] && t[i + 2]!.s === next.e && /^\d{2}(?:\d{2})?$/.test(t[i + 2]!.w)) {
      const w2 = t[i + 2]!.w;
      const y2 = w2.length === 2 ? Math.floor(y / 100) * 100 + +w2 : +w2;
      if (y2 > y && y2 - y < 100) {
        const first = this.cand(i, i + 1, () => ({ type: 'DATE', value: pad(y, 4), precision: 'year', relative: false }));
        const second = this.cand(i + 2, i + 3, () => ({ type: 'DATE', value: pad(y2, 4), precision: 'year', relative: false }));
        this.add(i, i + 3, () => null).parts = [first, second];
        return;
      }
    }
    if (prev?.w === 'fiscal' || (prev?.w === 'year' && t[i - 2]?.w === 'fiscal')) L = prev.w === 'fiscal' ? i - 1 : i - 2;
    else if (prev?.w === 'year' && t[i - 2]?.w === 'the') L = i - 2;
    else if (prev?.w === 'calendar') L = i - 1;
    else if (prev?.w === '-' && (t[i - 2]?.w === 'pre' || t[i - 2]?.w === 'post')) L = i - 2;
    const pm = pointModBefore(t, L);
    if (pm) {
      mod = pm.mod;
      L = pm.from;
    }
    this.add(L, end, () => ({ type: 'DATE', value: pad(y, 4), precision: 'year', relative: false, mod }), 1);
  }

  // "nineteen ninety-six", "(the year) two thousand": years read out in broadcast transcripts
  private spelledYear(i: number): void {
    const t = this.t;
    const w = (k: number) => t[k]?.w ?? '';
    let y: number;
    let end: number;
    if (w(i) === 'nineteen') {
      if (!(w(i + 1) in TENS) && w(i + 1) !== 'hundred') return;
      y = 1900 + (TENS[w(i + 1)] ?? 0);
      end = i + 2;
      if (w(end) === '-' && w(end + 1) in SMALL) end++;
      if (w(end) in SMALL && SMALL[w(end)]! < 10 && w(i + 1) !== 'hundred') y += SMALL[w(end++)]!;
    } else {
      y = 2000;
      end = i + 2;
      if (w(end) === 'and') end++;
      if (w(end) in SMALL) y += SMALL[w(end++)]!;
      else if (end > i + 2) end--;
      const prev = w(i - 1);
      if (!/^(?:in|since|until|by|year|of|from|to|through|before|after|during|around)$/.test(prev) && !(prev in MONTHS)) return;
    }
    let from = i;
    if (w(i - 1) === 'year' && w(i - 2) === 'the') from = i - 2;
    this.add(from, end, () => ({ type: 'DATE', value: String(y), precision: 'year', relative: false }), 1);
  }

  // "'90s", "the nineties", "Q3", "3Q", "FY2021"
  private shortForms(i: number): void {
    const t = this.t;
    const w = t[i]!.w;
    let m: RegExpExecArray | null;
    if ((m = /^(\d)0s$/.exec(w)) || w in DECADE_WORDS) {
      const d = m ? +m[1]! : DECADE_WORDS[w]!;
      const apostrophe = t[i - 1] && APOS.has(t[i - 1]!.w);
      // "90s" alone may be temperatures or ages: ask for "the", an apostrophe or a decade just before.
      const cue = /^(?:the|early|mid|late|-)$/.test(t[i - 1]?.w ?? '') || ((t[i - 1]?.w === 'and' || t[i - 1]?.w === 'or') && /^(?:\d0s|\w+ties)$/.test(t[i - 2]?.w ?? ''));
      if (!apostrophe && !cue) return;
      let L = apostrophe ? i - 1 : i;
      let mod: TimeMod | undefined;
      const pm = pointModBefore(t, L);
      if (pm) {
        mod = pm.mod;
        L = pm.from;
      }
      if (t[L - 1]?.w === 'the') L--;
      this.add(L, i + 1, (ctx) => {
        // The latest such decade that has begun by the anchor.
        const ay = ctx.anchor?.y ?? 1999;
        let start = Math.floor(ay / 100) * 100 + d * 10;
        if (start > ay) start -= 100;
        return { type: 'DATE', value: `${Math.floor(start / 10)}X`, precision: 'decade', relative: false, mod };
      });
      return;
    }
    if ((m = /^q([1-4])$/.exec(w) ?? /^([1-4])q$/.exec(w))) {
      if (this.text[t[i]!.s] !== 'Q' && !/^\dQ$/.test(this.text.slice(t[i]!.s, t[i]!.e))) return;
      const q = +m[1]!;
      let end = i + 1;
      let year: number | undefined;
      const ya = yearAfter(t, end);
      if (ya && !Number.isNaN(ya.y)) {
        year = ya.y;
        end = ya.end;
      }
      this.add(i, end, (ctx) => {
        if (year !== undefined) return { type: 'DATE', value: `${pad(year, 4)}-Q${q}`, precision: 'quarter', relative: false };
        if (!ctx.anchor) return { type: 'DATE', value: `XXXX-Q${q}`, precision: 'quarter', relative: true };
        return { type: 'DATE', value: `${pad(quarterYear(ctx, q), 4)}-Q${q}`, precision: 'quarter', relative: true, usedAnchor: true };
      }, 2);
      return;
    }
    if ((m = /^fy(\d{2,4})$/.exec(w))) {
      const n = m[1]!.length === 2 ? 2000 + +m[1]! : +m[1]!;
      this.add(i, i + 1, () => ({ type: 'DATE', value: pad(n, 4), precision: 'year', relative: false }));
    }
  }

  // "this summer", "last winter", "the summer of 1994", "spring 2020"
  private season(i: number): void {
    const t = this.t;
    const text = this.text;
    const code = SEASONS[t[i]!.w]!;
    const prev = t[i - 1]?.w;
    let L = i;
    let end = i + 1;
    let year: number | undefined;
    const ya = yearAfter(t, end);
    if (ya && !Number.isNaN(ya.y)) {
      year = ya.y;
      end = ya.end;
    }
    // "Arab Spring", "Prague Spring": a capitalized season after a capitalized word names an event.
    if (isCap(text, t[i]!) && t[i - 1] && isCap(text, t[i - 1]!) && !/^[.!?"]$/.test(t[i - 2]?.w ?? '.') && year === undefined) return;
    let rel: string | undefined;
    if (prev && /^(?:this|last|next|past|coming|previous|following|that)$/.test(prev)) {
      rel = prev;
      L = i - 1;
    } else if (year === undefined) {
      let k = i - 1;
      if (t[k]?.w === 'early' || t[k]?.w === 'late' || t[k]?.w === 'mid' || t[k]?.w === '-') k--;
      if (t[k]?.w === '-') k--;
      if (t[k]?.w === 'the') k--;
      const p = t[k]?.w;
      if (!p || !/^(?:in|during|by|until|till|since|through|throughout|over|before|after|early|late|mid|for|this|last|next|of|from|into|each|every)$/.test(p)) {
        if (!(t[i - 1]?.w === 'early' || t[i - 1]?.w === 'late')) return;
      }
      if (code === 'FA' && (t[i + 1]?.w === 'of' || t[i + 1]?.w === 'in') && !(t[i + 2] && /^\d{4}$/.test(t[i + 2]!.w))) return; // "the fall of Kabul"
      if (code === 'SP' && t[i + 1]?.w === 'of' && !(t[i + 2] && /^\d{4}$/.test(t[i + 2]!.w))) return;
    }
    let mod: TimeMod | undefined;
    const pm = pointModBefore(t, L);
    if (pm) {
      mod = pm.mod;
      L = pm.from;
    }
    if (!rel && t[L - 1]?.w === 'the') L--;
    else if (rel && t[L - 1]?.w === 'the' && (rel === 'past' || rel === 'previous' || rel === 'following')) L--;
    if (rel && !pm) {
      const pm2 = pointModBefore(t, L);
      if (pm2) {
        mod = pm2.mod;
        L = pm2.from;
      }
    }
    this.add(L, end, (ctx) => {
      if (year !== undefined) return { type: 'DATE', value: `${pad(year, 4)}-${code}`, precision: 'season', relative: false, mod };
      if (!ctx.anchor) return { type: 'DATE', value: `XXXX-${code}`, precision: 'season', relative: true, mod };
      const cur = seasonOf(ctx.anchor);
      // Season occurrence with year Y starts at (Y, start month).
      const startOf = (yy: number) => yy * 12 + SEASON_START[code];
      const now = ctx.anchor.y * 12 + ctx.anchor.m;
      const thisYear = cur.code === code ? cur.y : ctx.anchor.y;
      let yy: number;
      const latestStarted = startOf(ctx.anchor.y) <= now ? ctx.anchor.y : ctx.anchor.y - 1;
      const ended = (yy2: number) => startOf(yy2) + 3 <= now;
      if (rel === 'this') yy = thisYear;
      else if (rel === 'last' || rel === 'past' || rel === 'previous') yy = ended(latestStarted) ? latestStarted : latestStarted - 1;
      else if (rel === 'next' || rel === 'coming') yy = startOf(latestStarted) <= now ? latestStarted + 1 : latestStarted;
      else if (rel === 'that' || rel === 'following') {
        const ref = referenceOf(ctx, (g) => rank(g) <= rank('year'));
        yy = (ref?.day.y ?? ctx.anchor.y) + (rel === 'following' ? 1 : 0);
      } else {
        const tense = ctx.tense();
        if (cur.code === code) yy = cur.y;
        else if (tense === 'future') yy = startOf(latestStarted) <= now ? latestStarted + 1 : latestStarted;
        else yy = latestStarted;
      }
      return { type: 'DATE', value: `${pad(yy, 4)}-${code}`, precision: 'season', relative: true, mod, usedAnchor: true };
    }, 1);
  }

  // "now", "currently", "recently", "soon"
  private ref(i: number): void {
    const t = this.t;
    const w = t[i]!.w;
    const value = REF_WORDS[w]!;
    if (w === 'soon' && t[i - 1]?.w === 'as' && t[i + 1]?.w === 'as' && t[i + 2]?.w === 'possible') {
      this.add(i - 1, i + 3, () => ({ type: 'DATE', value: 'FUTURE_REF', precision: 'ref', relative: false }), 0);
      return;
    }
    if (w === 'soon' && (t[i + 1]?.w === 'after' || t[i + 1]?.w === 'afterwards' || t[i + 1]?.w === 'thereafter' || t[i - 1]?.w === 'as')) return;
    if (w === 'now' && t[i + 1]?.w === '-') return; // "now-defunct"
    // "previously announced", "He previously held": an adverb on the verb, not a time of its own.
    if ((w === 'previously' || w === 'formerly') && !(i === 0 || /^[.!?"“,;]$/.test(t[i - 1]!.w)) ) return;
    let L = i;
    if ((w === 'recently' || w === 'soon') && (t[i - 1]?.w === 'more' || t[i - 1]?.w === 'most' || t[i - 1]?.w === 'very')) L--;
    if (w === 'now' && t[i - 1]?.w === 'right') L--;
    this.add(L, i + 1, () => ({ type: 'DATE', value, precision: 'ref', relative: false }), 0);
  }

  // "the past", "the future", "the near term", "at present"
  private vague(i: number): void {
    const t = this.t;
    const w = t[i]!.w;
    const prev = t[i - 1]?.w;
    const next = t[i + 1]?.w ?? '.';
    if (w === 'past' || w === 'future') {
      let L = i;
      if (prev === 'near' || prev === 'foreseeable' || prev === 'distant' || prev === 'recent' || prev === 'immediate') L--;
      if (t[L - 1]?.w !== 'the') return;
      L--;
      if (w === 'past' && (/^\d/.test(next) || next in UNITS || next in SMALL || next in TENS || VAGUE.has(next) || next === 'a' || next === 'several' || next === 'couple')) return;
      if (/^[a-z]/.test(next) && !FUNCTION_WORDS.has(next) && !/^(?:is|was|will|would|has|have|had|remains|looks|holds|may|might|could|should|can|must)$/.test(next)) return; // "the future king"
      const value = w === 'past' ? 'PAST_REF' : 'FUTURE_REF';
      this.add(L, i + 1, () => ({ type: 'DATE', value, precision: 'ref', relative: false }), 0);
    } else if (w === 'term' && (prev === 'near' || prev === 'short' || prev === 'long' || prev === 'medium') && t[i - 2]?.w === 'the' && t[i + 1]?.w !== '-') {
      this.add(i - 2, i + 1, () => ({ type: 'DATE', value: 'FUTURE_REF', precision: 'ref', relative: false }), 0);
    } else if (w === 'present' && prev === 'at') {
      this.add(i, i + 1, () => ({ type: 'DATE', value: 'PRESENT_REF', precision: 'ref', relative: false }), 0);
    }
  }

  // "daily", "weekly", "annually"
  private setWord(i: number): void {
    const t = this.t;
    // "the Daily Telegraph": a capitalized name, not a frequency.
    if (isCap(this.text, t[i]!) && i > 0 && !/^[.!?"“]$/.test(t[i - 1]!.w)) return;
    if (isCap(this.text, t[i]!) && t[i + 1] && isCap(this.text, t[i + 1]!)) return;
    const [value, gran] = SET_WORDS[t[i]!.w]!;
    this.add(i, i + 1, () => ({ type: 'SET', value, precision: gran, relative: false }), 0);
  }

  // "on Mondays", "Tuesday nights"
  private weekdaySet(i: number): void {
    const t = this.t;
    if (!isCap(this.text, t[i]!)) return;
    const d = WEEKDAY_PLURALS[t[i]!.w]!;
    this.add(i, i + 1, () => ({ type: 'SET', value: `XXXX-WXX-${d}`, precision: 'day', relative: false }), 1);
  }

  // "every day", "each Thursday", "every two weeks", "per year", "each July"
  private everyNamed(i: number): void {
    const t = this.t;
    let j = i + 1;
    if (t[j]?.w === 'other') j++;
    const q = parseQuantityAt(t, j, Math.min(t.length, j + 4));
    let n = 1;
    if (q && q.n !== 'X' && t[q.end] && UNITS[t[q.end]!.w]) {
      n = q.n;
      j = q.end;
    }
    if (t[i + 1]?.w === 'other') n = 2;
    const w = t[j]?.w ?? '';
    const every = t[i]!.w !== 'per';
    let value: string | undefined;
    let gran: Gran = 'day';
    if (UNITS[w]) {
      const unit = UNITS[w]!;
      value = durationValue(n, unit);
      gran = UNIT_GRAN[unit];
    } else if (every && w in WEEKDAYS) {
      value = `XXXX-WXX-${WEEKDAYS[w]}`;
      if (/^(?:morning|afternoon|evening|night)$/.test(t[j + 1]?.w ?? '')) {
        j++;
        value += { morning: 'TMO', afternoon: 'TAF', evening: 'TEV', night: 'TNI' }[t[j]!.w as 'morning'];
      }
    } else if (every && w in MONTHS && w.length > 3) {
      value = `XXXX-${pad(MONTHS[w]!)}`;
      gran = 'month';
    } else if (every && w in SEASONS) {
      value = `XXXX-${SEASONS[w]}`;
      gran = 'season';
    }
    if (!value) return;
    this.add(i, j + 1, () => ({ type: 'SET', value: value!, precision: gran, relative: false }), 2);
  }

  // "Christmas", "New Year's Day", "Thanksgiving", "Easter"
  private holiday(i: number): void {
    const t = this.t;
    const text = this.text;
    if (!isCap(text, t[i]!)) return;
    let key = t[i]!.w;
    let end = i + 1;
    if (key === 'new') {
      if (t[i + 1]?.w !== 'year' || !APOS.has(t[i + 2]?.w ?? '') || t[i + 3]?.w !== 's') return;
      end = i + 4;
      key = 'new year';
      if (t[end]?.w === 'eve') {
        key = 'new year eve';
        end++;
      } else if (t[end]?.w === 'day') end++;
    } else if (key === 'christmas' && (t[end]?.w === 'eve' || t[end]?.w === 'day')) {
      if (t[end]!.w === 'eve') key = 'christmas eve';
      end++;
    } else if ((key === 'thanksgiving' || key === 'easter') && (t[end]?.w === 'day' || t[end]?.w === 'sunday')) end++;
    else if (key === 'christmas' && t[end] && /^[a-z]/.test(text[t[end]!.s]!) && !/^(?:and|or|to|when|as|in|on|at|with|was|is|will|holiday|holidays|break|period|season)$/.test(t[end]!.w)) return; // "Christmas tree"
    const rule = HOLIDAYS[key];
    if (!rule) return;
    let year: number | undefined;
    const ya = yearAfter(t, end);
    if (ya && !Number.isNaN(ya.y)) {
      year = ya.y;
      end = ya.end;
    }
    let L = i;
    if (t[i - 1] && /^(?:last|next|this)$/.test(t[i - 1]!.w)) L--;
    const rel = L < i ? t[L]!.w : undefined;
    this.add(L, end, (ctx) => {
      if (year !== undefined) return { type: 'DATE', value: isoOf(rule(year)), precision: 'day', relative: false };
      if (!ctx.anchor) {
        const probe = rule(2001);
        return { type: 'DATE', value: `XXXX-${pad(probe.m)}-${pad(probe.d)}`, precision: 'day', relative: true };
      }
      const a = ctx.anchor;
      const cmp = (x: Day) => utc(x) - utc(a);
      const thisOne = rule(a.y);
      const past = cmp(thisOne) <= 0 ? thisOne : rule(a.y - 1);
      const future = cmp(thisOne) >= 0 ? thisOne : rule(a.y + 1);
      const day = rel === 'last' ? (cmp(thisOne) < 0 ? thisOne : rule(a.y - 1)) : rel === 'next' ? (cmp(thisOne) > 0 ? thisOne : rule(a.y + 1)) : rel === 'this' ? thisOne : pickOccurrence(ctx.tense(), past, future, a);
      return { type: 'DATE', value: isoOf(day), precision: 'day', relative: true, usedAnchor: true };
    }, 1);
  }
}

/** Nouns that make a bare four-digit number a count: "2000 people". */
const COUNT_NOUNS = new Set([
  'people', 'persons', 'men', 'women', 'children', 'troops', 'soldiers', 'fighters', 'militants', 'rebels', 'police', 'officers',
  'workers', 'employees', 'jobs', 'residents', 'refugees', 'migrants', 'civilians', 'students', 'members', 'voters', 'votes',
  'cases', 'deaths', 'patients', 'units', 'homes', 'houses', 'buildings', 'cars', 'vehicles', 'tons', 'tonnes', 'barrels', 'shares',
  'dollars', 'euros', 'pounds', 'kilometers', 'kilometres', 'miles', 'meters', 'metres', 'feet', 'acres', 'hectares', 'points',
  'words', 'pages', 'rounds', 'rockets', 'missiles', 'flights', 'passengers', 'sites', 'prisoners', 'detainees', 'protesters',
  'signatures', 'stores', 'companies', 'firms', 'schools', 'beds', 'doses', 'tests', 'households', 'families', 'villages',
]);
const CENTURY_ORDINALS: Record<string, number> = dict({
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
});
const FUNCTION_WORDS = new Set([
  'and', 'or', 'but', 'to', 'as', 'that', 'of', 'when', 'with', 'for', 'in', 'on', 'at', 'than', 'if', 'it', 'he', 'she', 'they', 'we', 'you',
  'i', 'there', 'this', 'these', 'those', 'so', 'because', 'although', 'though', 'unless', 'while', 'where', 'which', 'who', 'now', 'again',
  'too', 'also', 'the', 'a', 'an', 'by', 'from', 'after', 'before', 'until', 'since',
]);
const REL_WORDS = new Set(['past', 'last', 'next', 'coming', 'previous', 'following', 'first', 'final', 'latest', 'recent', 'this', 'current', 'upcoming']);
const DECADE_WORDS: Record<string, number> = dict({ twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 });

type Trigger = 'chrono' | 'unit' | 'season' | 'ref' | 'set' | 'weekdays' | 'vague' | 'half' | 'decade' | 'every' | 'holiday' | 'period' | 'partofday' | 'spelled';

/**
 * The word that starts each grammar rule, looked up once per token; 'chrono'
 * marks the words that make a sentence worth handing to chrono.
 */
const TRIGGERS = new Map<string, Trigger>([
  ...[...Object.keys(MONTHS), ...Object.keys(WEEKDAYS), 'today', 'tonight', 'tomorrow', 'yesterday', 'noon', 'midnight', 'midday'].map((w) => [w, 'chrono'] as const),
  ...Object.keys(UNITS).map((w) => [w, 'unit'] as const),
  ...Object.keys(SEASONS).map((w) => [w, 'season'] as const),
  ...Object.keys(REF_WORDS).map((w) => [w, 'ref'] as const),
  ...Object.keys(SET_WORDS).map((w) => [w, 'set'] as const),
  ...Object.keys(WEEKDAY_PLURALS).map((w) => [w, 'weekdays'] as const),
  ...['past', 'future', 'term', 'present'].map((w) => [w, 'vague'] as const),
  ...Object.keys(DECADE_WORDS).map((w) => [w, 'decade'] as const),
  ...['each', 'every', 'per'].map((w) => [w, 'every'] as const),
  ...['christmas', 'new', 'thanksgiving', 'easter', 'halloween'].map((w) => [w, 'holiday'] as const),
  ...Object.keys(PART_OF_DAY).map((w) => [w, 'partofday'] as const),
  ['half', 'half'],
  ['period', 'period'],
  ['nineteen', 'spelled'],
  ['two', 'spelled'],
]);

function easter(y: number): Day {
  // Anonymous Gregorian computus.
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const HOLIDAYS: Record<string, (y: number) => Day> = dict({
  christmas: (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  'new year': (y) => ({ y, m: 1, d: 1 }),
  'new year eve': (y) => ({ y, m: 12, d: 31 }),
  halloween: (y) => ({ y, m: 10, d: 31 }),
  thanksgiving: (y) => {
    const nov1 = { y, m: 11, d: 1 };
    return addDays(nov1, ((4 - isoDow(nov1) + 7) % 7) + 21);
  },
  easter,
});

// ---------------------------------------------------------------- chrono candidates

const LEADING_SIGNAL = /^(?:[,(]\s*)?(?:(on|at|in|by|of|from|since|until|till|before|after|during|for|this|the)\s+)?/i;

/** Turns one chrono result into a candidate; a range becomes a candidate with two parts. */
function chronoCandidates(r: chrono.ParsedResult, offset: number, full: string, reparse?: (text: string) => chrono.ParsedResult[]): Cand[] {
  const res = r as chrono.ParsingResult;
  let text = r.text;
  let s = offset + r.index;
  const lead = LEADING_SIGNAL.exec(text)!;
  const leadWord = lead[1]?.toLowerCase();
  // "this morning", "the night of June 4": keep the determiner, drop prepositions.
  const drop = leadWord === 'this' || leadWord === 'the' ? (/^[,(]\s*/.exec(text)?.[0].length ?? 0) : lead[0].length;
  text = text.slice(drop);
  s += drop;
  const trail = /[\s,)]+$|['’]s$/.exec(text);
  if (trail) text = text.slice(0, trail.index);
  if (!text) return [];
  // "the morning talk show", "good evening": a part of day with no day is too vague to place.
  if (/^(?:morning|afternoon|evening|night)$/i.test(text) && !/\b(?:early|mid|late)[\s-]+$/i.test(full.slice(Math.max(0, s - 8), s))) return [];
  const tags = res.tags();
  const partOf = /^(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+/i.exec(text);
  if (partOf && reparse) {
    // "the night of Friday, Oct. 23": chrono merges the two and keeps the wrong day; TimeML times the date.
    return reparse(text.slice(partOf[0].length)).flatMap((r2) => chronoCandidates(r2, s + partOf[0].length, full));
  }
  // Each end of a range has its own tags ("today through Nov. 17").
  const resolveComp = (c: chrono.ParsingComponents, ownText: string) => (ctx: Ctx) => fromComponents(c, ownText, r.end ? c.tags() : tags, ctx);
  if (r.end) {
    // "Aug. 12-13", "Monday to Wednesday": split at the connector for the two ends.
    const conn = /\s*(?:[-–]|\b(?:to|through|until|till)\b)\s*/i.exec(text);
    const cut = conn ? conn.index : -1;
    if (cut > 0) {
      const firstText = text.slice(0, cut);
      const secondStart = cut + conn![0].length;
      const first: Cand = { s, e: s + firstText.length, prio: 1, resolve: resolveComp(res.start, firstText) };
      const second: Cand = { s: s + secondStart, e: s + text.length, prio: 1, resolve: resolveComp(res.end as chrono.ParsingComponents, text.slice(secondStart)) };
      return [{ s, e: s + text.length, prio: 1, parts: [first, second], resolve: () => null }];
    }
  }
  return [{ s, e: s + text.length, prio: 1, resolve: resolveComp(res.start, text) }];
}

function fromComponents(c: chrono.ParsingComponents, text: string, tags: Set<string>, ctx: Ctx): Resolved | null {
  const low = text.toLowerCase();
  if (tags.has('casualReference/now')) return { type: 'DATE', value: 'PRESENT_REF', precision: 'ref', relative: false };
  const a = ctx.anchor;
  const dayWord = tags.has('casualReference/yesterday') || /\blast night\b/.test(low) ? -1 : tags.has('casualReference/tomorrow') ? 1 : tags.has('casualReference/today') || tags.has('casualReference/tonight') ? 0 : undefined;
  const casual = dayWord !== undefined || [...tags].some((t) => t.startsWith('casualReference/'));
  // Set by NewsTenseRefiner: the day of a bare weekday, or the year of a date, came from the anchor.
  const weekday = tags.has('sitrep/weekday');
  const guessedYear = tags.has('sitrep/year');
  const relative = casual || weekday || guessedYear || !c.isCertain('year');
  const y = c.get('year')!;
  const mm = pad(c.get('month')!);
  const dd = pad(c.get('day')!);
  // The calendar part of the value; where it needed the anchor and there is none, Xs.
  let gran: Gran = 'day';
  let date: string;
  let undatedTime = false;
  if (dayWord !== undefined) date = a ? isoOf(addDays(a, dayWord)) : 'XXXX-XX-XX';
  else if (c.isCertain('day')) date = a || !(weekday || guessedYear) ? `${pad(y, 4)}-${mm}-${dd}` : weekday ? `XXXX-WXX-${c.get('weekday') || 7}` : `XXXX-${mm}-${dd}`;
  else if (c.isCertain('month')) {
    gran = 'month';
    date = a || !guessedYear ? `${pad(y, 4)}-${mm}` : `XXXX-${mm}`;
  } else if (c.isCertain('year')) {
    gran = 'year';
    date = pad(y, 4);
  } else {
    // A time of day alone ("this morning", "at 10:35 a.m."): the anchor's day, or one named nearby.
    date = a ? isoOf(a) : 'XXXX-XX-XX';
    undatedTime = true;
  }
  const pod = tags.has('casualReference/morning')
    ? 'MO'
    : tags.has('casualReference/afternoon')
      ? 'AF'
      : tags.has('casualReference/evening') || tags.has('casualReference/tonight') || /\bnight\b/.test(low)
        ? /\bevening\b/.test(low)
          ? 'EV'
          : 'NI'
        : undefined;
  if (c.isCertain('hour')) {
    const h = c.get('hour')!;
    const mi = c.get('minute') ?? 0;
    const utcZone = c.isCertain('timezoneOffset') && c.get('timezoneOffset') === 0 && /\b(?:UTC|GMT|Z)\b/.test(text);
    const clock = (tags.has('casualReference/midnight') ? '24:00' : `${pad(h)}:${pad(mi)}`) + (utcZone ? 'Z' : '');
    const precision = /\d[:.]\d\d/.test(text) ? 'minute' : 'hour';
    return { type: 'TIME', value: `${date}T${clock}`, precision, relative, usedAnchor: relative, undatedTime };
  }
  if (pod && gran === 'day') return { type: 'TIME', value: `${date}T${pod}`, precision: 'partofday', relative, usedAnchor: relative };
  return { type: 'DATE', value: date, precision: gran, relative, usedAnchor: relative };
}

// ---------------------------------------------------------------- assembly

/** Keeps the longest of overlapping candidates (ties: higher priority, then the earlier). */
function selectCandidates(cands: Cand[]): Cand[] {
  cands.sort((x, y) => x.s - y.s || y.e - x.e);
  const out: Cand[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.s < last.e) {
      const lenC = c.e - c.s;
      const lenL = last.e - last.s;
      if (lenC > lenL || (lenC === lenL && c.prio > last.prio)) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

const RANGE_CONNECTOR = /^\s*(?:-|–|to|through|until|till|and)\s*$/i;

/** One mention for a range, valued as an ISO 8601 interval, with its two ends. */
function rangeOf(text: string, a: TimeMention, b: TimeMention, signal: string | undefined): TimeMention {
  const m: TimeMention = {
    start: a.start,
    end: b.end,
    text: text.slice(a.start, b.end),
    type: 'DURATION',
    value: `${a.value}/${b.value}`,
    precision: a.precision,
    relative: a.relative || b.relative,
    range: { start: a.value, end: b.value },
    endpoints: [a, b],
  };
  const anchor = a.anchor ?? b.anchor;
  if (anchor) m.anchor = anchor;
  if (signal) m.signal = signal;
  return m;
}

/** "from 1996 to 2001", "between May and July": two DATE mentions joined into a range. */
function joinRanges(text: string, ms: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    if (b && a.type === 'DATE' && b.type === 'DATE' && a.precision === b.precision && a.precision !== 'ref' && !a.endpoints && !b.endpoints) {
      const between = text.slice(a.end, b.start);
      const lead = text.slice(Math.max(0, a.start - 9), a.start);
      const conn = RANGE_CONNECTOR.exec(between);
      const isAnd = conn && /and/i.test(between);
      const opener = /\b(from|between)\s+$/i.exec(lead);
      if (conn && (isAnd ? opener?.[1]?.toLowerCase() === 'between' : opener || /^\s*[-–]\s*$/.test(between) || /through|until|till/i.test(between))) {
        out.push(rangeOf(text, a, b, opener?.[1]?.toLowerCase()));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "The blast occurred at 10:35 a.m. (0735 GMT) Friday": a clock time takes
 * its day from a day named in the same sentence, else from the last day
 * named in the sentence before, else it keeps the anchor's.
 */
function dateTheTime(doc: TimeDoc, done: TimeMention[], m: TimeMention): void {
  const [a, b] = sentenceAround(doc, m.start);
  const prevStart = a > 1 ? sentenceAround(doc, a - 2)[0] : a;
  let best: TimeMention | undefined;
  let bestDist = Infinity;
  for (const o of done) {
    if (o === m || o.start >= b || o.end <= prevStart || (o.type !== 'DATE' && o.type !== 'TIME')) continue;
    if (!/^\d{4}-\d{2}-\d{2}(?:T[A-Z]{2})?$/.test(o.value)) continue;
    const dist = o.start >= a ? Math.abs(o.start - m.start) : 10000 + (a - o.end);
    if (dist < bestDist) {
      bestDist = dist;
      best = o;
    }
  }
  if (!best) return;
  m.value = best.value.slice(0, 10) + m.value.slice(m.value.indexOf('T'));
  m.relative = true;
  if (best.anchor) m.anchor = best.anchor;
  else delete m.anchor;
}

/** "the week of March 6": the week holding that day. */
function joinWeekOf(text: string, ms: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    if (b && /^the week$/i.test(a.text) && /^\s+of\s+$/i.test(text.slice(a.end, b.start)) && b.precision === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(b.value)) {
      const w = isoWeek(parseIsoDay(b.value)!);
      out.push({ ...b, start: a.start, text: text.slice(a.start, b.end), value: `${pad(w.y, 4)}-W${pad(w.w)}`, precision: 'week' });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** A month or season followed by its year: "June last year", "January nineteen ninety-seven", "the winter of 1994". */
function joinMonthYear(text: string, ms: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    const between = b ? text.slice(a.end, b.start) : '';
    if (
      b &&
      (a.precision === 'month' || a.precision === 'season') &&
      b.precision === 'year' &&
      /^\d{4}$/.test(b.value) &&
      /^[\dX]{4}-(?:\d{2}|SP|SU|FA|WI)$/.test(a.value) &&
      (/^(?:this|last|next) year$/i.test(b.text) ? /^\s*(?:of\s*)?$/.test(between) : !b.relative && /^\s*(?:of|,)?\s*$/.test(between))
    ) {
      const m: TimeMention = { ...a, end: b.end, text: text.slice(a.start, b.end), value: `${b.value}-${a.value.slice(5)}`, relative: b.relative };
      if (!b.relative) delete m.anchor;
      out.push(m);
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** "the previous Friday", "the following Monday": a weekday counted from the time under discussion. */
function relativeWeekday(text: string, c: Cand): void {
  const word = text.slice(c.s, c.e).toLowerCase();
  const dow = WEEKDAYS[word];
  if (!dow) return;
  const m = /\bthe\s+(previous|following|next)\s+$/i.exec(text.slice(Math.max(0, c.s - 20), c.s));
  if (!m) return;
  c.s -= m[0].length;
  const back = m[1]!.toLowerCase() === 'previous';
  c.resolve = (ctx) => {
    const ref = referenceOf(ctx, (g) => g === 'day' || g === 'partofday' || g === 'hour' || g === 'minute');
    const base = ref?.day ?? ctx.anchor;
    if (!base) return { type: 'DATE', value: `XXXX-WXX-${dow}`, precision: 'day', relative: true };
    const diff = dow - isoDow(base);
    const day = back ? addDays(base, diff < 0 ? diff : diff - 7) : addDays(base, diff > 0 ? diff : diff + 7);
    return { ...dateOf(ctx, day, 'day'), usedAnchor: !ref };
  };
}

/** Extends a chrono date leftwards over "early", "late", "mid-", "earlier" ("late Wednesday", "mid-November"). */
function extendPointMod(text: string, c: Cand): TimeMod | undefined {
  const before = text.slice(Math.max(0, c.s - 20), c.s);
  const m = /\b(early|late|mid|earlier|later|the end of|the beginning of|the start of|the middle of|end of)(?:\s+|-)$/i.exec(before);
  if (!m) return undefined;
  c.s -= m[0].length;
  const w = m[1]!.toLowerCase();
  return w.startsWith('early') || w.includes('beginning') || w.includes('start') || w === 'earlier' ? 'START' : w.includes('mid') || w.includes('middle') ? 'MID' : 'END';
}

function signalBefore(text: string, start: number): string | undefined {
  const m = /([A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, start - 14), start));
  const w = m?.[1]?.toLowerCase();
  return w && SIGNALS.has(w) ? w : undefined;
}

/**
 * Every time expression in `doc`, in text order, resolved against
 * `opts.anchor ?? doc.published`. Without an anchor, absolute expressions
 * keep their values and relative ones get `X`s where the anchor was needed.
 */
export function extractTimes(doc: TimeDoc, opts: TimeOptions = {}): TimeMention[] {
  const text = doc.text;
  const anchorIso = opts.anchor ?? doc.published;
  const anchor = parseIsoDay(anchorIso);
  const anchorDay = anchor ? isoOf(anchor) : undefined;
  const toks = tokenizeText(text);
  const grammar = new Grammar(text, toks);
  const cands = grammar.run();

  // chrono on the sentences that contain one of its trigger words.
  const parser = newsChronoParser();
  const ref = { instant: anchor ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12)) : new Date(Date.UTC(2001, 0, 1, 12)), timezone: 0 };
  let covered = -1;
  for (const at of grammar.chronoAt) {
    if (at < covered) continue;
    const [a, b] = sentenceAround(doc, at);
    covered = b;
    for (const r of parser.parse(text.slice(a, b), ref)) {
      for (const c of chronoCandidates(r, a, text, (sub) => parser.parse(sub, ref))) {
        relativeWeekday(text, c);
        const mod = extendPointMod(text, c);
        if (mod) {
          const inner = c.resolve;
          c.resolve = (ctx) => {
            const v = inner(ctx);
            return v ? { ...v, mod } : v;
          };
        }
        cands.push(c);
      }
    }
  }

  const chosen = selectCandidates(cands);
  const done: TimeMention[] = [];
  const undated: TimeMention[] = [];
  const ctx: Ctx = {
    doc,
    text,
    anchor,
    done,
    at: 0,
    end: 0,
    comparisons: new WeakSet(),
    tense() {
      const [a, b] = sentenceAround(doc, this.at);
      return tenseAt(text, a, b, this.at, this.end);
    },
    sentenceStart() {
      return sentenceAround(doc, this.at)[0];
    },
    previousSentenceStart() {
      const a = sentenceAround(doc, this.at)[0];
      let p = a - 1;
      while (p > 0 && /\s/.test(text[p]!)) p--;
      return p > 0 ? sentenceAround(doc, p)[0] : a;
    },
  };
  const resolveOne = (c: Cand): TimeMention | null => {
    ctx.at = c.s;
    ctx.end = c.e;
    const r = c.resolve(ctx);
    if (!r) return null;
    const m: TimeMention = { start: c.s, end: c.e, text: text.slice(c.s, c.e), type: r.type, value: r.value, precision: r.precision, relative: r.relative };
    if (r.relative && r.usedAnchor !== false && anchorDay) m.anchor = anchorDay;
    if (r.mod) m.mod = r.mod;
    if (r.comparison) ctx.comparisons.add(m);
    if (r.undatedTime) undated.push(m);
    const signal = signalBefore(text, c.s);
    if (signal) m.signal = signal;
    if (r.range) m.range = r.range;
    else if (signal === 'since' && anchorDay && (m.type === 'DATE' || m.type === 'TIME') && !/X|REF/.test(m.value)) m.range = { start: m.value, end: anchorDay };
    else if (signal === 'within' && anchor && m.type === 'DURATION' && !/^\s*(?:of|after|from|since|before)\b/i.test(text.slice(c.e, c.e + 8))) {
      // "within 30 days" of now; "within 30 days of the attack" counts from something else.
      const d = /^P(\d+)([DWMY])$/.exec(m.value);
      if (d) {
        m.range = { start: anchorDay!, end: isoOf(shiftByUnit(anchor, d[2] as Unit, +d[1]!)) };
        m.relative = true;
        m.anchor = anchorDay;
      }
    }
    return m;
  };
  for (const c of chosen) {
    if (!c.parts) {
      const m = resolveOne(c);
      if (m) done.push(m);
      continue;
    }
    const a = resolveOne(c.parts[0]);
    const b = a && resolveOne(c.parts[1]);
    if (a && b) done.push(rangeOf(text, a, b, signalBefore(text, c.s)));
    else if (a) done.push(a);
  }
  for (const m of undated) dateTheTime(doc, done, m);
  return joinRanges(text, joinWeekOf(text, joinMonthYear(text, done)));
}

/** Resolves one expression ("last Thursday", "the past decade") against an anchor date. */
export function resolveTime(expression: string, anchor?: string): TimeMention | undefined {
  const ms = extractTimes({ text: expression, published: anchor });
  let best: TimeMention | undefined;
  for (const m of ms) if (!best || m.end - m.start > best.end - best.start) best = m;
  return best;
}
