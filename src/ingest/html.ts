// HTML articles: Readability finds the article body; we turn its DOM into
// paragraphs and read the page's own metadata (meta tags, JSON-LD, <time>)
// for title, byline, site, canonical URL and publication time.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawArticle } from '../model/document.js';
import { toIsoDate } from './dates.js';

export function extractHtml(html: string, origin: string): RawArticle {
  const doc = parseDocument(html);
  // Readability removes scripts (and so JSON-LD) while it works: read the
  // metadata first.
  const meta = readMetadata(doc, origin);

  let article: ReturnType<Readability<Element>['parse']> = null;
  try {
    article = new Readability<Element>(doc, { serializer: (el) => el as Element, keepClasses: true }).parse();
  } catch {
    // Readability can trip over pathological markup; the fallback below
    // still gets the text.
  }
  if (article?.content) prune(article.content, clean(article.title ?? ''));
  let text = article?.content ? blocksToText(article.content) : '';
  if (!text) {
    const body = parseDocument(html).body;
    if (body) {
      for (const el of Array.from(body.querySelectorAll(NEVER_TEXT))) el.remove();
      text = blocksToText(body);
    }
  }
  if (!text) throw new Error(`no article text found in HTML (${origin})`);

  const result: RawArticle = { origin, format: 'html', text };
  const title = clean(article?.title ?? '') || meta.title;
  if (title) result.title = title;
  const byline = cleanByline(meta.byline ?? article?.byline ?? '');
  if (byline) result.byline = byline;
  const source = clean(article?.siteName ?? '') || meta.source;
  if (source) result.source = source;
  if (meta.url) result.url = meta.url;
  if (meta.published) {
    result.published = meta.published;
    result.publishedFrom = 'metadata';
  }
  return result;
}

function parseDocument(html: string): Document {
  // linkedom builds a usable document only around an <html> root.
  const source = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Document;
}

// ---------------------------------------------------------------- text

const NEVER_TEXT = 'script, style, noscript, template, svg, iframe, object, embed, head, nav, button, select';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT',
  'THEAD', 'TR', 'UL',
]);
const CELL = new Set(['TD', 'TH']);
const SKIP = new Set(NEVER_TEXT.toUpperCase().split(/,\s*/));

/**
 * The text of an element with one paragraph per block element ("\n\n"
 * between them), `<br>` as a line break, whitespace collapsed inside lines.
 */
function blocksToText(root: Element): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      current += (node.nodeValue ?? '').replace(INVISIBLE, '');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    if (tag === 'PRE') {
      flush();
      const lines = (node.textContent ?? '').replace(INVISIBLE, '').split('\n');
      current = lines.join('\n');
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    else if (CELL.has(tag)) current += ' ';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
    else if (CELL.has(tag)) current += ' ';
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

// Zero-width characters and soft hyphens split words invisibly.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

function clean(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function cleanByline(s: string): string {
  return clean(s).replace(/^by\s+/i, '');
}

const ON = (k: string) => (process.env.PRUNE ?? 'ABCDE').includes(k);
const CAPTION = new Set(['caption', 'credit', 'credits', 'figcaption']);
const META = new Set(['byline', 'dateline', 'date', 'timestamp', 'time', 'published', 'updated', 'author', 'meta']);
const PROMO = new Set(['related', 'share', 'sharing', 'social', 'newsletter', 'subscribe', 'signup', 'promo', 'advert', 'ad', 'ads', 'advertisement', 'sponsor', 'sponsored', 'tags', 'tag', 'comments', 'comment', 'recommended', 'trending', 'popular', 'outbrain', 'taboola', 'breadcrumb', 'breadcrumbs']);

function tokens(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.id ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/).filter(Boolean);
}

function prune(root: Element, title: string): void {
  const total = (root.textContent ?? '').length;
  const small = (el: Element) => (el.textContent ?? '').length < total * 0.3;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!el.parentNode) continue;
    const tag = el.tagName.toUpperCase();
    const t = tokens(el);
    let drop = false;
    if (ON('A') && (tag === 'FIGCAPTION' || t.some((x) => CAPTION.has(x)))) drop = true;
    if (ON('G') && tag === 'FIGURE') drop = true;
    if (ON('B') && t.some((x) => META.has(x))) drop = true;
    if (ON('C') && t.some((x) => PROMO.has(x))) drop = true;
    if (ON('E') && title && /^(H\d|P|DIV)$/.test(tag) && clean(el.textContent ?? '') === title) drop = true;
    if (ON('F') && /^H\d$/.test(tag)) drop = true;
    if (ON('D') && /^(LI|P)$/.test(tag)) {
      const text = clean(el.textContent ?? '').length;
      let linked = 0;
      for (const a of Array.from(el.querySelectorAll('a'))) linked += clean(a.textContent ?? '').length;
      if (text > 0 && linked / text > LINK_RATIO) drop = true;
    }
    if (drop && small(el)) el.remove();
  }
}
const LINK_RATIO = Number(process.env.LINK_RATIO ?? 0.8);

