// Toponym resolution: the places a document's place names refer to, chosen
// jointly. Each name's candidates (src/geo/gazetteer.ts) start from a prior
// (population, kind of place, capital, own name or alternate name) and are
// moved by what the document says:
// - the words around the name: "Herat province", "the city of Herat",
//   "Paris, Texas", "Herat, Afghanistan";
// - the document's geography: countries and subdivisions its other names
//   point to, so a US story's "Georgia" is the state and its "Santa Ana"
//   the Californian city;
// - nearness: after a first choice, candidates near the other names' places
//   are preferred (a story's places cluster).
// A name used several times is resolved once per kind of cue ("Herat" and
// "Herat province" may differ), so all its bare uses agree.
import { gazetteer, Match, type Gazetteer, type Place } from './gazetteer.js';

export interface ToponymMention {
  text: string;
  /** The sentence the name is in, for cues such as "Herat province" or "Paris, Texas". */
  context?: string;
}

export interface ResolveOptions {
  /** ISO 3166-1 alpha-2 country the document is known to be about (a source's home country, say). */
  focusCountry?: string;
}

export type ResolvedPlace = Place & {
  /** Share of the candidates' weight on this one (0-1): how sure the choice is. */
  score: number;
  /** How many places the name could refer to. */
  candidates: number;
};

type Cue = 'admin' | 'city' | 'none';

/** A distinct name in the document with the cue it carries, and the mentions using it. */
interface Group {
  key: string;
  cue: Cue;
  /** Container names written with it: "Texas" in "Paris, Texas". */
  qualifiers: Set<string>;
  mentions: number[];
  /** Found only without a direction or a feature word ("Western Kasai", "Salinas Valley"): weaker evidence. */
  partial: boolean;
  /** The sentences it is used in, to find the names listed beside it. */
  contexts: Set<string>;
  cands: Candidate[];
  pick?: Candidate;
}

interface Candidate {
  row: number;
  match: Match;
  prior: number;
  score: number;
  /** A subdivision penalized for its namesake town. */
  namesake?: boolean;
}

const MAX_CANDIDATES = 40;
const ADMIN_WORD = 'province|state|region|county|district|governorate|prefecture|oblast|department|territory|municipality';
const ADMIN_SUFFIX = new RegExp(`\\s+(?:${ADMIN_WORD})$`, 'i');
const CITY_SUFFIX = /\s+(?:city|town)$/i;
const CITY_PREFIX = /^(?:city|town|village|port) of\s+/i;
/** Words whose removal may leave a known name: a direction, or a natural feature named after a town. */
const PARTIAL = [
  /^(?:greater|metropolitan|northern|southern|eastern|western|central|upper|lower|north|south|east|west|lake|mount|isle of)\s+/i,
  /[\s-]+(?:occidental|oriental|central|north|south|east|west|valley|river|island|islands|lake|mountains|hills|bay|delta|peninsula|canal|strait|basin|plateau|coast|parish|airport|international airport)$/i,
];

/** Priors in log space: ln(1 + population) plus bonuses for the kind of place. */
const LEVEL_BONUS = { country: 5, admin1: 1.5, admin2: 0.5, city: 0, other: 0 } as const;
const CODE_BONUS: Record<string, number> = { PPLC: 4, PPLA: 1, PPLA2: 0.5, CONT: 18, OCN: 16, SEA: 14, RGN: 14, ISL: 14 };
const ALTERNATE_PENALTY = 3;
/** A bare name shared by a subdivision and its namesake town ("Herat") is the town, as in most news. */
const NAMESAKE_PENALTY = 4;
const CUE_BONUS = 6;
const QUALIFIER_BONUS = 12;
const COUNTRY_WEIGHT = 5;
const ADMIN1_WEIGHT = 3;
const CONTAINER_BONUS = 2;
const SPREAD_WEIGHT = 0.5;

/**
 * Resolves the place names of one document (or story) together; one result
 * per mention, null when no place has that name.
 */
export function resolveToponyms(mentions: ToponymMention[], opts: ResolveOptions = {}): (ResolvedPlace | null)[] {
  const g = gazetteer();
  const groups = groupMentions(g, mentions);
  for (const grp of groups) grp.cands = candidates(g, grp);
  const live = groups.filter((x) => x.cands.length);

  // First choice from priors and the document's countries as the candidates vote for them;
  // then again with the choices' countries, subdivisions and places.
  choose(g, live, softVotes(g, live, opts), false);
  for (let pass = 0; pass < 2; pass++) choose(g, live, pickVotes(g, live, opts), true);

  const out: (ResolvedPlace | null)[] = new Array(mentions.length).fill(null);
  const whole = live.filter((x) => !x.partial).map((x) => x.pick!.row);
  for (const grp of live) {
    const pick = grp.pick!;
    // A town or subdivision found only through part of the name ("Plum Island" -> Plum) must be near the
    // document's other places: within 300 km of one, or inside a subdivision it names.
    if (grp.partial && ['city', 'admin1', 'admin2'].includes(g.level(pick.row)) && !supported(g, pick.row, whole)) continue;
    const z = grp.cands.reduce((s, c) => s + Math.exp(c.score - pick.score), 0);
    const resolved: ResolvedPlace = { ...g.place(pick.row), score: 1 / z, candidates: grp.cands.length };
    for (const m of grp.mentions) out[m] = resolved;
  }
  return out;
}

