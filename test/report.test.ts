import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import type { Range } from '../src/model/document.js';
import { escapeHtml, html, raw, safeHref } from '../src/output/html.js';
import { renderReport } from '../src/output/report.js';
import { validateSitrepJson } from '../src/output/schema.js';
import { SITREP_JSON_VERSION, type JsonDocument, type SitrepJson } from '../src/output/sitrep-json.js';

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

function doc(fields: Omit<JsonDocument, 'paragraphs' | 'sentences' | 'removed'> & Partial<JsonDocument>): JsonDocument {
  return { removed: [], ...segment(fields.text), ...fields };
}

const FLOOD_TEXT =
  'Floodwater from the Arden river reached the Riverton bridge early on Monday, and engineers closed it to all traffic. ' +
  'About 40 households in Lowbridge were asked to leave their homes.\n\n' +
  'The county emergency office said the water level was the highest since records began in 1968. ' +
  'Temporary barriers were placed along Mill Lane.\n\n' +
  '"We expect the river to peak tonight," said Dana Okafor, who leads the office.';

const FLOOD_REWRITE =
  'Engineers shut the Riverton bridge on Monday after the Arden river burst its banks. ' +
  'Around forty Lowbridge households have been evacuated.\n\n' +
  'Officials said the water level was the highest since records began in 1986.\n\n' +
  '"We expect the river to peak tonight," said Dana Okafor, who leads the office.';

// The sentence of the rewrite that changed a fact and its speaker.
const FLOOD_SOURCE_DISTORTED = 'The county emergency office said the water level was the highest since records began in 1968.';
const FLOOD_COPY_DISTORTED = 'Officials said the water level was the highest since records began in 1986.';

const FLOOD_LOCAL =
  'Shopkeepers on Mill Lane in Riverton spent Monday afternoon stacking sandbags against their doors. ' +
  "The hardware store ran out of sand by three o'clock, its owner said.";

const HOSTILE_COPY_SENTENCE =
  'One resident typed <script>alert(2)</script> into the comment form, and another sent <img src=y onerror=alert(2)> by email.';

const HOSTILE_TEXT =
  'The council approved the 2025 budget by seven votes to four on Thursday. ' +
  'A resident posted <script>alert(1)</script> in the comment form, and another sent <img src=x onerror=alert(1)> by email.\n\n' +
  'Spending on road repairs rises by 12 percent & library hours are extended.';

const DOCS: JsonDocument[] = [
  doc({
    id: 'd-flood-1',
    path: 'corpus/valley-courier/flood.html',
    url: 'https://valley-courier.example/news/flood-riverton',
    format: 'html',
    title: 'Riverton bridge closed as Arden floods "worst in decades"',
    source: 'Valley Courier',
    byline: 'Sam Reyes',
    published: '2024-03-04T07:45:00Z',
    publishedFrom: 'metadata',
    text: FLOOD_TEXT,
    removed: [
      { text: 'Sign up for our morning newsletter', rule: 'newsletter' },
      { text: 'Share on <Facebook>', rule: 'share-links' },
    ],
  }),
  doc({
    id: 'd-flood-2',
    path: 'corpus/northern-post/flood-copy.txt',
    format: 'text',
    title: 'Riverton & Lowbridge: bridge closed by flood',
    source: 'Northern Post',
    published: '2024-03-04',
    publishedFrom: 'text',
    text: FLOOD_TEXT,
  }),
  doc({
    id: 'd-flood-3',
    url: 'http://radio-east.example/items/4411',
    format: 'feed',
    title: "Evacuations in Lowbridge as river rises",
    source: 'Radio East',
    published: '2024-03-05',
    publishedFrom: 'inferred',
    text: FLOOD_REWRITE,
  }),
  doc({
    id: 'd-flood-4',
    path: 'corpus/hill-gazette/sandbags.md',
    format: 'markdown',
    title: 'Mill Lane shops sandbag doors as Arden rises',
    source: 'Hill Gazette',
    published: '2024-03-04T18:00:00Z',
    publishedFrom: 'metadata',
    text: FLOOD_LOCAL,
  }),
  doc({
    id: 'd-council-2',
    path: 'corpus/eastside/budget.txt',
    format: 'text',
    title: 'Budget passes after heated session',
    source: 'Eastside Notes',
    published: '2024-03-07',
    publishedFrom: 'metadata',
    text: `The council approved the 2025 budget by seven votes to four on Thursday. ${HOSTILE_COPY_SENTENCE}`,
  }),
  doc({
    id: 'd-council',
    url: 'javascript:alert(1)',
    format: 'jsonl',
    title: 'Council passes budget <img src=x onerror=alert(1)>',
    source: "O'Neill Weekly",
    publishedFrom: 'unknown',
    text: HOSTILE_TEXT,
  }),
  doc({
    id: 'd-library',
    path: 'corpus/city/library-hours.txt',
    format: 'text',
    title: 'Longer library hours start in March',
    source: 'City Hall Bulletin',
    published: '2024-03-08',
    publishedFrom: 'metadata',
    text: 'From next week the central library stays open until 9 pm on weekdays. The change is funded by the new budget.',
  }),
  doc({
    id: 'd-loose',
    path: 'corpus/misc/notice.md',
    format: 'markdown',
    title: 'Library closed for inventory',
    publishedFrom: 'unknown',
    text: 'The central library will be closed on Friday for its annual inventory.',
  }),
];

