import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Document, Range } from '../src/model/document.js';
import { checkOffsets, schemaPath, validateSitrepJson } from '../src/output/schema.js';
import { SITREP_JSON_VERSION, toJsonDocument, type JsonDocument, type SitrepJson } from '../src/output/sitrep-json.js';

/** Paragraph and sentence ranges of `text`, found the simple way for fixtures. */
function segment(text: string): { paragraphs: Range[]; sentences: Range[] } {
  const paragraphs: Range[] = [];
  const sentences: Range[] = [];
  for (const p of text.matchAll(/[^\n]+(?:\n[^\n]+)*/g)) {
    const start = p.index!;
    paragraphs.push({ start, end: start + p[0].length });
    for (const s of p[0].matchAll(/[^\s][^.!?]*[.!?]+/g)) {
      sentences.push({ start: start + s.index!, end: start + s.index! + s[0].length });
    }
  }
  return { paragraphs, sentences };
}

function doc(id: string, text: string, extra: Partial<JsonDocument> = {}): JsonDocument {
  return {
    id,
    format: 'text',
    title: `Article ${id}`,
    publishedFrom: 'unknown',
    text,
    ...segment(text),
    removed: [],
    ...extra,
  };
}

const HARBOUR =
  'The harbour authority closed the north pier on Tuesday after a crane collapsed. No one was hurt.\n\n' +
  'Repairs are expected to take three weeks, the authority said.';
const HARBOUR_COPY =
  'The harbour authority closed the north pier on Tuesday after a crane collapsed. No one was hurt.\n\n' +
  'Ferry services will use the south terminal until further notice.';

function valid(): SitrepJson {
  return {
    version: SITREP_JSON_VERSION,
    generatedAt: '2024-05-14T09:30:00.000Z',
    generator: { name: 'sitrep', version: '0.1.0' },
    inputs: ['corpus/'],
    documents: [
      doc('a1', HARBOUR, {
        path: 'corpus/harbour.txt',
        source: 'Coastal Times',
        published: '2024-05-14',
        publishedFrom: 'metadata',
        removed: [{ text: 'Subscribe for daily updates', rule: 'subscribe' }],
      }),
      doc('b2', HARBOUR_COPY, {
        url: 'https://example.org/pier',
        format: 'html',
        source: 'Bay Herald',
        published: '2024-05-14T11:05:00',
        publishedFrom: 'text',
      }),
    ],
    stories: [{ id: 's1', title: 'Crane collapse closes north pier', documentIds: ['a1', 'b2'], firstDate: '2024-05-14', lastDate: '2024-05-14T11:05:00' }],
    independence: [],
    passages: [],
    copies: [
      {
        source: 'a1',
        copy: 'b2',
        kind: 'partial',
        coverageOfCopy: 0.6,
        coverageOfSource: 0.62,
        similarity: 0.45,
        method: 'minhash',
        pairs: [
          { sourceSentence: 0, copySentence: 0, score: 1, kind: 'verbatim' },
          { sourceSentence: 1, copySentence: 1, score: 1, kind: 'verbatim' },
        ],
      },
    ],
    entities: [],
    quotes: [],
    times: [],
    quantities: [],
    events: [],
    claims: [],
    timeline: [],
    summary: [],
    errors: [{ input: 'corpus/broken.pdf', message: 'unsupported format' }],
  };
}

const REQUIRED = [
  'version', 'generatedAt', 'generator', 'inputs', 'documents', 'stories', 'copies',
  'entities', 'quotes', 'events', 'claims', 'timeline', 'summary', 'errors',
] as const;

/** A deep copy that can be broken freely without type complaints. */
function mutable(): any {
  return structuredClone(valid());
}

