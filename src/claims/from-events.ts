// What reports of events assert, as claims to reconcile: who did it (the
// actor of a capture, an attack), how many (the toll of one event), and what
// became of a person (detained, released, killed). Statements that are not
// facts (threatened, planned, possible) assert nothing.
import type { EventReport } from '../events/collect.js';
import type { EventMention } from '../events/extract.js';
import type { Assertion } from './reconcile.js';

/** Event types whose actor is worth a claim: who took the city, who struck. */
const ACTOR_TYPES = new Set(['capture', 'attack', 'bombing', 'kill', 'abduct', 'arrest', 'release']);
/** Event types whose count is worth a claim, with the slot name. */
const COUNT_SLOTS: Record<string, string> = { kill: 'count:killed', injure: 'count:injured', abduct: 'count:abducted', arrest: 'count:arrested', release: 'count:released', flee: 'count:displaced' };
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

/** The corpus entity named inside a span of a document, if any. */
export type EntityIn = (doc: string, start: number, end: number) => { id: string; name: string; type: string } | undefined;

export function assertionsFromEvents(reports: EventReport[], entityIn: EntityIn): Assertion[] {
  const out: Assertion[] = [];
  for (const r of reports) {
    const f = r.frame;
    if (f.modality !== 'asserted' && f.modality !== 'denied') continue;
    const negated = f.negated || f.modality === 'denied';
    // When it happened decides evolution: the event's own day, else the report's.
    const date = /^\d{4}-\d{2}(-\d{2})?/.exec(f.timeValue ?? '')?.[0] ?? r.published?.slice(0, 10);
    const base = { doc: r.doc, start: f.trigger.start, end: f.trigger.end, text: r.sentenceText, ...(date ? { date } : {}), ...(f.hedged ? { hedged: true } : {}), ...(negated ? { negated: true } : {}) };
    const named = (span: EventMention['actor']) => (span ? entityIn(r.doc, span.start, span.end) : undefined);
    const actor = named(f.actor);
    const target = named(f.target) ?? named(f.place);
    // Who did it, when both sides are named: "rebels" and "insurgents" may be
    // the same people, and an unnamed actor contradicts no one.
    if (ACTOR_TYPES.has(f.type) && actor && target && actor.id !== target.id) {
      out.push({ ...base, subject: `${f.type}|${target.id}`, slot: 'actor', value: actor.id, statement: `${label(f.type)} of ${target.name}: ${actor.name}` });
    }
    const what = target?.name ?? f.targetName ?? f.placeName;
    const countSlot = COUNT_SLOTS[f.type];
    if (countSlot && typeof f.quantityValue === 'number' && !negated) {
      // The toll of one event: its reports were linked into one event.
      out.push({ ...base, subject: `event|${r.event}`, slot: countSlot, value: f.quantityValue, ...approxOf(f), statement: `${countSlot.slice(6)}${what ? ` (${what})` : ''}: ${f.quantityValue}` });
    }
    const status = STATUS_OF[f.type];
    if (status) {
      // A person's status: named people only, not "dozens of civilians".
      const who = named(status[0] === 'target' ? f.target : f.actor);
      if (who?.type === 'person') out.push({ ...base, subject: `person|${who.id}`, slot: 'status', value: status[1], statement: `${who.name}: ${status[1]}` });
    }
  }
  return out;
}

/** How the count is qualified, from the words of the quantity mention ("at least 26"). */
function approxOf(f: EventMention): { approx?: string } {
  const q = f.quantity?.text.toLowerCase() ?? '';
  const m = /^(at least|more than|over|about|around|nearly|almost|up to|some|roughly)\b/.exec(q);
  if (!m) return {};
  const word = m[1];
  const approx = word === 'over' ? 'more than' : word === 'around' || word === 'some' || word === 'roughly' ? 'about' : word === 'almost' ? 'nearly' : word;
  return { approx };
}

function label(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}
