import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchFeed, parseFeedText } from '../src/ingest/feed.js';
import { htmlToParagraphText } from '../src/ingest/html-text.js';
import { InputError } from '../src/ingest/errors.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Valley Courier</title>
  <link>https://courier.example/</link>
  <managingEditor>desk@courier.example (News Desk)</managingEditor>
  <item>
    <title>Bridge on Route 9 closed after inspection</title>
    <link>https://courier.example/2026/03/bridge-closed</link>
    <dc:creator>Maya Okafor</dc:creator>
    <pubDate>Tue, 03 Mar 2026 14:30:00 +0000</pubDate>
    <description>Short teaser about the bridge.</description>
    <content:encoded><![CDATA[<p>The Route&nbsp;9 bridge over the Alder River was closed on Tuesday after inspectors found cracks in two support piers.</p>
<p>&ldquo;We will not reopen it until repairs are done,&rdquo; said county engineer Tom&aacute;s Reyes.<br>Detours add about 20 minutes.</p>
<script>trackPageView()</script>]]></content:encoded>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://courier.example/2026/03/gallery</link>
    <description><![CDATA[<img src="a.jpg">]]></description>
  </item>
  <item>
    <title>School board &amp; parents meet</title>
    <description>&lt;p&gt;The school board met parents on Monday.&lt;/p&gt;&lt;p&gt;A vote is due in April.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbor Watch</title>
  <id>urn:uuid:harbor-watch</id>
  <updated>2026-03-04T08:00:00Z</updated>
  <author><name>Harbor Watch Staff</name></author>
  <entry>
    <title type="html">Ferry service &lt;em&gt;suspended&lt;/em&gt; in high winds</title>
    <link rel="alternate" href="https://harbor.example/ferry-suspended"/>
    <id>urn:uuid:1</id>
    <published>2026-03-04T07:15:00+01:00</published>
    <updated>2026-03-04T07:45:00+01:00</updated>
    <author><name>Lena Brandt</name></author>
    <author><name>Joon Park</name></author>
    <summary>Ferries stopped.</summary>
    <content type="html">&lt;h2&gt;Morning crossings cancelled&lt;/h2&gt;&lt;p&gt;All morning crossings between Eastport and Gull Island were cancelled as gusts reached 90&amp;nbsp;km/h.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Eastport terminal closed&lt;/li&gt;&lt;li&gt;Island school shut&lt;/li&gt;&lt;/ul&gt;</content>
  </entry>
  <entry>
    <title>Tide table update</title>
    <link href="https://harbor.example/tides"/>
    <id>urn:uuid:2</id>
    <updated>2026-03-03T18:00:00Z</updated>
    <summary>New tide tables take effect on Sunday.</summary>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Metro Transit Alerts',
  authors: [{ name: 'Transit Desk' }],
  items: [
    {
      id: '1',
      url: 'https://transit.example/alerts/line-4',
      title: 'Line 4 delays',
      content_html: '<p>Line 4 trains are running 15 minutes late.</p><p>A signal fault at Central is being repaired.</p>',
      content_text: 'ignored because HTML is preferred',
      date_published: '2026-03-05T06:00:00-05:00',
      authors: [{ name: 'Priya Nair' }],
    },
    {
      id: '2',
      url: 'https://transit.example/alerts/bus-12',
      title: 'Bus 12 detour',
      content_text: 'Bus 12 is detoured via Elm Street.\r\n\r\nStops on Oak Avenue are not served.',
      date_published: '2026-03-05',
    },
    { id: '3', title: 'Empty item', url: 'https://transit.example/alerts/empty' },
  ],
});