describe('validateSitrepJson', () => {
  it('finds the schema file in docs/', () => {
    assert.match(schemaPath(), /docs[\\/]sitrep\.schema\.json$/);
  });

  it('accepts a valid report, including after a JSON round trip', () => {
    const fixture = valid();
    assert.equal(fixture.documents[0].sentences.length, 3, 'fixture segmentation');
    assert.deepEqual(validateSitrepJson(fixture), { valid: true, errors: [] });
    assert.deepEqual(validateSitrepJson(JSON.parse(JSON.stringify(fixture))), { valid: true, errors: [] });
  });

  it('accepts an empty run', () => {
    const empty = { ...valid(), documents: [], stories: [], copies: [], independence: [], passages: [], errors: [] };
    assert.deepEqual(validateSitrepJson(empty), { valid: true, errors: [] });
  });

  it('accepts documents made by toJsonDocument', () => {
    const d: Document = {
      id: 'c3',
      textHash: 'ffee',
      origin: 'https://news.example.net/feed#item-4',
      format: 'feed',
      title: 'Pier reopens early',
      publishedFrom: 'inferred',
      published: '2024-05-20T07:00:00+02:00',
      text: 'The north pier reopened a week early. Crews worked overnight.',
      paragraphs: [{ start: 0, end: 61 }],
      sentences: [{ start: 0, end: 37 }, { start: 38, end: 61 }],
      removed: [],
      spans: [{ doc: 'c3', start: 4, end: 14, label: 'place' }],
    };
    const json = valid();
    json.documents.push(toJsonDocument(d));
    assert.deepEqual(validateSitrepJson(json), { valid: true, errors: [] });
  });

  for (const field of REQUIRED) {
    it(`rejects a report without "${field}"`, () => {
      const json = mutable();
      delete json[field];
      const result = validateSitrepJson(json);
      assert.equal(result.valid, false);
      assert.ok(result.errors.some((e) => e.includes(`'${field}'`)), result.errors.join('\n'));
    });
  }

  it('rejects a non-integer or negative sentence offset', () => {
    for (const bad of [1.5, -1, '3', null]) {
      const json = mutable();
      json.documents[0].sentences[1].start = bad;
      const result = validateSitrepJson(json);
      assert.equal(result.valid, false, `start = ${JSON.stringify(bad)}`);
      assert.ok(result.errors.some((e) => e.startsWith('/documents/0/sentences/1/start')), result.errors.join('\n'));
    }
  });

  it('rejects a range without end', () => {
    const json = mutable();
    delete json.documents[1].paragraphs[0].end;
    assert.equal(validateSitrepJson(json).valid, false);
  });

  it('rejects an unknown top-level property and unknown fields in the typed sections, allows them in the open one', () => {
    const extraTop = mutable();
    extraTop.entitys = [];
    const result = validateSitrepJson(extraTop);
    assert.equal(result.valid, false);
    assert.ok(result.errors.some((e) => e.includes('"entitys"')), result.errors.join('\n'));

    const extraItem = mutable();
    extraItem.documents[0].language = 'en';
    extraItem.summary.push({ sentence: 'The harbour reopened.', cites: [] });
    assert.deepEqual(validateSitrepJson(extraItem), { valid: true, errors: [] });
    const extraEvent = mutable();
    extraEvent.timeline.push({ date: '2024-05-14' });
    assert.equal(validateSitrepJson(extraEvent).valid, false, 'a timeline entry without its fields');
  });

  it('rejects non-object items in the open sections', () => {
    const json = mutable();
    json.quotes.push('No one was hurt.');
    assert.equal(validateSitrepJson(json).valid, false);
  });

  it('rejects wrong enums, shares and dates', () => {
    const cases: [string, (j: any) => void][] = [
      ['publishedFrom', (j) => (j.documents[0].publishedFrom = 'guessed')],
      ['format', (j) => (j.documents[0].format = 'pdf')],
      ['copy kind', (j) => (j.copies[0].kind = 'plagiarism')],
      ['pair kind', (j) => (j.copies[0].pairs[0].kind = 'exact')],
      ['coverage above 1', (j) => (j.copies[0].coverageOfCopy = 1.2)],
      ['similarity below 0', (j) => (j.copies[0].similarity = -0.1)],
      ['published prose', (j) => (j.documents[0].published = 'May 14, 2024')],
      ['generatedAt date only', (j) => (j.generatedAt = '2024-05-14')],
      ['version', (j) => (j.version = 'v1')],
      ['story without documents', (j) => (j.stories[0].documentIds = [])],
      ['error without message', (j) => delete j.errors[0].message],
      ['removed line without rule', (j) => delete j.documents[0].removed[0].rule],
    ];
    for (const [name, breakIt] of cases) {
      const json = mutable();
      breakIt(json);
      assert.equal(validateSitrepJson(json).valid, false, name);
    }
  });

  it('reports semantic errors of a well-shaped report', () => {
    const json = valid();
    json.documents[0].sentences[2] = { start: 150, end: 170 };
    const result = validateSitrepJson(json);
    assert.equal(result.valid, false);
    assert.equal(result.errors.length, 1, result.errors.join('\n'));
    assert.match(result.errors[0], /^\/documents\/0 \(a1\)\/sentences\[2\]: .*exceeds text length/);
    assert.ok(result.errors[0].endsWith(`length ${HARBOUR.length}`));
  });
});

describe('checkOffsets', () => {
  it('finds nothing wrong in a valid report', () => {
    assert.deepEqual(checkOffsets(valid()), []);
  });

  it('catches a sentence beyond the end of the text', () => {
    const json = valid();
    const d = json.documents[1];
    d.sentences[d.sentences.length - 1].end = d.text.length + 1;
    const errors = checkOffsets(json);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^\/documents\/1 \(b2\)\/sentences\[2\]: range \d+\.\.163 exceeds text length 162$/);
  });

  it('catches overlapping, unsorted and empty ranges', () => {
    const json = valid();
    const [p0, p1] = json.documents[0].paragraphs;
    json.documents[0].paragraphs = [p1, p0];
    json.documents[1].sentences[1] = { start: 10, end: 40 };
    json.documents[1].sentences[2] = { start: 120, end: 120 };
    const errors = checkOffsets(json);
    assert.ok(errors.some((e) => /a1\)\/paragraphs\[1\]: starts at 0/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /b2\)\/sentences\[1\]: starts at 10/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /b2\)\/sentences\[2\]: empty/.test(e)), errors.join('\n'));
  });

  it('catches dangling references and duplicate ids', () => {
    const json = valid();
    json.stories[0].documentIds.push('zz9');
    json.copies[0].source = 'missing';
    json.copies[0].pairs[1].copySentence = 7;
    json.documents.push({ ...json.documents[0] });
    const errors = checkOffsets(json);
    assert.ok(errors.some((e) => e.includes('unknown document zz9')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('unknown source document missing')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('copy sentence 7 out of range (3 sentences)')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('duplicate document id')), errors.join('\n'));
  });

  it('catches a story whose first date is after its last', () => {
    const json = valid();
    json.stories[0].firstDate = '2024-05-15';
    assert.ok(checkOffsets(json).some((e) => e.includes('is after lastDate')));
  });
});
