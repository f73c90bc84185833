// HTML articles: Readability finds the article body; we drop the boilerplate it
// leaves in (captions, datelines, share and "related" blocks), turn its DOM into
// paragraphs, and read the page's own metadata (meta tags, JSON-LD, <time>)
// for title, byline, site, canonical URL and publication time.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { RawArticle } from '../model/document.js';
import { toIsoDate } from './dates.js';
import { InputError } from './errors.js';

export function extractHtml(html: string, origin: string): RawArticle {
  const doc = parseDocument(html);
  // Readability strips scripts (JSON-LD included) as it goes: read metadata first.
  const meta = readMetadata(doc, origin);

  let article: ReturnType<Readability<Element>['parse']> = null;
  try {
    // Classes are kept only so `prune` can recognise boilerplate by them.
    article = new Readability<Element>(doc, { serializer: (el) => el as Element, keepClasses: true }).parse();
  } catch {
    // Pathological markup can trip Readability; the fallback still gets text.
  }
  const title = cleanMeta(article?.title ?? '') || meta.title;
  let text = '';
  if (article?.content) {
    prune(article.content, title ?? '');
    text = blocksToText(article.content);
  }
  if (!text) {
    // Readability found no article (it already took the first document apart).
    const body = parseDocument(html).body;
    for (const el of Array.from(body.querySelectorAll('header, footer, nav, aside'))) el.remove();
    prune(body, title ?? '');
    text = blocksToText(body);
  }
  if (!text) throw new InputError(origin, 'no article text found in the HTML');

  const result: RawArticle = { origin, format: 'html', text };
  if (title) result.title = title;
  const byline = cleanByline(meta.byline ?? article?.byline ?? '');
  if (byline) result.byline = byline;
  const source = cleanSource(article?.siteName ?? '') || meta.source;
  if (source) result.source = source;
  if (meta.url) result.url = meta.url;
  if (meta.published) {
    result.published = meta.published;
    result.publishedFrom = 'metadata';
  }
  return result;
}

const HEAD_TAGS = new Set(['TITLE', 'META', 'LINK', 'BASE', 'STYLE', 'SCRIPT']);

function parseDocument(html: string): Document {
  const doc = parseHTML(html).document as unknown as Document;
  const root = doc.documentElement;
  const head = root?.firstElementChild;
  if (root?.tagName === 'HTML' && head?.tagName === 'HEAD' && head.nextElementSibling?.tagName === 'BODY') return doc;
  // linkedom takes the first element as the root and does not imply
  // <html>, <head> and <body> the way browsers do: rebuild that skeleton.
  let headHtml = '';
  let bodyHtml = '';
  const place = (node: Node): void => {
    if (node.nodeType === 3) bodyHtml += escapeText(node.nodeValue ?? '');
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'HTML' || el.tagName === 'BODY') el.childNodes.forEach(place);
    else if (el.tagName === 'HEAD') headHtml += el.innerHTML;
    else if (HEAD_TAGS.has(el.tagName)) headHtml += el.outerHTML;
    else bodyHtml += el.outerHTML;
  };
  doc.childNodes.forEach(place);
  const fixed = `<!DOCTYPE html><html><head>${headHtml}</head><body>${bodyHtml}</body></html>`;
  return parseHTML(fixed).document as unknown as Document;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// ---------------------------------------------------------------- boilerplate

// Class or id words (split at case changes, "-", "_") marking what is not
// the article's own running text. Each group measurably improves the
// article-extraction benchmark (eval/article-extraction.ts).
const CAPTION = ['caption', 'credit', 'credits'];
const DATELINE = ['byline', 'dateline', 'date', 'timestamp', 'time', 'published', 'updated', 'author', 'meta'];
const PROMO = [
  'related', 'share', 'sharing', 'social', 'newsletter', 'subscribe', 'signup', 'promo', 'advert', 'ad', 'ads',
  'advertisement', 'sponsor', 'sponsored', 'tags', 'tag', 'comments', 'comment', 'recommended', 'trending',
  'popular', 'outbrain', 'taboola', 'breadcrumb', 'breadcrumbs', 'cookie', 'consent',
];
const BOILERPLATE_WORDS = new Set([...CAPTION, ...DATELINE, ...PROMO]);
// Paragraphs and list items that are mostly link text are navigation
// ("Read more: ...", lists of other stories).
const MAX_LINK_DENSITY = 0.8;
// Never remove a block holding this much of the text: a boilerplate word on
// a container around the article would otherwise take the article with it.
const MAX_REMOVED_SHARE = 0.3;

function classWords(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/);
}

function isBoilerplate(el: Element, title: string): boolean {
  const tag = el.tagName.toUpperCase();
  if (tag === 'FIGURE' || tag === 'FIGCAPTION') return true;
  if (classWords(el).some((w) => BOILERPLATE_WORDS.has(w))) return true;
  if (tag !== 'P' && tag !== 'LI' && tag !== 'DIV' && !/^H\d$/.test(tag)) return false;
  const text = clean(el.textContent ?? '');
  // The headline repeated in the body.
  if (title && text === title) return true;
  if (tag === 'P' || tag === 'LI') {
    let linked = 0;
    for (const a of Array.from(el.querySelectorAll('a'))) linked += clean(a.textContent ?? '').length;
    if (text.length > 0 && linked / text.length > MAX_LINK_DENSITY) return true;
  }
  return false;
}

