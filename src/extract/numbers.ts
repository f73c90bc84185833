// Number words and numerals as news text writes them: "3,000", "1.5 million",
// "twenty-five", "a dozen", "two-thirds", "half a million", "tens of
// thousands". The reader works on lowercase words so the quantity scanner can
// run it over its own tokens and know where the number ends.

import { dict } from '../util/dict.js';

const SMALL: Record<string, number> = dict({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = dict({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
/** Words that multiply what precedes them ("three million", "two dozen"). */
export const SCALE_WORDS: Record<string, number> = dict({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7, dozen: 12,
  // Financial abbreviations written as separate words ("$5 bn").
  mn: 1e6, mln: 1e6, bn: 1e9, tn: 1e12, trn: 1e12,
});
/** Scales glued to a numeral: "10k", "1.2m", "5bn". `m` is ambiguous with metres: the caller decides. */
export const SUFFIX_SCALES: Record<string, number> = dict({
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12, trn: 1e12,
});
/** Fraction denominators, singular and plural ("a third", "two-thirds"). */
export const DENOMINATORS: Record<string, number> = dict({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8,
  ninth: 9, ninths: 9, tenth: 10, tenths: 10, hundredth: 100, hundredths: 100,
});
/**
 * Plural quantifiers with no figure. The value reported is the smallest the
 * phrase can mean (two of the unit), the top the next order of magnitude:
 * "hundreds" is 200-999, "tens of thousands" 20,000-99,999.
 */
const VAGUE: Record<string, number> = dict({
  dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9, trillions: 1e12,
});
const VAGUE_OF: Record<string, number> = dict({ tens: 10, hundreds: 100, dozens: 12 });
const VAGUE_TAIL: Record<string, number> = dict({ thousands: 1e3, millions: 1e6, billions: 1e9 });

export interface NumberRead {
  value: number;
  /** Index of the first word after the number. */
  next: number;
  low?: number;
  high?: number;
  /** A plural quantifier ("hundreds", "a few thousand"): value is the low end. */
  vague?: boolean;
  /** A proportion: "two-thirds", "a quarter", "half". */
  fraction?: boolean;
  /** The last multiplier applied ("1 to 2 million" shares it). */
  scale?: number;
  /** The number began with digits. */
  digits?: boolean;
}

const NUMERAL_RE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** "3,000" → 3000, "1.5" → 1.5; undefined for anything else. */
export function parseNumeral(s: string): number | undefined {
  return NUMERAL_RE.test(s) ? Number(s.replace(/,/g, '')) : undefined;
}

/** Value of one word below 100, hyphenated or not: "seven", "twenty", "twenty-five". */
export function smallWord(w: string): number | undefined {
  const v = SMALL[w] ?? TENS[w];
  if (v !== undefined) return v;
  const dash = w.indexOf('-');
  if (dash > 0) {
    const t = TENS[w.slice(0, dash)];
    const u = SMALL[w.slice(dash + 1)];
    if (t !== undefined && u !== undefined && u > 0 && u < 10) return t + u;
  }
  return undefined;
}

const STARTS = new Set([...Object.keys(SMALL), ...Object.keys(TENS), ...Object.keys(VAGUE), ...Object.keys(VAGUE_OF), 'half']);

/** Words a number can start with (the scanner's cheap first test): "seven", "twenty-five", "hundreds", "half". */
export function isNumberWord(w: string): boolean {
  if (STARTS.has(w)) return true;
  const dash = w.indexOf('-');
  return dash > 0 && smallWord(w) !== undefined;
}

function fractionWord(w: string): { num: number; den: number } | undefined {
  // "two-thirds", "one-third", "three-quarters", "one-half"
  const dash = w.indexOf('-');
  if (dash <= 0) return undefined;
  const n = smallWord(w.slice(0, dash));
  const d = DENOMINATORS[w.slice(dash + 1)];
  if (n === undefined || d === undefined || n === 0) return undefined;
  return { num: n, den: d };
}

/**
 * Read a number from `words` (lowercase) at `i`. Handles numerals followed by
 * scale words ("1.5 million"), number words with "and" ("one hundred and
 * twenty"), "a dozen"/"a million", "half a million", "one and a half
 * million", fractions ("two thirds", "a quarter") and plural quantifiers
 * ("hundreds", "tens of thousands", "several hundred", "a few dozen").
 */
export function readNumber(words: readonly string[], i: number): NumberRead | undefined {
  const w0 = words[i];
  if (w0 === undefined) return undefined;
  const w1 = words[i + 1];

  // Plural quantifiers.
  if (w0 in VAGUE_OF && w1 === 'of' && words[i + 2] !== undefined && words[i + 2] in VAGUE_TAIL) {
    const unit = VAGUE_OF[w0] * VAGUE_TAIL[words[i + 2]];
    return vague(unit, i + 3);
  }
  if (w0 in VAGUE) {
    if (w0 === 'scores' && w1 !== 'of') return undefined;
    return vague(VAGUE[w0], i + 1);
  }
  // "several hundred", "a few thousand", "a couple of dozen"
  let j = i;
  let lowMul = 0;
  let highMul = 0;
  if (w0 === 'several') [j, lowMul, highMul] = [i + 1, 3, 9];
  else if (w0 === 'a' && w1 === 'few') [j, lowMul, highMul] = [i + 2, 2, 5];
  else if (w0 === 'a' && w1 === 'couple') [j, lowMul, highMul] = [words[i + 2] === 'of' ? i + 3 : i + 2, 2, 3];
  if (lowMul) {
    const s = SCALE_WORDS[words[j]];
    if (s === undefined || words[j].length < 5) return undefined;
    return { value: lowMul * s, low: lowMul * s, high: highMul * s, vague: true, next: j + 1, scale: s };
  }

  // "half a million", "half a dozen"
  if (w0 === 'half') {
    if ((w1 === 'a' || w1 === 'an') && SCALE_WORDS[words[i + 2]] !== undefined && words[i + 2].length > 3) {
      const s = SCALE_WORDS[words[i + 2]];
      return { value: s / 2, next: i + 3, scale: s };
    }
    return { value: 0.5, next: i + 1, fraction: true };
  }
  // "a third", "a quarter", "a million", "a dozen"
  if (w0 === 'a' || w0 === 'an') {
    const d = DENOMINATORS[w1];
    if (d !== undefined && w1 !== 'half' && !w1.endsWith('s')) return { value: 1 / d, next: i + 2, fraction: true };
    if (SCALE_WORDS[w1] === undefined || w1.length < 5) return undefined;
  }
  const fw = fractionWord(w0);
  if (fw) return { value: fw.num / fw.den, next: i + 1, fraction: true };

  let total = 0;
  let cur = 0;
  let any = false;
  let digits = false;
  let scale: number | undefined;
  // What the previous word was: 'unit' (1-19), 'tens', 'hundred', 'scale', 'and'.
  let prev = '';
  j = i;
  if (w0 === 'a' || w0 === 'an') {
    cur = 1;
    any = true;
    prev = 'unit';
    j++;
  }
  for (; j < words.length; j++) {
    const w = words[j];
    if (j === i) {
      const n = parseNumeral(w);
      if (n !== undefined) {
        cur = n;
        any = digits = true;
        prev = 'digits';
        continue;
      }
    }
    const small = smallWord(w);
    if (small !== undefined) {
      if (digits) break;
      // "twenty five" and "hundred and five" continue a number; "two three" does not.
      if (prev === 'unit' || (prev === 'tens' && (small >= 10 || w.includes('-')))) break;
      cur += small;
      any = true;
      prev = small >= 20 && !w.includes('-') ? 'tens' : 'unit';
      continue;
    }
    const s = SCALE_WORDS[w];
    if (s !== undefined && any && prev !== 'and') {
      if (s === 100) {
        if (digits || cur >= 100 || cur === 0) break;
        cur *= 100;
        prev = 'hundred';
      } else if (s === 12) {
        cur = (cur || 1) * 12;
        j++;
        scale = 12;
        break;
      } else {
        if (prev === 'scale' && digits) break;
        total += cur * s;
        cur = 0;
        prev = 'scale';
      }
      scale = s;
      if (digits) {
        // "3 million" may not go on with words ("3 million two").
        j++;
        break;
      }
      continue;
    }
    if (w === 'and' && any) {
      // "one and a half million", "two and a half"
      if (words[j + 1] === 'a' && words[j + 2] === 'half') {
        cur += 0.5;
        j += 2;
        prev = 'unit';
        const s2 = SCALE_WORDS[words[j + 1]];
        if (s2 !== undefined && s2 >= 1000) {
          total += cur * s2;
          cur = 0;
          scale = s2;
          j += 2;
        } else j++;
        break;
      }
      // British "one hundred and twenty"
      if ((prev === 'hundred' || prev === 'scale') && !digits && smallWord(words[j + 1] ?? '') !== undefined) {
        prev = 'and';
        continue;
      }
      break;
    }
    // "two thirds", "three quarters", "one third"
    const d = DENOMINATORS[w];
    if (d !== undefined && any && !digits && total === 0 && cur > 0 && cur < 20 && Number.isInteger(cur) && w !== 'half' && w !== 'halves') {
      if ((cur === 1) === !w.endsWith('s')) return { value: cur / d, next: j + 1, fraction: true };
    }
    break;
  }
  if (!any || prev === 'and') return undefined;
  return { value: total + cur, next: j, digits, scale };
}

function vague(unit: number, next: number): NumberRead {
  return { value: 2 * unit, low: 2 * unit, high: 10 * unit - 1, vague: true, next, scale: unit };
}

/**
 * The value of a number written in words or digits, the whole string being
 * the number: "twenty-five" → 25, "1.2 million" → 1200000, "3,000" → 3000,
 * "a dozen" → 12, "two-thirds" → 0.666…, "1.5bn" → 1500000000. Undefined for
 * anything else, plural quantifiers ("hundreds") included: they are not one number.
 */
export function parseNumber(words: string): number | undefined {
  const parts = words.trim().toLowerCase().split(/\s+/);
  if (parts.length === 1) {
    const m = /^(\d[\d,]*(?:\.\d+)?)([a-z]+)$/.exec(parts[0]);
    if (m && SUFFIX_SCALES[m[2]] !== undefined) {
      const n = parseNumeral(m[1]);
      return n === undefined ? undefined : n * SUFFIX_SCALES[m[2]];
    }
  }
  const r = readNumber(parts, 0);
  if (!r || r.vague || r.next !== parts.length) return undefined;
  return r.value;
}
