// Cross-document event coreference: the same capture reported by five
// outlets is one event with five mentions.
//
// Mentions are compared on what they say about the event, never on wording:
// the type (or, for triggers outside the lexicon, the lemma), the place, the
// day (a day is compatible with its month and year), and the participants
// (entity names of actor and target, "Reid" matching "Tara Reid"). A mention
// joins the compatible cluster it agrees with most, and clusters never span
// stories when `storyOf` is given; without stories a mention must share a
// place, a day or a participant with a cluster to join it, so same-type
// events of unrelated stories stay apart.
//
// What one mention leaves out is no conflict: an undated report joins a
// dated event when everything else agrees (unless it was published before
// the event). What both state must agree: two different days, two named
// actors or targets, or two towns (neither a country or region, and no
// document naming both, as "Richmond Hill, Queens" does) make two events.
// These conflicts apply to lexicon types, whose roles are known; a trigger
// outside the lexicon links by lemma, its arguments counting only as
// agreement. Reports of a fact (asserted or denied) join plans, threats and
// demands about the same event only on further evidence. A running total
// ("41 killed since the fighting began") is not one incident's toll: the two
// never link.
import { createHash } from 'node:crypto';
import { entityKey } from '../extract/entities.js';
import type { EventType } from './lexicon.js';
import type { EventMention, EventSpan, Modality } from './extract.js';

export interface LinkInput {
  doc: string;
  /** ISO date the document was published. */
  published?: string;
  event: EventMention;
}

export interface EventCluster {
  /** Stable: a hash of the member mentions. */
  id: string;
  type: EventType;
  cameo?: string;
  cameoCode?: string;
  /** The lemma, for 'other' events. */
  lemma?: string;
  actor?: string;
  target?: string;
  place?: string;
  /** The most precise time value the mentions agree on. */
  time?: string;
  mentions: { doc: string; sentence: number; start: number; end: number; text: string }[];
  documents: string[];
}

export interface LinkOptions {
  /** The story a document belongs to: events are linked within a story only. */
  storyOf?: (doc: string) => string | undefined;
  /**
   * Evidence a mention needs to join a cluster (place 3, day 2, actor 2,
   * target 2, same lemma 1). Default 0 within stories, 2 without.
   */
  minScore?: number;
}

/** Types that report one happening from two sides ("air strikes" and "bombing" of one raid). */
const COMPATIBLE: Partial<Record<EventType, EventType[]>> = {
  attack: ['bombing'],
  bombing: ['attack'],
  agree: ['ceasefire'],
  ceasefire: ['agree'],
};

const FACTUAL: Modality[] = ['asserted', 'denied'];

interface Item {
  at: number;
  doc: string;
  published?: string;
  ev: EventMention;
  story: string;
  /** The event's own place (entity key or name key). */
  place?: string;
  /** Every place its sentence names. */
  places: Set<string>;
  /** Every place named in the sentences of its document's events. */
  docPlaces: Set<string>;
  day?: string;
  actor?: string;
  target?: string;
  factual: boolean;
}

interface Cluster {
  items: Item[];
  type: EventType;
  lemma: string;
  factual: boolean;
  cumulative: boolean;
  /** Own places of the members. */
  place: Set<string>;
  places: Set<string>;
  docPlaces: Set<string>;
  /** Most precise day-or-coarser value stated. */
  day?: string;
  actors: Set<string>;
  targets: Set<string>;
}

