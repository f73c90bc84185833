// What can be true of a person at once, and what can follow what. Statuses
// that exclude each other: held (detained, arrested, kidnapped, captured),
// free again (released, freed, escaped, rescued), dead, fled, missing. Others
// (injured, resigned, charged) hold alongside them. Over time, the held go
// free or die, the missing turn up, the injured die; the dead stay dead, and
// the released are not held again without a report saying so (that would
// be a new arrest, not the same story told twice).
//
// Flight and capture meet on place: a man who fled to another city may be
// caught later, but not at his own home or in the city he fled, unless a
// report says he went back. Those reports disagree.

/** The parts of an assertion a status comparison reads. */
export interface StatusStatement {
  value: string | number;
  negated?: boolean;
  where?: { place?: string; prep?: string; home?: boolean };
}

type State = 'held' | 'free' | 'dead' | 'fled' | 'missing';

const STATE_OF: Record<string, State> = {
  detained: 'held',
  arrested: 'held',
  kidnapped: 'held',
  captured: 'held',
  held: 'held',
  released: 'free',
  freed: 'free',
  escaped: 'free',
  rescued: 'free',
  killed: 'dead',
  died: 'dead',
  dead: 'dead',
  fled: 'fled',
  missing: 'missing',
};

/** States that may follow each state. */
const NEXT: Record<State, State[]> = {
  held: ['held', 'free', 'dead', 'missing'],
  free: ['free', 'fled', 'dead', 'missing'],
  dead: ['dead'],
  fled: ['fled', 'held', 'dead', 'missing', 'free'],
  missing: ['missing', 'held', 'free', 'dead', 'fled'],
};

/** Prepositions that make a place the origin of a flight. */
const FROM = /^(from|out)$/;

/** Whether two statements about one person made at the same time contradict each other. */
export function statusesConflict(a: StatusStatement, b: StatusStatement): boolean {
  if (String(a.value) === String(b.value)) return !!a.negated !== !!b.negated;
  if (a.negated || b.negated) return false;
  const [x, y] = [STATE_OF[String(a.value)], STATE_OF[String(b.value)]];
  return !!x && !!y && x !== y;
}

/** Whether the status `then` may follow `first` as time passes. */
export function transition(first: StatusStatement, then: StatusStatement): boolean {
  // "was not released" and later "released": news caught up. The reverse is a denial of what was reported.
  if (String(first.value) === String(then.value)) return !then.negated || !!first.negated;
  if (first.negated || then.negated) return true;
  const [x, y] = [STATE_OF[String(first.value)], STATE_OF[String(then.value)]];
  if (!x || !y) return true;
  if (!NEXT[x].includes(y)) return false;
  if (x === 'fled' && y === 'held') {
    if (then.where?.home) return false;
    const origin = first.where?.prep && FROM.test(first.where.prep) ? first.where.place : undefined;
    if (origin && then.where?.place === origin) return false;
  }
  return true;
}
