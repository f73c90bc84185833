import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml } from '../src/ingest/html.js';

// A fictional local story, long enough for Readability to treat as an article.
const PARAGRAPHS = [
  'Flood barriers along the Marden river were raised on Tuesday evening after three days of heavy rain pushed water levels to their highest point since the barriers were built in 2009.',
  'The county emergency office said about 140 households in the low-lying Eastbank district had been asked to move to higher ground, and a school gymnasium on Cooper Street was opened as a shelter for those without family nearby.',
  'Engineers expect the river to crest on Wednesday afternoon. “We are watching the eastern embankment closely, because that is where the old levee meets the new wall,” said Hana Lindqvist, who leads the county’s water management team.',
  'Bus routes 4 and 17 were suspended, and the Marden railway bridge was closed to freight traffic as a precaution. Passenger trains continued to run at reduced speed.',
  'Farmers upstream reported flooded fields and said the loss of late vegetables would be felt at markets across the region in the coming weeks.',
  'The regional weather service forecast drier conditions from Thursday, though it warned that saturated ground would leave the valley vulnerable to any further storms before the end of the month.',
];

function page(opts: { head?: string; beforeBody?: string; body?: string; afterBody?: string } = {}): string {
  const body = opts.body ?? PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Marden river barriers raised as floodwater rises | Valley Courier</title>
${opts.head ?? ''}
</head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main>
<article>
<h1>Marden river barriers raised as floodwater rises</h1>
${opts.beforeBody ?? ''}
<div class="article-body">
${body}
</div>
${opts.afterBody ?? ''}
</article>
</main>
<footer>© Valley Courier. All rights reserved.</footer>
</body>
</html>`;
}

describe('extractHtml text', () => {
  it('keeps paragraphs apart, with exactly one blank line between them', () => {
    const a = extractHtml(page(), 'marden.html');
    assert.equal(a.format, 'html');
    assert.equal(a.origin, 'marden.html');
    assert.equal(a.text, PARAGRAPHS.join('\n\n'));
  });

  it('turns headings, list items and quotes into their own paragraphs and <br> into a line break', () => {
    const body = `${PARAGRAPHS.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}
      <h2>What residents should do</h2>
      <ul><li>Move cars away from the river road.</li><li>Keep a torch and a charged phone at hand.</li></ul>
      <blockquote><p>The shelter has room for two hundred people and accepts pets.</p></blockquote>
      <p>Eastbank Shelter<br>Cooper Street 12</p>
      ${PARAGRAPHS.slice(3).map((p) => `<p>${p}</p>`).join('')}`;
    const paragraphs = extractHtml(page({ body }), 'x').text.split('\n\n');
    assert.deepEqual(paragraphs.slice(3, 8), [
      'What residents should do',
      'Move cars away from the river road.',
      'Keep a torch and a charged phone at hand.',
      'The shelter has room for two hundred people and accepts pets.',
      'Eastbank Shelter\nCooper Street 12',
    ]);
  });

  it('collapses whitespace inside a paragraph without gluing inline elements to their neighbours', () => {
    const body = `<p>The   barrier\n\t was <b>raised</b> <i>twice</i>,\n once at <a href="/t">six</a>  and again at nine.</p>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`;
    const first = extractHtml(page({ body }), 'x').text.split('\n\n')[0];
    assert.equal(first, 'The barrier was raised twice, once at six and again at nine.');
  });

  it('decodes character entities', () => {
    const body = `<p>Smith &amp; Sons lost stock worth &pound;20,000&nbsp;in the caf&eacute; basement &#8212; the owner&#8217;s &quot;worst week&quot; &lt;so far&gt;.</p>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`;
    const first = extractHtml(page({ body }), 'x').text.split('\n\n')[0];
    assert.equal(first, 'Smith & Sons lost stock worth £20,000 in the café basement — the owner’s "worst week" <so far>.');
  });

  it('never lets script, style, noscript or JSON-LD content into the text', () => {
    const body = PARAGRAPHS.map(
      (p, i) =>
        `<p>${p}</p><script>var trackerId = "SCRIPT_LEAK_${i}"; document.write("<p>SCRIPT_LEAK</p>");</script>` +
        `<style>.x::after { content: "STYLE_LEAK"; }</style><noscript>NOSCRIPT_LEAK</noscript>`,
    ).join('');
    const head = '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":"JSONLD_LEAK"}</script><style>body{color:red}</style>';
    const text = extractHtml(page({ head, body }), 'x').text;
    assert.doesNotMatch(text, /LEAK|trackerId|color:red/);
    assert.equal(text, PARAGRAPHS.join('\n\n'));
  });

  it('drops captions, share bars and related-story lists left inside the article', () => {
    const body = `<p>${PARAGRAPHS[0]}</p>
      <figure><img src="/flood.jpg" alt=""><figcaption>Sandbags stacked on Cooper Street. Photo: Valley Courier</figcaption></figure>
      <div class="share-tools"><span>Share this story</span> <a href="#">Facebook</a> <a href="#">Email</a></div>
      ${PARAGRAPHS.slice(1).map((p) => `<p>${p}</p>`).join('')}
      <ul><li><a href="/a">Council approves new riverside park</a></li><li><a href="/b">Marden bridge repairs finished early</a></li></ul>`;
    const text = extractHtml(page({ body }), 'x').text;
    assert.equal(text, PARAGRAPHS.join('\n\n'));
  });

  it('does not throw on malformed HTML and still finds the text', () => {
    const broken = `<html><head><title>Broken page</title><body><div><p>${PARAGRAPHS[0]}<p>${PARAGRAPHS[1]}</span></td><b>${PARAGRAPHS[2]}</div></i><p>${PARAGRAPHS[3]}<!-- unclosed comment`;
    const a = extractHtml(broken, 'broken.html');
    for (const p of PARAGRAPHS.slice(0, 3)) assert.ok(a.text.includes(p), `missing: ${p.slice(0, 30)}`);
  });

  it('reads a bare fragment with no <html>, <head> or <body>', () => {
    const a = extractHtml(PARAGRAPHS.map((p) => `<p>${p}</p>`).join(''), 'fragment.html');
    assert.equal(a.text, PARAGRAPHS.join('\n\n'));
  });

  it('returns the text of a page too short for Readability to call an article', () => {
    const a = extractHtml('<html><body><p>Road closed until Friday.</p></body></html>', 'short.html');
    assert.equal(a.text, 'Road closed until Friday.');
  });

  it('throws a clear error when there is no text at all', () => {
    for (const html of ['', '   ', '<html><head><title>Empty</title></head><body></body></html>', '<script>var a = 1;</script><style>p{}</style>']) {
      assert.throws(() => extractHtml(html, 'empty.html'), (e: Error & { input?: string }) => /no article text found/.test(e.message) && e.input === 'empty.html');
    }
  });
});

