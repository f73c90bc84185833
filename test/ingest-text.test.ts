import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTextArticle, markdownToText } from '../src/ingest/text.js';
import { parseJsonl, parseJsonArray } from '../src/ingest/jsonl.js';
import { toIsoDate } from '../src/ingest/dates.js';

test('a leading metadata line gives the date and the rest of the line is the title', () => {
  const a = parseTextArticle(' date 2024-03-02 Floods cut the coastal highway.\n\nThe highway was closed on Friday.', 'a.txt');
  assert.equal(a.published, '2024-03-02');
  assert.equal(a.publishedFrom, 'metadata');
  assert.equal(a.title, 'Floods cut the coastal highway.');
  assert.match(a.text, /^\s*The highway was closed on Friday\.$/);
});

test('without metadata the first non-empty line is the title and there is no date', () => {
  const a = parseTextArticle('\n\nRiver bursts its banks\n\nResidents of the lower town were moved to schools.', 'b.txt');
  assert.equal(a.title, 'River bursts its banks');
  assert.equal(a.published, undefined);
  assert.equal(a.publishedFrom, undefined);
});

test('a line that merely starts with the word "date" is not metadata', () => {
  const a = parseTextArticle('Date night ends in a rescue\n\nTwo hikers were found on the ridge.', 'c.txt');
  assert.equal(a.title, 'Date night ends in a rescue');
  assert.equal(a.published, undefined);
});

test('YAML front matter gives title, date, source and url', () => {
  const a = parseTextArticle(
    '---\ntitle: Port strike enters second week\ndate: 2024-05-06\nsource: Harbour Gazette\nurl: https://gazette.example/strike\n---\nDockers rejected the offer.\n',
    'd.md',
    'markdown',
  );
  assert.equal(a.title, 'Port strike enters second week');
  assert.equal(a.published, '2024-05-06');
  assert.equal(a.source, 'Harbour Gazette');
  assert.equal(a.url, 'https://gazette.example/strike');
  assert.equal(a.text.trim(), 'Dockers rejected the offer.');
});

test('Markdown markup is reduced to prose', () => {
  const t = markdownToText('## Talks resume\n\nThe **envoy** met [the council](https://x.example) in *Geneva*.\n\n> "We are close," she said.');
  assert.match(t, /The envoy met the council in Geneva\./);
  assert.match(t, /^"We are close," she said\.$/m);
  assert.doesNotMatch(t, /[#*[\]>]/);
});

test('JSONL: good lines become articles, a bad line is reported with its number', () => {
  const r = parseJsonl(
    [
      JSON.stringify({ id: 7, title: 'Bridge reopens', text: 'The bridge reopened on Monday.', source: 'City Post', published: '2024-02-01T08:00:00Z' }),
      '{not json',
      '',
      JSON.stringify({ title: 'No body here' }),
      JSON.stringify({ title: 'Html body', html: '<p>First.</p><p>Second &amp; last.</p>' }),
    ].join('\n'),
    'batch.jsonl',
  );
  assert.equal(r.articles.length, 2);
  assert.equal(r.articles[0].origin, 'batch.jsonl#1');
  assert.equal(r.articles[0].externalId, '7');
  assert.equal(r.articles[0].published, '2024-02-01T08:00:00Z');
  assert.equal(r.articles[1].text, 'First.\n\nSecond & last.');
  assert.deepEqual(
    r.skipped.map((s) => s.origin),
    ['batch.jsonl#2', 'batch.jsonl#4'],
  );
  assert.match(r.skipped[0].reason, /line 2 is not valid JSON/);
});

test('JSON arrays are read element by element', () => {
  const r = parseJsonArray(JSON.stringify([{ title: 'A', text: 'One.' }, { title: 'B', text: 'Two.' }]), 'list.json');
  assert.deepEqual(r.articles.map((a) => a.origin), ['list.json#1', 'list.json#2']);
});

test('dates: ISO, RFC 2822 and prose forms; garbage is refused', () => {
  assert.equal(toIsoDate('2021-08-15'), '2021-08-15');
  assert.equal(toIsoDate('Sun, 15 Aug 2021 10:30:00 GMT'), '2021-08-15T10:30:00.000Z');
  assert.equal(toIsoDate('August 15, 2021'), '2021-08-15');
  assert.equal(toIsoDate('2021-13-40'), undefined);
  assert.equal(toIsoDate('last Thursday'), undefined);
});

test('metadata lines: a source name of several words, then a date line', () => {
  const a = parseTextArticle('source: Associated Press\ndate: 2024-03-02\nFloods cut the coastal highway\n\nThe highway was closed.', 'm.txt');
  assert.equal(a.source, 'Associated Press');
  assert.equal(a.published, '2024-03-02');
  assert.equal(a.title, 'Floods cut the coastal highway');
});
