// Named entities: the people, organizations, places and groups a document
// names, each mention typed and tied to the other names of the same entity in
// the document ("President Ashraf Ghani" ... "Ghani"; "Agence France-Presse
// (AFP)" ... "AFP"), and entities linked across documents.
//
// Mentions are runs of capitalized words (wink-nlp's part-of-speech tags only
// decide about words whose capital letter says nothing: a sentence's first
// word, headline case), with the particles of names inside them ("Ministry of
// Interior", "Osama bin Laden"). Each mention collects typing evidence:
// the gazetteer (GeoNames places, countries and demonyms, WordNet's named
// things, hand-written aliases), the words that head organization and place
// names, titles and given names, and the words around it ("in X", "X-based",
// "spokesman X", "the company X", "X, who"). The evidence of all names of an
// entity is summed, so "Khan" is a person because "Ismail Khan" had a given
// name, and "Lockheed" an organization because "Lockheed Martin" was shortened
// to its first word.
import { tokenize, type Token } from '../text/nlp.js';
import { lookup } from '../geo/gazetteer.js';
import { STOPWORDS } from '../text/stopwords.js';
import { shortHash } from '../text/normalize.js';
import { COMMON, CURATED, GIVEN, GROUP, ORG, PERSON, PLACE, WEAK_PLACE, lookupKey, nameKey, type NameInfo } from './gazetteer.js';
import {
  COMPASS,
  CORPORATE_SUFFIXES,
  EVENT_HEADS,
  FUNCTION_WORDS,
  NAME_PREFIXES,
  NOT_NAME_ACRONYMS,
  NOT_NAMES,
  ORG_HEADS,
  ORG_ROLES,
  PARTICLES,
  PERSON_ROLES,
  PLACE_HEADS,
  PLACE_PREPOSITIONS,
  PLACE_ROLES,
  PLACE_SUFFIXES,
  TITLE_HEADS,
  TITLES,
} from './names.js';

export type EntityType = 'person' | 'organization' | 'place' | 'group';

/** One mention of a named entity in one document. */
export interface EntityMention {
  start: number;
  end: number;
  /** `text.slice(start, end)`: the name as written, without a title before it. */
  text: string;
  type: EntityType;
  /** The entity's name in this document: its fullest form, titles stripped ("Ismail Khan" for "Khan"). */
  name: string;
  /** Shared by all mentions of one entity in the document. */
  key: string;
  /** A title or role written before the name: "President", "Foreign Minister", "spokesman". */
  title?: string;
}

/** An entity across documents. */
export interface Entity {
  /** Stable: a hash of the type and the name (and, for a lone surname kept to its document, the document). */
  id: string;
  name: string;
  type: EntityType;
  /** Other names it goes by (acronyms, short forms, the forms of other documents). */
  aliases: string[];
  mentions: { doc: string; start: number; end: number; text: string }[];
  documents: string[];
}

const TYPES: EntityType[] = ['person', 'organization', 'place', 'group'];
const P = 0;
const O = 1;
const L = 2;
const G = 3;
type Votes = [number, number, number, number];

// ---------------------------------------------------------------------------
// Tokens


// ---------------------------------------------------------------------------
// Words: tokens joined across glued hyphens ("Agence France-Presse",
// "al-Qaeda", "Kabul-based"), with what their position says.

interface Word {
  /** Offsets of the name part ("Kabul" of "Kabul-based"). */
  start: number;
  end: number;
  text: string;
  /** Token index of the word's first and last token. */
  first: number;
  last: number;
  /** Capitalized: may be (part of) a name. */
  cap: boolean;
  /** The word, when it is not capitalized: particles and context words ("de", "of", "spokesman"). */
  lower: string;
  /** First word of a sentence, line or quotation, or a word of a headline-case line: its capital says nothing. */
  unsure: boolean;
  /** What a glued suffix says: "based" in "Kabul-based". */
  suffix?: string;
  /** A prefix ("anti-") was cut: the word cannot continue a name to its left. */
  prefixed?: boolean;
  pos: string;
  /** Punctuation or a line break separates this word from the previous one. */
  broken: boolean;
  /** What the name list says about the word, once asked (null: nothing). */
  info?: NameInfo | null;
}

function wordInfo(w: Word): NameInfo | undefined {
  if (w.info === undefined) w.info = known(w.text) ?? null;
  return w.info ?? undefined;
}

// ASCII first: these run on every token.
const isUpper = (c: string): boolean => {
  const x = c.charCodeAt(0);
  if (x < 128) return x >= 65 && x <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isLower = (c: string): boolean => {
  const x = c.charCodeAt(0);
  if (x < 128) return x >= 97 && x <= 122;
  return c !== c.toUpperCase() && c === c.toLowerCase();
};
const isLetter = (c: string): boolean => {
  const x = c.charCodeAt(0);
  if (x < 128) return (x >= 65 && x <= 90) || (x >= 97 && x <= 122);
  return c.toLowerCase() !== c.toUpperCase();
};
/** Letters, with the periods, apostrophes and ampersands of "U.S.", "O'Neill", "AT&T", and hyphens between. */
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}.'’&]*(?:-[\p{L}\p{M}][\p{L}\p{M}.'’&]*)*$/u;

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…', '•', '|']);
/** Punctuation after which the next word still opens its sentence: `"The`, `(In`, `— Officials`. */
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', '«', '*']);
/** Name-internal connectors, bridged only where the name's head calls for them. */
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'the']);

function isWordToken(t: Token): boolean {
  return t.pos !== 'PUNCT' && t.pos !== 'SYM' && isLetter(t.text[0] ?? '');
}

function newlineBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

