// Claim reconciliation: assertions about the same thing (who took a city, how
// many died in an attack, whether a governor is detained or free) grouped
// across documents; support counted in independence groups, never in
// documents; status corroborated (two or more independent groups), single
// source, or contested (incompatible values).
//
// A value that changes with time — a death toll rising over days, a
// detainee later released — is evolution, not contradiction: the dates
// decide. Two values conflict when independent sources state them on the
// same day, or when one follows the other in an order the world does not
// allow (a toll falling, the dead alive again, a man who fled the city
// arrested at home there). A document stating both values itself speaks of
// two things, not of a disagreement. The conflicting statements make the
// contested claim; the rest of the subject's history stays a claim of its
// own (held hostages: 11, then 0, with a disputed 4 vs 2 in between).

import { shortHash } from '../text/normalize.js';
import { transition, statusesConflict } from './status.js';
import { pushTo } from '../util/maps.js';

/** One document's statement of one value for one slot of one subject. */
export interface Assertion {
  /** What the statement is about, normalized: "event|e12ab", "person|christian mukalay". */
  subject: string;
  /** Which property: "actor", "count:killed", "status", "measure:radius". */
  slot: string;
  /** Normalized value: an entity key, a status word, a number, or a measure as written ("1 mile"). */
  value: string | number;
  /** A measure's magnitude in normalized units, compared instead of the value. */
  amount?: number;
  /** Counts: how the number is qualified ("at least", "about", "more than", "up to"). */
  approx?: string;
  /** Counts given as a range or a plural quantifier ("hundreds of thousands"): the top; the value is the low end. */
  high?: number;
  /** How a number may change over time: a toll only rises ('up', the default); a count of people held, a radius, either way ('any'). */
  trend?: 'up' | 'any';
  /** Statuses: where the status held; a home or office ("detained at his residence"), or a place and its preposition ("fled to Lubumbashi"). */
  where?: { place?: string; prep?: string; home?: boolean };
  /** A readable statement of the claim with this value, for the report. */
  statement: string;
  doc: string;
  start: number;
  end: number;
  text: string;
  /** When the statement was made (publication date) or holds (event date): ISO. */
  date?: string;
  /** The statement denies the value ("did not capture"). */
  negated?: boolean;
  hedged?: boolean;
  /**
   * Tied to its subject only loosely: an event toll or author whose sentence
   * does not date the event, so it may be a background figure about another
   * incident the linker merged ("the 2012 massacre of 20 first-graders" in a
   * story on a new shooting). It corroborates an equal value; it contests none.
   */
  loose?: boolean;
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'contested';

export interface ClaimValue {
  value: string | number;
  statement: string;
  /** Independence groups asserting it: copies of one report count once. */
  support: number;
  documents: string[];
  mentions: { doc: string; start: number; end: number; text: string; negated?: boolean; hedged?: boolean }[];
  firstDate?: string;
  lastDate?: string;
}

export interface Claim {
  id: string;
  subject: string;
  slot: string;
  status: ClaimStatus;
  /** The value most independent groups assert (for evolving values, the latest). */
  statement: string;
  values: ClaimValue[];
  /** Values that differ only as time passed, oldest first: a rising toll, a release after detention. */
  evolution?: boolean;
  /** Independence groups supporting the claim as stated. */
  support: number;
}

type GroupOf = (doc: string) => string | undefined;

export interface ReconcileOptions {
  /**
   * The days an undated document may have been published in (inferred from
   * its story): its statements are placed in time only as well as that.
   */
  rangeOf?: (doc: string) => { start: string; end: string } | undefined;
}

interface Ctx {
  groupOf: GroupOf;
  rangeOf: NonNullable<ReconcileOptions['rangeOf']>;
}

/**
 * Claims from assertions. `groupOf` names a document's independence group
 * (documents in no group are their own).
 */
export function reconcile(assertions: Assertion[], groupOf: GroupOf, opts: ReconcileOptions = {}): Claim[] {
  const ctx: Ctx = { groupOf, rangeOf: opts.rangeOf ?? (() => undefined) };
  const bySlot = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const k = `${a.subject}\u0000${a.slot}`;
    const list = bySlot.get(k);
    if (list) list.push(a);
    else bySlot.set(k, [a]);
  }
  const claims: Claim[] = [];
  for (const list of bySlot.values()) {
    // A loose figure joins the firm statements of its value; a value only
    // loose statements give is a claim of its own, neither a rival nor a
    // step in the subject's history.
    const firm = new Set(list.filter((a) => !a.loose).map(keyOf));
    const apart = new Map<string, Assertion[]>();
    for (const a of list) if (a.loose && !firm.has(keyOf(a))) pushTo(apart, keyOf(a), a);
    const rest = apart.size ? list.filter((a) => !a.loose || firm.has(keyOf(a))) : list;
    if (rest.length) claims.push(...claimsOf(rest, ctx));
    for (const [k, as] of apart) claims.push(claimOf('c' + shortHash(`${as[0].subject}\u0000${as[0].slot}\u0000${k}`), as, ctx, false));
  }
  return claims.sort((a, b) => statusRank(a.status) - statusRank(b.status) || b.support - a.support || a.id.localeCompare(b.id));
}

