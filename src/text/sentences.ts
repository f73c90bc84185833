// Sentence segmentation in one left-to-right charCodeAt scan, with rules
// written against the errors of news text (eval/sentences.ts). Only the
// characters around a terminator are looked at closely; every other character
// costs four comparisons. Not wink-nlp's segmenter: even with correction
// rules it was no more accurate on gold news boundaries, and 39x slower.
//
// A candidate boundary is a terminator run (`.`, `?`, `!`, `…`, `...`), then
// closers (closing quotes and brackets), then whitespace, then the next
// sentence: after any opening quotes or brackets, a letter that is not
// lowercase (`iPhone` and `eBay` count as capitals), a digit, a symbol, or an
// omission mark (`not. … I just` — the ellipsis opens the next sentence).
// Never before a lowercase word (`“Leave!” he said`), a dash (`.” — Jane Doe`,
// `. - Office of`) or punctuation. Then:
//
//  1. Quotes. Closers right after the terminator, and a closing quote standing
//     alone after the whitespace (`over. ” The`), end the sentence they close.
//     A straight quote glued to letters on both sides (`state."Rubio`,
//     `port."We`) closes or opens by alternation from the nearest quote before
//     it whose direction is clear.
//  2. Scraped text that lost its spaces: a boundary with no whitespace stands
//     after closing quotes or before an opening one, or between a word and a
//     capitalized word (`agency.Obama`, `16.A number`) that is not part of an
//     address (`Jane.Doe@wsj.com`) or in capitals (`CREATORS.COM`).
//  3. `?`, `!` or an ellipsis closing a quote is not a boundary before a short
//     attribution (`“Why?” Mayor Ruiz asked.`); after `.` only when the
//     attribution is the whole sentence (`…high.” Smith said.`). `Yahoo!` and
//     `E!` are names.
//  4. A lone `.` after an abbreviation — a title (`Sen.`, `Lt. Col.`, `St.`),
//     an initial (`J. R. Smith`), a dotted acronym (`U.S.`, `e.g.`), a month, a
//     state, `Inc.`, `vs.`… — ends the sentence only when the next word is a
//     capitalized function word that usually opens one (STARTERS: The, A, He,
//     She, It, They, We, But, In, On, Don't…): `in the U.S. The next day`
//     splits, `the U.S. Army` does not. Names are never in STARTERS, so a
//     sentence ending in an abbreviation before a name is missed: the cheaper
//     error, since a false split cuts a name from its title. Exceptions:
//     never before a digit (`Jan. 5`, `No. 10`); `No.` before anything else is
//     the word; `a.m.`/`p.m.` end the sentence unless a day, month or time zone
//     follows (`5 p.m. Friday`); a party and state (`Ruiz, D-Calif.`) end it
//     before any capital; a place or company before an opening quote does too
//     (`Mirage, Calif. "Lindsay`). A period followed by a closing quote is the
//     quoted sentence's, never an abbreviation's.
//  5. No boundary after a bare list marker (`1.`) or mere punctuation, nor
//     before a rest of paragraph without a letter or digit.
//
// Sentences never cross paragraphs and are whitespace-trimmed.
import type { Range } from '../model/document.js';

const BLANK_LINE = /\n[^\S\n]*\n\s*/g;

