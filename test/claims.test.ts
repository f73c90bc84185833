import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reconcile, type Assertion } from '../src/claims/reconcile.js';

// Five outlets on a port city siege: two wire groups (AFP and Reuters, each
// republished) and one local paper.
const GROUP: Record<string, string> = { afp: 'g-afp', 'afp-copy': 'g-afp', reuters: 'g-rtr', 'reuters-copy': 'g-rtr', local: 'local' };
const groupOf = (d: string) => GROUP[d];

function a(doc: string, subject: string, slot: string, value: string | number, date: string, extra: Partial<Assertion> = {}): Assertion {
  const text = `${subject} ${slot} ${value}`;
  return { doc, subject, slot, value, statement: text, start: 0, end: text.length, text, date, ...extra };
}

test('two independent groups make a claim corroborated; copies of one report do not', () => {
  const claims = reconcile(
    [
      a('afp', 'capture|port city', 'actor', 'coastal front', '2025-03-11'),
      a('afp-copy', 'capture|port city', 'actor', 'coastal front', '2025-03-11'),
      a('reuters', 'capture|port city', 'actor', 'coastal front', '2025-03-11'),
      a('local', 'governor', 'status', 'fled', '2025-03-11'),
      a('reuters-copy', 'airport', 'status', 'closed', '2025-03-11'),
      a('reuters', 'airport', 'status', 'closed', '2025-03-11'),
    ],
    groupOf,
  );
  const capture = claims.find((c) => c.subject === 'capture|port city')!;
  assert.equal(capture.status, 'corroborated');
  assert.equal(capture.support, 2);
  assert.equal(claims.find((c) => c.subject === 'governor')!.status, 'single-source');
  const airport = claims.find((c) => c.subject === 'airport')!;
  assert.equal(airport.status, 'single-source', 'a report and its copy are one source');
  assert.equal(airport.values[0].documents.length, 2);
});

test('incompatible values reported at the same time are contested, each side cited', () => {
  const claims = reconcile(
    [
      a('afp', 'attack|market', 'count:killed', 10, '2025-03-11'),
      a('reuters', 'attack|market', 'count:killed', 11, '2025-03-11'),
      a('afp', 'capture|port city', 'actor', 'coastal front', '2025-03-11'),
      a('local', 'capture|port city', 'actor', 'army', '2025-03-11'),
    ],
    groupOf,
  );
  const toll = claims.find((c) => c.slot === 'count:killed')!;
  assert.equal(toll.status, 'contested');
  assert.deepEqual(toll.values.map((v) => v.value).sort(), [10, 11]);
  assert.ok(toll.values.every((v) => v.mentions.length === 1 && v.documents.length === 1));
  assert.equal(claims.find((c) => c.slot === 'actor')!.status, 'contested');
  assert.equal(claims[0].status, 'contested', 'contested claims come first');
});

test('a toll that rises from one day to the next is evolution, not contradiction', () => {
  const claims = reconcile(
    [
      a('afp', 'attack|market', 'count:killed', 12, '2025-03-10'),
      a('reuters', 'attack|market', 'count:killed', 19, '2025-03-11'),
      a('local', 'attack|market', 'count:killed', 26, '2025-03-12'),
    ],
    groupOf,
  );
  assert.equal(claims.length, 1);
  assert.equal(claims[0].evolution, true);
  assert.notEqual(claims[0].status, 'contested');
  assert.equal(claims[0].values.at(-1)!.value, 26, 'the latest figure last');
  // The same figures falling over time are not an evolution.
  const falling = reconcile(
    [a('afp', 'attack|market', 'count:killed', 26, '2025-03-10'), a('reuters', 'attack|market', 'count:killed', 12, '2025-03-11')],
    groupOf,
  );
  assert.equal(falling[0].status, 'contested');
});

test('a detainee released later evolves; released before detained is contested', () => {
  const later = reconcile(
    [a('afp', 'governor', 'status', 'detained', '2025-03-11'), a('reuters', 'governor', 'status', 'released', '2025-03-13')],
    groupOf,
  );
  assert.equal(later[0].evolution, true);
  const sameDay = reconcile(
    [a('afp', 'governor', 'status', 'detained', '2025-03-11'), a('reuters', 'governor', 'status', 'missing', '2025-03-11')],
    groupOf,
  );
  assert.equal(sameDay[0].status, 'contested');
});