function buildWords(text: string, tokens: Token[], sentenceStarts: Set<number>): Word[] {
  const words: Word[] = [];
  let sentenceStart = true;
  let broken = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > 0 && newlineBetween(text, tokens[i - 1].end, t.start)) {
      sentenceStart = true;
      broken = true;
    }
    if (sentenceStarts.has(t.start)) sentenceStart = true;
    if (!isWordToken(t)) {
      if (t.text === '&' && words.length && tokens[i + 1] && isWordToken(tokens[i + 1])) {
        words.push({ start: t.start, end: t.end, text: '&', first: i, last: i, cap: false, lower: '&', unsure: false, pos: 'CCONJ', broken: false });
        continue;
      }
      broken = true;
      if (SENTENCE_END.has(t.text)) sentenceStart = true;
      // An opening quotation mark: a quotation's first word is as unsure as a sentence's.
      else if (t.text === '“' || t.text === '‘' || (t.text === '"' && tokens[i + 1]?.start === t.end && (i === 0 || tokens[i - 1].end < t.start))) sentenceStart = true;
      else if (!OPENERS.has(t.text)) sentenceStart = false;
      continue;
    }
    // Glue "X-Y-Z" written without spaces into one word.
    let last = i;
    while (
      last + 2 < tokens.length &&
      tokens[last + 1].start === tokens[last].end &&
      tokens[last + 2].start === tokens[last + 1].end &&
      (tokens[last + 1].text === '-' || tokens[last + 1].text === '‑') &&
      isWordToken(tokens[last + 2])
    )
      last += 2;
    let start = tokens[i].start;
    let end = tokens[last].end;
    let wtext = i === last ? tokens[i].text : text.slice(start, end);
    let prefixed = false;
    let suffix: string | undefined;
    if ((i < last || wtext.length > 3) && wtext.includes('-')) {
      // wink keeps some hyphenated words whole ("anti-Taliban"), splits others.
      const parts = wtext.split('-');
      const at: number[] = [];
      for (let k = 0, o = 0; k < parts.length; o += parts[k].length + 1, k++) at.push(o);
      let a = 0;
      let b = parts.length - 1;
      // "anti-Taliban": the prefix is no part of the name.
      while (a < b && NAME_PREFIXES.has(parts[a])) {
        a++;
        prefixed = true;
      }
      // "Kabul-based", "Taliban-led": the name ends before the first lower-case part.
      for (let k = a + 1; k <= b; k++) {
        if (parts[k].length > 1 && isLower(parts[k][0]) && !PARTICLES.has(parts[k])) {
          suffix = parts[k].toLowerCase();
          b = k - 1;
          break;
        }
      }
      if (a > 0 || b < parts.length - 1) {
        start = tokens[i].start + at[a];
        end = tokens[i].start + at[b] + parts[b].length;
        wtext = text.slice(start, end);
      }
    }
    let cap = isUpper(wtext[0]) || ((wtext.startsWith('al-') || wtext.startsWith('el-')) && isUpper(wtext[3] ?? ''));
    if (cap) {
      if (!NAME_WORD.test(wtext)) cap = false;
      // "4GB", "A380s": units and models, not names.
      if (i > 0 && tokens[i - 1].end === start && /\d$/.test(tokens[i - 1].text)) cap = false;
      if (NOT_NAMES.has(wtext)) cap = false;
    }
    words.push({ start, end, text: wtext, first: i, last, cap, lower: cap ? '' : wtext, unsure: sentenceStart, suffix, prefixed, pos: tokens[i].pos, broken });
    sentenceStart = false;
    broken = false;
    i = last;
  }
  markHeadlines(words, text);
  return words;
}

/**
 * Lines in title case ("Taliban Seize Herat as Governor Surrenders": no word
 * but function words in lower case) or in capitals: their capitals say
 * nothing, so every word is unsure. A sentence full of names still has a
 * lower-case verb ("He met Apple CEO Steve Jobs").
 */
function markHeadlines(words: Word[], text: string): void {
  let from = 0;
  while (from < words.length) {
    const nl = text.indexOf('\n', words[from].start);
    const lineEnd = nl < 0 ? text.length : nl;
    let k = from;
    let content = 0;
    let capped = 0;
    let upper = 0;
    for (; k < words.length && words[k].start < lineEnd; k++) {
      const w = words[k].text;
      const cap = isUpper(w[0]);
      if (!isLetter(w[0]) || w === "n't") continue; // clitics: "Won't" is "Wo" "n't"
      if (w.length > 3 || !FUNCTION_WORDS.has(cap ? w.toLowerCase() : w)) {
        content++;
        if (cap) {
          capped++;
          if (w.length > 1 && isUpper(w[1]) && w === w.toUpperCase()) upper++;
        }
      }
    }
    if (content >= 3 && (capped >= content - (content >= 8 ? 1 : 0) || upper >= 0.6 * content)) for (let m = from; m < k; m++) words[m].unsure = true;
    from = k;
  }
}

// ---------------------------------------------------------------------------
// Candidate names

interface Candidate {
  /** Word index range [from, to] of the name, title excluded. */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  title?: string;
  votes: Votes;
  /** Gazetteer canonical name, if the gazetteer gave one. */
  canonical?: string;
  /** The words' own case is unreliable (all capitals): report a title-cased name. */
  recase?: boolean;
  /** A single common word ("Maintenance"): dropped unless something else speaks for it. */
  weak?: boolean;
  /** The name of an event or programme: no entity, but its acronym is not one either. */
  event?: boolean;
  /** The name as reported (see `displayName`), set when entities are resolved. */
  display?: string;
  /** What the name's shape alone suggests (a tie-breaker, counted once per entity): person or organization. */
  shape?: number;
}

function isCommonWord(key: string): boolean {
  if (STOPWORDS.has(key)) return true;
  const dash = key.lastIndexOf('-');
  if (dash > 0) key = key.slice(dash + 1);
  const forms = [key];
  if (key.endsWith('ies')) forms.push(key.slice(0, -3) + 'y');
  if (key.endsWith('es')) forms.push(key.slice(0, -2));
  if (key.endsWith('s')) forms.push(key.slice(0, -1));
  if (key.endsWith('ed')) forms.push(key.slice(0, -2), key.slice(0, -1));
  if (key.endsWith('ing')) forms.push(key.slice(0, -3), key.slice(0, -3) + 'e');
  for (const k of forms) {
    const info = lookupKey(k);
    if (info && info.flags & COMMON) return true;
  }
  return false;
}

const isAcronym = (s: string): boolean => s.length >= 2 && s.length <= 8 && /^[A-Z][A-Z.&]*[A-Z]\.?$/.test(s);

interface Evidence {
  text: string;
  /** Capitalized where capitals mean something. */
  trusted: Set<string>;
  /** Capitalized in unsure places, with their counts. */
  unsureCounts: Map<string, number>;
}

/**
 * Whether an unsure capitalized word (a sentence's first, a headline's) is a
 * name: it is capitalized elsewhere where capitals mean something, or more
 * than once and never in lower case; or the gazetteer types it; or the tagger
 * calls it a proper noun and it is no common word.
 */
function unsureIsName(w: Word, ev: Evidence): boolean {
  if (ev.trusted.has(w.text)) return true;
  const key = nameKey(w.text);
  if (FUNCTION_WORDS.has(key)) return false;
  const repeated = (): boolean => (ev.unsureCounts.get(w.text) ?? 0) >= 2 && !hasLowerCase(ev.text, w.text.toLowerCase());
  const info = wordInfo(w);
  if (info) {
    if (info.flags & (CURATED | PLACE | GROUP | PERSON)) return true;
    if (info.flags & COMMON) return repeated();
    if (info.flags & (ORG | GIVEN)) return true;
  }
  if (isAcronym(w.text)) return !NOT_NAME_ACRONYMS.has(key);
  return (w.pos === 'PROPN' && !isCommonWord(key)) || repeated();
}

