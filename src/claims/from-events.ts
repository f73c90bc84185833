// What reports of events assert, as claims to reconcile: who did it (the
// actor of a capture, an attack), how many (the toll of one incident, a
// running total, the people still held or missing), and what became of a
// person (detained, released, killed, fled, still held, missing). Statements that are not
// facts (threatened, planned, possible) assert nothing.
//
// What a count is about decides what it may disagree with: one incident's
// toll is compared with other reports of that incident (the event the
// linker made of them), a running total ("since the fighting began") with
// the story's other totals of the same kind of victim, a count of people
// still held with the story's other such counts. Counts are dated by the
// report (a toll is as of the day it is told); statuses by the day they
// began, when the sentence says it ("detained on Tuesday").
import type { EventReport } from '../events/collect.js';
import type { EntityIn } from '../extract/collect.js';
import type { EventMention, EventSpan } from '../events/extract.js';
import type { Assertion } from './reconcile.js';

/** Event types whose actor is worth a claim: who took the city, who struck. */
const ACTOR_TYPES = new Set(['capture', 'attack', 'bombing', 'kill', 'abduct', 'arrest', 'release']);
const PLACE_TARGETS = new Set(['capture', 'attack', 'bombing']);
/** Event types whose count is worth a claim: the slot, and the verb that reads it. */
const COUNT_SLOTS: Record<string, [slot: string, verb: string]> = {
  kill: ['count:killed', 'killed'],
  injure: ['count:injured', 'injured'],
  abduct: ['count:abducted', 'abducted'],
  arrest: ['count:arrested', 'arrested'],
  release: ['count:released', 'released'],
  flee: ['count:displaced', 'displaced'],
};
/** What an event says about its target's status (the actor's, for flight and surrender). */
const STATUS_OF: Record<string, [who: 'target' | 'actor', status: string]> = {
  arrest: ['target', 'detained'],
  abduct: ['target', 'kidnapped'],
  release: ['target', 'released'],
  kill: ['target', 'killed'],
  injure: ['target', 'injured'],
  flee: ['actor', 'fled'],
  surrender: ['actor', 'surrendered'],
  resign: ['actor', 'resigned'],
};
/** Counted nouns that name no particular kind of person: any count of victims or captives may be compared with them. */
const GENERIC = new Set(['people', 'person', 'hostage', 'captive', 'prisoner', 'detainee', 'abductee', 'victim', 'other', 'individual']);
/** Places that are someone's own: detained there, he was at home. */
const HOME = /^(home|homes|house|residence|office|offices|compound|palace|apartment|flat|villa|farm)$/i;


