import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRecurring, cleanText, recurringKeys, textLines } from '../src/text/clean.js';
import { dateFromText } from '../src/text/dateline.js';

const article = [
  'Home > World > Europe',
  'Ferry capsizes off the northern cape',
  '4 min read',
  'A passenger ferry carrying 212 people capsized off the northern cape on Tuesday, the coast guard said.',
  'Share on Facebook Twitter WhatsApp',
  'Rescue boats pulled 180 survivors from the water before nightfall, according to the port authority.',
  'Photo: Lena Marsh/Coastal Press',
  'Click here to enlarge image',
  '"The sea turned in minutes," said one survivor, a fisherman from the island.',
  'Advertisement',
  'Subscribe to our newsletter for daily updates',
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
  'World',
  'Live Story',
].join('\n');

test('pattern and edge rules remove boilerplate and keep every sentence', () => {
  const c = cleanText({ title: 'Ferry capsizes off the northern cape', text: article });
  const kept = c.paragraphs.map((p) => c.text.slice(p.start, p.end));
  assert.deepEqual(kept, [
    'A passenger ferry carrying 212 people capsized off the northern cape on Tuesday, the coast guard said.',
    'Rescue boats pulled 180 survivors from the water before nightfall, according to the port authority.',
    '"The sea turned in minutes," said one survivor, a fisherman from the island.',
  ]);
  const rules = new Map(c.removed.map((r) => [r.text, r.rule]));
  assert.equal(rules.get('4 min read'), 'read-time');
  assert.equal(rules.get('Home > World > Europe'), 'breadcrumb');
  assert.equal(rules.get('Ferry capsizes off the northern cape'), 'title-repeat');
  assert.equal(rules.get('Leave a Reply'), 'comments');
  assert.equal(rules.get('Live Story'), 'label');
  assert.ok(rules.has('World'));
});

test('a breadcrumb glued to the scraped title is stripped when the headline repeats', () => {
  const c = cleanText({
    title: 'Home News Miners trapped after tunnel collapse',
    text: 'Miners trapped after tunnel collapse\n\nNine miners were trapped underground on Sunday, officials said.',
  });
  assert.equal(c.title, 'Miners trapped after tunnel collapse');
  assert.equal(c.text, 'Nine miners were trapped underground on Sunday, officials said.');
});

test('paragraph offsets slice the text exactly', () => {
  const c = cleanText({ title: 'T', text: 'First sentence here.\n\nSecond one follows.' });
  for (const p of c.paragraphs) assert.equal(c.text.slice(p.start, p.end).trim(), c.text.slice(p.start, p.end));
  assert.equal(c.text, 'First sentence here.\n\nSecond one follows.');
});

test('hard-wrapped blocks are joined, one-sentence lines are kept apart', () => {
  const wrapped =
    'The council voted on Monday to extend the curfew in the old\ncity by another week, citing continued unrest near the\nmarket and a shortage of police officers.';
  assert.equal(textLines(wrapped).length, 1);
  assert.equal(textLines('One full sentence.\nAnother full sentence.').length, 2);
});

test('short non-sentence lines recurring across documents are removed; wire sentences are not', () => {
  const docs = ['a', 'b', 'c'].map((x) =>
    cleanText({
      title: `Story ${x}`,
      text: `Body of story ${x} is a full sentence.\n\nValley Courier weekend edition desk\n\nThe storm moved east overnight.`,
    }),
  );
  const counts = new Map<string, number>();
  for (const d of docs) for (const k of recurringKeys(d)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const cleaned = applyRecurring(docs[0], (k) => counts.get(k) ?? 0);
  assert.doesNotMatch(cleaned.text, /Valley Courier weekend edition desk/);
  assert.match(cleaned.text, /The storm moved east overnight\./);
  assert.equal(cleaned.removed.at(-1)?.rule, 'recurring');
  // Seen in only two documents: kept.
  const fewer = applyRecurring(docs[0], (k) => (counts.get(k) ?? 0) - 1);
  assert.match(fewer.text, /Valley Courier weekend edition desk/);
});

test('a publication date is read from a removed timestamp line or an opening dateline', () => {
  assert.equal(dateFromText('Body.', ['Published: 3 March 2024 09:10']), '2024-03-03');
  assert.equal(dateFromText('GENEVA, March 4, 2024 — Talks resumed.'), '2024-03-04');
  assert.equal(dateFromText('The treaty signed on March 4, 2019 was cited.'), undefined);
  assert.equal(dateFromText('KABUL, Aug. 15, 2021 — The city fell.'), '2021-08-15');
  assert.equal(dateFromText('ST. LOUIS, Aug 15, 2021 - Flooding closed roads.'), '2021-08-15');
  assert.equal(dateFromText('2021-08-15 KABUL — Talks resumed.'), '2021-08-15');
});