/** Whether `word` occurs in `text` as a whole word in lower case. */
function hasLowerCase(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if ((at === 0 || !isLetter(text[at - 1])) && (at + word.length >= text.length || !isLetter(text[at + word.length]))) return true;
  }
  return false;
}

function collectEvidence(text: string, words: Word[]): Evidence {
  const trusted = new Set<string>();
  const unsureCounts = new Map<string, number>();
  for (const w of words) {
    if (!w.cap) continue;
    if (w.unsure) unsureCounts.set(w.text, (unsureCounts.get(w.text) ?? 0) + 1);
    else trusted.add(w.text);
  }
  return { text, trusted, unsureCounts };
}

function known(name: string): NameInfo | undefined {
  return lookupKey(nameKey(name));
}

/** "The", "In", "But": not "US" or "IT", whose capitals make them names. */
const isFunctionWord = (w: string): boolean => NOT_NAMES.has(w) || (w.length <= 12 && !(w.length > 1 && isUpper(w[1])) && FUNCTION_WORDS.has(w.toLowerCase()));
const typedName = (name: string): boolean => ((known(name)?.flags ?? 0) & (PLACE | ORG | GROUP | CURATED)) !== 0;

function findCandidates(text: string, words: Word[], tokens: Token[], ev: Evidence): Candidate[] {
  const memo = new Int8Array(words.length);
  const nameWord = (i: number): boolean => {
    if (memo[i]) return memo[i] > 0;
    const w = words[i];
    let ok = !!w && w.cap;
    if (ok && w.unsure) {
      ok = unsureIsName(w, ev);
      // A given name opening a sentence before another capitalized word is a
      // person's ("Mike Pompeo met...", "John Bolton said..."), though the
      // lower-case word exists too.
      const next = words[i + 1];
      // So is a title ("President Biden met...", "Governor Ismail Khan said..."): the run splits it off.
      if (!ok && next?.cap && !next.broken && next.start === w.end + 1 && (((wordInfo(w)?.flags ?? 0) & GIVEN) !== 0 || TITLE_HEADS.has(w.text)) && !FUNCTION_WORDS.has(nameKey(w.text))) ok = true;
    }
    // "iPod Classic": a capitalized word after a product's camel-cased name is part of it.
    else if (ok && i > 0 && !w.broken && /^\p{Ll}+\p{Lu}/u.test(words[i - 1].text)) ok = false;
    else if (ok && isAcronym(w.text) && NOT_NAME_ACRONYMS.has(nameKey(w.text)) && !TITLES.has(w.text)) ok = false;
    // Shouting ("MUST WATCH") and party labels ("R-CO").
    else if (ok && w.text.length >= 4 && w.text === w.text.toUpperCase() && isCommonWord(w.text.toLowerCase()) && !((wordInfo(w)?.flags ?? 0) & (PLACE | ORG | GROUP | PERSON | CURATED))) ok = false;
    else if (ok && /^[RDI]-[A-Z]{2}$/.test(w.text)) ok = false;
    memo[i] = ok ? 1 : -1;
    return ok;
  };
  const out: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    if (!nameWord(i)) {
      i++;
      continue;
    }
    // Extend the run over name words and the connectors names contain.
    let j = i;
    for (;;) {
      if (words[j].suffix) break;
      const n = j + 1;
      if (n >= words.length || words[n].broken) break;
      if (nameWord(n) && !words[n].prefixed) {
        j = n;
        continue;
      }
      const bridged = bridge(text, words, i, j, nameWord);
      if (bridged > j) {
        j = bridged;
        continue;
      }
      break;
    }
    splitRun(text, words, tokens, i, j, out);
    i = j + 1;
  }
  return out;
}

/** The last word index of a name continued over connectors after word `j`, or `j`. */
function bridge(text: string, words: Word[], i: number, j: number, nameWord: (k: number) => boolean): number {
  const lower = words[j + 1].lower;
  if (!lower) return j;
  // Particles of person and place names: "de Gaulle", "bin Laden".
  if (PARTICLES.has(lower) && j + 2 < words.length && !words[j + 2].broken && nameWord(j + 2)) return j + 2;
  if (!CONNECTORS.has(lower) || lower === 'the') return j;
  let k = j + 2;
  if (lower === 'of' && words[k]?.lower === 'the' && !words[k].broken) k++;
  if (k >= words.length || words[k].broken || words[k].prefixed || !nameWord(k)) return j;
  // The right side: the following capitalized run.
  let end = k;
  while (end + 1 < words.length && !words[end].suffix && !words[end + 1].broken && nameWord(end + 1)) end++;
  const head = words[j].text;
  if (lower === '&') return end;
  if (known(text.slice(words[i].start, words[end].end))) return end;
  if (lower === 'of' || lower === 'for') {
    // "Ministry of Interior", "Bank of America", "Gulf of Mexico", "Secretary of
    // State"; not "Governor of Herat": a title's "of" introduces a place.
    if ((ORG_HEADS.has(head) || PLACE_HEADS.has(head)) && !TITLE_HEADS.has(head)) return end;
    if (head === 'Emirate' || head === 'Republic' || head === 'Kingdom' || (head === 'Secretary' && words[k].text === 'State')) return end;
    return j;
  }
  // "and" inside one organization's name ("European Aeronautic Defence and
  // Space Company"), not between two ("Shanghai Airlines and Xiamen Airlines").
  if (ORG_HEADS.has(words[end].text) && !ORG_HEADS.has(head) && !known(text.slice(words[i].start, words[j].end))) return end;
  return j;
}

/**
 * Splits a run of name words at a title ("Alabama Governor Bob Riley" ->
 * "Alabama", title "Governor", "Bob Riley"), after a corporate suffix ("Apple
 * Inc. Steve Jobs"), before a known entity after a demonym ("Afghan
 * Taliban"), and types the parts.
 */