function groupMentions(g: Gazetteer, mentions: ToponymMention[]): Group[] {
  const byKey = new Map<string, Group>();
  mentions.forEach((m, i) => {
    const { name, cue, qualifier, stripped } = parseMention(g, m);
    let key = g.keyOf(name);
    // "Scott County" with no county of that name known: the town of Scott is only a guess.
    const partial = !key || (stripped && !g.entries(key).some((e) => g.level(e.row) !== 'city'));
    for (const re of PARTIAL) {
      if (key) break;
      const rest = name.replace(re, '');
      if (rest !== name) key = g.keyOf(rest);
    }
    if (!key) return;
    const id = `${key}\t${cue}\t${partial}`;
    let grp = byKey.get(id);
    if (!grp) byKey.set(id, (grp = { key, cue, qualifiers: new Set(), mentions: [], partial, contexts: new Set(), cands: [] }));
    grp.mentions.push(i);
    if (qualifier) grp.qualifiers.add(qualifier);
    if (m.context) grp.contexts.add(m.context);
  });
  // "Portland, Maine" early on settles the bare "Portland" later.
  const groups = [...byKey.values()];
  for (const a of groups) for (const b of groups) if (a !== b && a.key === b.key) for (const q of b.qualifiers) a.qualifiers.add(q);
  return groups;
}

/**
 * The name to look up, the kind of place its words ask for, a container
 * written after a comma, and whether a word like "Province" was taken off.
 */
