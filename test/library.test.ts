// The library API as a program uses it: one import, the stages on their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sitrep from '../src/index.js';

test('the stages are usable one by one from the package entry', () => {
  const text = 'Insurgents seized the port of Aden on Thursday, a coastguard spokesman told Reuters. "The town is calm," he said.';
  const doc = { text, sentences: [{ start: 0, end: 84 }, { start: 85, end: text.length }], paragraphs: [{ start: 0, end: text.length }], published: '2024-03-10' };
  const found = sitrep.extractAll(doc);
  assert.equal(found.times.find((t) => t.text === 'Thursday')?.value, '2024-03-07');
  assert.ok(found.entities.some((e) => e.text === 'Aden' && e.type === 'place'));
  assert.ok(found.quotes.some((q) => q.kind === 'direct' && q.text.startsWith('The town is calm')));
  const events = sitrep.extractEvents(doc, found);
  assert.ok(events.some((e) => e.type === 'capture' && e.timeValue === '2024-03-07'));
  // Places are resolved together: the country named beside it tells which Aden.
  const [place] = sitrep.resolveToponyms([{ text: 'Aden', context: text.slice(0, 84) }, { text: 'Yemen' }]);
  assert.equal(place?.country, 'YE');
  const claims = sitrep.reconcile(
    [
      { subject: 'port', slot: 'status', value: 'closed', statement: 'closed', doc: 'a', start: 0, end: 1, text: 'x', date: '2024-03-07' },
      { subject: 'port', slot: 'status', value: 'closed', statement: 'closed', doc: 'b', start: 0, end: 1, text: 'x', date: '2024-03-07' },
    ],
    (d) => d,
  );
  assert.equal(claims[0].status, 'corroborated');
});
