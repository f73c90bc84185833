// Sentence segmentation: wink-nlp proposes boundaries, then a small rule set
// written against its errors on news text (AllSides sample) judges each
// boundary — wink's own and the extra candidates of rule 5 — in `decide()`:
//
//  1. Quotes: closing quotes and brackets wink put at the start of the next
//     sentence move back (`go?’|” Trump wrote`, `over. ”| Then`); an opening
//     quote it left at the end of the previous one moves forward
//     (`POLITICO. "|The trust`). A straight quote's direction comes from its
//     neighbours, else by alternation from the last quote whose direction is clear.
//  2. No boundary before a lowercase letter (`“Leave!” he said`,
//     `pic.|twitter.com`) or a dash (`.” — Jane Doe`); after a bare list
//     marker (`1.`) or mere punctuation; before a rest of paragraph with no
//     letter or digit; nor where no whitespace separates the sentences and the
//     first ends in an abbreviation (`Ph.|D.`, `D-N.|Y.`) or the next starts
//     with a digit (footnote `.21`). Other glued boundaries stand: scraped text
//     often lost the space (`the port."We are`).
//  3. After an abbreviation — titles (`Sen.`, `Lt. Col.`, `St.`), initials
//     (`J. R. Smith`), dotted acronyms (`U.S.`, `p.m.`), months, states,
//     `Inc.`, `Jr.` — a boundary stands only before a word that usually opens a
//     sentence (`in the U.S. The next day`), or where wink put one after a
//     non-title, non-initial abbreviation. Never before a digit (`Jan. 5`,
//     `No. 10`); `No.` before anything else is the word.
//  4. A quote ended by `?`/`!` and followed by a short attribution (`“Why?”
//     Mayor Ruiz asked.`) stays one sentence; after `.` only when the
//     attribution is the whole clause (`…high.” Smith said.`).
//  5. Candidates wink missed: `.`, `…` or a quoted `?`/`!`, closers, whitespace,
//     then an uppercase letter. They catch words wink takes for abbreviations
//     (`all in. Usually`, `said no. Then`, `etc. Never`, `.’” Members`) and
//     ellipses before a new sentence; rules 1–4 filter them like wink's own.
import type { Range } from '../model/document.js';
import { getSentenceNlp, its } from './nlp.js';

const BLANK_LINE = /\n[^\S\n]*\n\s*/g;
const WS = /\s/;

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
 * Sentences of `text`, in order, each inside one of `paragraphs` (which must
 * be sorted and non-overlapping), whitespace-trimmed and non-empty. Within a
 * paragraph the sentences cover all its non-whitespace text.
 */
export function segmentSentences(text: string, paragraphs: Range[]): Range[] {
  const out: Range[] = [];
  if (paragraphs.length === 0) return out;
  // One readDoc over the whole span is faster than one per paragraph; wink's
  // sentences that run across a paragraph break are cut at it below.
  const first = paragraphs[0].start;
  const wink = winkStarts(text, first, paragraphs[paragraphs.length - 1].end);
  let w = 0;
  for (const p of paragraphs) {
    while (w < wink.length && wink[w] <= p.start) w++;
    const proposed = new Set<number>();
    for (; w < wink.length && wink[w] < p.end; w++) proposed.add(wink[w]);
    const candidates = new Set(proposed);
    for (const c of missedCandidates(text, p)) candidates.add(c);
    let start = p.start;
    for (const b of [...candidates].sort((a, c) => a - c)) {
      if (b <= start) continue;
      const at = decide(text, p.start, start, b, p.end, proposed.has(b));
      if (at !== undefined && at > start && at < p.end && WORDLIKE.test(text.slice(at, p.end))) {
        pushTrimmed(out, text, start, at);
        start = at;
      }
    }
    pushTrimmed(out, text, start, p.end);
  }
  return out;
}

function pushTrimmed(out: Range[], text: string, start: number, end: number): void {
  while (start < end && WS.test(text[start])) start++;
  while (end > start && WS.test(text[end - 1])) end--;
  if (start < end) out.push({ start, end });
}

/** Sentence start offsets wink-nlp finds in `text[from, to)`, as offsets into `text`. */
export function winkStarts(text: string, from: number, to: number): number[] {
  const chunk = text.slice(from, to);
  const doc = getSentenceNlp().readDoc(chunk);
  const sents = doc.sentences().out() as string[];
  const starts: number[] = [];
  let cursor = 0;
  for (const s of sents) {
    // wink rebuilds each sentence from its tokens and their original spacing,
    // so it is normally a verbatim slice found right after the cursor.
    const i = chunk.indexOf(s, cursor);
    if (i < 0 || !isBlank(chunk, cursor, i)) return tokenStarts(chunk, doc, from);
    starts.push(from + i);
    cursor = i + s.length;
  }
  return starts;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!WS.test(s[i])) return false;
  return true;
}

