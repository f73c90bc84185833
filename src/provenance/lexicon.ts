// The synonym lexicon (data/lexicon.txt.gz, built by scripts/build-lexicon.ts
// from WordNet): base forms, synonym classes and rough word frequencies. It
// is loaded once, on first use.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../version.js';
import { gunzipSync } from 'node:zlib';

const FILE = 'lexicon.txt.gz';

interface Entry {
  /** SemCor tag counts by part of speech, n v a r; -1 where the word lacks that part of speech. */
  freq: [number, number, number, number];
  classes?: Int32Array;
  /** Classes one step broader than the word's own senses (hypernyms, adjective cluster heads, verb groups). */
  related?: Int32Array;
}

/** The file's text and the start offset of each line, searched in place (see the build script). */
interface LexiconText {
  text: string;
  lineStarts: Int32Array;
  /** Line ranges [from, to) of the word and exception sections. */
  words: [number, number];
  exceptions: [number, number];
}

const N = 0;
const V = 1;
const A = 2;
/** Char codes of n v a r, in `Entry.freq` order. */
const POS_CODES = [110, 118, 97, 114];
const TAB = 9;

let lexicon: LexiconText | undefined;
// Entries are decoded from their lines on first lookup.
const entries = new Map<string, Entry | null>();

function findFile(): string {
  const p = join(PACKAGE_ROOT, 'data', FILE);
  if (!existsSync(p)) throw new Error(`${p} not found; run scripts/build-lexicon.ts`);
  return p;
}

function load(): LexiconText {
  if (lexicon) return lexicon;
  const text = gunzipSync(readFileSync(findFile())).toString('utf8');
  const marker = text.indexOf('\n%exceptions\n') + 1;
  if (marker === 0) throw new Error(`${FILE}: no %exceptions section`);
  const starts: number[] = [];
  let exc = -1;
  // The first line is a comment; every line ends with a newline.
  for (let i = text.indexOf('\n') + 1; i < text.length; i = text.indexOf('\n', i) + 1) {
    if (i === marker) exc = starts.length;
    else starts.push(i);
  }
  starts.push(text.length);
  const lineStarts = Int32Array.from(starts);
  return (lexicon = { text, lineStarts, words: [0, exc], exceptions: [exc, lineStarts.length - 1] });
}