function statusRank(s: ClaimStatus): number {
  return s === 'contested' ? 0 : s === 'corroborated' ? 1 : 2;
}

const keyOf = (a: Assertion): string => (a.negated ? `not:${a.value}` : String(a.value));
const numeric = (a: Assertion): number | undefined => (a.negated ? undefined : (a.amount ?? (typeof a.value === 'number' ? a.value : undefined)));
const dayOf = (a: Assertion): string | undefined => a.date?.slice(0, 10);

/** The first and last day a statement may have been made on (or held on); none when undated. */
function spanOf(a: Assertion, ctx: Ctx): [string, string] | undefined {
  const d = dayOf(a);
  if (!d) return undefined;
  const r = ctx.rangeOf(a.doc);
  return r ? [d < r.start ? d : r.start.slice(0, 10), d > r.end ? d : r.end.slice(0, 10)] : [d, d];
}

/** Day `x` wholly before day `y` ("2025-07" is not before "2025-07-14"). */
const before = (x: string, y: string): boolean => x < y && !y.startsWith(x);

/** One subject's claims: the contested one, if its sources disagree, and the undisputed rest. */
function claimsOf(list: Assertion[], ctx: Ctx): Claim[] {
  const { subject, slot } = list[0];
  const id = 'c' + shortHash(`${subject}\u0000${slot}`);
  const disputed = conflicting(list, ctx);
  if (!disputed.size) return [claimOf(id, list, ctx, false)];
  const rest = list.filter((a) => !disputed.has(a));
  const out = [claimOf(id, [...disputed], ctx, true)];
  if (rest.length) out.push(claimOf('c' + shortHash(`${subject}\u0000${slot}\u0000rest`), rest, ctx, false));
  return out;
}

function claimOf(id: string, list: Assertion[], ctx: Ctx, contested: boolean): Claim {
  const { subject, slot } = list[0];
  const values = valuesOf(list, ctx);
  values.sort((a, b) => b.support - a.support || (b.lastDate ?? '').localeCompare(a.lastDate ?? ''));
  let main = values[0];
  let status: ClaimStatus;
  let evolution = false;
  if (contested) status = 'contested';
  else {
    if (values.length > 1 && values.every((v) => v.firstDate)) {
      evolution = true;
      values.sort((a, b) => a.firstDate!.localeCompare(b.firstDate!) || a.lastDate!.localeCompare(b.lastDate!));
      main = values[values.length - 1];
    }
    status = main.support >= 2 ? 'corroborated' : 'single-source';
  }
  return { id, subject, slot, status, statement: main.statement, values, ...(evolution ? { evolution } : {}), support: main.support };
}

/**
 * Values of a slot: one per distinct value; counts that admit each other
 * ("at least 26" and "29"; "about 3,000" and "3,100"; "1 mile" and "1.6 km")
 * and were stated at the same time are one value, named by the exact figure.
 */
function valuesOf(list: Assertion[], ctx: Ctx): ClaimValue[] {
  const byKey = new Map<string, Assertion[]>();
  for (const a of list) pushTo(byKey, keyOf(a), a);
  const groups = [...byKey.values()];
  for (let i = 0; i < groups.length; i++) {
    for (let j = groups.length - 1; j > i; j--) {
      const [x, y] = [groups[i], groups[j]];
      if (x.every((a) => numeric(a) === undefined) || y.every((a) => numeric(a) === undefined)) continue;
      const sameTime = x.some((a) => y.some((b) => dayOf(a) && dayOf(a) === dayOf(b)));
      if (sameTime && x.every((a) => y.every((b) => compatible(a, b)))) {
        groups[i] = [...x, ...y];
        groups.splice(j, 1);
      }
    }
  }
  return groups.map((as) => valueOf(as, ctx));
}

function valueOf(as: Assertion[], ctx: Ctx): ClaimValue {
  // The dates of dated documents say when; an undated document's inferred date only fills a gap.
  const certain = as.filter((a) => !ctx.rangeOf(a.doc));
  const dates = (certain.length ? certain : as).map((a) => a.date).filter((d): d is string => !!d).sort();
  const docs = [...new Set(as.map((a) => a.doc))];
  // The plain statement reads best: prefer one that is neither hedged nor approximate.
  const best = [...as].sort((a, b) => Number(!!a.hedged) - Number(!!b.hedged) || Number(!!a.approx) - Number(!!b.approx))[0];
  return {
    value: best.negated ? `not ${best.value}` : best.value,
    statement: best.statement,
    support: new Set(docs.map((d) => ctx.groupOf(d) ?? d)).size,
    documents: docs,
    mentions: as.map((a) => ({
      doc: a.doc,
      start: a.start,
      end: a.end,
      text: a.text,
      ...(a.negated ? { negated: true } : {}),
      ...(a.hedged ? { hedged: true } : {}),
    })),
    ...(dates.length ? { firstDate: dates[0], lastDate: dates[dates.length - 1] } : {}),
  };
}