function splitRun(text: string, words: Word[], tokens: Token[], i: number, j: number, out: Candidate[]): void {
  // A leading "The" is no part of the name unless the gazetteer says so ("The Hague").
  while (i <= j && isFunctionWord(words[i].text) && (i === j || !known(text.slice(words[i].start, words[j].end)))) i++;
  // "Flight 447", "Terminal 3": a common word before a number names no entity.
  const after = tokens[words[j].last + 1];
  if (after && after.pos === 'NUM' && !newlineBetween(text, words[j].end, after.start) && !EVENT_HEADS.has(words[j].text)) {
    const k = wordInfo(words[j]);
    if (k && k.flags & COMMON) j--;
  }
  if (i > j || (i === j && CORPORATE_SUFFIXES.has(words[i].text))) return;
  // "U.S.-Mexico": two places written as one word.
  if (i === j && words[i].first < words[i].last && splitPlaces(text, words, tokens, i, out)) return;
  for (let k = i; k < j; k++) {
    // "Apple Inc. Steve Jobs", "United States Barack Obama": a complete name, then a person's.
    const split =
      (CORPORATE_SUFFIXES.has(words[k].text) && k > i) ||
      (k + 2 <= j &&
        (wordInfo(words[k + 1])?.flags ?? 0) & GIVEN &&
        !((wordInfo(words[k])?.flags ?? 0) & GIVEN) &&
        typedName(text.slice(words[i].start, words[k].end)) &&
        !known(text.slice(words[i].start, words[j].end)));
    if (split) {
      splitRun(text, words, tokens, i, k, out);
      splitRun(text, words, tokens, k + 1, j, out);
      return;
    }
  }
  // Titles at the end name no one: "Ryanair CEO, Michael O'Leary".
  let end = j;
  while (end >= i && (TITLES.has(words[end].text) || words[end].lower === 'of')) end--;
  if (end < i) return;
  if (end < j && TITLE_HEADS.has(words[end + 1].text) && end + 1 <= j) j = end;
  // The last title head followed by a name.
  let h = -1;
  for (let k = j - 1; k >= i; k--) {
    if (!TITLE_HEADS.has(words[k].text)) continue;
    // "Foreign Minister Amir Khan Muttaqi": a title word that is also a given name opens the name.
    if (k > i && TITLES.has(words[k - 1].text) && (wordInfo(words[k])?.flags ?? 0) & GIVEN) continue;
    let rest = false;
    for (let r = k + 1; r <= j; r++) if (ORG_HEADS.has(words[r].text) || PLACE_HEADS.has(words[r].text) || EVENT_HEADS.has(words[r].text)) rest = true;
    if (rest || words[k + 1].lower === 'of' || known(text.slice(words[k].start, words[j].end))) continue;
    h = k;
    break;
  }
  if (h < 0) {
    const c = candidate(text, words, tokens, i, j);
    if (c) splitDemonym(text, words, tokens, c, out);
    return;
  }
  // Title words after the head ("Secretary of State X") and before it ("Foreign Minister X").
  let nameFrom = h + 1;
  while (nameFrom < j && (TITLES.has(words[nameFrom].text) || words[nameFrom].lower === 'of') && !((wordInfo(words[nameFrom])?.flags ?? 0) & GIVEN)) nameFrom++;
  let titleFrom = h;
  while (titleFrom > i && TITLES.has(words[titleFrom - 1].text)) titleFrom--;
  if (titleFrom > i) {
    // "Apple CEO X", "Alabama Governor X": what the person leads or represents.
    const before = candidate(text, words, tokens, i, titleFrom - 1);
    if (before) {
      before.votes[O] += 1.5;
      splitDemonym(text, words, tokens, before, out);
    }
  }
  const person = candidate(text, words, tokens, nameFrom, j);
  if (person) {
    person.title = text.slice(words[titleFrom].start, words[nameFrom - 1].end);
    person.votes[P] += 4;
    out.push(person);
  }
}

function splitPlaces(text: string, words: Word[], tokens: Token[], i: number, out: Candidate[]): boolean {
  const w = words[i];
  const parts: Token[] = [];
  for (let k = w.first; k <= w.last; k += 2) if (tokens[k].start >= w.start && tokens[k].end <= w.end) parts.push(tokens[k]);
  if (parts.length < 2 || !parts.every((t) => (known(t.text)?.flags ?? 0) & PLACE)) return false;
  for (const t of parts) {
    const votes: Votes = [0, 0, 0, 0];
    const info = known(t.text)!;
    votes[L] += 4;
    out.push({ from: i, to: i, start: t.start, end: t.end, text: t.text, votes, canonical: info.canonical });
  }
  return true;
}

/** "Afghan Taliban" -> "Afghan" and "Taliban"; "US Air Force" stays whole when the gazetteer knows it. */
function splitDemonym(text: string, words: Word[], tokens: Token[], c: Candidate, out: Candidate[]): void {
  if (c.to > c.from && !known(c.text)) {
    const first = wordInfo(words[c.from]);
    const rest = first && first.flags & (GROUP | PLACE) && !(first.flags & (WEAK_PLACE | GIVEN)) ? known(text.slice(words[c.from + 1].start, c.end)) : undefined;
    if (rest && rest.flags & (CURATED | ORG)) {
      const a = candidate(text, words, tokens, c.from, c.from);
      const b = candidate(text, words, tokens, c.from + 1, c.to);
      if (a) out.push(a);
      if (b) out.push(b);
      return;
    }
  }
  out.push(c);
}

// ---------------------------------------------------------------------------
// Typing evidence of one candidate

/**
 * Whether a name has the shape of a person's: two or three capitalized words,
 * the first no place, organization or common word (the last may be: surnames
 * are often named after places, "Henderson", "Obama"), none an acronym.
 */
