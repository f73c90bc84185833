// JSON Lines (one article per line) and JSON arrays of articles:
// `{id?, url?, title?, text | html, source?, published?}`. A bad line is
// reported and skipped; the others go on.
import type { RawArticle } from '../model/document.js';
import { toIsoDate } from './dates.js';
import { htmlToParagraphText } from './html-text.js';

export interface ParsedRecords {
  articles: RawArticle[];
  skipped: { origin: string; reason: string }[];
}

export function parseJsonl(text: string, origin: string): ParsedRecords {
  const out: ParsedRecords = { articles: [], skipped: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) parseJsonlLine(lines[i], i + 1, origin, out);
  return out;
}

/** One line of a JSONL file (1-based `lineNo`); blank lines are ignored. */
export function parseJsonlLine(raw: string, lineNo: number, origin: string, out: ParsedRecords): void {
  const line = raw.trim();
  if (!line) return;
  const where = `${origin}#${lineNo}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    out.skipped.push({ origin: where, reason: `line ${lineNo} is not valid JSON (${(err as Error).message})` });
    return;
  }
  addRecord(value, where, out);
}

export function parseJsonArray(text: string, origin: string): ParsedRecords {
  const out: ParsedRecords = { articles: [], skipped: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    out.skipped.push({ origin, reason: `not valid JSON (${(err as Error).message})` });
    return out;
  }
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, i) => addRecord(item, items.length > 1 || Array.isArray(value) ? `${origin}#${i + 1}` : origin, out));
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function addRecord(value: unknown, origin: string, out: ParsedRecords): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    out.skipped.push({ origin, reason: 'record is not a JSON object' });
    return;
  }
  const r = value as Record<string, unknown>;
  const html = str(r.html) ?? str(r.content_html);
  const text = str(r.text) ?? str(r.content) ?? str(r.body) ?? (html ? htmlToParagraphText(html) : undefined);
  if (!text) {
    out.skipped.push({ origin, reason: 'record has no "text" or "html" field' });
    return;
  }
  const published = toIsoDate(str(r.published) ?? str(r.date) ?? str(r.datePublished) ?? str(r.published_at));
  const source = str(r.source) ?? (r.source && typeof r.source === 'object' ? str((r.source as Record<string, unknown>).name) : undefined);
  const id = r.id == null ? undefined : String(r.id);
  const authors = Array.isArray(r.authors) ? r.authors.filter((a) => typeof a === 'string').join(', ') : str(r.author) ?? str(r.authors);
  out.articles.push({
    origin,
    format: 'jsonl',
    title: str(r.title) ?? '',
    text,
    ...(source ? { source } : {}),
    ...(str(r.url) ? { url: str(r.url) } : {}),
    ...(authors ? { byline: authors } : {}),
    ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
    ...(id ? { externalId: id } : {}),
  });
}