function prune(root: Element, title: string): void {
  const limit = (root.textContent ?? '').length * MAX_REMOVED_SHARE;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    // Skip what went with an already removed ancestor.
    if (!root.contains(el)) continue;
    if (isBoilerplate(el, title) && (el.textContent ?? '').length < limit) el.remove();
  }
}

// ---------------------------------------------------------------- text

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT',
  'THEAD', 'TR', 'UL',
]);
const CELL = new Set(['TD', 'TH']);
const NO_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'BUTTON', 'SELECT', 'TEXTAREA']);
// Zero-width characters and soft hyphens split words invisibly.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * The text of an element, one paragraph per block element ("\n\n" between
 * them), `<br>` as a line break, whitespace collapsed within lines.
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
      // Source line breaks are just whitespace; only <br> and <pre> break lines.
      current += (node.nodeValue ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (NO_TEXT.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
    } else if (tag === 'PRE') {
      flush();
      current = (node.textContent ?? '').replace(INVISIBLE, '');
      flush();
    } else if (BLOCK.has(tag)) {
      flush();
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      flush();
    } else {
      // Table cells run inline but must not glue their words together.
      const gap = CELL.has(tag) ? ' ' : '';
      current += gap;
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      current += gap;
    }
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function clean(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Metadata strings are sometimes entity-escaped twice ("&amp;nbsp;"). */
function cleanMeta(s: string): string {
  if (/&(#\d+|#x[\da-f]+|[a-z]+\d*);/i.test(s)) {
    s = parseHTML(`<html><body><p>${s.replace(/</g, '&lt;')}</p></body></html>`).document.body.textContent ?? s;
  }
  return clean(s);
}

const MONTH = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
// A date the page printed after the author's name, often glued to it
// ("Jane DoeMonday, November 18, 2019").
const TRAILING_DATE = new RegExp(
  String.raw`[\s,|—–-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?` +
    String.raw`(?:(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}).*$`,
  'i',
);

function cleanByline(s: string): string {
  return cleanMeta(s).replace(/^by\s+/i, '').replace(TRAILING_DATE, '').trim();
}

/** A site name, or the host when the page gave its URL as its name. */
function cleanSource(s: string): string {
  const name = cleanMeta(s);
  return /^https?:\/\//i.test(name) ? (absoluteUrl(name, undefined)?.replace(/^https?:\/\/(www\.)?([^/]+).*$/i, '$2') ?? '') : name;
}

// ---------------------------------------------------------------- metadata

interface PageMeta {
  title?: string;
  byline?: string;
  source?: string;
  url?: string;
  published?: string;
}

// schema.org types whose datePublished is the article's own.
const ARTICLE_TYPE = /(Article|ReportageNews|BlogPosting|Report|ClaimReview)$/;

// Publication-time meta tags, most specific first; keys are lower-cased
// `property`, `name` or `itemprop` values.
const DATE_META = [
  'article:published_time', 'og:published_time', 'og:article:published_time', 'datepublished',
  'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date',
  'article.published', 'article_date_original', 'original-publish-date',
];

// Dates written into the page, most explicit first.
const DATE_ELEMENTS = [
  '[itemprop~="datePublished" i]',
  'time[pubdate][datetime]',
  'article header time[datetime]',
  'header time[datetime]',
  'article time[datetime]',
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
  if (title) meta.title = cleanMeta(title);
  const byline = firstString(ld.map((a) => names(a.author)));
  if (byline) meta.byline = byline;
  const source = firstString(ld.map((a) => names(a.publisher))) ?? metas.get('og:site_name');
  if (source) meta.source = cleanSource(source);

  const base = /^https?:\/\//i.test(origin) ? origin : undefined;
  const url =
    absoluteUrl(doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'), base) ??
    absoluteUrl(metas.get('og:url'), base);
  if (url) meta.url = url;

  const dates = [
    ...ld.map((a) => a.datePublished),
    ...DATE_META.map((k) => metas.get(k)),
    ...DATE_ELEMENTS.map((s) => {
      const el = doc.querySelector(s);
      return el && (el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent);
    }),
    ...ld.map((a) => a.dateCreated),
  ];
  for (const d of dates) {
    const iso = typeof d === 'string' ? toIsoDate(d) : undefined;
    if (iso) {
      meta.published = iso;
      break;
    }
  }
  return meta;
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
    if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) found.push(node);
    if (node['@graph']) visit(node['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const raw = (script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
    visit(parseJson(raw) ?? parseJson(raw.replace(/,\s*([\]}])/g, '$1')), 0);
  }
  return found;
}

function parseJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    // Hand-written JSON-LD is often broken (trailing commas are the usual
    // fault, retried by the caller); the meta tags still count.
    return undefined;
  }
}

/** "A, B" from a schema.org Person or Organization, a list of them, or a string. */
function names(v: unknown): string | undefined {
  const out = ([] as unknown[])
    .concat(v ?? [])
    .map((x) => (x && typeof x === 'object' ? (x as LdNode).name : x))
    .filter((x): x is string => typeof x === 'string' && x.trim() !== '' && !/^https?:\/\//.test(x.trim()))
    .map(cleanMeta);
  return out.length ? [...new Set(out)].join(', ') : undefined;
}

function firstString(values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
}

function absoluteUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