function personShaped(words: Word[], from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k <= to; k++) {
    const w = words[k].text;
    if (!/^\p{Lu}[\p{Ll}'’-]/u.test(w) || ORG_HEADS.has(w)) return false;
    const f = wordInfo(words[k])?.flags ?? 0;
    if (f & GIVEN) continue;
    if (f & (ORG | GROUP | CURATED)) return false;
    if (k === from ? f & (PLACE | COMMON) : f & COMMON && k === to) return false;
  }
  return true;
}

function candidate(text: string, words: Word[], tokens: Token[], from: number, to: number): Candidate | undefined {
  const start = words[from].start;
  const end = words[to].end;
  const name = text.slice(start, end);
  if (name.length < 2) return undefined;
  const votes: Votes = [0, 0, 0, 0];
  const c: Candidate = { from, to, start, end, text: name, votes };
  const allCaps = name === name.toUpperCase();
  if (allCaps && words[from].unsure && name.replace(/[^A-Z]/g, '').length > 4) c.recase = true;

  // The gazetteer, for the whole name; not a town that happens to spell an acronym ("SIA").
  let info = from === to ? wordInfo(words[from]) : known(name);
  if (info && allCaps && name.length <= 4 && !(info.flags & CURATED) && !(info.flags & (ORG | GROUP | PERSON))) info = undefined;
  if (info) {
    if (info.canonical) c.canonical = info.canonical;
    const f = info.flags;
    const w = f & CURATED ? 10 : 3;
    // A place that is also an organization ("Washington") is named as a place
    // more often; an acronym ("GOP") as an organization.
    if (f & PLACE && !(allCaps && f & ORG)) votes[L] += w + 1;
    if (f & ORG) votes[O] += w;
    if (f & GROUP) votes[G] += w + 1;
    if (f & PERSON) votes[P] += w + 1;
    if (f & WEAK_PLACE && !(f & PLACE)) votes[L] += 1;
    if (from === to && f & COMMON && !(f & (CURATED | PLACE | GROUP | PERSON | ORG | GIVEN))) c.weak = true;
  }
  // Its head word: the last, or the one before "of".
  let ofAt = -1;
  for (let k = from + 1; k < to; k++) if (words[k].lower === 'of' || words[k].lower === 'for') ofAt = k;
  const head = ofAt > 0 ? words[ofAt - 1].text : words[to].text;
  if (from < to || ofAt > 0) {
    if (EVENT_HEADS.has(head) && !(info && info.flags & (ORG | PLACE | CURATED))) c.event = true;
    else if ((head === 'Center' || head === 'Centre') && ofAt > 0) votes[O] += 4;
    else if (ORG_HEADS.has(head)) votes[O] += 4;
    else if (PLACE_HEADS.has(head)) votes[L] += 4;
    else {
      // An organization's word inside: "Thai Airways International", "Adam Air".
      for (let k = from; k < to; k++) if (ORG_HEADS.has(words[k].text)) votes[O] += 3;
    }
  }
  if (from < to && ofAt < 0) {
    // A given name first: a person ("Ismail Khan"), unless the head said otherwise.
    const g = wordInfo(words[from]);
    if (g && g.flags & GIVEN) votes[P] += 3;
    else c.shape = personShaped(words, from, to) ? P : O;
  }
  // "the Joint Strike Fighter program", "the Marshall Plan" written small.
  const follower = words[to + 1];
  if (from < to && follower && follower.first === words[to].last + 1 && EVENT_NOUNS.has(follower.lower) && !(info && info.flags & (ORG | PLACE | CURATED))) c.event = true;
  if (from === to && !info && name.endsWith('s')) {
    // "Latinos", "Pashtuns": the plural of a group's name.
    const one = known(name.slice(0, -1));
    if (one && one.flags & GROUP) {
      votes[G] += 4;
      c.canonical = one.canonical ?? name.slice(0, -1);
    }
  }
  if (from === to) {
    if (info && info.flags & GIVEN && !(info.flags & (PLACE | ORG | GROUP | CURATED | COMMON))) votes[P] += 1.5;
    if (ORG_HEADS.has(name) && !words[from].unsure) votes[O] += 3; // "Congress", "Parliament", "Treasury"
  }
  if (from === to && allCaps && !info) votes[O] += 1;
  if (from < to && CORPORATE_SUFFIXES.has(words[to].text)) votes[O] += 6;
  contextVotes(text, words, tokens, c);
  return c;
}

const PERSON_AFTER = new Set(['who', 'whom']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'explained', 'argued', 'noted', 'warned', 'wrote', 'insisted', 'recalled', 'acknowledged', 'admitted']);
const EVENT_NOUNS = new Set(['program', 'programme', 'project', 'initiative', 'operation', 'treaty', 'conference', 'summit', 'campaign', 'scheme', 'index', 'act', 'accord', 'festival', 'awards', 'prize', 'tournament']);
const ORG_AFTER_POSSESSIVE = new Set(['ceo', 'chief', 'shares', 'stock', 'spokesman', 'spokeswoman', 'spokesperson', 'board', 'headquarters', 'subsidiary', 'unit', 'chairman', 'chairwoman', 'executive', 'executives', 'products', 'earnings', 'profit', 'profits', 'revenue', 'sales', 'stake', 'founder', 'website', 'share', 'employees', 'staff', 'customers', 'lawyers']);
const PLACE_AFTER_POSSESSIVE = new Set(['capital', 'province', 'border', 'borders', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'economy', 'population', 'largest', 'second-largest', 'embassy', 'ambassador', 'parliament', 'territory', 'coast', 'cities', 'city', 'provinces', 'regions', 'airspace', 'interior', 'citizens', 'president', 'prime']);
const PLACE_AFTER = new Set(['province', 'district', 'city', 'region', 'county', 'valley', 'border', 'provinces', 'districts', 'governorate', 'oblast', 'state', 'capital', 'village', 'town', 'airport', 'airbase', 'river', 'mountains', 'island', 'square', 'street', 'road', 'highway', 'port', 'harbour', 'harbor', 'prison', 'camp', 'area', 'center', 'centre', 'stadium', 'hall', 'plant', 'factory', 'hospital', 'mosque', 'base']);

function contextVotes(text: string, words: Word[], tokens: Token[], c: Candidate): void {
  const v = c.votes;
  const prev = c.from > 0 && !words[c.from].broken ? words[c.from - 1] : undefined;
  // "Everett, Washington", "Kabul, Afghanistan": a place after a place and a
  // comma, when the gazetteer knows it too ("in Riyadh, Trump will travel" is
  // a clause's subject).
  const before = tokens[words[c.from].first - 1];
  if (before && before.text === ',' && c.from > 0 && words[c.from - 1].cap && wordInfo(words[c.from - 1])?.flags! & PLACE && lookup(text.slice(words[c.from].start, words[c.to].end)).length) v[L] += 2;
  if (prev && prev.lower) {
    const p = prev.lower.toLowerCase();
    if (PLACE_PREPOSITIONS.has(p) || COMPASS.has(p)) v[L] += p === 'in' || p === 'near' || COMPASS.has(p) ? 2 : 1;
    else if (PERSON_ROLES.has(p)) {
      v[P] += 3;
      if (!c.title && TITLE_HEADS.has(p)) {
        let t = c.from - 1;
        while (t > 0 && !words[t].broken && words[t - 1].lower && TITLES.has(words[t - 1].lower)) t--;
        c.title = text.slice(words[t].start, prev.end);
      }
    } else if (ORG_ROLES.has(p)) v[O] += 3;
    else if (PLACE_ROLES.has(p)) v[L] += 2;
    else if ((p === 'of' || p === 'the') && c.from > 1 && !prev.broken && words[c.from - 2].lower) {
      const p2 = words[c.from - 2].lower.toLowerCase();
      if (PLACE_ROLES.has(p2) || COMPASS.has(p2) || p2 === 'governor' || p2 === 'people' || p2 === 'outskirts') v[L] += 3;
      else if (PLACE_PREPOSITIONS.has(p2) && p === 'the') v[L] += 1;
    }
  }
  const last = words[c.to];
  if (last.suffix && PLACE_SUFFIXES.has(last.suffix)) v[L] += 3;
  // What follows: a possessive, an appositive, a place noun.
  const nextTok = tokens[last.last + 1];
  if (!nextTok) return;
  const t = nextTok.text;
  const next = words[c.to + 1];
  if (t === "'s" || t === '’s' || t === "'" || t === '’') {
    const after = next && next.first === last.last + 2 ? next.lower.toLowerCase() : '';
    if (ORG_AFTER_POSSESSIVE.has(after)) v[O] += 1.5;
    else if (PLACE_AFTER_POSSESSIVE.has(after)) v[L] += 2;
  } else if (t === ',') {
    const n1 = tokens[last.last + 2];
    const n2 = tokens[last.last + 3];
    if (n1 && PERSON_AFTER.has(n1.text)) v[P] += 2;
    else if (n1 && n2 && n2.text === ',' && /^\d{2}$/.test(n1.text)) v[P] += 3; // "Papermaster, 49,"
  } else if (next && next.first === last.last + 1 && PLACE_AFTER.has(next.lower.toLowerCase())) v[L] += 2;
  // "Cook said": a common word that speaks is a name, of a person or a company.
  else if (c.weak && next && next.first === last.last + 1 && SPEECH.has(next.lower)) c.weak = false;
}