const STORY_FLOOD = 'Arden flood closes Riverton bridge & forces evacuations';
const STORY_BUDGET = 'Council budget vote <script>alert(1)</script>';
const STORY_LIBRARY = 'Library opening hours extended';

function fixture(): SitrepJson {
  return {
    version: SITREP_JSON_VERSION,
    generatedAt: '2024-03-06T12:00:00Z',
    generator: { name: 'sitrep', version: '0.1.0' },
    inputs: ['corpus/'],
    documents: DOCS,
    // Smallest first, so the report has to reorder them.
    stories: [
      { id: 'st-budget', title: STORY_BUDGET, documentIds: ['d-council-2', 'd-council'], independentSources: 1 },
      { id: 'st-library', title: STORY_LIBRARY, documentIds: ['d-library'], firstDate: '2024-03-08', lastDate: '2024-03-08' },
      {
        id: 'st-flood',
        title: STORY_FLOOD,
        documentIds: ['d-flood-3', 'd-flood-4', 'd-flood-2', 'd-flood-1'],
        firstDate: '2024-03-04',
        lastDate: '2024-03-05',
        independentSources: 2,
      },
    ],
    independence: [
      { id: 'st-budget-g1', story: 'st-budget', origin: 'd-council', documentIds: ['d-council', 'd-council-2'], reasons: ['partial copy'] },
      { id: 'st-library-g1', story: 'st-library', origin: 'd-library', documentIds: ['d-library'], reasons: [] },
      {
        id: 'st-flood-g1',
        story: 'st-flood',
        origin: 'd-flood-1',
        documentIds: ['d-flood-3', 'd-flood-2', 'd-flood-1'],
        reasons: ['duplicate copy', 'rewrite copy'],
      },
      { id: 'st-flood-g2', story: 'st-flood', origin: 'd-flood-4', documentIds: ['d-flood-4'], reasons: [] },
    ],
    passages: [],
    copies: [
      {
        source: 'd-flood-1',
        copy: 'd-flood-2',
        kind: 'duplicate',
        coverageOfCopy: 1,
        coverageOfSource: 1,
        similarity: 1,
        method: 'exact',
        pairs: [0, 1, 2, 3, 4].map((i) => ({ sourceSentence: i, copySentence: i, score: 1, kind: 'verbatim' as const })),
        distortions: [],
      },
      {
        source: 'd-flood-1',
        copy: 'd-flood-3',
        kind: 'rewrite',
        coverageOfCopy: 0.42,
        coverageOfSource: 0.18,
        similarity: 0.21,
        method: 'minhash',
        pairs: [
          { sourceSentence: 0, copySentence: 0, score: 0.58, kind: 'paraphrase' },
          { sourceSentence: 1, copySentence: 1, score: 0.61, kind: 'paraphrase' },
          { sourceSentence: 2, copySentence: 2, score: 0.87, kind: 'edited' },
          { sourceSentence: 4, copySentence: 3, score: 1, kind: 'verbatim' },
        ],
        distortions: [
          { sourceSentence: 2, copySentence: 2, type: 'number', detail: '1968 -> 1986' },
          { sourceSentence: 2, copySentence: 2, type: 'speaker', detail: "'The county emergency office' -> 'Officials'" },
        ],
      },
      {
        source: 'd-council',
        copy: 'd-council-2',
        kind: 'partial',
        coverageOfCopy: 1,
        coverageOfSource: 0.7,
        similarity: 0.55,
        method: 'minhash',
        pairs: [
          { sourceSentence: 0, copySentence: 0, score: 1, kind: 'verbatim' },
          { sourceSentence: 1, copySentence: 1, score: 0.74, kind: 'edited' },
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
    errors: [{ input: 'corpus/scan<1>.pdf', message: 'unsupported format "pdf"' }],
  };
}

const report = renderReport(fixture());
const { document } = parseHTML(report);

function docItem(id: string): Element {
  const el = document.getElementById(`doc-${id}`);
  assert.ok(el, `document ${id} is in the report`);
  return el;
}

describe('html helpers', () => {
  it('escapes the five special characters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('escapes interpolations but not SafeHtml', () => {
    const title = '<b onclick="x()">Tom & Jerry</b>';
    assert.equal(
      html`<p title="${title}">${title}${raw('<br>')}${[1, ' < ', 2]}${null}${false}</p>`.value,
      '<p title="&lt;b onclick=&quot;x()&quot;&gt;Tom &amp; Jerry&lt;/b&gt;">&lt;b onclick=&quot;x()&quot;&gt;Tom &amp; Jerry&lt;/b&gt;<br>1 &lt; 2</p>',
    );
  });

  it('allows only http(s) links', () => {
    assert.equal(safeHref('https://example.org/a?b=1'), 'https://example.org/a?b=1');
    assert.equal(safeHref('HTTP://Example.org'), 'http://example.org/');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative/path', 'file:///etc/passwd', '', undefined]) {
      assert.equal(safeHref(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('renderReport', () => {
  it('renders a fixture that is valid sitrep.json', () => {
    assert.deepEqual(validateSitrepJson(fixture()), { valid: true, errors: [] });
    assert.ok(report.startsWith('<!doctype html>'), 'a full HTML document');
  });

  it('never emits article markup as markup', () => {
    assert.ok(!report.includes('<script>alert'), 'raw <script>alert');
    assert.ok(!/<img/i.test(report), 'raw <img');
    assert.ok(!/<[a-z][^<>]*\sonerror\s*=/i.test(report), 'onerror attribute');
    assert.ok(!/href\s*=\s*["']?\s*javascript:/i.test(report), 'javascript: link');
    assert.equal(document.querySelectorAll('script').length, 1);
    assert.equal(document.querySelectorAll('img').length, 0);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes) as Attr[]) {
        assert.ok(!attr.name.startsWith('on'), `${el.tagName} has ${attr.name}`);
      }
    }
    // The hostile text is still shown, as text.
    const text = docItem('d-council').textContent!;
    assert.ok(text.includes('<script>alert(1)</script>'), 'hostile script shown as text');
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'hostile img shown as text');
    assert.ok(text.includes('12 percent & library'), 'ampersand shown as text');
  });

  it('links only to http(s) targets or anchors in the page', () => {
    const hrefs = Array.from(document.querySelectorAll('[href]')).map((el) => el.getAttribute('href')!);
    assert.ok(hrefs.length > 0, 'some links');
    for (const href of hrefs) assert.match(href, /^(#|https?:\/\/)/);
    for (const a of document.querySelectorAll('a[href^="http"]')) {
      assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
    }
    assert.ok(hrefs.includes('https://valley-courier.example/news/flood-riverton'), 'the https article link');
    assert.ok(hrefs.includes('http://radio-east.example/items/4411'), 'the http article link');
    // The javascript: URL is shown, not linked.
    const council = docItem('d-council');
    assert.deepEqual(Array.from(council.querySelectorAll('a')).map((a) => a.getAttribute('href')), ['#doc-d-council-2'], 'only the in-page "Copied by" link');
    assert.equal(council.querySelector('.loc code')?.textContent, 'javascript:alert(1)');
  });

  it('loads nothing from anywhere', () => {
    assert.ok(!/\ssrc\s*=/i.test(report.replace(/&lt;.*?&gt;/g, '')), 'src attribute');
    assert.equal(document.querySelectorAll('[src], link, iframe, object, embed, video, audio, source').length, 0);
    assert.ok(!/@import/i.test(report), 'no @import');
    assert.ok(!/url\s*\(/i.test(report), 'no url()');
    assert.ok(!/<link\b/i.test(report), 'no <link>');
    for (const el of document.querySelectorAll('style, script')) {
      assert.ok(!/https?:\/\//.test(el.textContent!), `${el.tagName} mentions a URL`);
    }
  });

  it('declares a CSP that admits only its own inline style and script', () => {
    const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    assert.ok(meta, 'CSP meta');
    const csp = meta.getAttribute('content')!;
    const directives = new Map(csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }));
    assert.equal(directives.get('default-src'), "'none'");
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    assert.equal(directives.get('script-src'), hash(document.querySelector('script')!.textContent!));
    assert.equal(directives.get('style-src'), hash(document.querySelector('style')!.textContent!));
    assert.ok(!csp.includes('unsafe'), 'no unsafe-* source');
    // The CSP must come before anything it governs.
    assert.ok(report.indexOf('Content-Security-Policy') < report.indexOf('<style>'), 'CSP before the style');
    assert.equal(document.querySelectorAll('[style]').length, 0, 'inline style attributes would be blocked');
  });

  it('contains every story and document title, escaped', () => {
    for (const title of [STORY_FLOOD, STORY_BUDGET, STORY_LIBRARY, ...DOCS.map((d) => d.title)]) {
      assert.ok(report.includes(escapeHtml(title)), title);
    }
    assert.ok(!report.includes('Riverton & Lowbridge'), 'unescaped ampersand');
    assert.ok(report.includes('O&#39;Neill Weekly'), 'apostrophe escaped');
  });

  it('orders stories largest first and their documents by date', () => {
    const titles = Array.from(document.querySelectorAll('section.story h2')).map((h) => h.textContent);
    // Equal sizes: the most recent first.
    assert.deepEqual(titles, [STORY_FLOOD, STORY_BUDGET, STORY_LIBRARY]);
    const flood = document.querySelector('section.story')!;
    const ids = Array.from(flood.querySelectorAll('li.doc')).map((li) => li.id);
    assert.deepEqual(ids, ['doc-d-flood-2', 'doc-d-flood-1', 'doc-d-flood-4', 'doc-d-flood-3']);
    assert.equal(
      flood.querySelector('[data-head] .meta')!.textContent,
      '2024-03-04 – 2024-03-05 · 4 documents from 2 independent sources · 4 outlets · 2 copies',
    );
  });

  it('shows counts and read errors in the header', () => {
    const stats = Object.fromEntries(
      Array.from(document.querySelectorAll('.stats div')).map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]),
    );
    assert.deepEqual(stats, {
      Documents: '8',
      Stories: '3',
      Copies: '3',
      'Possible distortions': '2',
      Outlets: '7',
      Dates: '2024-03-04 – 2024-03-08',
    });
    const errors = document.querySelector('.errors')!;
    assert.ok(errors.textContent!.includes('corpus/scan<1>.pdf: unsupported format "pdf"'), 'the read error is listed');
  });

  it('badges how each date was known', () => {
    const badges = (id: string) => Array.from(docItem(id).querySelectorAll(':scope > div > .badge')).map((b) => b.textContent);
    assert.deepEqual(badges('d-flood-1'), []);
    assert.deepEqual(badges('d-flood-2'), ['from text']);
    assert.deepEqual(badges('d-flood-3'), ['inferred']);
    assert.deepEqual(badges('d-council'), ['undated']);
    assert.equal(docItem('d-flood-1').querySelector('time')!.getAttribute('datetime'), '2024-03-04T07:45:00Z');
    assert.equal(docItem('d-flood-1').querySelector('time')!.textContent, '2024-03-04 07:45 UTC');
  });

  it('puts cleaned paragraphs and removed lines in collapsed sections', () => {
    const item = docItem('d-flood-1');
    const text = item.querySelector('details.text')!;
    assert.equal(text.hasAttribute('open'), false);
    const paragraphs = Array.from(text.querySelectorAll('p')).map((p) => p.textContent);
    assert.deepEqual(paragraphs, DOCS[0].paragraphs.map((r) => FLOOD_TEXT.slice(r.start, r.end)));
    assert.equal(paragraphs.length, 3);
    const removed = item.querySelector('details.removed')!;
    assert.equal(removed.hasAttribute('open'), false);
    assert.deepEqual(Array.from(removed.querySelectorAll('li')).map((li) => li.textContent), [
      'newsletter Sign up for our morning newsletter',
      'share-links Share on <Facebook>',
    ]);
    assert.equal(docItem('d-flood-2').querySelector('details.removed'), null);
  });

  it('shows copy relations with coverage bars and aligned sentences', () => {
    const flood = document.getElementById('story-1')!;
    const copies = Array.from(flood.querySelectorAll('.provenance .copy'));
    assert.equal(copies.length, 2);
    const rewrite = copies.find((c) => c.querySelector('.badge.kind')!.textContent === 'rewrite')!;
    // "copy ← source", then the pairs' links are none: only the head links to documents.
    assert.equal(rewrite.querySelector('.copy-head')!.textContent!.replace(/\s+/g, ' ').includes('Evacuations in Lowbridge as river rises (Radio East) ← Riverton bridge closed'), true);
    assert.deepEqual(Array.from(rewrite.querySelectorAll('a')).map((a) => a.getAttribute('href')), ['#doc-d-flood-3', '#doc-d-flood-1']);
    assert.deepEqual(Array.from(rewrite.querySelectorAll('rect.bar-fg')).map((r) => r.getAttribute('width')), ['42.0', '18.0']);
    assert.deepEqual(Array.from(rewrite.querySelectorAll('.pct')).map((p) => p.textContent), ['42%', '18%']);
    assert.match(rewrite.querySelector('p.meta')!.textContent!, /^4 aligned sentences · similarity 0\.21 · found by minhash$/);
    const aligned = rewrite.querySelector('details.aligned')!;
    assert.equal(aligned.hasAttribute('open'), false, 'aligned sentences start collapsed');
    const rows = Array.from(aligned.querySelectorAll('tbody tr:not(.flag)')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[3], [
      '"We expect the river to peak tonight," said Dana Okafor, who leads the office.',
      '"We expect the river to peak tonight," said Dana Okafor, who leads the office.',
      'verbatim 1.00',
    ]);
    assert.deepEqual(rows.map((r) => r[2]), ['paraphrase 0.58', 'paraphrase 0.61', 'edited 0.87', 'verbatim 1.00']);
    // An identical pair has nothing to highlight.
    assert.equal(aligned.querySelectorAll('tbody tr:last-child :is(del, ins)').length, 0);
    assert.ok(docItem('d-flood-2').textContent!.includes('Copies Riverton bridge closed as Arden floods "worst in decades" (Valley Courier) duplicate'), 'the duplicate names its source');
    assert.match(docItem('d-flood-1').textContent!, /Copied by .*Riverton & Lowbridge.*, .*Evacuations in Lowbridge/);
  });

  it('summarizes a verbatim duplicate instead of listing its sentences', () => {
    const duplicate = Array.from(document.querySelectorAll('.provenance .copy')).find(
      (c) => c.querySelector('.badge.kind')!.textContent === 'duplicate',
    )!;
    assert.match(duplicate.querySelector('p.meta')!.textContent!, /^5 identical sentences · /);
    assert.equal(duplicate.querySelectorAll('table, details').length, 0);
    assert.ok(!duplicate.textContent!.includes('Temporary barriers'), 'no sentence text of the duplicate');
  });

  it('says how many independent sources a story has and which document started each', () => {
    const flood = document.getElementById('story-1')!;
    const provenance = flood.querySelector('.provenance')!;
    assert.equal(provenance.querySelector('h4')!.textContent, '2 independent sources');
    const groups = Array.from(provenance.querySelectorAll('ol.groups > li'));
    assert.equal(groups.length, 2);
    // The larger group first, its origin first and marked.
    const members = Array.from(groups[0].querySelectorAll('ul > li'));
    assert.deepEqual(members.map((li) => li.querySelector('a')!.getAttribute('href')), ['#doc-d-flood-1', '#doc-d-flood-2', '#doc-d-flood-3']);
    assert.deepEqual(members.map((li) => li.querySelector('.badge.origin')?.textContent ?? ''), ['origin', '', '']);
    assert.equal(groups[0].querySelector('.meta')!.textContent, 'Joined because of: duplicate copy · rewrite copy');
    assert.equal(groups[1].querySelector('a')!.getAttribute('href'), '#doc-d-flood-4');
    assert.equal(groups[1].querySelector('.badge'), null, 'a document on its own needs no origin mark');
    // A one-document story has no provenance view at all.
    assert.equal(document.getElementById('story-3')!.querySelector('.provenance'), null);
  });

  it('flags distortions with both sentences and the changed words visible', () => {
    const flood = document.getElementById('story-1')!;
    const summary = flood.querySelector('.provenance > .warn-box')!;
    assert.ok(summary, 'the distortion summary heads the provenance view');
    assert.equal(flood.querySelector('.provenance > h3')!.nextElementSibling, summary);
    assert.match(summary.textContent!, /^⚠ 2 possible distortions: /);
    const links = Array.from(summary.querySelectorAll('li a'));
    assert.deepEqual(links.map((a) => a.textContent), ['number 1968 -> 1986', "speaker 'The county emergency office' -> 'Officials'"]);
    const target = document.getElementById(links[0].getAttribute('href')!.slice(1))!;
    assert.ok(target, 'the summary links to the flagged pair');
    // The flagged pair is shown outside the collapsed table, with its two flags and both sentences.
    assert.equal(target.closest('details'), null);
    assert.ok(target.closest('.flagged'), 'the flagged pair is in the visible block');
    assert.equal(target.textContent, "⚠ number 1968 -> 1986⚠ speaker 'The county emergency office' -> 'Officials'");
    const pair = target.nextElementSibling!;
    assert.equal(pair.className, 'warn');
    const [source, copy, kind] = Array.from(pair.querySelectorAll('td'));
    assert.equal(source.textContent, FLOOD_SOURCE_DISTORTED);
    assert.equal(copy.textContent, FLOOD_COPY_DISTORTED);
    assert.equal(kind.textContent, 'edited 0.87');
    // Word-level highlighting: the changed year and the changed speaker.
    assert.deepEqual(Array.from(source.querySelectorAll('del')).map((d) => d.textContent), ['The county emergency office', '1968']);
    assert.deepEqual(Array.from(copy.querySelectorAll('ins')).map((d) => d.textContent), ['Officials', '1986']);
    assert.equal(source.querySelectorAll('ins').length + copy.querySelectorAll('del').length, 0);
    // The same pair is flagged in the full table too, without a duplicate id.
    assert.equal(flood.querySelectorAll('details.aligned tr.flag').length, 1);
    assert.equal(flood.querySelectorAll('details.aligned [id]').length, 0);
    // The rewrite says it has distortions; the duplicate does not.
    const badges = Array.from(flood.querySelectorAll('.copy-head')).map((h) => h.querySelector('.badge.warn')?.textContent ?? '');
    assert.deepEqual(badges, ['2 possible distortions', '']);
  });

  it('says so when copies show no distortion', () => {
    const budget = document.getElementById('story-2')!;
    assert.equal(budget.querySelector('.warn-box'), null);
    assert.equal(budget.querySelector('.provenance > p.meta')!.textContent, 'No possible distortions found between copies and their sources.');
    assert.match(budget.querySelector('[data-head] .meta')!.textContent!, /2 documents from 1 independent source · 2 outlets · 1 copy$/);
  });

  it('keeps hostile text inside aligned sentences inert', () => {
    const budget = document.getElementById('story-2')!;
    const rows = Array.from(budget.querySelectorAll('details.aligned tbody tr'));
    const hostile = rows.find((tr) => tr.textContent!.includes('comment form'))!;
    const [source, copy] = Array.from(hostile.querySelectorAll('td'));
    assert.ok(source.textContent!.includes('<script>alert(1)</script>'), 'hostile source sentence shown as text');
    assert.equal(copy.textContent, HOSTILE_COPY_SENTENCE);
    // Only the diff's own markup is in the cells, and the changed parts are text.
    for (const cell of [source, copy]) {
      for (const el of cell.querySelectorAll('*')) assert.match(el.tagName, /^(DEL|INS)$/);
      for (const el of cell.querySelectorAll('del, ins')) assert.equal(el.children.length, 0);
    }
    assert.ok(Array.from(copy.querySelectorAll('ins')).some((i) => i.textContent!.includes('2')), 'the changed number is marked as inserted');
    assert.equal(document.querySelectorAll('script').length, 1);
  });

  it('lists documents that belong to no story', () => {
    const section = document.getElementById('unassigned')!;
    assert.deepEqual(Array.from(section.querySelectorAll('li.doc')).map((li) => li.id), ['doc-d-loose']);
  });

  it('filters stories and documents with the inline script', () => {
    const page = parseHTML(report);
    const script = page.document.querySelector('script')!.textContent!;
    new Function('document', script)(page.document);
    const tools = page.document.querySelector('.tools')!;
    assert.equal(tools.hasAttribute('hidden'), false, 'the filter box shows once the script runs');
    const input = page.document.getElementById('filter') as unknown as { value: string; dispatchEvent(e: Event): void };
    const search = (q: string) => {
      input.value = q;
      input.dispatchEvent(new page.Event('input'));
      return Array.from(page.document.querySelectorAll('li.doc'))
        .filter((li) => !li.hasAttribute('hidden') && !li.closest('[data-group]')!.hasAttribute('hidden'))
        .map((li) => li.id);
    };
    assert.deepEqual(search('evacuated'), ['doc-d-flood-3']);
    assert.deepEqual(search('budget'), ['doc-d-council-2', 'doc-d-council', 'doc-d-library']);
    assert.deepEqual(search('Lowbridge okafor'), ['doc-d-flood-2', 'doc-d-flood-1', 'doc-d-flood-3']);
    assert.deepEqual(search('no such words'), []);
    assert.equal(page.document.getElementById('filter-count')!.textContent, '0 of 8 documents');
    assert.equal(search('').length, 8);
  });

  it('renders an empty run', () => {
    const empty = renderReport({ ...fixture(), documents: [], stories: [], copies: [], independence: [], errors: [] });
    assert.ok(empty.includes('No documents.'), 'says there are no documents');
    assert.ok(!empty.includes('class="errors"'), 'no error box');
  });
});