export function assertionsFromEvents(reports: EventReport[], entityIn: EntityIn): Assertion[] {
  const out: Assertion[] = [];
  for (const r of reports) {
    const f = r.frame;
    if (f.modality !== 'asserted' && f.modality !== 'denied') continue;
    const negated = f.negated || f.modality === 'denied';
    const published = r.published?.slice(0, 10);
    // When it happened: the event's own day (or month), else the report's.
    const happened = /^\d{4}-\d{2}(-\d{2})?/.exec(f.timeValue ?? '')?.[0] ?? published;
    const base = { doc: r.doc, start: f.trigger.start, end: f.trigger.end, text: r.sentenceText, ...(f.hedged ? { hedged: true } : {}) };
    const named = (span: EventSpan | undefined) => (span ? entityIn(r.doc, span.start, span.end) : undefined);
    // A toll or an author contests another report of its event only when its
    // own sentence dates the event to a day: undated figures in a story are
    // as often background ("the Paris attacks that killed 130") as news.
    const loose = /^\d{4}-\d{2}-\d{2}/.test(f.timeValue ?? '') || r.sentenceDay ? {} : { loose: true };
    const actor = named(f.actor);
    // A capture or an attack may name only the place it struck.
    const target = named(f.target) ?? (PLACE_TARGETS.has(f.type) ? named(f.place) : undefined);
    // Who did it, when both sides are named: "rebels" and "insurgents" may be
    // the same people, and an unnamed actor contradicts no one. Only reports
    // of one linked event are compared: two attacks on one country months
    // apart may well have different authors.
    if (!f.state && r.event && ACTOR_TYPES.has(f.type) && actor && target && actor.id !== target.id) {
      out.push({ ...base, ...loose, ...dated(happened), ...(negated ? { negated } : {}), subject: `${f.type}|${r.event}|${target.id}`, slot: 'actor', value: actor.id, statement: `${label(f.type)} of ${target.name}: ${actor.name}` });
    }
    const count = countOf(r, negated);
    // Running totals and counts of people held are the story's, not one incident's: always comparable.
    if (count) out.push({ ...base, ...(count.subject.startsWith('event|') ? loose : {}), ...dated(published), ...count });
    // Flight is a person's when the person fled; an evacuation ordered or lifted is not one.
    const status = f.state ? (['target', f.type === 'missing' ? 'missing' : 'held'] as const) : f.type === 'flee' && f.lemma !== 'flee' ? undefined : STATUS_OF[f.type];
    if (status) {
      // A person's status: named people only, not "dozens of civilians".
      const spans = status[0] === 'target' ? [f.target, ...(f.members ?? [])] : [f.actor];
      const people = new Map<string, string>();
      for (const span of spans) {
        const who = named(span);
        // The person must be what the phrase is about, its head: not "several
        // Trump associates", not "a Mueller report".
        if (!span || !who || who.modifier || !/^[\s,.;:)'’s]*$/.test(span.text.slice(who.end - span.start))) continue;
        // One person however outlets spell the name ("Lucía", "Lucia").
        if (who?.type === 'person') people.set(fold(who.name), who.name);
      }
      const where = whereOf(f);
      const value = status[1];
      const place = f.placeName && f.placePrep && f.type === 'flee' ? ` ${f.placePrep} ${f.placeName}` : where.home && f.site ? ` at ${f.site.text}` : '';
      for (const [id, name] of people) {
        out.push({
          ...base,
          ...dated(f.state ? published : happened),
          ...(negated ? { negated } : {}),
          ...(Object.keys(where).length ? { where } : {}),
          // Within a story: an article recalling a detention years ago is
          // not news about the person today.
          subject: `person|${r.story ?? r.doc}|${id}`,
          slot: 'status',
          value,
          statement: `${name}: ${negated ? 'not ' : ''}${value === 'held' ? 'still held' : value}${place}`,
        });
      }
    }
  }
  return mergeClasses(out);
}

const fold = (name: string): string => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const dated = (date: string | undefined): { date?: string } => (date ? { date } : {});

/** The count a report gives, with what it counts: one incident's toll, a running total, the people still held. */
function countOf(r: EventReport, negated: boolean): Omit<Assertion, 'doc' | 'start' | 'end' | 'text'> | undefined {
  const f = r.frame;
  const held = f.type === 'missing' ? 'missing' : 'held';
  const slot = f.state ? (held === 'missing' ? (['count:missing', 'missing'] as const) : (['count:held', 'still held'] as const)) : COUNT_SLOTS[f.type];
  if (!slot) return undefined;
  let n = f.quantityValue;
  // "no hostages remain in the group's hands"
  if (f.state && n === undefined && negated && /^(no|none)\b/i.test(f.target?.text ?? '')) n = 0;
  else if (negated) return undefined;
  if (typeof n !== 'number') return undefined;
  const story = r.story ?? r.doc;
  const noun = nounOf(f);
  const kind = GENERIC.has(noun) ? 'any' : noun;
  let subject: string;
  if (f.state) subject = `${held}|${story}|${kind}`;
  else if (f.cumulative) subject = `total|${story}|${f.type}|${kind}`;
  else if (r.event) subject = `event|${r.event}`;
  else return undefined;
  const what = f.quantity?.text ?? f.target?.text ?? String(n);
  return {
    subject,
    slot: slot[0],
    value: n,
    ...approxOf(f),
    ...(f.quantityHigh !== undefined && f.quantityValue === n ? { high: f.quantityHigh } : {}),
    ...(f.state ? { trend: 'any' as const } : {}),
    statement: `${what} ${f.lemma === 'evacuate' ? 'evacuated' : slot[1]}${f.cumulative ? ' in all' : ''}${f.placeName && !f.state ? ` (${f.placeName})` : ''}`,
  };
}

/** The kind of person counted: the quantity's counted noun, else the target's head. */
function nounOf(f: EventMention): string {
  const words = (f.counted ?? f.target?.text ?? '').toLowerCase().split(/\s+/);
  const w = words[words.length - 1] ?? '';
  return /^[a-z]/.test(w) ? w.replace(/(?<=[a-z]{3})s$/, '') : 'people';
}

/**
 * Counts of one story's running totals or of its people held are kept
 * apart by who is counted ("journalists" and "protesters" held are two
 * numbers), but a count of one kind of person is compared with counts of
 * anyone ("hostages", "people") when it is the only kind the story counts.
 */
function mergeClasses(list: Assertion[]): Assertion[] {
  const kinds = new Map<string, Set<string>>();
  const split = (s: string): [string, string] | undefined => {
    if (!/^(held|missing|total)\|/.test(s)) return undefined;
    const at = s.lastIndexOf('|');
    return [s.slice(0, at), s.slice(at + 1)];
  };
  for (const a of list) {
    const p = split(a.subject);
    if (p && p[1] !== 'any') kinds.set(p[0], (kinds.get(p[0]) ?? new Set()).add(p[1]));
  }
  return list.map((a) => {
    const p = split(a.subject);
    if (!p || (kinds.get(p[0])?.size ?? 0) > 1) return a;
    return { ...a, subject: p[0] };
  });
}

/** Where a status held: a home or office, or a named place with its preposition. */
function whereOf(f: EventMention): NonNullable<Assertion['where']> {
  const head = f.site?.text.split(/\s+/).pop() ?? '';
  return {
    ...(f.placeName ? { place: f.placeName.toLowerCase() } : {}),
    ...(f.placePrep ? { prep: f.placePrep } : {}),
    ...(HOME.test(head) ? { home: true } : {}),
  };
}

/** How the count is qualified, from the words of the quantity mention ("at least 26"). */
function approxOf(f: EventMention): { approx?: string } {
  const q = f.quantity?.text.toLowerCase() ?? '';
  const m = /^(at least|no fewer than|more than|over|about|around|nearly|almost|up to|some|roughly|several|dozens|hundreds|thousands)\b/.exec(q);
  if (!m) return {};
  const word = m[1];
  const approx =
    word === 'over' ? 'more than' : word === 'no fewer than' ? 'at least' : word === 'around' || word === 'some' || word === 'roughly' ? 'about' : word === 'almost' ? 'nearly' : /^(several|dozens|hundreds|thousands)$/.test(word) ? 'vague' : word;
  return { approx };
}

function label(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
