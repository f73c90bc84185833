import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocFrequencies, StoryClusterer, internTerms, terms, vectorize } from '../src/stories/cluster.js';
import type { Document } from '../src/model/document.js';

function doc(id: string, title: string, text: string, published?: string): Document {
  return { id, textHash: id, origin: id, format: 'text', title, text, publishedFrom: published ? 'metadata' : 'unknown', ...(published ? { published } : {}), paragraphs: [], sentences: [], removed: [], spans: [] };
}

const docs = [
  doc('q1', 'Earthquake shakes Valparaiso port', 'A magnitude 6.8 earthquake shook the port city of Valparaiso on Monday, damaging cranes and warehouses along the harbour. Port workers were evacuated.', '2024-06-03'),
  doc('e1', 'Parliament passes budget after marathon session', 'Lawmakers passed the annual budget early on Tuesday after a 19-hour session, with the finance minister defending cuts to regional transport.', '2024-06-04'),
  doc('q2', 'Valparaiso counts damage after quake', 'Engineers inspected cranes and warehouses in Valparaiso harbour a day after the earthquake. The port authority said the harbour would reopen within a week.', '2024-06-04'),
  doc('e2', 'Finance minister defends budget cuts', 'The finance minister defended the budget passed by lawmakers, saying regional transport cuts were unavoidable after the marathon session in parliament.', '2024-06-05'),
  doc('q3', 'Aftershock rattles Valparaiso', 'A strong aftershock rattled Valparaiso late on Wednesday as crews cleared damaged warehouses and cranes in the harbour after the earthquake.', undefined),
  // Same words as the quake story but two months later: a different event.
  doc('q9', 'Valparaiso port earthquake drill', 'Port workers in Valparaiso held an earthquake drill at the harbour warehouses and cranes.', '2024-08-20'),
];

function cluster(window = 4) {
  const df = new DocFrequencies();
  const tfs = docs.map((d) => internTerms(terms(d)));
  for (const tf of tfs) df.addDocument(tf);
  const c = new StoryClusterer({ threshold: 0.2, windowDays: window });
  const assigned = docs.map((d, i) => c.add(d, vectorize(tfs[i], df)));
  return { c, assigned: Object.fromEntries(docs.map((d, i) => [d.id, assigned[i]])) };
}

test('documents about the same event share a story; different events do not', () => {
  const { assigned, c } = cluster();
  assert.equal(assigned.q1, assigned.q2);
  assert.equal(assigned.q1, assigned.q3, 'undated documents join by content');
  assert.equal(assigned.e1, assigned.e2);
  assert.notEqual(assigned.q1, assigned.e1);
  const quake = c.get(assigned.q1)!;
  assert.equal(quake.firstDate, '2024-06-03');
  assert.equal(quake.lastDate, '2024-06-04');
});

test('the time window keeps a later event with the same vocabulary apart', () => {
  const { assigned } = cluster(4);
  assert.notEqual(assigned.q9, assigned.q1);
  const wide = cluster(100).assigned;
  assert.equal(wide.q9, wide.q1);
});

test('copies join their source story without a similarity test', () => {
  const c = new StoryClusterer();
  const df = new DocFrequencies();
  const a = c.add(docs[0], vectorize(internTerms(terms(docs[0])), df));
  const b = c.add(docs[1], vectorize(internTerms(terms(docs[1])), df), ['q1']);
  assert.equal(a, b);
});

test('a story is named by the headline closest to what its documents share, not by the first one', () => {
  const reports = [
    doc('o1', 'What the harbour meant to us', 'An essay: the earthquake that shook Valparaiso port on Monday damaged cranes and warehouses, and with them a way of life.', '2024-06-03'),
    doc('r1', 'Earthquake damages Valparaiso port cranes and warehouses', 'A magnitude 6.8 earthquake shook the port of Valparaiso on Monday, damaging cranes and warehouses along the harbour.', '2024-06-03'),
    doc('r2', 'Valparaiso port counts earthquake damage to cranes', 'Engineers inspected cranes and warehouses in Valparaiso port a day after the earthquake damaged the harbour.', '2024-06-04'),
  ];
  const df = new DocFrequencies();
  const tfs = reports.map((d) => internTerms(terms(d)));
  for (const tf of tfs) df.addDocument(tf);
  const c = new StoryClusterer({ threshold: 0.2, windowDays: 4 });
  const ids = reports.map((d, i) => c.add(d, vectorize(tfs[i], df)));
  assert.equal(new Set(ids).size, 1, 'one story');
  const story = c.get(ids[0])!;
  assert.notEqual(story.title, 'What the harbour meant to us');
  assert.match(story.title, /Earthquake|earthquake/);
});
