// The offline gazetteer (data/gazetteer.tsv.gz, built by
// scripts/build-gazetteer.ts): countries, first- and some second-level
// subdivisions, towns of 1000 people or more, continents, seas and regions,
// looked up by normalized name. Loaded once, on first use (~100 ms, ~30 MB).
//
// Ids: towns `geonames:<id>`; countries `country:<ISO2>` and first-level
// subdivisions `admin1:<ISO2>.<GeoNames admin-1 code>` (their GeoNames ids
// are in `geonameid` as well); second-level subdivisions (level `admin2`)
// `subdivision:<ISO 3166-2 code>`; continents `geonames:<id>`; other regions,
// oceans, seas and islands `region:<slug>`, without a GeoNames id.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findLine, lineStarts } from '../util/sorted-lines.js';
import { PACKAGE_ROOT } from '../version.js';
import { normalizeName } from './names.js';

export type PlaceLevel = 'country' | 'admin1' | 'admin2' | 'city' | 'other';

export interface Place {
  id: string;
  geonameid?: number;
  name: string;
  /** ISO 3166-1 alpha-2; empty for places spanning countries (continents, seas, regions). */
  country: string;
  countryName: string;
  /** GeoNames admin-1 code within `country`. */
  admin1?: string;
  admin1Name?: string;
  level: PlaceLevel;
  lat: number;
  lon: number;
  population?: number;
}

/** How a name matched a place: its own name, one of its alternate names, or a demonym of it (a country). */
export const Match = { Name: 0, Alternate: 1, Demonym: 2 } as const;
export type Match = (typeof Match)[keyof typeof Match];

export interface Entry {
  row: number;
  match: Match;
}

const FILE = 'gazetteer.tsv.gz';

/** A place line of the gazetteer file, as the build script writes it. */
export interface Row {
  code: string;
  id: string;
  geonameid: number;
  name: string;
  country: string;
  admin1: string;
  lat: number;
  lon: number;
  population: number;
}

/**
 * The gazetteer file's text, searched in place (see the build script for the
 * format): places are parsed when first asked for, keys found by binary search.
 */
export class Gazetteer {
  private readonly text: string;
  /** Start offsets of the place lines, and of the index lines, each with one extra end offset. */
  private readonly placeStarts: Int32Array;
  private readonly keyStarts: Int32Array;
  private readonly rows: (Row | undefined)[];
  private readonly places: (Place | undefined)[];
  private readonly countryRows = new Map<string, number>();
  private readonly admin1Rows = new Map<string, number>();

  constructor(text: string) {
    this.text = text;
    const places = text.indexOf('\n%places\n');
    const index = text.indexOf('\n%index\n');
    if (places < 0 || index < 0) throw new Error(`${FILE}: not a gazetteer file`);
    this.placeStarts = lineStarts(text, places + 9, index + 1);
    this.keyStarts = lineStarts(text, index + 8, text.length);
    this.rows = new Array(this.size);
    this.places = new Array(this.size);
    // Countries and subdivisions come first; stop at the first other place.
    for (let r = 0; r < this.size; r++) {
      const row = this.row(r);
      if (row.code === 'PCLI') this.countryRows.set(row.country, r);
      else if (row.code === 'ADM1') this.admin1Rows.set(`${row.country}.${row.admin1}`, r);
      else break;
    }
  }

  get size(): number {
    return this.placeStarts.length - 1;
  }

  row(r: number): Row {
    const cached = this.rows[r];
    if (cached) return cached;
    const f = this.text.slice(this.placeStarts[r], this.placeStarts[r + 1] - 1).split('\t');
    const row: Row = {
      code: f[0],
      id: f[1],
      geonameid: f[2] ? Number(f[2]) : 0,
      name: f[3],
      country: f[4],
      admin1: f[5],
      lat: Number(f[6]),
      lon: Number(f[7]),
      population: f[8] ? Number(f[8]) : 0,
    };
    return (this.rows[r] = row);
  }

  // Place names recur across articles: remembered lookups spare most binary searches.
  private readonly found = new Map<string, Entry[]>();

  /** Entries whose key is `key` (already normalized), by binary search over the sorted index lines. Not to be modified. */
  entries(key: string): Entry[] {
    const hit = this.found.get(key);
    if (hit) return hit;
    const entries = this.search(key);
    if (this.found.size >= 50_000) this.found.clear();
    this.found.set(key, entries);
    return entries;
  }

