// Feeds: RSS 0.9/1.0/2.0 and Atom through @rowanmanning/feed-parser, JSON Feed
// 1/1.1 by hand (it is plain JSON), and fetching a feed URL.
import { parseFeed } from '@rowanmanning/feed-parser';
import type { RawArticle } from '../model/document.js';
import { toIsoDate } from './dates.js';
import { decodeBytes, JSON_FEED_VERSION } from './decode.js';
import { InputError } from './errors.js';
import { htmlToParagraphText } from './html-text.js';

/** Articles read from a feed, and the items that gave none (with why). */
export interface FeedRecords {
  articles: RawArticle[];
  skipped: { origin: string; reason: string }[];
}

/** What every feed format is reduced to before becoming a RawArticle. */
interface FeedEntry {
  title?: string | null;
  url?: string | null;
  published?: string | Date | null;
  authors: (string | null | undefined)[];
  /** Full content first, then the summary; the first with text wins. */
  html: (string | null | undefined)[];
  plain?: string | null;
}

/**
 * Parse an RSS, Atom or JSON Feed document. Item n (1-based, counting skipped
 * items) gets origin `${origin}#n`; items with no text are listed in `skipped`.
 * @throws InputError (input = origin) when the document is not a readable feed.
 */
export function parseFeedText(xmlOrJson: string, origin: string): FeedRecords {
  const json = /^\s*\{/.test(xmlOrJson);
  const { source, entries } = json ? readJsonFeed(xmlOrJson, origin) : readXmlFeed(xmlOrJson, origin);
  const out: FeedRecords = { articles: [], skipped: [] };
  entries.forEach((entry, i) => {
    const itemOrigin = `${origin}#${i + 1}`;
    const text = entryText(entry);
    if (!text) {
      out.skipped.push({ origin: itemOrigin, reason: 'feed item has no text' });
      return;
    }
    const article: RawArticle = { origin: itemOrigin, format: 'feed', text };
    const title = entry.title && (/[<&]/.test(entry.title) ? inlineText(entry.title) : entry.title.trim());
    if (title) article.title = title;
    if (entry.url) article.url = entry.url;
    if (source) article.source = source;
    const byline = [...new Set(entry.authors.map((a) => a?.trim()).filter(Boolean))].join(', ');
    if (byline) article.byline = byline;
    const published = toIsoDate(entry.published);
    if (published) {
      article.published = published;
      article.publishedFrom = 'metadata';
    }
    out.articles.push(article);
  });
  return out;
}

function entryText(entry: FeedEntry): string {
  for (const html of entry.html) {
    const text = html ? htmlToParagraphText(html) : '';
    if (text) return text;
  }
  return entry.plain ? plainParagraphs(entry.plain) : '';
}

/** Titles may carry markup or entities (Atom type="html"); flatten to one line. */
function inlineText(html: string): string {
  return htmlToParagraphText(html).replace(/\n\n/g, ' ');
}

function plainParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}

function readXmlFeed(xml: string, origin: string): { source?: string; entries: FeedEntry[] } {
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    throw new InputError(origin, `not a valid RSS or Atom feed: ${(err as Error).message}`, { cause: err });
  }
  return {
    source: feed.title?.trim() || undefined,
    entries: feed.items.map((item) => ({
      title: item.title,
      url: item.url,
      published: item.published ?? item.updated,
      // Items without their own author get the feed's (the parser's choice,
      // matching Atom's inheritance rule and JSON Feed's).
      authors: item.authors.map((a) => a.name),
      // `content` is content:encoded / atom:content; `description` the summary.
      html: [item.content, item.description],
    })),
  };
}

interface JsonFeedAuthor {
  name?: unknown;
}

function readJsonFeed(text: string, origin: string): { source?: string; entries: FeedEntry[] } {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(origin, `not a valid JSON Feed: ${(err as Error).message}`, { cause: err });
  }
  const version = str(doc.version);
  if (version !== undefined && !JSON_FEED_VERSION.test(version)) {
    throw new InputError(origin, `not a JSON Feed: unknown version "${version}"`);
  }
  if (!Array.isArray(doc.items)) throw new InputError(origin, 'not a valid JSON Feed: no "items" array');
  // v1.1 has `authors`, v1 a single `author`; item authors default to the feed's.
  const authorsOf = (o: Record<string, unknown>): string[] | undefined => {
    const list = Array.isArray(o.authors) ? o.authors : o.author ? [o.author] : [];
    const names = (list as JsonFeedAuthor[]).map((a) => str(a?.name)).filter((n): n is string => !!n);
    return names.length ? names : undefined;
  };
  const feedAuthors = authorsOf(doc) ?? [];
  return {
    source: str(doc.title)?.trim() || undefined,
    entries: doc.items.map((raw): FeedEntry => {
      const item = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      return {
        title: str(item.title),
        url: str(item.url) ?? str(item.external_url),
        published: str(item.date_published) ?? str(item.date_modified),
        authors: authorsOf(item) ?? feedAuthors,
        html: [str(item.content_html)],
        plain: str(item.content_text) ?? str(item.summary),
      };
    }),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * Download a feed and decode it (see `decodeBytes`). Fails with an InputError
 * (input = url) whose message says why: "unreachable feed: <cause>",
 * "HTTP 404 Not Found", "timed out after 15000 ms", "invalid feed URL (...)".
 */
export async function fetchFeed(url: string, opts: { timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new InputError(url, 'invalid feed URL (expected http:// or https://)');
  }
  let bytes: Uint8Array;
  try {
    // The signal covers the body too, so a server that stalls mid-response
    // also times out.
    const res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: ACCEPT, 'user-agent': 'sitrep (feed reader)' },
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new InputError(url, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    }
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw fetchError(url, err, timeoutMs);
  }
  return decodeBytes(bytes, url);
}

function fetchError(url: string, err: unknown, timeoutMs: number): InputError {
  if (err instanceof InputError) return err;
  const e = err as Error & { cause?: Error & { code?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new InputError(url, `timed out after ${timeoutMs} ms`, { cause: err });
  }
  // undici wraps the network error (ENOTFOUND, ECONNREFUSED...) as the cause.
  return new InputError(url, `unreachable feed: ${e?.cause?.message ?? e?.message ?? String(err)}`, { cause: err });
}
