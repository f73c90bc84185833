// Name lookups for the entity extractor: the generated name list
// (data/entity-names.txt.gz, see scripts/build-entity-names.ts) under the
// hand-written aliases and given names of ./names.ts. The list is loaded once,
// on first use, and binary-searched in place (~15 ms to load, where building
// a map of its 129k names takes 250).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { findLine, lineStarts } from '../util/sorted-lines.js';
import { PACKAGE_ROOT } from '../version.js';
import { ALIASES, GIVEN_NAMES, type AliasType } from './names.js';

/** Flags of a name, as bits. */
export const PLACE = 1;
/** A place named like a common word ("Mobile", "Nice"): a weak cue. */
export const WEAK_PLACE = 2;
export const ORG = 4;
export const GROUP = 8;
/** A person's full name ("Abraham Lincoln"). */
export const PERSON = 16;
export const GIVEN = 32;
/** A word WordNet lists in lower case. */
export const COMMON = 64;
/** A name of ./names.ts ALIASES: its type is certain. */
export const CURATED = 128;

const LETTERS: Record<string, number> = { P: PLACE, A: WEAK_PLACE, O: ORG, G: GROUP, H: PERSON, F: GIVEN, C: COMMON };
const TYPE_FLAG: Record<AliasType, number> = { place: PLACE, organization: ORG, group: GROUP, person: PERSON };

export interface NameInfo {
  flags: number;
  /** The name the entity is reported under, when it is not this one. */
  canonical?: string;
}

/** Lookup key of a name: lower case, no periods, straight apostrophes, single spaces, no leading "the". */
export function nameKey(name: string): string {
  const k = name.toLowerCase();
  // Most names need nothing more: look before building new strings.
  let plain = !k.startsWith('the ');
  for (let i = 0; plain && i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (c === 46 || c === 0x2018 || c === 0x2019 || (c <= 32 && (c !== 32 || i === 0 || i === k.length - 1 || k.charCodeAt(i - 1) === 32)) || c === 0xa0) plain = false;
  }
  if (plain) return k;
  return k
    .replace(/\./g, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

interface List {
  text: string;
  lineStarts: Int32Array;
  /** Curated names and given names, over the list's own entries. */
  overlay: Map<string, NameInfo>;
}

let list: List | undefined;

function load(): List {
  if (list) return list;
  const file = join(PACKAGE_ROOT, 'data', 'entity-names.txt.gz');
  if (!existsSync(file)) throw new Error(`${file} not found; run scripts/build-entity-names.ts`);
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  // The first line is a comment.
  list = { text, lineStarts: lineStarts(text, text.indexOf('\n') + 1, text.length), overlay: new Map() };
  const overlay = new Map<string, NameInfo>();
  for (const g of GIVEN_NAMES) {
    const key = nameKey(g);
    const e = overlay.get(key) ?? { ...(fromList(list, key) ?? { flags: 0 }) };
    e.flags |= GIVEN;
    overlay.set(key, e);
  }
  // Curated names decide their own type, whatever the generated list says.
  for (const [type, canonical, others] of ALIASES) {
    for (const n of [canonical, ...others]) {
      const key = nameKey(n);
      const had = overlay.get(key) ?? fromList(list, key);
      overlay.set(key, {
        flags: TYPE_FLAG[type] | CURATED | ((had?.flags ?? 0) & (COMMON | GIVEN)),
        canonical: key === nameKey(canonical) ? undefined : canonical,
      });
    }
  }
  list.overlay = overlay;
  return list;
}

function fromList(l: List, key: string): NameInfo | undefined {
  const { text } = l;
  const line = findLine(text, l.lineStarts, key);
  if (!line) return undefined;
  let flags = 0;
  let i = line.tab + 1;
  for (; i < line.end && text[i] !== '\t'; i++) flags |= LETTERS[text[i]];
  return i < line.end ? { flags, canonical: text.slice(i + 1, line.end) } : { flags };
}

// Names recur across articles: remembered lookups spare most binary searches.
const cache = new Map<string, NameInfo | null>();
const CACHE_SIZE = 50_000;

/** What the name list knows about a name key (see `nameKey`), or undefined. */
export function lookupKey(key: string): NameInfo | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const l = load();
  const info = l.overlay.get(key) ?? fromList(l, key);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, info ?? null);
  return info;
}

/** The same for a name in any case. */
export function lookupName(name: string): NameInfo | undefined {
  return lookupKey(nameKey(name));
}