/** Events of several documents grouped into clusters of mentions of one event. */
export function linkEvents(mentions: LinkInput[], opts: LinkOptions = {}): EventCluster[] {
  const minScore = opts.minScore ?? (opts.storyOf ? 0 : 2);
  const docPlaces = new Map<string, Set<string>>();
  for (const m of mentions) {
    const set = docPlaces.get(m.doc) ?? new Set<string>();
    docPlaces.set(m.doc, set);
    for (const p of placesOf(m.event)) set.add(p);
  }
  const items: Item[] = mentions.map((m, at) => ({
    at,
    doc: m.doc,
    published: m.published,
    ev: m.event,
    story: opts.storyOf?.(m.doc) ?? '',
    place: m.event.placeEntity ?? (m.event.placeName ? entityKey(m.event.placeName) : undefined),
    places: placesOf(m.event),
    docPlaces: docPlaces.get(m.doc)!,
    day: dayOf(m.event.timeValue),
    actor: participant(m.event.actorEntity, m.event.actorName),
    target: participant(m.event.targetEntity, m.event.targetName),
    factual: FACTUAL.includes(m.event.modality),
  }));
  // Mentions that say most go first, so sparse ones join an event already described.
  const order = [...items].sort((a, b) => richness(b) - richness(a) || a.at - b.at);
  const byStory = new Map<string, Cluster[]>();
  for (const it of order) {
    const clusters = byStory.get(it.story) ?? [];
    byStory.set(it.story, clusters);
    let best: Cluster | undefined;
    let bestScore = -1;
    for (const c of clusters) {
      const s = score(c, it);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (best && bestScore >= minScore) add(best, it);
    else clusters.push(add(newCluster(it), it));
  }
  const out: EventCluster[] = [];
  for (const clusters of byStory.values()) for (const c of clusters) out.push(summarize(c));
  out.sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  return out;
}

function richness(it: Item): number {
  return (it.places.size ? 3 : 0) + (it.day ? 2 : 0) + (it.actor ? 2 : 0) + (it.target ? 2 : 0);
}

function participant(key: string | undefined, name: string | undefined): string | undefined {
  if (key) return key;
  return name ? entityKey(name) : undefined;
}

function placesOf(ev: EventMention): Set<string> {
  const out = new Set<string>();
  if (ev.placeEntity) out.add(ev.placeEntity);
  else if (ev.placeName) out.add(entityKey(ev.placeName));
  for (const p of ev.places ?? []) out.add(p);
  return out;
}

/** The date part of a resolved time value: "2021-08-12", "2021-08", "2021"; nothing for durations, sets or unresolved values. */
export function dayOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  if (/^\d{4}-(W|Q|H|SU|SP|FA|WI)/.test(value)) return m[1];
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : m[2] ? `${m[1]}-${m[2]}` : m[1];
}

const compatibleDays = (a: string, b: string): boolean => a.startsWith(b) || b.startsWith(a);

function typesMatch(c: Cluster, it: Item): boolean {
  if (c.type === 'other' || it.ev.type === 'other') return c.type === it.ev.type && c.lemma === it.ev.lemma;
  return c.type === it.ev.type || (COMPATIBLE[c.type] ?? []).includes(it.ev.type);
}

/** Agreement of a mention with a cluster; -1 when they conflict. */
function score(c: Cluster, it: Item): number {
  if (!typesMatch(c, it) || c.cumulative !== !!it.ev.cumulative) return -1;
  const roles = it.ev.type !== 'other';
  let s = c.lemma === it.ev.lemma ? 1 : 0;
  if (c.factual !== it.factual) s -= 2;
  if (it.place && c.place.size) {
    if (matchesAny(it.place, c.place) || c.places.has(it.place) || [...c.place].some((p) => it.places.has(p))) s += 3;
    else if (roles && !isBroad(it.place) && ![...c.place].every(isBroad) && !c.docPlaces.has(it.place) && ![...c.place].some((p) => it.docPlaces.has(p))) return -1;
  } else if (c.places.size && it.places.size && intersects(c.places, it.places)) s += 2;
  if (c.day && it.day) {
    if (compatibleDays(c.day, it.day)) s += 2;
    else if (c.day.length === 10 && it.day.length === 10) return -1;
  } else if (c.day && !it.day && it.published && c.day.length === 10 && it.published.slice(0, 10) < c.day) {
    return -1;
  }
  for (const [who, own, other] of [
    [it.actor, c.actors, c.targets],
    [it.target, c.targets, c.actors],
  ] as const) {
    if (!who || !own.size) continue;
    if (matchesAny(who, own) || matchesAny(who, other)) s += 2;
    else if (roles && !matchesAny(who, c.place)) return -1;
  }
  return s;
}