test('RSS 2.0: content:encoded is preferred, HTML becomes paragraphs, metadata is kept', () => {
  const { articles, skipped } = parseFeedText(RSS, 'https://courier.example/rss');
  assert.equal(articles.length, 2);
  const [bridge, school] = articles;
  assert.deepEqual(bridge, {
    origin: 'https://courier.example/rss#1',
    format: 'feed',
    title: 'Bridge on Route 9 closed after inspection',
    url: 'https://courier.example/2026/03/bridge-closed',
    source: 'Valley Courier',
    byline: 'Maya Okafor',
    published: '2026-03-03T14:30:00.000Z',
    publishedFrom: 'metadata',
    text:
      'The Route 9 bridge over the Alder River was closed on Tuesday after inspectors found cracks in two support piers.\n\n' +
      '“We will not reopen it until repairs are done,” said county engineer Tomás Reyes.\n\n' +
      'Detours add about 20 minutes.',
  });
  // Item 2 has only an image: skipped, with its own origin; numbering does not shift.
  assert.deepEqual(skipped, [{ origin: 'https://courier.example/rss#2', reason: 'feed item has no text' }]);
  assert.equal(school.origin, 'https://courier.example/rss#3');
  assert.equal(school.title, 'School board & parents meet');
  assert.equal(school.text, 'The school board met parents on Monday.\n\nA vote is due in April.');
  // No dc:creator: the channel's managing editor stands in as the byline.
  assert.equal(school.byline, 'News Desk');
  assert.equal(school.published, undefined);
  assert.equal(school.publishedFrom, undefined);
});

test('Atom: <content type="html"> wins over summary; entries without authors inherit the feed author', () => {
  const { articles, skipped } = parseFeedText(ATOM, 'feeds/harbor.atom');
  assert.equal(skipped.length, 0);
  const [ferry, tides] = articles;
  assert.equal(ferry.origin, 'feeds/harbor.atom#1');
  assert.equal(ferry.title, 'Ferry service suspended in high winds');
  assert.equal(ferry.url, 'https://harbor.example/ferry-suspended');
  assert.equal(ferry.source, 'Harbor Watch');
  assert.equal(ferry.byline, 'Lena Brandt, Joon Park');
  assert.equal(ferry.published, '2026-03-04T06:15:00.000Z');
  assert.equal(
    ferry.text,
    'Morning crossings cancelled\n\n' +
      'All morning crossings between Eastport and Gull Island were cancelled as gusts reached 90 km/h.\n\n' +
      'Eastport terminal closed\n\nIsland school shut',
  );
  // No <published>: the required <updated> stands in; summary is the only text.
  assert.equal(tides.published, '2026-03-03T18:00:00.000Z');
  assert.equal(tides.text, 'New tide tables take effect on Sunday.');
  assert.equal(tides.byline, 'Harbor Watch Staff');
});

test('JSON Feed 1.1: content_html over content_text, plain text paragraphs, feed authors as default', () => {
  const { articles, skipped } = parseFeedText(JSON_FEED, 'transit.json');
  assert.deepEqual(skipped, [{ origin: 'transit.json#3', reason: 'feed item has no text' }]);
  assert.equal(articles.length, 2);
  const [line4, bus12] = articles;
  assert.equal(line4.text, 'Line 4 trains are running 15 minutes late.\n\nA signal fault at Central is being repaired.');
  assert.equal(line4.byline, 'Priya Nair');
  assert.equal(line4.source, 'Metro Transit Alerts');
  assert.equal(line4.url, 'https://transit.example/alerts/line-4');
  assert.equal(line4.published, '2026-03-05T06:00:00-05:00');
  assert.equal(bus12.origin, 'transit.json#2');
  assert.equal(bus12.text, 'Bus 12 is detoured via Elm Street.\n\nStops on Oak Avenue are not served.');
  assert.equal(bus12.byline, 'Transit Desk');
  assert.equal(bus12.published, '2026-03-05');
  assert.equal(bus12.publishedFrom, 'metadata');
});

test('JSON Feed 1.0: single `author` object', () => {
  const v1 = JSON.stringify({
    version: 'https://jsonfeed.org/version/1',
    title: 'Old Feed',
    items: [{ id: 'a', content_text: 'Water main repaired on Hill Road.', author: { name: 'Sam Ortiz' } }],
  });
  const [a] = parseFeedText(v1, 'old.json').articles;
  assert.equal(a.byline, 'Sam Ortiz');
  assert.equal(a.text, 'Water main repaired on Hill Road.');
});