test('hedged counts that admit each other are one value; a denial contests', () => {
  const claims = reconcile(
    [
      a('afp', 'attack|market', 'count:killed', 26, '2025-03-11', { approx: 'at least' }),
      a('reuters', 'attack|market', 'count:killed', 29, '2025-03-11'),
      a('afp', 'capture|airport', 'actor', 'coastal front', '2025-03-11'),
      a('reuters', 'capture|airport', 'actor', 'coastal front', '2025-03-11', { negated: true }),
    ],
    groupOf,
  );
  const toll = claims.find((c) => c.slot === 'count:killed')!;
  assert.equal(toll.values.length, 1);
  assert.equal(toll.values[0].value, 29, 'the exact figure names the value');
  assert.equal(toll.status, 'corroborated');
  assert.equal(claims.find((c) => c.subject === 'capture|airport')!.status, 'contested');
});

test('a count given as a range agrees with every figure in it: "hundreds of thousands" and "more than 400,000"', () => {
  const claims = reconcile(
    [
      a('afp', 'total|war|kill', 'count:killed', 200_000, '2025-03-11', { approx: 'vague', high: 999_999 }),
      a('reuters', 'total|war|kill', 'count:killed', 400_000, '2025-03-11', { approx: 'more than' }),
      a('afp', 'attack|market', 'count:killed', 24, '2025-03-11', { approx: 'vague', high: 99 }),
      a('reuters', 'attack|market', 'count:killed', 150, '2025-03-11'),
    ],
    groupOf,
  );
  assert.equal(claims.find((c) => c.subject === 'total|war|kill')!.status, 'corroborated');
  assert.equal(claims.find((c) => c.subject === 'attack|market')!.status, 'contested', '"dozens" is not 150');
});

test('flight then capture: evolution when caught elsewhere, contested when "detained at his home" in the city he fled', () => {
  const fled = a('afp', 'mayor', 'status', 'fled', '2025-03-10', { where: { place: 'harbour town', prep: 'to' } });
  const caught = reconcile([fled, a('reuters', 'mayor', 'status', 'detained', '2025-03-12', { where: { place: 'border post', prep: 'at' } })], groupOf);
  assert.equal(caught.length, 1);
  assert.equal(caught[0].evolution, true);
  const atHome = reconcile([fled, a('reuters', 'mayor', 'status', 'detained', '2025-03-11', { where: { home: true } })], groupOf);
  assert.equal(atHome[0].status, 'contested');
  assert.deepEqual(atHome[0].values.map((v) => v.value).sort(), ['detained', 'fled']);
  // Held and kidnapped are one state; still held and released on the same day are not.
  const sameState = reconcile([a('afp', 'engineer', 'status', 'kidnapped', '2025-03-11'), a('reuters', 'engineer', 'status', 'held', '2025-03-11')], groupOf);
  assert.notEqual(sameState[0].status, 'contested');
  const freed = reconcile([a('afp', 'engineer', 'status', 'held', '2025-03-11'), a('local', 'engineer', 'status', 'released', '2025-03-11')], groupOf);
  assert.equal(freed[0].status, 'contested');
});

test('people still held may fall day by day; two figures for one day are split off as the contested claim', () => {
  const held = (doc: string, n: number, date: string) => a(doc, 'held|port siege', 'count:held', n, date, { trend: 'any' });
  const claims = reconcile([held('afp', 11, '2025-03-09'), held('reuters', 4, '2025-03-11'), held('reuters-copy', 4, '2025-03-11'), held('local', 2, '2025-03-11'), held('afp', 0, '2025-03-13')], groupOf);
  assert.equal(claims.length, 2);
  const [contested, rest] = claims;
  assert.equal(contested.status, 'contested');
  assert.deepEqual(contested.values.map((v) => v.value).sort(), [2, 4]);
  assert.equal(contested.values.find((v) => v.value === 4)!.documents.length, 2, 'each side cites its documents');
  assert.equal(rest.evolution, true);
  assert.deepEqual(rest.values.map((v) => v.value), [11, 0]);
});