type WinkDoc = ReturnType<ReturnType<typeof getSentenceNlp>['readDoc']>;
const WORDLIKE = /[\p{L}\p{N}]/u;

// Fallback when wink altered some character (it turns e.g. U+FEFF into a
// space): place each token from a forward cursor, accepting a match only if
// the skipped text holds no letter or digit, and start each sentence at its
// first placed token.
function tokenStarts(chunk: string, doc: WinkDoc, from: number): number[] {
  const values = doc.tokens().out() as string[];
  const spans = doc.sentences().out(its.span) as number[][];
  const starts: number[] = [];
  let cursor = 0;
  let t = 0;
  for (const [first, last] of spans) {
    let start = -1;
    for (; t <= last; t++) {
      const v = values[t];
      const i = chunk.indexOf(v, cursor);
      if (i < 0 || WORDLIKE.test(chunk.slice(cursor, i))) continue;
      if (start < 0 && t >= first) start = i;
      cursor = i + v.length;
    }
    if (start >= 0) starts.push(from + start);
  }
  return starts;
}

// ---------------------------------------------------------------------------
// Rules

const CLOSERS = '"”’\'»›)\\]}';
const QUOTE_CLOSERS = /["”’'»›]/;
const OPENERS = '"“‘\'«‹(\\[{';
const LIST_MARKER = /^[(\[]?(?:\p{N}{1,3}|\p{L})[.)\]]$/u;
const LEADING_CLOSERS = new RegExp(`^[${CLOSERS}]+`);
const LOWER_START = new RegExp(`^[${OPENERS}]*\\p{Ll}`, 'u');
const DASH_START = /^[—–]|^--/;
const DIGIT_START = new RegExp(`^[${OPENERS}#]*\\p{N}`, 'u');
const NEXT_WORD = new RegExp(`^[${OPENERS}]*(\\p{L}+)(\\.?)`, 'u');
const MISSED = new RegExp(`(?:[.…][${CLOSERS}]*|[?!]+["”’'»›][${CLOSERS}]*)\\s+(?=[${OPENERS}]*\\p{Lu})`, 'gu');

/** Abbreviations written before a name: never sentence-final in practice. Case-insensitive. */
const TITLES = new Set(
  ('mr mrs ms messrs mmes dr drs prof gen gens lt col maj capt cmdr adm sgt cpl pvt pfc brig ' +
    'sen sens rep reps gov govs pres sec atty supt det insp amb rev msgr fr hon st ste mt ft').split(' '),
);
/** Other abbreviations that can also end a sentence. Case-sensitive. */
const ABBREVIATIONS = new Set(
  ('Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont ' +
    'Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo ' +
    'Ph Inc Corp Co Cos Ltd Bros Assn Dept Univ Ave Blvd Rd Hwy Jr Sr Esq v vs al approx ca cf est').split(' '),
);
/** Abbreviations whose period belongs to a number: `No. 10`, `Nos. 3 and 4`. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'pp', 'vol', 'ch', 'fig', 'op']);
/** Capitalized words that usually open a sentence, so an abbreviation before them most likely ended one. */
const STARTERS = new Set(
  ('The A An He She It They We I You His Her Its Their Our My Your This That These Those There Here ' +
    'But And Or So Yet Nor If When While After Before As In On At For With By From Since Because ' +
    'Although Though However Meanwhile Still Then Now Also Even Some Many Most Several All Both ' +
    'Each Every No None One Two Three Four Five Six Seven Eight Nine Ten What Why How Who Where ' +
    'Which According Last Next Earlier Later Today Yesterday More Other Such Despite During Under ' +
    'Over Until Without Among Instead Only Just Not Do Does Did Is Are Was Were Will Would Can ' +
    'Could Should Has Have Had Let Don Didn Doesn Isn Wasn Aren Won Officials Police Authorities').split(' '),
);
const SPEECH_VERBS =
  'said|says|say|told|tells|asked|asks|added|adds|wrote|writes|tweeted|tweets|replied|replies|' +
  'continued|explained|noted|insisted|shouted|yelled|exclaimed|recalled|argued|warned|declared|' +
  'responded|stated|posted|joked|quipped|laughed|remarked|acknowledged|admitted|conceded|' +
  'countered|demanded|wondered|cried|screamed|whispered|urged|announced|concluded|observed|' +
  'suggested|complained|boasted|claimed';
const NAME = `(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}`;
const ATTRIBUTION = new RegExp(`^${NAME}(?:${SPEECH_VERBS})\\b`, 'u');
const ATTRIBUTION_ALONE = new RegExp(`^${NAME}(?:${SPEECH_VERBS})[.,]`, 'u');

/** Rule 5: positions (after whitespace) where a sentence may start that wink may have missed. */
function missedCandidates(text: string, p: Range): number[] {
  const out: number[] = [];
  const para = text.slice(p.start, p.end);
  for (const m of para.matchAll(MISSED)) out.push(p.start + m.index + m[0].length);
  return out;
}

/**
 * Where the sentence that began at `start` ends, given a proposed boundary
 * `b` (possibly moved past closing quotes), or undefined to drop `b`.
 */
function decide(text: string, para: number, start: number, b: number, end: number, byWink: boolean): number | undefined {
  // Rule 1: closers followed by whitespace close the previous sentence; so
  // do curly quotes and brackets glued to it.
  const closers = LEADING_CLOSERS.exec(text.slice(b, Math.min(end, b + 8)));
  if (closers) {
    const after = b + closers[0].length;
    const straight = closers[0].indexOf('"');
    const moves =
      straight >= 0
        ? !opensQuote(text, para, b + straight)
        : after >= end || WS.test(text[after]) || !WS.test(text[b - 1]);
    if (moves) {
      b = after;
      while (b < end && WS.test(text[b])) b++;
      if (b >= end) return undefined;
    }
  }
  // An opening quote that wink left at the end of the previous sentence
  // (`told POLITICO. "|The trust`, `Bay."|We're`) moves to the next one.
  const before = text[b - 1];
  if ('“‘«'.includes(before) || (before === '"' && opensQuote(text, para, b - 1))) b--;

  let prevEnd = b;
  while (prevEnd > start && WS.test(text[prevEnd - 1])) prevEnd--;
  // Rule 2
  const prev = text.slice(start, prevEnd);
  if (!WORDLIKE.test(prev) || LIST_MARKER.test(prev)) return undefined;
  const next = text.slice(b, Math.min(end, b + 80));
  if (LOWER_START.test(next) || DASH_START.test(next)) return undefined;
  let wordStart = prevEnd;
  while (wordStart > start && !WS.test(text[wordStart - 1])) wordStart--;
  const lastWord = text.slice(wordStart, prevEnd);

  if (prevEnd === b) return abbreviation(lastWord) || DIGIT_START.test(next) ? undefined : b;

  // Rule 4
  if (/[?!…]["”’'»›]+$/.test(lastWord) && ATTRIBUTION.test(next)) return undefined;
  if (/[.]["”’'»›]+$/.test(lastWord) && ATTRIBUTION_ALONE.test(next)) return undefined;

  // Rule 3
  const abbr = abbreviation(lastWord);
  if (abbr) {
    if (DIGIT_START.test(next)) return undefined;
    if (abbr === 'number') return b;
    const m = NEXT_WORD.exec(next);
    const nextWord = m && !m[2] ? m[1] : '';
    if (STARTERS.has(nextWord)) return b;
    return byWink && abbr === 'other' ? b : undefined;
  }
  return b;
}

/**
 * Whether the straight double quote at `i` opens a quotation: by its
 * neighbours when they tell (`said "Go` vs `go," he`); when it is glued or
 * spaced on both sides, by alternation from the nearest quote mark before it
 * whose direction is clear.
 */
function opensQuote(text: string, para: number, i: number): boolean {
  const own = quoteDirection(text, para, i);
  if (own !== undefined) return own;
  let ambiguous = 0;
  for (let j = i - 1; j >= para; j--) {
    const c = text[j];
    if (c !== '"' && c !== '“' && c !== '”') continue;
    const opens = c === '"' ? quoteDirection(text, para, j) : c === '“';
    if (opens === undefined) ambiguous++;
    else return ambiguous % 2 === 0 ? !opens : opens;
  }
  return ambiguous % 2 === 0;
}

function quoteDirection(text: string, para: number, i: number): boolean | undefined {
  const spaceBefore = i === para || WS.test(text[i - 1]) || OPENERS.includes(text[i - 1]);
  const spaceAfter = i + 1 >= text.length || /[\s.,;:!?)\]]/.test(text[i + 1]);
  return spaceBefore === spaceAfter ? undefined : spaceBefore;
}

/**
 * What kind of abbreviation a sentence's last word ends with, if any.
 * A closing quote after the period means the quoted sentence ended there.
 */
function abbreviation(word: string): 'title' | 'initial' | 'other' | 'number' | undefined {
  if (QUOTE_CLOSERS.test(word[word.length - 1])) return undefined;
  // Strip brackets (`(Fla.)`) and keep the last part of `D-N.Y.`, `vote—Mr.`, `AP Photo/J.`.
  const core = word.replace(/[)\]}]+$/, '').split(/[\s—–\-/([{"“‘']/).pop() ?? '';
  if (!core.endsWith('.') || core.endsWith('..')) return undefined;
  const bare = core.slice(0, -1);
  if (/^\p{L}$/u.test(bare)) return 'initial';
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare)) return 'other'; // U.S., a.m., D.C., Ph.D.
  const lower = bare.toLowerCase();
  if (TITLES.has(lower)) return 'title';
  if (NUMBER_ABBREVIATIONS.has(lower)) return 'number';
  if (ABBREVIATIONS.has(bare)) return 'other';
  return undefined;
}