/** The assertions that take part in a disagreement. */
function conflicting(list: Assertion[], ctx: Ctx): Set<Assertion> {
  const out = new Set<Assertion>();
  if (new Set(list.map(keyOf)).size < 2) return out;
  // Values one document states together are about different things
  // (a district's toll and one village's): another report's figure is
  // compared with the one of them nearest to it.
  const together = new Set<string>();
  const byDoc = new Map<string, Assertion[]>();
  for (const a of list) pushTo(byDoc, a.doc, a);
  for (const as of byDoc.values()) for (const x of as) for (const y of as) together.add(`${keyOf(x)}\u0000${keyOf(y)}`);
  const nearest = (a: Assertion, to: Assertion): boolean => {
    const [x, y] = [numeric(a), numeric(to)];
    if (x === undefined || y === undefined) return true;
    const gap = (v: number) => Math.abs(Math.log((v + 1) / (y + 1)));
    return byDoc.get(a.doc)!.every((o) => numeric(o) === undefined || gap(numeric(o)!) >= gap(x));
  };
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i], list[j]];
      if (keyOf(a) === keyOf(b) || together.has(`${keyOf(a)}\u0000${keyOf(b)}`) || !nearest(a, b) || !nearest(b, a)) continue;
      if (disagree(a, b, ctx)) {
        out.add(a);
        out.add(b);
      }
    }
  }
  return out;
}

/** Whether two statements of different values contradict each other. */
function disagree(a: Assertion, b: Assertion, ctx: Ctx): boolean {
  const [sa, sb] = [spanOf(a, ctx), spanOf(b, ctx)];
  // Undated both: nothing tells them apart in time. Undated one: nothing places it.
  if (!sa !== !sb) return false;
  const sameDay = !sa || (sa[0] === sa[1] && sb![0] === sb![1] && sa[0] === sb![0]);
  if (sameDay) {
    // A copy that changed a figure is a distortion of its source, not a second opinion.
    if ((ctx.groupOf(a.doc) ?? a.doc) === (ctx.groupOf(b.doc) ?? b.doc)) return false;
    if (numeric(a) !== undefined || numeric(b) !== undefined) return !compatible(a, b);
    return a.slot === 'status' ? statusesConflict(a, b) : true;
  }
  // Statements whose days may overlap are not ordered: neither contradicts the other's time.
  if (!before(sa![1], sb![0]) && !before(sb![1], sa![0])) return false;
  const [first, then] = before(sa![1], sb![0]) ? [a, b] : [b, a];
  if (numeric(first) !== undefined && numeric(then) !== undefined) {
    if ((first.trend ?? then.trend ?? 'up') === 'any') return false;
    return numeric(then)! < numeric(first)! && !compatible(first, then);
  }
  if (a.slot === 'status') return !transition(first, then);
  // Who did it does not change with time; a denial after the fact does not either.
  return a.slot === 'actor';
}

/** Counts or measures that admit each other: equal, within a stated hedge, or a unit conversion apart. */
function compatible(a: Assertion, b: Assertion): boolean {
  const [x, y] = [numeric(a), numeric(b)];
  if (x === undefined || y === undefined) return keyOf(a) === keyOf(b);
  if (Math.abs(x - y) <= Math.max(Math.abs(x), Math.abs(y)) * 0.02) return true;
  // Measures are rounded as writers please: a "two-year" investigation is the
  // "22-month" one. Counts of people are not.
  if (a.amount !== undefined && b.amount !== undefined && Math.abs(x - y) <= Math.max(Math.abs(x), Math.abs(y)) * 0.1) return true;
  // Each statement admits a range of counts; two statements agree when their ranges meet
  // ("hundreds of thousands" and "more than 400,000").
  const [ra, rb] = [admits(x, a), admits(y, b)];
  return ra[0] <= rb[1] && rb[0] <= ra[1];
}

/** The counts a statement of `x` admits, given how it is qualified. */
function admits(x: number, a: Assertion): [number, number] {
  if (a.high !== undefined && a.high >= x) return [x, a.high];
  switch (a.approx) {
    case 'at least':
    case 'more than':
      return [x, Infinity];
    case 'up to':
    case 'less than':
    case 'nearly':
      return [x * 0.8, x];
    case 'about':
    case 'vague': {
      const slack = Math.max(1, x * 0.1);
      return [x - slack, x + slack];
    }
    default:
      return [x, x];
  }
}