/** Paragraphs of `text`: blank-line separated, whitespace-trimmed, never empty. */
export function splitParagraphs(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (const m of text.matchAll(BLANK_LINE)) {
    pushTrimmed(out, text, start, m.index);
    start = m.index + m[0].length;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

/**
 * Sentences of `text`, in order, each inside one of `paragraphs` (sorted and
 * non-overlapping), whitespace-trimmed and non-empty. Within a paragraph the
 * sentences cover all its non-whitespace text.
 */
export function segmentSentences(text: string, paragraphs: Range[]): Range[] {
  const out: Range[] = [];
  for (const p of paragraphs) segmentParagraph(text, p.start, p.end, out);
  return out;
}

function segmentParagraph(text: string, from: number, to: number, out: Range[]): void {
  let lastWordChar = to - 1;
  while (lastWordChar >= from && !isWordChar(text.charCodeAt(lastWordChar))) lastWordChar--;
  let start = from;
  // The first letter or digit of the current sentence: a terminator before it ends nothing.
  let firstWord = nextWordChar(text, from, to);
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== DOT && c !== QUESTION && c !== BANG && c !== ELLIPSIS) continue;
    const t = i;
    // The terminator run: `...`, `?!`, `.?`.
    let j = t + 1;
    while (j < to && isTerminator(text.charCodeAt(j))) j++;
    const run = j - t;
    // Closers glued to it. A straight quote glued to a letter as well may
    // close a quotation (`the state."Rubio`) or open the next (`the port."We`).
    let quoted = false;
    for (; j < to; j++) {
      const q = text.charCodeAt(j);
      if (!isCloser(q)) break;
      if (q === SQUOTE && j + 1 < to && isWordChar(text.charCodeAt(j + 1))) break;
      if (q === DQUOTE && j + 1 < to && isWordChar(text.charCodeAt(j + 1)) && opensQuote(text, from, to, j)) break;
      if (isQuote(q)) quoted = true;
    }
    const closed = j > t + run;
    let end = j;
    let k = j;
    while (k < to && isSpace(text.charCodeAt(k))) k++;
    const glued = k === j;
    if (!glued && k + 1 < to && isSpace(text.charCodeAt(k + 1)) && isSpacedCloser(text, from, to, k)) {
      quoted = true;
      end = k + 1;
      k = end;
      while (k < to && isSpace(text.charCodeAt(k))) k++;
    }
    i = end - 1;
    if (k > lastWordChar) break;
    let n = k;
    while (n < to && isOpener(text.charCodeAt(n))) n++;
    if (n > lastWordChar) break;
    let next = text.charCodeAt(n);
    if (glued) {
      // Scraped text that lost the space: `the port."We`, `the agency.Obama`, not `pic.twitter`.
      if (!isUpper(next)) continue;
      if (!closed && n === k && !(isWordChar(text.charCodeAt(t - 1)) && gluedWord(text, n, to))) continue;
    } else {
      // An omission mark between two sentences opens the second: `not. … I just`.
      const e = ellipsisEnd(text, n, to);
      if (e > n && e < to && isSpace(text.charCodeAt(e))) {
        n = e;
        while (n < to && (isSpace(text.charCodeAt(n)) || isOpener(text.charCodeAt(n)))) n++;
        if (n > lastWordChar) break;
        next = text.charCodeAt(n);
      } else if (!isDigit(next) && !(isNumberSign(next) && isDigit(text.charCodeAt(n + 1))) && !canOpen(next, text, n, to)) {
        continue;
      }
    }
    if (firstWord > t || !endsSentence(text, start, t, c, run, quoted, glued, k, n, to)) continue;
    pushTrimmed(out, text, start, end);
    start = k;
    firstWord = nextWordChar(text, k, to);
    i = k - 1;
  }
  pushTrimmed(out, text, start, to);
}

/**
 * Whether the terminator at `i` (a run of `run` characters starting with
 * `c`) ends the sentence that began at `start`, the next one starting with
 * its first word at `n`.
 */
function endsSentence(
  text: string,
  start: number,
  i: number,
  c: number,
  run: number,
  quoted: boolean,
  glued: boolean,
  k: number,
  n: number,
  to: number,
): boolean {
  if (isListMarker(text, start, i, c, run)) return false;
  if (c === BANG && run === 1 && !quoted && BANG_NAMES.has(wordBefore(text, start, i))) return STARTERS.has(nextWord(text, n, to));
  if (c !== DOT || run > 1) return !(quoted && attribution(text, n, to, false));
  if (quoted) return !attribution(text, n, to, true);
  const kind = abbreviation(text, start, i);
  if (kind === undefined) return true;
  if (kind === PARTY_STATE) return !glued;
  const next = text.charCodeAt(n);
  if (glued || isDigit(next) || isNumberSign(next)) return false;
  if (kind === NUMBER) return true;
  if (kind === TIME) return !TIME_FOLLOWERS.has(lettersAt(text, n, to));
  // A quotation after a place or company (`Mirage, Calif. "Lindsay`) opens a sentence.
  if (kind === OTHER && n > k && isOpeningQuote(text.charCodeAt(k))) return true;
  return STARTERS.has(nextWord(text, n, to));
}

