// Claim reconciliation: assertions about the same thing (who took a city, how
// many died in an attack, whether a governor is detained or free) grouped
// across documents; support counted in independence groups, never in
// documents; status corroborated (two or more independent groups), single
// source, or contested (incompatible values). A value that changes with time
// — a death toll rising over days, a detainee later released — is evolution,
// not contradiction: the dates decide.

import { shortHash } from '../text/normalize.js';
/** One document's statement of one value for one slot of one subject. */
export interface Assertion {
  /** What the statement is about, normalized: "capture|herat", "person:christian mukalay". */
  subject: string;
  /** Which property: "actor", "count:killed", "status". */
  slot: string;
  /** Normalized value: an entity key, a status word, or a number. */
  value: string | number;
  /** Counts: how the number is qualified ("at least", "about", "more than", "up to"). */
  approx?: string;
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

/** Status changes that happen in this order over time, not contradictions. */
const STATUS_ORDER: Record<string, string[]> = {
  detained: ['released', 'freed', 'escaped', 'killed', 'died', 'charged', 'sentenced'],
  arrested: ['released', 'freed', 'detained', 'charged', 'sentenced', 'escaped'],
  missing: ['found', 'killed', 'died', 'detained', 'released'],
  fled: ['returned', 'detained', 'arrested', 'killed'],
  injured: ['died', 'killed'],
  kidnapped: ['released', 'freed', 'killed', 'escaped'],
  captured: ['released', 'freed', 'killed', 'escaped'],
};

/**
 * Claims from assertions. `groupOf` names a document's independence group
 * (documents in no group are their own).
 */
export function reconcile(assertions: Assertion[], groupOf: (doc: string) => string | undefined): Claim[] {
  const bySlot = new Map<string, Assertion[]>();
  for (const a of assertions) {
    const k = `${a.subject}\u0000${a.slot}`;
    const list = bySlot.get(k);
    if (list) list.push(a);
    else bySlot.set(k, [a]);
  }
  const claims: Claim[] = [];
  for (const list of bySlot.values()) claims.push(claimOf(list, groupOf));
  return claims.sort((a, b) => statusRank(a.status) - statusRank(b.status) || b.support - a.support || a.id.localeCompare(b.id));
}

function statusRank(s: ClaimStatus): number {
  return s === 'contested' ? 0 : s === 'corroborated' ? 1 : 2;
}

function claimOf(list: Assertion[], groupOf: (doc: string) => string | undefined): Claim {
  const { subject, slot } = list[0];
  const numeric = typeof list[0].value === 'number';
  // Values: a negated assertion is a value of its own ("not captured").
  const keyOf = (a: Assertion) => (a.negated ? `not:${a.value}` : String(a.value));
  const byValue = new Map<string, Assertion[]>();
  for (const a of list) byValue.set(keyOf(a), [...(byValue.get(keyOf(a)) ?? []), a]);
  let values = [...byValue.values()].map((as) => valueOf(as, groupOf));
  if (numeric) values = mergeCompatibleCounts(values, list, groupOf);
  values.sort((a, b) => b.support - a.support || (b.lastDate ?? '').localeCompare(a.lastDate ?? ''));

  let status: ClaimStatus;
  let evolution = false;
  let main = values[0];
  if (values.length === 1) status = main.support >= 2 ? 'corroborated' : 'single-source';
  else if (isEvolution(values, numeric)) {
    evolution = true;
    values.sort((a, b) => (a.firstDate ?? '').localeCompare(b.firstDate ?? ''));
    main = values[values.length - 1];
    status = main.support >= 2 ? 'corroborated' : 'single-source';
  } else status = 'contested';
  return {
    id: 'c' + shortHash(`${subject}\u0000${slot}`),
    subject,
    slot,
    status,
    statement: main.statement,
    values,
    ...(evolution ? { evolution } : {}),
    support: main.support,
  };
}

function valueOf(as: Assertion[], groupOf: (doc: string) => string | undefined): ClaimValue {
  const dates = as.map((a) => a.date).filter((d): d is string => !!d).sort();
  const docs = [...new Set(as.map((a) => a.doc))];
  // The plain statement reads best: prefer one that is neither hedged nor approximate.
  const best = [...as].sort((a, b) => Number(!!a.hedged) - Number(!!b.hedged) || Number(!!a.approx) - Number(!!b.approx))[0];
  return {
    value: best.value,
    statement: best.statement,
    support: new Set(docs.map((d) => groupOf(d) ?? d)).size,
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

/**
 * Counts that do not contradict each other are one value: "at least 26" and
 * "29"; "about 3,000" and "3,100"; "more than 200" and "230". The exact
 * figure, when there is one, names the merged value.
 */
function mergeCompatibleCounts(values: ClaimValue[], list: Assertion[], groupOf: (doc: string) => string | undefined): ClaimValue[] {
  const approxOf = new Map<number, string | undefined>();
  for (const a of list) if (typeof a.value === 'number' && !a.negated) approxOf.set(a.value, a.approx ?? approxOf.get(a.value));
  const compatible = (x: number, y: number) => fits(x, approxOf.get(x), y) || fits(y, approxOf.get(y), x);
  const groups: number[][] = [];
  const nums = values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
  for (const n of [...new Set(nums)].sort((a, b) => a - b)) {
    const g = groups.find((grp) => grp.every((m) => compatible(m, n)));
    if (g) g.push(n);
    else groups.push([n]);
  }
  if (groups.length === nums.length) return values;
  const out: ClaimValue[] = values.filter((v) => typeof v.value !== 'number');
  for (const g of groups) {
    const members = list.filter((a) => typeof a.value === 'number' && !a.negated && g.includes(a.value));
    const exact = members.find((a) => !a.approx) ?? members[0];
    const merged = valueOf([exact, ...members.filter((m) => m !== exact)], groupOf);
    out.push(merged);
  }
  return out;
}

/** Whether a count stated as `x` (qualified by `approx`) admits the count `y`. */
function fits(x: number, approx: string | undefined, y: number): boolean {
  if (x === y) return true;
  switch (approx) {
    case 'at least':
    case 'more than':
      return y >= x;
    case 'up to':
    case 'less than':
    case 'nearly':
      return y <= x && y >= x * 0.8;
    case 'about':
    case 'vague':
      return Math.abs(y - x) <= Math.max(1, x * 0.1);
    default:
      return false;
  }
}

/**
 * Different values that follow one another in time: each value's reports all
 * come after the previous value's, counts do not fall, and statuses change
 * in an order the world allows (detained, then released).
 */
function isEvolution(values: ClaimValue[], numeric: boolean): boolean {
  if (values.some((v) => !v.firstDate || !v.lastDate)) return false;
  const sorted = [...values].sort((a, b) => a.firstDate!.localeCompare(b.firstDate!));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    // Overlapping reporting: two values stated at the same time disagree.
    if (cur.firstDate!.slice(0, 10) <= prev.lastDate!.slice(0, 10)) return false;
    if (numeric) {
      if ((cur.value as number) < (prev.value as number)) return false;
    } else {
      const next = STATUS_ORDER[String(prev.value)];
      if (!next || !next.includes(String(cur.value))) return false;
    }
  }
  return true;
}