// ---------------------------------------------------------------- metadata

interface PageMeta {
  title?: string;
  byline?: string;
  source?: string;
  url?: string;
  published?: string;
}

const ARTICLE_TYPE = /^(?:\w+)?(?:Article|NewsArticle|ReportageNews|BlogPosting|Report|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle)$/;

// Publication-time meta tags, most specific first. Keys are lower-cased
// `property`, `name` or `itemprop` values.
const DATE_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished',
  'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'article.published',
  'article_date_original', 'originalpublicationdate', 'cxenseparse:recs:publishtime',
];

function readMetadata(doc: Document, origin: string): PageMeta {
  const metas = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !metas.has(key)) metas.set(key, content);
    }
  }
  const ld = jsonLdArticles(doc);
  const meta: PageMeta = {};

  const title = firstString(ld.map((a) => a.headline ?? a.name)) ?? metas.get('og:title') ?? doc.title;
  if (title) meta.title = clean(title);
  const byline = firstString(ld.map((a) => names(a.author)));
  if (byline) meta.byline = byline;
  const source = firstString(ld.map((a) => names(a.publisher))) ?? metas.get('og:site_name');
  if (source) meta.source = clean(source);

  const base = /^https?:\/\//i.test(origin) ? origin : undefined;
  const canonical =
    absoluteUrl(doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'), base) ??
    absoluteUrl(metas.get('og:url'), base);
  if (canonical) meta.url = canonical;

  const candidates = [
    ...ld.map((a) => a.datePublished),
    ...DATE_META.map((k) => metas.get(k)),
    ...timeElements(doc),
    ...ld.map((a) => a.dateCreated),
  ];
  for (const c of candidates) {
    const iso = typeof c === 'string' ? toIsoDate(c) : undefined;
    if (iso) {
      meta.published = iso;
      break;
    }
  }
  return meta;
}

function timeElements(doc: Document): (string | null)[] {
  const selectors = [
    'time[itemprop~="datePublished" i][datetime]',
    '[itemprop~="datePublished" i][content]',
    'time[pubdate][datetime]',
    'article header time[datetime]',
    'header time[datetime]',
    'article time[datetime]',
  ];
  return selectors.map((s) => {
    const el = doc.querySelector(s);
    return el ? (el.getAttribute('datetime') ?? el.getAttribute('content')) : null;
  });
}

type LdNode = Record<string, unknown>;

/** Article-typed JSON-LD objects, wherever they sit (arrays, `@graph`). */
function jsonLdArticles(doc: Document): LdNode[] {
  const found: LdNode[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const node = v as LdNode;
    const types = ([] as unknown[]).concat(node['@type'] ?? []);
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t.replace(/^.*[/:]/, '')))) found.push(node);
    if (node['@graph']) visit(node['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  return found;
}

/** "A, B" from a schema.org Person/Organization, a list of them, or a string. */
function names(v: unknown): string | undefined {
  const list = ([] as unknown[]).concat(v ?? []);
  const out = list
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as LdNode).name : undefined))
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '' && !/^https?:\/\//.test(x))
    .map(clean);
  return out.length ? [...new Set(out)].join(', ') : undefined;
}

function firstString(values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function absoluteUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
