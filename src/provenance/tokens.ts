// Word tokens for sentence comparison: a hand-written scanner (no NLP model:
// alignment runs on millions of sentences), number normalization so "1,500",
// "1500" and "1.5 thousand" compare equal, and the function words that carry
// nothing about what a sentence reports.

/**
 * Words ignored when comparing sentences: determiners, pronouns, auxiliaries,
 * prepositions, conjunctions and the like. Unlike `STOPWORDS` in src/text it
 * keeps words that name things (dates, "people", "million"): a copy detector
 * needs them as anchors. Also used by the lexicon build to keep such words out
 * of synonym classes ("have" shares synsets with "own", "get", "experience").
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every either neither no none all both half few many much more most
  less least several such other another same own enough
  i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers
  herself it its itself they them their theirs themselves one ones oneself who whom whose which what whatever whoever
  whichever someone somebody something anyone anybody anything everyone everybody everything nobody nothing
  be am is are was were been being have has had having do does did done doing will would shall should can could may
  might must ought
  of in on at by for with about against between into through during before after above below to from up down out off
  over under again further then once here there when where why how upon onto within without among amongst across
  along around behind beside besides beyond near toward towards via per than like unlike despite throughout till
  until since
  and but or nor so yet if because as while whereas although though unless whether also too very just only even
  still already not never ever now then thus hence therefore however moreover meanwhile indeed rather quite almost
  perhaps maybe else instead otherwise
  n't s t d ll m re ve`
    .split(/\s+/)
    .filter(Boolean),
);

/** Cardinal number words mapped to digits: spinners swap "three" and "3". */
const NUMBER_WORDS = new Map(Object.entries({
  zero: '0', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', dozen: '12',
}));

const SCALES = new Map(Object.entries({
  hundred: 1e2, thousand: 1e3, million: 1e6, mln: 1e6, billion: 1e9, bln: 1e9, trillion: 1e12,
}));
/** Abbreviated scales count only when written against the number ("$5m", "2bn"), not "10 m" (metres). */
const ATTACHED_SCALES = new Map(Object.entries({ k: 1e3, m: 1e6, bn: 1e9, tn: 1e12 }));

export interface Token {
  /** Surface form as written (acronym dots removed). */
  text: string;
  /** Lowercase form; for numbers the canonical digits ("1500", "2.5"). */
  lower: string;
  isNumber: boolean;
  /** Starts with an uppercase letter. */
  capitalized: boolean;
}

// Letter classes of UTF-16 code units beyond ASCII, computed on first sight:
// 1 letter or combining mark, 0 not, -1 unknown yet.
const wide = new Int8Array(65536).fill(-1);
const LETTER = /[\p{L}\p{M}]/u;

function isLetter(c: number): boolean {
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122);
  if (wide[c] < 0) wide[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 0;
  return wide[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const DOT = 46;
const COMMA = 44;

/** Canonical digits of a numeric token: separators dropped, trailing zeros of decimals trimmed. */
export function canonicalNumber(raw: string): string {
  let s = raw;
  // "1,500" / "1,500,000": commas followed by exactly three digits are separators.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else s = s.replace(/,/g, '.');
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  return s.replace(/^0+(?=\d)/, '');
}

function scaled(num: string, scale: number): string {
  const v = Number(num) * scale;
  return Number.isFinite(v) ? String(Math.round(v * 1000) / 1000) : num;
}

/**
 * Tokens of a sentence: numbers with separators ("1,500.5"), dotted acronyms
 * ("U.S." -> "US"), words with inner apostrophes (O'Brien); numbers followed by
 * "million" etc. are folded into one scaled number. A hand-written scanner:
 * three times faster than the equivalent Unicode regex.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let prevEnd = -1;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      let e = i + 1;
      for (;;) {
        while (e < n && isDigit(text.charCodeAt(e))) e++;
        const sep = text.charCodeAt(e);
        if ((sep === DOT || sep === COMMA) && isDigit(text.charCodeAt(e + 1))) e++;
        else break;
      }
      const raw = text.slice(i, e);
      out.push({ text: raw, lower: canonicalNumber(raw), isNumber: true, capitalized: false });
      prevEnd = i = e;
      continue;
    }
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    let e = i;
    let raw: string;
    if (text.charCodeAt(i + 1) === DOT && isLetter(text.charCodeAt(i + 2)) && text.charCodeAt(i + 3) === DOT) {
      // Dotted acronym ("U.S.", "U.S.A."): letter-dot pairs, kept without the dots.
      raw = '';
      while (isLetter(text.charCodeAt(e)) && text.charCodeAt(e + 1) === DOT) {
        raw += text[e];
        e += 2;
      }
    } else {
      let apostrophe = -1;
      for (;;) {
        while (e < n && isLetter(text.charCodeAt(e))) e++;
        const q = text.charCodeAt(e);
        if ((q === APOSTROPHE || q === RIGHT_QUOTE) && isLetter(text.charCodeAt(e + 1))) {
          apostrophe = e;
          e++;
        } else break;
      }
      raw = text.slice(start, e);
      if (apostrophe >= 0) {
        // Possessive and contracted suffixes carry no content: "police's" -> "police", "didn't" -> "did".
        raw = raw.replace(/['’](s|d|ll|re|ve|m)$/i, '').replace(/n['’]t$/i, '') || raw;
      }
    }
    i = e;
    const attached = start === prevEnd;
    prevEnd = e;
    const lower = raw.toLowerCase();
    const prev = out[out.length - 1];
    const scale = SCALES.get(lower) ?? (attached ? ATTACHED_SCALES.get(lower) : undefined);
    if (scale !== undefined && prev?.isNumber && /^[\d.]+$/.test(prev.lower)) {
      prev.lower = scaled(prev.lower, scale);
      prev.text += ' ' + raw;
      continue;
    }
    const word = NUMBER_WORDS.get(lower);
    if (word !== undefined) {
      out.push({ text: raw, lower: word, isNumber: true, capitalized: false });
      continue;
    }
    out.push({ text: raw, lower, isNumber: false, capitalized: raw !== lower && raw[0] !== lower[0] });
  }
  return out;
}
