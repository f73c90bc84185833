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

test('copy detection from the package entry: a reworded copy is related to its source, its distortion checked afterwards', async () => {
  const sentences = (text: string) => [...text.matchAll(/[^.!?]+[.!?]/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const doc = (id: string, text: string, published: string): sitrep.Document => ({
    id,
    textHash: id,
    origin: `${id}.txt`,
    format: 'text',
    title: '',
    published,
    publishedFrom: 'metadata',
    text,
    paragraphs: [{ start: 0, end: text.length }],
    sentences: sentences(text),
    removed: [],
    spans: [],
  });
  const src = doc(
    'wire',
    'Taliban fighters captured the western city of Herat on Thursday, officials said. About 3,000 families fled toward the border with Iran. The governor surrendered to the insurgents at his office. Ismail Khan, a veteran commander, was detained by the group.',
    '2021-08-13',
  );
  const cp = doc(
    'farm',
    'Taliban militants seized the western town of Herat on Thursday, authorities said. Around 5,000 families escaped toward the frontier with Iran. The governor gave himself up to the rebels at his office. Ismail Khan, a veteran commander, was held by the group.',
    '2021-08-14',
  );
  const { fingerprint } = await import('../src/provenance/dedup.js');
  const detector = new sitrep.CopyDetector(async () => [], { paraphrase: true, distortions: false });
  const batch = new Map([src, cp].map((d) => [d.id, d]));
  await detector.add(src, fingerprint(src), batch);
  const { copies } = await detector.add(cp, fingerprint(cp), batch);
  assert.equal(copies.length, 1);
  assert.deepEqual([copies[0].source, copies[0].copy, copies[0].kind], ['wire', 'farm', 'rewrite']);
  assert.equal(copies[0].distortions, undefined, 'left to the output');
  const [checked] = sitrep.addDistortions(copies, batch);
  assert.ok(checked.distortions?.some((d) => d.type === 'number'), JSON.stringify(checked.distortions));
});