// ---------------------------------------------------------------------------
// Datelines: "HERAT, Afghanistan (AFP) —" names a place in capitals.

const DATELINE = /^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?=,| \(|\s*[—–-]\s)/;

function datelineWord(text: string, words: Word[]): number {
  const m = DATELINE.exec(text.slice(0, 80));
  if (!m || m[1].length < 3) return -1;
  for (let k = 0; k < words.length && words[k].start < m[1].length; k++) if (words[k].end === m[1].length) return k;
  return -1;
}

// ---------------------------------------------------------------------------
// Entities within a document

interface Cluster {
  key: string;
  name: string;
  votes: Votes;
  members: Candidate[];
}

function best(v: Votes): number {
  let b = 0;
  for (let k = 1; k < 4; k++) if (v[k] > v[b]) b = k;
  return b;
}

const LEGAL_SUFFIX = /,?\s+(?:Inc|Corp|Corporation|Co|LLC|L\.L\.C|PLC|Plc|plc|Ltd|Limited|SpA|S\.p\.A|N\.V|NV|AG|SA|S\.A|GmbH)\.?$/;

/** The key an entity's names are compared by: "Apple Inc." and "Apple" are one company. */
export function entityKey(name: string): string {
  const bare = name.includes(' ') ? name.replace(LEGAL_SUFFIX, '') : name;
  return nameKey(bare || name);
}