test('no disagreement without independent sources at the same time', () => {
  // One report giving two figures speaks of two things; a copy that changed a figure is a distortion.
  const own = reconcile([a('afp', 'event|e1', 'count:killed', 5, '2025-03-11'), a('afp', 'event|e1', 'count:killed', 15, '2025-03-11'), a('reuters', 'event|e1', 'count:killed', 5, '2025-03-11')], groupOf);
  assert.ok(own.every((c) => c.status !== 'contested'));
  const copy = reconcile([a('reuters', 'event|e1', 'count:killed', 14, '2025-03-11'), a('reuters-copy', 'event|e1', 'count:killed', 41, '2025-03-11')], groupOf);
  assert.notEqual(copy[0].status, 'contested');
  // An undated report placed only somewhere in its story's days does not contradict a dated one.
  const undated = reconcile([a('afp', 'event|e1', 'count:killed', 30, '2025-03-13'), a('blog', 'event|e1', 'count:killed', 22, '2025-03-13')], groupOf, {
    rangeOf: (d) => (d === 'blog' ? { start: '2025-03-10', end: '2025-03-13' } : undefined),
  });
  assert.notEqual(undated[0].status, 'contested');
});

test('measures in different units that convert to each other are one value; different sizes the same day are contested', () => {
  const radius = (doc: string, value: string, metres: number) => a(doc, 'measure|blast|radius|m', 'measure:radius', value, '2025-06-04', { amount: metres, trend: 'any' });
  const same = reconcile([radius('afp', '1 mile', 1609.344), radius('reuters', '1.6 km', 1600)], groupOf);
  assert.equal(same[0].values.length, 1);
  assert.equal(same[0].status, 'corroborated');
  const apart = reconcile([radius('afp', '1 mile', 1609.344), radius('local', '2 mile', 3218.688)], groupOf);
  assert.equal(apart[0].status, 'contested');
});

test('a figure is compared with the nearest of another report’s figures: a district toll is not a village toll', () => {
  // The wire gives the district's 19 dead and one village's 11; the local paper gives the village 7.
  const claims = reconcile(
    [a('afp', 'event|quake', 'count:killed', 19, '2025-02-03', { approx: 'at least' }), a('afp', 'event|quake', 'count:killed', 11, '2025-02-03'), a('local', 'event|quake', 'count:killed', 7, '2025-02-03')],
    groupOf,
  );
  const contested = claims.find((c) => c.status === 'contested')!;
  assert.deepEqual(contested.values.map((v) => v.value).sort((x, y) => Number(x) - Number(y)), [7, 11]);
  assert.ok(claims.some((c) => c.status !== 'contested' && c.values.some((v) => v.value === 19)));
});

test('a loosely tied figure (its sentence dates nothing) corroborates an equal value but contests none', () => {
  const claims = reconcile(
    [
      a('afp', 'event|shooting', 'count:killed', 17, '2025-03-11'),
      a('reuters', 'event|shooting', 'count:killed', 17, '2025-03-11', { loose: true }),
      // "Congress did nothing after the massacre of 20 first-graders": another incident the linker merged.
      a('local', 'event|shooting', 'count:killed', 20, '2025-03-11', { loose: true }),
    ],
    groupOf,
  );
  assert.ok(claims.every((c) => c.status !== 'contested'), JSON.stringify(claims.map((c) => [c.status, c.values.map((v) => v.value)])));
  const toll = claims.find((c) => c.values.some((v) => v.value === 17))!;
  assert.equal(toll.status, 'corroborated');
  // The same figures, both dated by their sentences, disagree.
  const firm = reconcile([a('afp', 'event|shooting', 'count:killed', 17, '2025-03-11'), a('local', 'event|shooting', 'count:killed', 20, '2025-03-11')], groupOf);
  assert.equal(firm[0].status, 'contested');
});