/** The rest of the line whose first field is `key` (after its tab), by binary search. */
function lookup([from, to]: [number, number], key: string): string | undefined {
  const { text, lineStarts } = load();
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = lineStarts[mid];
    let cmp = 0;
    let i = 0;
    for (; ; i++) {
      const c = text.charCodeAt(start + i);
      if (c === TAB) {
        cmp = i === key.length ? 0 : -1;
        break;
      }
      if (i === key.length) {
        cmp = 1;
        break;
      }
      const k = key.charCodeAt(i);
      if (c !== k) {
        cmp = c < k ? -1 : 1;
        break;
      }
    }
    if (cmp === 0) return text.slice(start + i + 1, lineStarts[mid + 1] - 1);
    if (cmp < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function decode(s: string): Entry {
  const tab = s.indexOf('\t');
  const freq: Entry['freq'] = [-1, -1, -1, -1];
  let p = -1;
  for (let i = 0; i < tab; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) freq[p] = freq[p] * 10 + c - 48;
    else freq[(p = POS_CODES.indexOf(c))] = 0;
  }
  const entry: Entry = { freq };
  const [own, related] = s.slice(tab + 1).split('\t');
  if (own) entry.classes = ids(own);
  if (related) entry.related = ids(related);
  return entry;
}

function ids(list: string): Int32Array {
  const parts = list.split(',');
  const out = new Int32Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = parseInt(parts[i], 36);
  return out;
}

function entry(word: string): Entry | undefined {
  let e = entries.get(word);
  if (e === undefined) {
    const raw = lookup(load().words, word);
    e = raw === undefined ? null : decode(raw);
    if (entries.size >= CACHE_LIMIT) entries.clear();
    entries.set(word, e);
  }
  return e ?? undefined;
}

/** Loads the lexicon now rather than on first use (for timing, or before forking). */
export function loadLexicon(): void {
  load();
}

// Detachment rules in WordNet's morphy order: a stripped form counts when the
// lexicon has it in the rule's part of speech.
const RULES: [suffix: string, replacement: string, pos: number][] = [
  ['ses', 's', N], ['xes', 'x', N], ['zes', 'z', N], ['ches', 'ch', N], ['shes', 'sh', N], ['men', 'man', N],
  ['ies', 'y', N], ['s', '', N],
  ['ies', 'y', V], ['es', 'e', V], ['es', '', V], ['s', '', V], ['ed', 'e', V], ['ed', '', V], ['ing', 'e', V],
  ['ing', '', V],
  ['er', '', A], ['est', '', A], ['er', 'e', A], ['est', 'e', A],
];

const cache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

/**
 * Base form of a lowercase word: "seized" -> "seize", "cities" -> "city",
 * "went" -> "go". Without part-of-speech tags an ambiguous form takes the
 * reading that is more frequent in WordNet's tagged corpus: "evening" stays
 * (the verb "even" is rare), "used" -> "use". Unknown words come back as given.
 */
export function lemma(word: string): string {
  return lemmas(word)[0];
}

/**
 * Every base form WordNet admits for a lowercase word, `lemma(word)` first:
 * "wounded" -> ["wounded", "wound"], "left" -> ["leave", "left"]. Synonym
 * lookups use them all, since without tags the other reading may be the one meant.
 */
export function lemmas(word: string): readonly string[] {
  let out = cache.get(word);
  if (out === undefined) {
    out = computeLemmas(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, out);
  }
  return out;
}

function computeLemmas(word: string): string[] {
  if (word.length < 3) return [word];
  const self = entry(word);
  const exc = lookup(load().exceptions, word);
  if (exc !== undefined) return self ? [exc, word] : [exc];
  const selfFreq = self ? Math.max(...self.freq) : -1;
  const out: string[] = [];
  let bestFreq = -1;
  for (const [suffix, replacement, pos] of RULES) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, word.length - suffix.length) + replacement;
    // Short stems are almost always accidents ("bed" -> "be", "ring" -> "re").
    if (base.length < 3 || out.includes(base)) continue;
    const e = entry(base);
    if (!e || e.freq[pos] < 0) continue;
    if (out.length === 0) bestFreq = e.freq[pos];
    out.push(base);
  }
  if (self) {
    // The word as written wins when it is itself more frequent than the first base found.
    if (selfFreq > bestFreq) out.unshift(word);
    else out.push(word);
  }
  return out.length ? out : [word];
}

/** Synonym class ids of a base form (see `lemma`); two words are synonyms iff they share one. */
export function synClasses(base: string): Int32Array | undefined {
  return entry(base)?.classes;
}

/**
 * Classes one step broader than the base form's own senses: its WordNet
 * hypernyms, adjective cluster heads and verb groups. A word whose related
 * classes meet another's own classes is a near-synonym ("inspect" and
 * "examine", "fatality" and "death").
 */
export function relatedClasses(base: string): Int32Array | undefined {
  return entry(base)?.related;
}

/**
 * How often the base form was tagged in WordNet's sense-tagged corpus (SemCor,
 * ~230k words), over all parts of speech; undefined for words WordNet lacks
 * (mostly names). A rough frequency for weighting rare words up.
 */
export function lemmaFrequency(base: string): number | undefined {
  const e = entry(base);
  if (!e) return undefined;
  let f = 0;
  for (const x of e.freq) if (x > 0) f += x;
  return f;
}

/**
 * Whether two words (any inflection) are synonyms: they have the same base
 * form, or some reading of each shares a synonym class ("seized" and
 * "confiscated", "deaths" and "fatalities").
 */
export function areSynonyms(a: string, b: string): boolean {
  const ra = lemmas(a.toLowerCase());
  const rb = lemmas(b.toLowerCase());
  if (ra[0] === rb[0]) return true;
  return ra.some((x) => rb.some((y) => sharesClass(synClasses(x), synClasses(y))));
}

function sharesClass(x: Int32Array | undefined, y: Int32Array | undefined): boolean {
  if (!x || !y) return false;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < y.length; j++) if (x[i] === y[j]) return true;
  return false;
}