/**
 * Whether the capitalized word at `n`, glued to the period before it, starts
 * a sentence: `Agency.Obama`, `16.A number`, not `CREATORS.COM` or `Rebecca.Ballhaus@wsj.com`.
 */
function gluedWord(text: string, n: number, to: number): boolean {
  const second = n + 1 < to ? text.charCodeAt(n + 1) : 32;
  const c = text.charCodeAt(n);
  if (!isLower(second) && !((c === 65 || c === 73) && isSpace(second))) return false;
  for (let e = n + 1; e < to && e < n + 40; e++) {
    const d = text.charCodeAt(e);
    if (isSpace(d)) break;
    if (d === 64 || d === 47) return false;
  }
  return true;
}

/**
 * Whether the straight double quote at `i` opens a quotation: by its
 * neighbours when they tell (`said "Go` vs `go," he`); when it is glued or
 * spaced on both sides, by alternation from the nearest quote mark before it
 * whose direction is clear.
 */
function opensQuote(text: string, from: number, to: number, i: number): boolean {
  const own = quoteDirection(text, from, to, i);
  if (own !== undefined) return own;
  let ambiguous = 0;
  // Bounded, so that a paragraph full of ambiguous quotes stays linear.
  const stop = Math.max(from, i - QUOTE_LOOKBACK);
  for (let j = i - 1; j >= stop; j--) {
    const c = text.charCodeAt(j);
    if (c !== DQUOTE && c !== 0x201c && c !== 0x201d) continue;
    const opens = c === DQUOTE ? quoteDirection(text, from, to, j) : c === 0x201c;
    if (opens === undefined) ambiguous++;
    else return ambiguous % 2 === 0 ? !opens : opens;
  }
  return ambiguous % 2 === 0;
}

const QUOTE_LOOKBACK = 500;

function quoteDirection(text: string, from: number, to: number, i: number): boolean | undefined {
  const spaceBefore = i === from || isSpace(text.charCodeAt(i - 1)) || isOpener(text.charCodeAt(i - 1));
  const after = i + 1 < to ? text.charCodeAt(i + 1) : 32;
  const spaceAfter = isSpace(after) || after === 44 || after === 59 || after === 58 || isTerminator(after) || after === 41 || after === 93;
  return spaceBefore === spaceAfter ? undefined : spaceBefore;
}

/** A closing quote standing apart from its sentence: `over. ” The`, `Files. " He`. */
function isSpacedCloser(text: string, from: number, to: number, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c === DQUOTE) return !opensQuote(text, from, to, k);
  return c === 0x201d || c === 0x2019 || c === 0xbb;
}

/** The end of an ellipsis at `n` (`…`, `...`, `. . .`, `[…]` once `[` is skipped), or `n` when there is none. */
function ellipsisEnd(text: string, n: number, to: number): number {
  let e = n;
  if (text.charCodeAt(e) === ELLIPSIS) e++;
  else {
    let dots = 0;
    while (e < to && text.charCodeAt(e) === DOT) {
      dots++;
      e++;
      if (text.charCodeAt(e) === 32 && text.charCodeAt(e + 1) === DOT) e++;
    }
    if (dots < 3) return n;
  }
  if (text.charCodeAt(e) === 93 || text.charCodeAt(e) === 41) e++;
  return e;
}

// ---------------------------------------------------------------------------
// Abbreviations

const TITLE = 1;
const INITIAL = 2;
const ACRONYM = 3;
const OTHER = 4;
const NUMBER = 5;
/** A party and state after a politician's name (`D-Calif.`, `R-N.Y.`): no name follows it. */
const PARTY_STATE = 6;
/** `a.m.`, `p.m.`: followed by a day, a month or a time zone, or by the next sentence. */
const TIME = 7;