function parseMention(g: Gazetteer, m: ToponymMention): { name: string; cue: Cue; qualifier?: string; stripped: boolean } {
  let name = m.text.trim().replace(/['’]s$/, '');
  let qualifier: string | undefined;
  const comma = name.indexOf(',');
  if (comma > 0) {
    qualifier = name.slice(comma + 1).trim() || undefined;
    name = name.slice(0, comma).trim();
  }
  let cue: Cue = 'none';
  let stripped = false;
  if (ADMIN_SUFFIX.test(name)) {
    cue = 'admin';
    // "Rift Valley Province" may be listed whole; "Herat Province" is listed as "Herat" too.
    if (!g.find(name).some((e) => g.level(e.row) !== 'city')) {
      name = name.replace(ADMIN_SUFFIX, '');
      stripped = true;
    }
  } else if (CITY_PREFIX.test(name)) {
    cue = 'city';
    name = name.replace(CITY_PREFIX, '');
  } else if (CITY_SUFFIX.test(name) && !g.find(name).length) {
    cue = 'city';
    name = name.replace(CITY_SUFFIX, '');
  }
  if (m.context && cue === 'none') {
    const c = contextCues(g, m.context, name);
    cue = c.cue;
    qualifier ??= c.qualifier;
  }
  return { name, cue, qualifier, stripped };
}


/** Cues around the name's uses in its sentence: "Herat province", "city of Herat", "Paris, Texas". */
// Compiled once: building these per mention was a fifth of extraction time.
let ADMIN_AFTER: RegExp | undefined;
let ADMIN_BEFORE: RegExp | undefined;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Where `name` occurs in `text` as a whole word. */
function* wordOccurrences(text: string, name: string): Generator<number> {
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
    if (i > 0 && WORD_CHAR.test(text[i - 1])) continue;
    const end = i + name.length;
    if (end < text.length && WORD_CHAR.test(text[end])) continue;
    yield i;
  }
}

function contextCues(g: Gazetteer, context: string, name: string): { cue: Cue; qualifier?: string } {
  const adminAfter = (ADMIN_AFTER ??= new RegExp(`^\\s+(?:${ADMIN_WORD})\\b`, 'i'));
  const adminBefore = (ADMIN_BEFORE ??= new RegExp(`\\b(?:${ADMIN_WORD}) of\\s+$`, 'i'));
  let cue: Cue = 'none';
  let qualifier: string | undefined;
  for (const index of wordOccurrences(context, name)) {
    const before = context.slice(Math.max(0, index - 30), index);
    const after = context.slice(index + name.length, index + name.length + 80);
    if (adminAfter.test(after) || adminBefore.test(before)) cue = 'admin';
    // "Mexico City" is another name, not a cue.
    else if ((/^\s+(?:city|town)\b/i.test(after) && !g.keyOf(`${name} City`)) || /\b(?:city|town|village) of\s+$/i.test(before)) cue = 'city';
    // A capitalized name after a comma, when it names a country or a subdivision: "Portland, Maine,".
    // Not in a list ("Virginia, Washington, West Virginia and Wyoming"), where commas separate equals.
    const q = /^,\s+((?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})(.{0,12})/u.exec(after);
    if (!q || qualifier || /,\s*$/.test(before) || /^(?:,|\s+(?:and|or))\s+\p{Lu}/u.test(q[2])) continue;
    const level = g.find(q[1]).map((e) => g.level(e.row));
    if (level.includes('country') || level.includes('admin1')) qualifier = q[1];
  }
  return { cue, qualifier };
}

function candidates(g: Gazetteer, grp: Group): Candidate[] {
  const entries = g.entries(grp.key);
  const best = new Map<number, Match>();
  for (const e of entries) {
    const had = best.get(e.row);
    if (had === undefined || e.match < had) best.set(e.row, e.match);
  }
  const cands: Candidate[] = [];
  for (const [row, match] of best) cands.push({ row, match, prior: prior(g, row, match), score: 0 });
  // Namesakes: a town inside a subdivision of the same name.
  const admins = cands.filter((c) => g.level(c.row) === 'admin1');
  for (const a of admins) {
    const ra = g.row(a.row);
    const town = cands.find((c) => {
      const r = g.row(c.row);
      return g.level(c.row) === 'city' && r.country === ra.country && r.admin1 === ra.admin1 && r.population >= 10_000;
    });
    if (!town) continue;
    if (town.match === Match.Alternate) town.prior += ALTERNATE_PENALTY;
    if (grp.cue === 'none') {
      a.prior -= NAMESAKE_PENALTY;
      a.namesake = true;
    }
  }
  for (const c of cands) {
    const level = g.level(c.row);
    if (grp.cue === 'admin') c.prior += level === 'admin1' || level === 'admin2' ? CUE_BONUS : level === 'city' ? -CUE_BONUS / 2 : 0;
    else if (grp.cue === 'city') c.prior += level === 'city' ? CUE_BONUS : -CUE_BONUS;
  }
  if (grp.qualifiers.size) {
    const containers = [...grp.qualifiers].flatMap((q) => g.find(q).filter((e) => e.match !== Match.Demonym).map((e) => e.row));
    const inside = (row: number): boolean => {
      const r = g.row(row);
      return containers.some((k) => {
        const c = g.row(k);
        const level = g.level(k);
        return (level === 'country' && r.country === c.country) || (level === 'admin1' && r.country === c.country && r.admin1 === c.admin1);
      });
    };
    if (cands.some((c) => inside(c.row))) for (const c of cands) if (inside(c.row)) c.prior += QUALIFIER_BONUS;
  }
  return cands.sort((a, b) => b.prior - a.prior).slice(0, MAX_CANDIDATES);
}

function prior(g: Gazetteer, row: number, match: Match): number {
  const r = g.row(row);
  const level = g.level(row);
  return (
    Math.log1p(r.population) +
    LEVEL_BONUS[level] +
    (CODE_BONUS[r.code] ?? 0) -
    (match === Match.Alternate ? ALTERNATE_PENALTY : 0)
  );
}

/** Weight of each country and subdivision ("US", "US.TX") in the document, per group, so a group's own can be left out. */
interface Votes {
  total: Map<string, number>;
  own: Map<Group, Map<string, number>>;
  mentions: number;
  /** Rows chosen for the groups, for nearness. */
  picks: Map<Group, number>;
}

function addVote(m: Map<string, number>, k: string, w: number): void {
  m.set(k, (m.get(k) ?? 0) + w);
}

function regionsOf(g: Gazetteer, row: number): string[] {
  const r = g.row(row);
  if (!r.country) return [];
  return r.admin1 ? [r.country, `${r.country}.${r.admin1}`] : [r.country];
}

/** Votes spread over each group's candidates by their priors. */
function softVotes(g: Gazetteer, groups: Group[], opts: ResolveOptions): Votes {
  const v: Votes = { total: new Map(), own: new Map(), mentions: 0, picks: new Map() };
  for (const grp of groups) {
    const own = new Map<string, number>();
    const top = grp.cands[0].prior;
    const weights = grp.cands.map((c) => Math.exp(c.prior - top));
    const z = weights.reduce((a, b) => a + b, 0);
    grp.cands.forEach((c, i) => {
      for (const k of regionsOf(g, c.row)) addVote(own, k, (grp.mentions.length * weights[i]) / z);
    });
    v.own.set(grp, own);
    for (const [k, w] of own) addVote(v.total, k, w);
    v.mentions += grp.mentions.length;
  }
  if (opts.focusCountry) addFocus(v, opts.focusCountry);
  return v;
}

/** Votes of the current choices. */
function pickVotes(g: Gazetteer, groups: Group[], opts: ResolveOptions): Votes {
  const v: Votes = { total: new Map(), own: new Map(), mentions: 0, picks: new Map() };
  for (const grp of groups) {
    const own = new Map<string, number>();
    for (const k of regionsOf(g, grp.pick!.row)) addVote(own, k, grp.mentions.length);
    v.own.set(grp, own);
    for (const [k, w] of own) addVote(v.total, k, w);
    v.mentions += grp.mentions.length;
    v.picks.set(grp, grp.pick!.row);
  }
  if (opts.focusCountry) addFocus(v, opts.focusCountry);
  return v;
}

function addFocus(v: Votes, cc: string): void {
  const w = Math.max(2, v.mentions / 4);
  addVote(v.total, cc.toUpperCase(), w);
  v.mentions += w;
}

function choose(g: Gazetteer, groups: Group[], votes: Votes, near: boolean): void {
  for (const grp of groups) {
    const own = votes.own.get(grp)!;
    const others = votes.mentions - grp.mentions.length;
    const share = (k: string): number => (others > 0 ? ((votes.total.get(k) ?? 0) - (own.get(k) ?? 0)) / others : 0);
    const elsewhere = near ? [...votes.picks].filter(([o]) => o !== grp && o.key !== grp.key).map(([, row]) => row) : [];
    // Names listed in the same sentence are places of one kind: "New Jersey and New York" are states.
    const siblings = near ? [...votes.picks].filter(([o]) => o !== grp && [...o.contexts].some((c) => grp.contexts.has(c))).map(([, row]) => g.level(row)) : [];
    const amongSubdivisions = siblings.length > 0 && siblings.filter((l) => l === 'admin1').length * 2 >= siblings.length;
    for (const c of grp.cands) {
      const r = g.row(c.row);
      let s = c.prior;
      if (r.country) {
        s += COUNTRY_WEIGHT * share(r.country);
        if (r.admin1) s += ADMIN1_WEIGHT * share(`${r.country}.${r.admin1}`);
      }
      if (near) {
        // Named containers: the candidate's country or subdivision chosen for another name.
        if (elsewhere.some((o) => containerOf(g, o, c.row))) s += CONTAINER_BONUS;
        const d = nearest(g, c.row, elsewhere);
        if (d !== undefined) s -= SPREAD_WEIGHT * Math.log1p(d / 100);
      }
      if (c.namesake && amongSubdivisions) s += NAMESAKE_PENALTY;
      if (grp.partial) s -= 1;
      c.score = s;
    }
    grp.pick = grp.cands.reduce((a, b) => (b.score > a.score ? b : a));
  }
}

function supported(g: Gazetteer, row: number, others: number[]): boolean {
  const r = g.row(row);
  return others.some((o) => {
    const level = g.level(o);
    if (level === 'admin1') return containerOf(g, o, row);
    return level !== 'country' && level !== 'other' && distanceKm(g.row(o).lat, g.row(o).lon, r.lat, r.lon) < 300;
  });
}

/** Whether place `outer` is the country or subdivision containing place `inner`. */
function containerOf(g: Gazetteer, outer: number, inner: number): boolean {
  if (outer === inner) return false;
  const o = g.row(outer);
  const i = g.row(inner);
  const level = g.level(outer);
  if (level === 'country') return o.country === i.country;
  if (level === 'admin1') return o.country === i.country && o.admin1 === i.admin1 && g.level(inner) !== 'country';
  return false;
}

/**
 * Distance in km from a candidate to the nearest of the other choices below
 * country level; 0 when one lies inside it. Undefined when there are none.
 */
function nearest(g: Gazetteer, row: number, others: number[]): number | undefined {
  let best: number | undefined;
  const r = g.row(row);
  const level = g.level(row);
  for (const o of others) {
    const lo = g.level(o);
    if (lo === 'country' || lo === 'other') continue;
    const ro = g.row(o);
    if ((level === 'country' && ro.country === r.country) || (level === 'admin1' && ro.country === r.country && ro.admin1 === r.admin1)) return 0;
    const d = distanceKm(r.lat, r.lon, ro.lat, ro.lon);
    if (best === undefined || d < best) best = d;
  }
  return best;
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