describe('extractHtml metadata', () => {
  it('takes title, byline, site, canonical URL and publication time from meta tags', () => {
    const head = `
      <meta property="og:title" content="Marden river barriers raised as floodwater rises">
      <meta property="og:site_name" content="Valley Courier">
      <meta name="author" content="Hana Park">
      <meta property="article:published_time" content="2024-03-12T18:40:00+01:00">
      <link rel="canonical" href="/news/2024/03/marden-barriers">`;
    const a = extractHtml(page({ head }), 'https://valleycourier.example/news/2024/03/marden-barriers?utm_source=feed');
    assert.equal(a.title, 'Marden river barriers raised as floodwater rises');
    assert.equal(a.source, 'Valley Courier');
    assert.equal(a.byline, 'Hana Park');
    assert.equal(a.url, 'https://valleycourier.example/news/2024/03/marden-barriers');
    // The same instant, in whichever ISO 8601 form ingest/dates.ts settles on.
    assert.match(a.published ?? '', /^2024-03-12T\d\d:\d\d/);
    assert.equal(Date.parse(a.published ?? ''), Date.parse('2024-03-12T18:40:00+01:00'));
    assert.equal(a.publishedFrom, 'metadata');
  });

  it('falls back to og:url and other date tags', () => {
    const head = `<meta property="og:url" content="https://valleycourier.example/a/123"><meta name="parsely-pub-date" content="2024-03-12">`;
    const a = extractHtml(page({ head }), 'saved/page.html');
    assert.equal(a.url, 'https://valleycourier.example/a/123');
    assert.equal(a.published, '2024-03-12');
  });

  it('reads NewsArticle JSON-LD inside @graph, with several authors', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Valley Courier Online', datePublished: '2001-01-01' },
        {
          '@type': 'NewsArticle',
          headline: 'Marden river barriers raised as floodwater rises',
          datePublished: '2024-03-12T06:15:00Z',
          author: [{ '@type': 'Person', name: 'Hana Park' }, { '@type': 'Person', name: 'Tomas Reyes' }],
          publisher: { '@type': 'Organization', name: 'Valley Courier' },
        },
      ],
    };
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>
      <meta property="article:published_time" content="2024-03-13T09:00:00Z">`;
    const a = extractHtml(page({ head }), 'x');
    assert.equal(Date.parse(a.published ?? ''), Date.parse('2024-03-12T06:15:00Z'));
    assert.equal(a.publishedFrom, 'metadata');
    assert.equal(a.byline, 'Hana Park, Tomas Reyes');
    assert.equal(a.source, 'Valley Courier');
  });

  it('reads JSON-LD given as an array, and forgives a trailing comma', () => {
    const head = `<script type="application/ld+json">[
      {"@type": "BreadcrumbList", "itemListElement": []},
      {"@type": "ReportageNews", "datePublished": "2024-02-29", "keywords": ["flood", "Marden",],}
    ]</script>`;
    const a = extractHtml(page({ head }), 'x');
    assert.equal(a.published, '2024-02-29');
  });

  it('uses <time datetime> in the article header when no meta tag gives a date', () => {
    const beforeBody = '<header><p class="byline">By Hana Park</p><time datetime="2024-03-12">12 March 2024</time></header>';
    const a = extractHtml(page({ beforeBody }), 'x');
    assert.equal(a.published, '2024-03-12');
    assert.equal(a.publishedFrom, 'metadata');
    assert.doesNotMatch(a.text, /12 March 2024|By Hana Park/);
  });

  it('leaves published unset when the page gives no date', () => {
    const a = extractHtml(page(), 'x');
    assert.equal(a.published, undefined);
    assert.equal(a.publishedFrom, undefined);
  });

  it('cleans bylines and titles: "By", a glued-on date, double-escaped entities', () => {
    const head = `<meta property="og:title" content="Barriers &amp;amp; pumps: the Marden&amp;nbsp;plan">
      <meta name="author" content="By Hana ParkTuesday, March 12, 2024">`;
    const a = extractHtml(page({ head }), 'x');
    assert.equal(a.title, 'Barriers & pumps: the Marden plan');
    assert.equal(a.byline, 'Hana Park');
  });
});