/** Abbreviations written before a name. Case-insensitive (`ST. LOUIS`). */
const TITLES = new Set(
  ('mr mrs ms messrs mmes dr drs prof gen gens lt col maj capt cmdr adm sgt cpl pvt pfc brig ' +
    'sen sens rep reps gov govs pres sec atty dist dep const supt det insp amb rev msgr fr hon st ste mt ft jr sr').split(' '),
);
/** Abbreviations whose period belongs to a following number: `No. 10`, `Vol. 3`. Case-insensitive. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'pp', 'vol', 'ch', 'fig', 'op']);
/** Other abbreviations that may also end a sentence. Case-sensitive. */
const ABBREVIATIONS = new Set(
  ('Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat ' +
    'JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont ' +
    'Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo ' +
    'Ph Inc Corp Co Cos Ltd Bros Assn Dept Univ Ave Blvd Rd Hwy Esq v vs al approx ca cf est').split(' '),
);
/** What follows `a.m.`/`p.m.` within a sentence: `5 p.m. Friday`, `9 a.m. ET`. */
const TIME_FOLLOWERS = new Set(
  ('Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun ' +
    'January February March April May June July August September October November December ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC ' +
    'Today Tonight Local Eastern Central Mountain Pacific ' +
    'ET EST EDT CT CST CDT MT MST MDT PT PST PDT AKST HST GMT BST UTC CET CEST IST JST AEST AEDT').split(' '),
);
/** Names that end in `!`: `Yahoo! News`. */
const BANG_NAMES = new Set(['Yahoo', 'E', 'Jeopardy']);
/** Capitalized words that usually open a sentence, so an abbreviation before them most likely ended one. */
const STARTERS = new Set(
  ('The A An He She It They We I You His Her Its Their Our My Your This That These Those There Here ' +
    'But And Or So Yet Nor If When While After Before As In On At For With By From Since Because ' +
    'Although Though However Meanwhile Still Then Now Also Even Some Many Most Several All Both ' +
    'Each Every No None One Two Three Four Five Six Seven Eight Nine Ten What Why How Who Where ' +
    'Which According Last Next Earlier Later Today Yesterday More Other Such Despite During Under ' +
    'Over Until Without Among Instead Only Just Not Do Does Did Is Are Was Were Will Would Can ' +
    'Could Should Has Have Had Let Like Officials Police Authorities').split(' '),
);

/**
 * What kind of abbreviation ends just before the period at `dot`, if any: the
 * last part of the word (`D-N.Y.` → `N.Y`, `vote—Mr.` → `Mr`, `(Fla.` → `Fla`).
 */
function abbreviation(text: string, start: number, dot: number): number | undefined {
  const w = wordStart(text, start, dot);
  const len = dot - w;
  if (len === 0) return undefined;
  if (len === 1) return isLetter(text.charCodeAt(w)) ? INITIAL : undefined;
  const dotted = isDottedAcronym(text, w, dot);
  if (!dotted && len > 7) return undefined;
  const word = text.slice(w, dot);
  if ((dotted || ABBREVIATIONS.has(word)) && isParty(text, start, w)) return PARTY_STATE;
  if (dotted) return len === 3 && (word === 'a.m' || word === 'p.m' || word === 'A.M' || word === 'P.M') ? TIME : ACRONYM;
  const lower = word.toLowerCase();
  if (TITLES.has(lower)) return TITLE;
  if (NUMBER_ABBREVIATIONS.has(lower)) return NUMBER;
  if (ABBREVIATIONS.has(word)) return OTHER;
  return undefined;
}

/** `D-`, `R-` or `I-` standing as a word just before `w`. */
function isParty(text: string, start: number, w: number): boolean {
  if (w - start < 2 || text.charCodeAt(w - 1) !== 45) return false;
  const p = text.charCodeAt(w - 2);
  return (p === 68 || p === 82 || p === 73) && (w - 2 === start || !isLetter(text.charCodeAt(w - 3)));
}

/** Where the last part of the word ending at `end` begins: after whitespace, a dash, a slash, an opening bracket or quote. */
function wordStart(text: string, start: number, end: number): number {
  // No abbreviation is longer; the bound keeps a long run without spaces linear.
  const min = Math.max(start, end - 24);
  let w = end;
  while (w > min && !isSpace(text.charCodeAt(w - 1)) && !isWordBreak(text.charCodeAt(w - 1))) w--;
  return w;
}

function wordBefore(text: string, start: number, end: number): string {
  const w = wordStart(text, start, end);
  return end - w > 8 ? '' : text.slice(w, end);
}

