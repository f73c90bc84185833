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
