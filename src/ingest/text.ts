// Plain-text and Markdown articles: the title is the first non-empty line; a
// leading metadata line (` date 2021-08-15 Title...`, as scraped files often
// carry) or YAML front matter supplies date, source and url.
import { parse as parseYaml } from 'yaml';
import type { RawArticle, SourceFormat } from '../model/document.js';
import { toIsoDate } from './dates.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
// ` date 2021-08-15 Rest of the line` — the key, a value, then possibly the
// title on the same line (scrapers often glue them).
const META_LINE = /^[ \t]*(date|published|source|url)[ \t]*[:=]?[ \t]+(\S+)[ \t]*(.*)$/i;

export function parseTextArticle(text: string, origin: string, format: SourceFormat = 'text'): RawArticle {
  const meta: Record<string, string> = {};
  let body = text;

  const fm = FRONT_MATTER.exec(body);
  if (fm) {
    try {
      const data = parseYaml(fm[1]) as unknown;
      if (data && typeof data === 'object') {
        for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
          if (v instanceof Date) meta[k.toLowerCase()] = v.toISOString();
          else if (v != null && typeof v !== 'object') meta[k.toLowerCase()] = String(v);
        }
      }
      body = body.slice(fm[0].length);
    } catch {
      // Not YAML after all (a Markdown rule, say): leave the text as it is.
    }
  }

  // Leading metadata lines, one key each, before the title.
  for (;;) {
    const nl = body.indexOf('\n');
    const line = nl < 0 ? body : body.slice(0, nl);
    const m = META_LINE.exec(line);
    if (!m || !isMetaValue(m[1].toLowerCase(), m[2])) break;
    const key = m[1].toLowerCase();
    // A source is a name of any length; a date or URL is one token, and
    // scrapers sometimes glue the title after it.
    if (key === 'source') {
      meta[key] = `${m[2]} ${m[3]}`.trim();
      body = nl < 0 ? '' : body.slice(nl + 1);
      continue;
    }
    meta[key] = m[2];
    const rest = m[3].trim();
    body = (rest ? rest + '\n' : '') + (nl < 0 ? '' : body.slice(nl + 1));
    if (rest) break;
  }

  const lines = body.split('\n');
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  let title = meta.title ?? '';
  if (!title && i < lines.length) {
    title = stripMarkdownHeading(lines[i].trim());
    i++;
  }
  let rest = lines.slice(i).join('\n');
  if (format === 'markdown') rest = markdownToText(rest);

  const dateValue = meta.date ?? meta.published ?? meta.pubdate ?? meta.datepublished;
  const published = dateValue ? toIsoDate(dateValue) : undefined;
  return {
    origin,
    format,
    title: title.trim(),
    text: rest,
    ...(meta.source ? { source: meta.source } : {}),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.author ?? meta.byline ? { byline: meta.author ?? meta.byline } : {}),
    ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
  };
}

function isMetaValue(key: string, value: string): boolean {
  if (key === 'date' || key === 'published') return toIsoDate(value) !== undefined;
  if (key === 'url') return /^https?:\/\//i.test(value);
  return true;
}

function stripMarkdownHeading(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
}

/** Markdown to plain paragraphs: drop markup that is not prose. */
export function markdownToText(md: string): string {
  return md
    .replace(/^```[\s\S]*?^```[ \t]*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/^\s*(?:[-*_]\s*){3,}$/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