/** `U.S`, `a.m`, `Ph.D`: single letters separated by periods. */
function isDottedAcronym(text: string, from: number, to: number): boolean {
  if ((to - from) % 2 === 0) return false;
  for (let i = from; i < to; i += 2) {
    if (!isLetter(text.charCodeAt(i))) return false;
    if (i + 1 < to && text.charCodeAt(i + 1) !== DOT) return false;
  }
  return true;
}

/** The letters at `n`. */
function lettersAt(text: string, n: number, to: number): string {
  let e = n;
  while (e < to && isLetter(text.charCodeAt(e))) e++;
  return text.slice(n, e);
}

/**
 * The word at `n` (letters only), or '' when it is followed by a period (`A.`
 * is an initial). A negated auxiliary counts as its first part: `Don't` → `Do`.
 */
function nextWord(text: string, n: number, to: number): string {
  let e = n;
  while (e < to && isLetter(text.charCodeAt(e))) e++;
  if (e === n || (e < to && text.charCodeAt(e) === DOT)) return '';
  const a = e + 1 < to ? text.charCodeAt(e) : 0;
  if ((a === SQUOTE || a === 0x2019) && text.charCodeAt(e + 1) === 116 && text.charCodeAt(e - 1) === 110) {
    return text.slice(n, e - 1); // `Don't` → `Do`, `Isn't` → `Is`, `Won't` → `Wo`
  }
  return text.slice(n, e);
}

// ---------------------------------------------------------------------------
// Attribution after a quote: `“Why?” Mayor Ruiz asked.`

const SPEECH_VERBS = new Set(
  ('said says say told tells asked asks added adds wrote writes tweeted tweets replied replies ' +
    'continued explained noted insisted shouted yelled exclaimed recalled argued warned declared ' +
    'responded stated posted joked quipped laughed remarked acknowledged admitted conceded ' +
    'countered demanded wondered cried screamed whispered urged announced concluded observed ' +
    'suggested complained boasted claimed').split(' '),
);

/**
 * One to four capitalized words at `n`, then a speech verb; with `alone`,
 * the verb must end the sentence (`Smith said.`, not `He added, however`).
 */