test('malformed feeds throw an InputError naming the origin and the reason', () => {
  const check = (input: string, pattern: RegExp) =>
    assert.throws(
      () => parseFeedText(input, 'bad-feed.xml'),
      (e: unknown) => e instanceof InputError && e.input === 'bad-feed.xml' && pattern.test(e.message),
    );
  check('<html><body><p>Not a feed</p></body></html>', /^not a valid RSS or Atom feed: .*could not be parsed as a feed/);
  check('just some words', /^not a valid RSS or Atom feed/);
  check('{"version": "https://jsonfeed.org/version/1.1", "items": [', /^not a valid JSON Feed: /);
  check('{"version": "https://jsonfeed.org/version/1.1"}', /no "items" array/);
  check('{"version": "2.0", "items": []}', /unknown version "2.0"/);
});

test('htmlToParagraphText: blocks and <br> split paragraphs; scripts, styles and whitespace dropped', () => {
  const html =
    '<style>p{color:red}</style><div><h1>Storm &amp; flood</h1>Rain fell <b>all</b> night.<br/><br/>' +
    'Roads flooded.</div><p>&nbsp;</p><table><tr><td>Level</td><td>2.1 m</td></tr></table>' +
    '<blockquote><p>Stay home,</p></blockquote><noscript>enable JS</noscript>';
  assert.equal(
    htmlToParagraphText(html),
    'Storm & flood\n\nRain fell all night.\n\nRoads flooded.\n\nLevel 2.1 m\n\nStay home,',
  );
  assert.equal(htmlToParagraphText('<img src="x.png" alt="a photo">'), '');
  assert.equal(htmlToParagraphText('plain words &eacute;t&eacute;'), 'plain words été');
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('fetchFeed downloads and decodes a feed from a local server', async () => {
  const { server, base } = await serve((req, res) => {
    if (req.url === '/news.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(Buffer.from(RSS, 'utf8'));
    } else {
      res.writeHead(404).end();
    }
  });
  try {
    const body = await fetchFeed(`${base}/news.rss`);
    assert.equal(body, RSS);
    const { articles } = parseFeedText(body, `${base}/news.rss`);
    assert.equal(articles[0].title, 'Bridge on Route 9 closed after inspection');
    await assert.rejects(fetchFeed(`${base}/missing.rss`), (e: unknown) => e instanceof InputError && e.message === 'HTTP 404 Not Found');
  } finally {
    server.close();
  }
});

test('fetchFeed times out on a server that never answers', async () => {
  const { server, base } = await serve(() => {});
  try {
    const started = Date.now();
    await assert.rejects(
      fetchFeed(`${base}/slow`, { timeoutMs: 200 }),
      (e: unknown) => e instanceof InputError && e.message === 'timed out after 200 ms',
    );
    assert.ok(Date.now() - started < 2000);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('fetchFeed fails fast and clearly on a closed port and an unresolvable host', async () => {
  // Take a free port, then release it so nothing listens there.
  const { server, base } = await serve(() => {});
  await new Promise((resolve) => server.close(resolve));
  const started = Date.now();
  await assert.rejects(
    fetchFeed(`${base}/feed.xml`),
    (e: unknown) => e instanceof InputError && e.input === `${base}/feed.xml` && /^unreachable feed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/.test(e.message),
  );
  await assert.rejects(
    fetchFeed('http://news.invalid/feed.xml'),
    (e: unknown) => e instanceof InputError && /^unreachable feed: getaddrinfo (ENOTFOUND|EAI_AGAIN) news\.invalid$/.test(e.message),
  );
  assert.ok(Date.now() - started < 5000, 'unreachable feeds must not wait for the timeout');
  await assert.rejects(fetchFeed('ftp://files.example/feed.xml'), (e: unknown) => e instanceof InputError && /^invalid feed URL/.test(e.message));
});