  private search(key: string): Entry[] {
    const line = findLine(this.text, this.keyStarts, key);
    if (!line) return [];
    return this.text
      .slice(line.tab + 1, line.end)
      .split(',')
      .map((x) => {
        const v = parseInt(x, 36);
        return { row: v >> 2, match: (v & 3) as Match };
      });
  }

  /** Entries for a name as written: an acronym key first, its lower-case form when that finds nothing ("IRAN"). */
  find(name: string): Entry[] {
    const key = this.keyOf(name);
    return key ? this.entries(key) : [];
  }

  /** The key `find` uses for a name, or undefined when no place has the name. */
  keyOf(name: string): string | undefined {
    const key = normalizeName(name);
    if (!key) return undefined;
    if (this.entries(key).length) return key;
    // "IRAN" in a headline; but a two- or three-letter acronym is not a word ("UN" is no town "Un").
    const lower = key[0] === '=' && key.length > 4 ? key.slice(1).toLowerCase() : '';
    return lower && this.entries(lower).length ? lower : undefined;
  }

  level(r: number): PlaceLevel {
    const code = this.row(r).code;
    if (code === 'PCLI') return 'country';
    if (code === 'ADM1') return 'admin1';
    if (code === 'ADM2') return 'admin2';
    if (code.startsWith('PPL')) return 'city';
    return 'other';
  }

  countryRow(cc: string): number | undefined {
    return this.countryRows.get(cc);
  }

  admin1Row(cc: string, admin1: string): number | undefined {
    return this.admin1Rows.get(`${cc}.${admin1}`);
  }

  place(r: number): Place {
    const cached = this.places[r];
    if (cached) return cached;
    const row = this.row(r);
    const level = this.level(r);
    const { country: cc, admin1: a1, geonameid: gid } = row;
    const countryRow = cc ? this.countryRows.get(cc) : undefined;
    const admin1Row = a1 ? this.admin1Rows.get(`${cc}.${a1}`) : undefined;
    const id =
      row.id || (level === 'country' ? `country:${cc}` : level === 'admin1' ? `admin1:${cc}.${a1}` : `geonames:${gid}`);
    const p: Place = {
      id,
      ...(gid ? { geonameid: gid } : {}),
      name: row.name,
      country: cc,
      countryName: countryRow === undefined ? '' : this.row(countryRow).name,
      ...(a1 ? { admin1: a1 } : {}),
      ...(admin1Row !== undefined ? { admin1Name: this.row(admin1Row).name } : {}),
      level,
      lat: row.lat,
      lon: row.lon,
      ...(row.population ? { population: row.population } : {}),
    };
    return (this.places[r] = p);
  }
}

let loaded: Gazetteer | undefined;

function findFile(): string {
  const file = join(PACKAGE_ROOT, 'data', FILE);
  if (!existsSync(file)) throw new Error(`${file} not found; run scripts/build-gazetteer.ts`);
  return file;
}

/** The gazetteer, loaded on first call. */
export function gazetteer(): Gazetteer {
  return (loaded ??= new Gazetteer(gunzipSync(readFileSync(findFile())).toString('utf8')));
}

const LEVEL_RANK: Record<PlaceLevel, number> = { country: 0, admin1: 1, other: 2, admin2: 3, city: 4 };

/** Places a name can refer to (not demonyms), countries and subdivisions first, then by population. */
export function lookup(name: string): Place[] {
  const g = gazetteer();
  const rows = [...new Set(g.find(name).filter((e) => e.match !== Match.Demonym).map((e) => e.row))];
  return rows
    .sort((a, b) => LEVEL_RANK[g.level(a)] - LEVEL_RANK[g.level(b)] || g.row(b).population - g.row(a).population)
    .map((r) => g.place(r));
}

/** Alternate names of small places are too often ordinary words or surnames to call a name a place name. */
const ALTERNATE_MIN_POPULATION = 500_000;

/**
 * Whether the name is the name of a place: a country, subdivision, region or
 * town under its own name, or a city of 500,000 under an alternate name. Surnames
 * that are also town names ("Clinton") are place names here too; callers
 * weigh the context.
 */
export function isPlaceName(name: string): boolean {
  const g = gazetteer();
  return g
    .find(name)
    .some((e) => e.match === Match.Name || (e.match === Match.Alternate && (g.level(e.row) !== 'city' || g.row(e.row).population >= ALTERNATE_MIN_POPULATION)));
}

/** The country of a demonym ("Afghan", "Afghans" -> Afghanistan), or null. */
export function demonymCountry(word: string): Place | null {
  const g = gazetteer();
  const e = g.find(word).find((x) => x.match === Match.Demonym);
  return e ? g.place(e.row) : null;
}