function attribution(text: string, n: number, to: number, alone: boolean): boolean {
  let pos = n;
  for (let names = 0; names < 4; names++) {
    if (pos >= to || !isUpper(text.charCodeAt(pos))) return false;
    while (pos < to && isNameChar(text.charCodeAt(pos))) pos++;
    if (pos >= to || !isSpace(text.charCodeAt(pos))) return false;
    while (pos < to && isSpace(text.charCodeAt(pos))) pos++;
    let e = pos;
    while (e < to && isAsciiLower(text.charCodeAt(e))) e++;
    if (e === pos || !SPEECH_VERBS.has(text.slice(pos, e))) continue;
    const after = e < to ? text.charCodeAt(e) : -1;
    if (isLetter(after)) continue;
    return !alone || after === DOT;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Sentence shape

function nextWordChar(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** `1.`, `12)`, `(a).`: a numbered item's marker, not a sentence. */
function isListMarker(text: string, start: number, i: number, c: number, run: number): boolean {
  if (c !== DOT || run !== 1 || i - start > 4) return false;
  let p = start;
  if (p < i && (text.charCodeAt(p) === 40 || text.charCodeAt(p) === 91)) p++;
  let digits = 0;
  while (p < i && isDigit(text.charCodeAt(p))) (p++, digits++);
  if (digits === 0 && p < i && isLetter(text.charCodeAt(p))) p++;
  else if (digits === 0 || digits > 3) return false;
  if (p < i && (text.charCodeAt(p) === 41 || text.charCodeAt(p) === 93)) p++;
  return p === i;
}

function pushTrimmed(out: Range[], text: string, start: number, end: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start < end) out.push({ start, end });
}

// ---------------------------------------------------------------------------
// Character classes. ASCII through a table, General Punctuation (curly quotes,
// dashes, `…`) by range; the rest, rare around a terminator, through Unicode
// property regexes on the single character.

const DOT = 46;
const QUESTION = 63;
const BANG = 33;
const ELLIPSIS = 0x2026;
const DQUOTE = 34;
const SQUOTE = 39;

const A_UPPER = 1;
const A_LOWER = 2;
const A_DIGIT = 4;
const A_SPACE = 8;
const ASCII = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII[c] = A_UPPER;
for (let c = 97; c <= 122; c++) ASCII[c] = A_LOWER;
for (let c = 48; c <= 57; c++) ASCII[c] = A_DIGIT;
for (const c of [9, 10, 11, 12, 13, 32]) ASCII[c] = A_SPACE;

const U_UPPER = /^\p{Lu}|^\p{Lt}/u;
const U_LOWER = /^\p{Ll}/u;
const U_LETTER = /^\p{L}/u;
const U_WORD = /^[\p{L}\p{N}]/u;

function isSpace(c: number): boolean {
  if (c < 128) return (ASCII[c] & A_SPACE) !== 0;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpper(c: number): boolean {
  if (c < 128) return (ASCII[c] & A_UPPER) !== 0;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return U_UPPER.test(String.fromCharCode(c));
}
function isLower(c: number): boolean {
  if (c < 128) return (ASCII[c] & A_LOWER) !== 0;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return U_LOWER.test(String.fromCharCode(c));
}
function isLetter(c: number): boolean {
  if (c < 0) return false;
  if (c < 128) return (ASCII[c] & (A_UPPER | A_LOWER)) !== 0;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return U_LETTER.test(String.fromCharCode(c));
}
function isWordChar(c: number): boolean {
  if (c < 128) return ASCII[c] !== 0 && ASCII[c] !== A_SPACE;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return U_WORD.test(String.fromCharCode(c));
}
function isNameChar(c: number): boolean {
  return isLetter(c) || c === SQUOTE || c === 0x2019 || c === DOT || c === 45;
}
function isTerminator(c: number): boolean {
  return c === DOT || c === QUESTION || c === BANG || c === ELLIPSIS;
}
/** Closing quotes and brackets: `" ” ’ ' » › ) ] }`. */
function isCloser(c: number): boolean {
  return (
    c === DQUOTE || c === SQUOTE || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a ||
    c === 41 || c === 93 || c === 125
  );
}
function isQuote(c: number): boolean {
  return c === DQUOTE || c === SQUOTE || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x203a;
}
/** Opening quotes and brackets: `" “ ‘ ' « ‹ ( [ {`, and Spanish `¿ ¡`. */
function isOpener(c: number): boolean {
  return (
    c === DQUOTE || c === SQUOTE || c === 0x201c || c === 0x2018 || c === 0xab || c === 0x2039 ||
    c === 40 || c === 91 || c === 123 || c === 0xbf || c === 0xa1
  );
}
function isOpeningQuote(c: number): boolean {
  return c === DQUOTE || c === 0x201c || c === 0x2018 || c === 0xab;
}
/** `$`, `£`, `€`, `¥`, `#` before a number. */
function isNumberSign(c: number): boolean {
  return c === 36 || c === 0xa3 || c === 0x20ac || c === 0xa5 || c === 35;
}
/** Characters that separate the parts of a token: `D-N.Y.`, `vote—Mr.`, `AP Photo/J.`, `(Fla.`. */
function isWordBreak(c: number): boolean {
  return (
    c === 45 || c === 0x2014 || c === 0x2013 || c === 47 || c === 40 || c === 91 || c === 123 ||
    c === DQUOTE || c === SQUOTE || c === 0x201c || c === 0x2018
  );
}

/**
 * Whether a sentence can start with the character `c` at `n`: not a lowercase
 * word, a dash (`—`, `–`, `--`) or punctuation that continues a sentence.
 */
function canOpen(c: number, text: string, n: number, to: number): boolean {
  if (isLower(c)) {
    // Unless it is a brand like `iPhone` or `eBay`.
    let e = n + 1;
    while (e < to && (isLower(text.charCodeAt(e)) || isDigit(text.charCodeAt(e)))) e++;
    return e < to && isUpper(text.charCodeAt(e));
  }
  if (c === 0x2014 || c === 0x2013) return false;
  if (c === 45) return n + 1 < to && !isSpace(text.charCodeAt(n + 1)) && text.charCodeAt(n + 1) !== 45;
  return !(c === 44 || c === 59 || c === 58 || isTerminator(c) || isCloser(c));
}