let broad: Set<string> | undefined;
/** Countries and world regions (by their English names, from the ICU data Node ships): places that contain others. */
function isBroad(key: string): boolean {
  if (!broad) {
    broad = new Set(['us', 'usa', 'america', 'uk', 'britain', 'great britain', 'middle east', 'west', 'gulf']);
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    const codes: string[] = [];
    for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) codes.push(String.fromCharCode(a, b));
    for (let n = 1; n < 1000; n++) codes.push(String(n).padStart(3, '0'));
    for (const code of codes) {
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      for (const variant of name.split(/\s*[()]\s*/)) if (variant) broad.add(entityKey(variant.replace(/&/g, 'and')));
    }
  }
  return broad.has(key);
}

/** Whether a name key matches one of a set: equal, or all the words of one are words of the other ("reid", "tara reid"). */
function matchesAny(k: string, set: Set<string>): boolean {
  if (set.has(k)) return true;
  const words = k.split(' ');
  for (const o of set) {
    const ow = o.split(' ');
    if (words.every((w) => ow.includes(w)) || ow.every((w) => words.includes(w))) return true;
  }
  return false;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function newCluster(it: Item): Cluster {
  return { items: [], type: it.ev.type, lemma: it.ev.lemma, factual: it.factual, cumulative: !!it.ev.cumulative, place: new Set(), places: new Set(), docPlaces: new Set(), actors: new Set(), targets: new Set() };
}

function add(c: Cluster, it: Item): Cluster {
  c.items.push(it);
  for (const p of it.places) c.places.add(p);
  if (it.place) c.place.add(it.place);
  for (const p of it.docPlaces) c.docPlaces.add(p);
  if (it.day && (!c.day || it.day.length > c.day.length)) c.day = it.day;
  if (it.actor) c.actors.add(it.actor);
  if (it.target) c.targets.add(it.target);
  return c;
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const n = new Map<string, number>();
  let best: string | undefined;
  for (const v of values) {
    if (!v) continue;
    const k = (n.get(v) ?? 0) + 1;
    n.set(v, k);
    if (!best || k > n.get(best)!) best = v;
  }
  return best;
}

function summarize(c: Cluster): EventCluster {
  const items = [...c.items].sort((a, b) => a.at - b.at);
  const evs = items.map((i) => i.ev);
  const type = mostCommon(evs.map((e) => e.type)) as EventType;
  const first = evs.find((e) => e.type === type)!;
  const mentions = items.map((i) => ({ doc: i.doc, sentence: i.ev.sentence, start: i.ev.trigger.start, end: i.ev.trigger.end, text: i.ev.trigger.text }));
  const id = createHash('sha1')
    .update(mentions.map((m) => `${m.doc}:${m.start}`).sort().join('|'))
    .digest('hex')
    .slice(0, 12);
  const out: EventCluster = { id, type, mentions, documents: [...new Set(items.map((i) => i.doc))] };
  if (first.cameo) {
    out.cameo = first.cameo;
    out.cameoCode = mostCommon(evs.filter((e) => e.type === type).map((e) => e.cameoCode));
  }
  if (type === 'other') out.lemma = c.lemma;
  const name = (e: EventMention, role: 'actor' | 'target'): string | undefined => (role === 'actor' ? (e.actorName ?? text(e.actor)) : (e.targetName ?? text(e.target)));
  const actor = mostCommon(evs.map((e) => name(e, 'actor')));
  const target = mostCommon(evs.map((e) => name(e, 'target')));
  const place = mostCommon(evs.map((e) => e.placeName));
  if (actor) out.actor = actor;
  if (target) out.target = target;
  if (place) out.place = place;
  if (c.day) out.time = c.day;
  return out;
}

const text = (s: EventSpan | undefined): string | undefined => s?.text.replace(/^(the|a|an)\s+/i, '');