function titleCase(s: string): string {
  return s.replace(/[\p{L}']+/gu, (w) => w[0] + w.slice(1).toLowerCase());
}

function displayName(c: Candidate): string {
  if (c.display) return c.display;
  if (c.canonical) return (c.display = c.canonical);
  let s = c.text;
  if (/\s\s|[\n\t’‘]/.test(s)) s = s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'");
  if (c.recase) s = titleCase(s);
  return (c.display = s);
}

/** Initials of a multi-word name: "Agence France-Presse" -> "AFP", "North Atlantic Treaty Organization" -> "NATO". */
function initials(name: string): string {
  let out = '';
  for (const part of name.split(/[\s-]+/)) {
    if (!part || CONNECTORS.has(part) || PARTICLES.has(part)) continue;
    if (isUpper(part[0])) out += part[0];
  }
  return out;
}

/**
 * Named entity mentions of one document, in text order. `tokens` may be
 * passed when the text was already tokenized with `tokenize`.
 */
export function extractEntities(doc: { text: string; sentences?: { start: number; end: number }[] }, tokens?: Token[]): EntityMention[] {
  const text = doc.text;
  const toks = tokens ?? tokenize(text);
  const starts = new Set<number>();
  for (const s of doc.sentences ?? []) starts.add(s.start);
  const words = buildWords(text, toks, starts);
  const cands = findCandidates(text, words, toks, collectEvidence(text, words));
  const dl = datelineWord(text, words);
  if (dl >= 0) {
    const c = cands.find((x) => x.to === dl && x.from === 0);
    if (c) {
      c.votes[L] += 5;
      c.recase = true;
    }
  }
  return cands.length ? resolve(text, cands) : [];
}

function resolve(text: string, cands: Candidate[]): EntityMention[] {
  // 1. Mentions with the same name are one entity.
  const clusters = new Map<string, Cluster>();
  const of = new Map<Candidate, Cluster>();
  for (const c of cands) {
    const name = displayName(c);
    const key = entityKey(name);
    let cl = clusters.get(key);
    if (!cl) {
      clusters.set(key, (cl = { key, name, votes: [0, 0, 0, 0], members: [] }));
      if (c.shape !== undefined) cl.votes[c.shape] += 0.5;
    }
    cl.members.push(c);
    for (let k = 0; k < 4; k++) cl.votes[k] += c.votes[k];
    of.set(c, cl);
  }
  const merge = (from: Cluster, into: Cluster): void => {
    if (from === into) return;
    for (const m of from.members) {
      into.members.push(m);
      of.set(m, into);
    }
    for (let k = 0; k < 4; k++) into.votes[k] += from.votes[k];
    clusters.delete(from.key);
  };

  // 2. An acronym in parentheses next to a name is that name's: "Agence France-Presse (AFP)".
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k];
    const b = cands[k + 1];
    if (text[b.end] !== ')' || b.start - a.end > 4 || !/^\s*\(\s*$/.test(text.slice(a.end, b.start))) continue;
    const [long, short] = isAcronym(b.text) ? [a, b] : isAcronym(a.text) ? [b, a] : [undefined, undefined];
    if (!long || !short || long.to === long.from) continue;
    if (long.event) short.event = true;
    // The expansion decides the type: "SIA" is a town somewhere, and Singapore Airlines.
    const acronym = of.get(short)!;
    acronym.votes = [0, 0, 0, 0];
    merge(acronym, of.get(long)!);
  }

  // An acronym in parentheses after the words it abbreviates, none of them a
  // name: "improvised explosive devices (IEDs)", "Maintenance, Repair and Overhaul (MRO)".
  for (const c of cands) {
    if (!isAcronym(c.text.replace(/s$/, '')) || text[c.start - 1] !== '(' || text[c.end] !== ')') continue;
    const letters = c.text.replace(/[.s]/g, '').toLowerCase();
    const before = text.slice(Math.max(0, c.start - 1 - 12 * letters.length), c.start - 1).match(/[\p{L}'’-]+/gu) ?? [];
    const spelled = before
      .filter((w) => !CONNECTORS.has(w.toLowerCase()))
      .slice(-letters.length)
      .map((w) => w[0].toLowerCase())
      .join('');
    if (spelled === letters && !cands.some((x) => x !== c && x.end <= c.start && x.end >= c.start - 2 && x.to > x.from)) c.event = true;
  }

  // 3. Short forms: a surname ("Khan"), an organization's first word
  // ("Lockheed"), an acronym ("NATO") refer to the one longer name they fit.
  const longNames = [...clusters.values()].filter((cl) => cl.name.includes(' ')).map((cl) => ({ cl, parts: cl.name.split(' '), initials: initials(cl.name) }));
  // Words a short form must be to fit any long name: most single names fit none.
  const fitting = new Set<string>();
  for (const { parts, initials: ini } of longNames) {
    for (const p of parts) fitting.add(p);
    fitting.add(ini);
  }
  for (const cl of [...clusters.values()]) {
    if (cl.name.includes(' ') || !clusters.has(cl.key)) continue;
    const word = cl.name;
    const letters = word.replace(/\./g, '');
    if (!fitting.has(word) && !fitting.has(letters)) continue;
    const fits: { target: Cluster; by: number }[] = [];
    for (const { cl: long, parts, initials: ini } of longNames) {
      if (!clusters.has(long.key)) continue;
      const t = best(long.votes);
      // Not a surname introduced first with its own title: "President Trump"
      // before "first lady Melania Trump" is someone else.
      if (t === P && parts[parts.length - 1] === word) {
        if (!(cl.members.some((m) => m.title) && cl.members[0].start < long.members[0].start)) fits.push({ target: long, by: P });
      }
      // An organization shortened to its first word after its full name
      // ("Lockheed Martin" ... "Lockheed"); not "Apple" before "Apple Stores".
      else if (parts[0] === word && long.votes[P] < 3 && t !== L && t !== G && long.members[0].start < cl.members[0].start) fits.push({ target: long, by: O });
      else if (t !== P && isAcronym(word) && (ini === letters || parts.includes(word))) fits.push({ target: long, by: -1 });
      // "Senate" of "United States Senate".
      else if (t === O && parts[parts.length - 1] === word && typedName(parts.slice(0, -1).join(' '))) fits.push({ target: long, by: -1 });
    }
    if (!fits.length) continue;
    // The short form's own reading wins over a guess ("Jordan" the country is
    // not "Michael Jordan" shortened), unless the long name is surely a person's.
    const own = best(cl.votes);
    const curated = cl.members.some((m) => (known(m.text)?.flags ?? 0) & CURATED);
    if (cl.votes[own] >= 4 && (curated || !fits.some((f) => best(f.target.votes) === own || f.target.votes[P] >= 3))) continue;
    if (fits.length === 1) {
      const { target, by } = fits[0];
      // Shortened to the last word: a person's name; to the first: an organization's.
      if (by >= 0) target.votes[by] += by === P ? 1.5 : 2;
      merge(cl, target);
    } else {
      // Several Khans: each short mention goes with the nearest full name before it.
      for (const m of cl.members) {
        let nearest: Cluster | undefined;
        let at = -1;
        for (const { target } of fits)
          for (const fm of target.members)
            if (fm.start < m.start && fm.start > at) {
              at = fm.start;
              nearest = target;
            }
        if (nearest) of.set(m, nearest);
      }
    }
  }

  // 4. Full names within longer full names of people: "Ashraf Ghani" in "Mohammad Ashraf Ghani".
  const people = [...clusters.values()].filter((cl) => best(cl.votes) === P && cl.name.includes(' ')).map((cl) => ({ cl, parts: cl.name.split(' ') }));
  for (const { cl: a, parts: pa } of people) {
    for (const { cl: b, parts: pb } of people) {
      if (pb.length <= pa.length || pb[pb.length - 1] !== pa[pa.length - 1] || !clusters.has(a.key) || !clusters.has(b.key)) continue;
      if (pa.every((x) => pb.includes(x))) merge(a, b);
    }
  }

  // 5. A lone word the gazetteer reads as a town, after a person's full name
  // that begins or ends with it, is that person: "Kim" after "Kim Jong Un",
  // "Bolton" after "John Bolton". Countries and provinces keep their reading.
  const persons = [...clusters.values()].filter((cl) => best(cl.votes) === P && cl.name.includes(' '));
  for (const cl of [...clusters.values()]) {
    if (cl.name.includes(' ') || !clusters.has(cl.key) || best(cl.votes) !== L) continue;
    const first = Math.min(...cl.members.map((m) => m.start));
    const owners = persons.filter((p) => {
      if (!clusters.has(p.key)) return false;
      const parts = p.name.split(' ');
      const fits = parts[parts.length - 1] === cl.name || (parts.length >= 3 && parts[0] === cl.name);
      return fits && Math.min(...p.members.map((m) => m.start)) < first;
    });
    if (owners.length !== 1 || lookup(cl.name).some((pl) => pl.level === 'country' || pl.level === 'admin1')) continue;
    owners[0].votes[P] += cl.votes[L] + 1;
    merge(cl, owners[0]);
  }

  const names = new Map<Cluster, string>();
  const mentions: EntityMention[] = [];
  for (const c of cands) {
    const cl = of.get(c)!;
    let name = names.get(cl);
    if (name === undefined) names.set(cl, (name = fullName(cl)));
    if (cl.members.some((m) => m.event)) continue;
    // A lone common word nothing else speaks for ("Maintenance, Repair and Overhaul").
    if (cl.members.length === 1 && c.weak && cl.votes[P] === 0 && cl.votes[1] + cl.votes[2] + cl.votes[3] <= 1) continue;
    const mention: EntityMention = { start: c.start, end: c.end, text: c.text, type: TYPES[clusterType(cl)], name, key: cl.key };
    if (c.title) mention.title = c.title.replace(/\s+/g, ' ');
    mentions.push(mention);
  }
  return mentions;
}

function clusterType(cl: Cluster): number {
  const v = cl.votes;
  if (v[0] + v[1] + v[2] + v[3] > 0) return best(v);
  // Nothing known: a one-word name is more often an organization than anything else.
  return O;
}

/** The reported name: the fullest form, or an acronym's expansion. */
function fullName(cl: Cluster): string {
  let name = cl.name;
  for (const m of cl.members) {
    const n = displayName(m);
    if (isAcronym(name) && !isAcronym(n)) name = n;
    else if (n.length > name.length && !isAcronym(n) && n.includes(name.split(' ').pop()!)) name = n;
  }
  return name;
}

// ---------------------------------------------------------------------------
// Across documents


/** Documents a full name must be named in before its surname alone stands for it across documents. */
const DOMINANT_MIN_DOCS = 3;
/** How many times more documents than every other bearer of the surname together. */
const DOMINANT_RATIO = 4;

/**
 * Entities across documents: the entities of each document (mentions sharing
 * a `key`) joined when a name or acronym of one is a name or acronym of the
 * other ("Apple Inc." and "Apple"; "General Motors (GM)" and "GM"), or when a
 * person's full name is part of another's ("Ashraf Ghani", "Mohammad Ashraf
 * Ghani"). A person a document names by one word only ("Khan") joins others
 * so named only when no document gives that word to two different full
 * names, and never a full name on the surname alone; it joins the full name
 * that dominates the surname over the collection ("Trump" in a story where
 * Donald Trump is named in many documents and Melania Trump in one).
 */
export function linkEntities(perDoc: { doc: string; mentions: EntityMention[] }[]): Entity[] {
  interface Local {
    doc: string;
    name: string;
    type: EntityType;
    mentions: EntityMention[];
  }
  const locals: Local[] = [];
  for (const { doc, mentions } of perDoc) {
    const byKey = new Map<string, Local>();
    for (const m of mentions) {
      let l = byKey.get(m.key);
      if (!l) byKey.set(m.key, (l = { doc, name: m.name, type: m.type, mentions: [] }));
      l.mentions.push(m);
    }
    locals.push(...byKey.values());
  }
  // Surnames of full names, to tell whether a lone surname is ambiguous.
  const surnames = new Map<string, Set<string>>();
  for (const l of locals) {
    if (l.type !== 'person' || !l.name.includes(' ')) continue;
    const key = entityKey(l.name);
    const last = key.slice(key.lastIndexOf(' ') + 1);
    surnames.set(last, (surnames.get(last) ?? new Set()).add(key));
  }
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    parent.set(k, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const mainKeys = locals.map((l) => {
    const key = entityKey(l.name);
    // A lone surname of someone with a full name elsewhere stays with its
    // document, unless one bearer of the name dominates (below).
    const k = l.type === 'person' && !key.includes(' ') && surnames.has(key) ? `${l.doc}\u0000${key}` : key;
    if (!parent.has(k)) parent.set(k, k);
    return k;
  });
  locals.forEach((l, i) => {
    if (l.type === 'person') return;
    for (const m of l.mentions) {
      if (!isAcronym(m.text)) continue;
      const k = entityKey(m.text);
      if (!parent.has(k)) parent.set(k, k);
      union(mainKeys[i], k);
    }
  });
  // A full name joins the one fuller name it is part of ("Ali Khan" must not
  // join both "Imran Ali Khan" and "Ali Akbar Khan").
  for (const names of surnames.values()) {
    for (const a of names) {
      const pa = a.split(' ');
      const fuller = [...names].filter((b) => b !== a && b.split(' ').length > pa.length && pa.every((x) => b.split(' ').includes(x)));
      if (fuller.length === 1) union(a, fuller[0]);
    }
  }
  // One person however outlets spell the name: "Qassem" and "Qasem Soleimani",
  // "Lucía" and "Lucia Ferrer", "Gaddafi" and "Qaddafi". Full names equal but
  // for one word of five letters or more, written one letter apart (or with
  // and without accents), are one name. Found through one-letter deletions, so
  // the cost grows with the names, not with their pairs.
  const spellings = new Map<string, string>();
  for (const names of surnames.values()) {
    for (const key of names) {
      const folded = key.normalize('NFD').replace(/\p{M}/gu, '');
      const words = folded.split(' ');
      // The name, and the name with one letter dropped: two names meet when
      // one is the other less a letter, or both are the same less a letter
      // (one letter changed).
      const forms = [folded];
      words.forEach((w, t) => {
        if (w.length < 5) return;
        for (let c = 0; c < w.length; c++) forms.push([...words.slice(0, t), w.slice(0, c) + w.slice(c + 1), ...words.slice(t + 1)].join(' '));
      });
      for (const f of forms) {
        const other = spellings.get(f);
        if (other === undefined) spellings.set(f, key);
        else if (other !== key) union(other, key);
      }
    }
  }

  // "Trump" alone is Donald Trump when he (however written: "Donald J.
  // Trump") is named in far more documents than Melania and Ivanka together.
  const namedIn = new Map<string, Set<string>>();
  for (const l of locals) {
    if (l.type !== 'person' || !l.name.includes(' ')) continue;
    const root = find(entityKey(l.name));
    namedIn.set(root, (namedIn.get(root) ?? new Set()).add(l.doc));
  }
  const owners = new Map<string, string | undefined>();
  const ownerOf = (last: string): string | undefined => {
    if (owners.has(last)) return owners.get(last);
    const ranked = [...new Set([...surnames.get(last)!].map(find))].map((r) => [r, namedIn.get(r)?.size ?? 0] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const rest = ranked.slice(1).reduce((n, [, c]) => n + c, 0);
    const owner = ranked[0][1] >= DOMINANT_MIN_DOCS && ranked[0][1] >= DOMINANT_RATIO * rest ? ranked[0][0] : undefined;
    owners.set(last, owner);
    return owner;
  };
  locals.forEach((l, i) => {
    if (!mainKeys[i].includes('\u0000')) return;
    const owner = ownerOf(entityKey(l.name));
    if (owner) union(owner, mainKeys[i]);
  });

  interface Group {
    names: Map<string, number>;
    types: Votes;
    mentions: Entity['mentions'];
    docs: Set<string>;
  }
  const groups = new Map<string, Group>();
  locals.forEach((l, i) => {
    const root = find(mainKeys[i]);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { names: new Map(), types: [0, 0, 0, 0], mentions: [], docs: new Set() }));
    g.names.set(l.name, (g.names.get(l.name) ?? 0) + l.mentions.length);
    g.types[TYPES.indexOf(l.type)] += l.mentions.length;
    g.docs.add(l.doc);
    for (const m of l.mentions) g.mentions.push({ doc: l.doc, start: m.start, end: m.end, text: m.text });
  });
  const out: Entity[] = [];
  for (const [root, g] of groups) {
    const type = TYPES[best(g.types)];
    // The most used name; among equals the longest. A person is named in full where any document does.
    const named = [...g.names.entries()].filter(([n]) => type !== 'person' || n.includes(' '));
    const name = (named.length ? named : [...g.names.entries()]).sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
    const aliases = new Set<string>();
    for (const n of g.names.keys()) if (n !== name) aliases.add(n);
    for (const m of g.mentions) if (nameKey(m.text) !== nameKey(name)) aliases.add(m.text.replace(/\s+/g, ' '));
    // A document-bound surname keeps its document in its id.
    const scope = root.includes('\u0000') ? root.slice(0, root.indexOf('\u0000') + 1) : '';
    out.push({
      id: shortHash(`${type}\u0000${scope}${entityKey(name)}`),
      name,
      type,
      aliases: [...aliases].sort(),
      mentions: g.mentions,
      documents: [...g.docs].sort(),
    });
  }
  return out.sort((a, b) => b.mentions.length - a.mentions.length || (a.name < b.name ? -1 : 1));
}
