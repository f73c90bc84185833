// Ingest: turn the user's inputs (files, directories, globs, feed URLs, `-`
// for JSONL on stdin) into raw articles. Every failure becomes an error item
// naming the input; the stream goes on.
import { createReadStream } from 'node:fs';
import { readFile, stat, readdir } from 'node:fs/promises';
import { join, extname, basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import fg from 'fast-glob';
import type { RawArticle } from '../model/document.js';
import { decodeBytes, sniffFormat } from './decode.js';
import { InputError } from './errors.js';
import { fetchFeed, parseFeedText } from './feed.js';
import { extractHtml } from './html.js';
import { parseJsonArray, parseJsonlLine, type ParsedRecords } from './jsonl.js';
import { parseTextArticle } from './text.js';

export { InputError } from './errors.js';

/** One article file larger than this is refused: no news article is 10 MB of text. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export type IngestItem = { article: RawArticle } | { error: { input: string; message: string } };

export interface IngestOptions {
  stdin?: Readable;
  feedTimeoutMs?: number;
}

const KNOWN_EXT = new Set([
  '.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson', '.json', '.xml', '.rss', '.atom', '.gz',
]);

/** Expand inputs into concrete files/URLs, in a stable order. */
export async function expandInputs(inputs: string[]): Promise<{ targets: string[]; errors: IngestItem[] }> {
  const targets: string[] = [];
  const errors: IngestItem[] = [];
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) {
      targets.push(input);
      continue;
    }
    let st;
    try {
      st = await stat(input);
    } catch {
      if (fg.isDynamicPattern(input)) {
        const files = (await fg(input, { onlyFiles: true, dot: false, suppressErrors: true })).sort();
        if (files.length) targets.push(...files);
        else errors.push({ error: { input, message: 'no files match this pattern' } });
      } else {
        errors.push({ error: { input, message: 'no such file or directory' } });
      }
      continue;
    }
    if (!st.isDirectory()) targets.push(input);
    else {
      try {
        targets.push(...(await walk(input)));
      } catch (err) {
        errors.push({ error: { input, message: `cannot read directory: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` } });
      }
    }
  }
  return { targets, errors };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && KNOWN_EXT.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/** Read every input; yields articles and errors as they come. */
export async function* ingest(inputs: string[], opts: IngestOptions = {}): AsyncGenerator<IngestItem> {
  const { targets, errors } = await expandInputs(inputs);
  yield* errors;
  for (const target of targets) yield* ingestOne(target, opts);
}

async function* ingestOne(target: string, opts: IngestOptions): AsyncGenerator<IngestItem> {
  try {
    if (target === '-') {
      if (!opts.stdin) throw new InputError(target, 'standard input is not available');
      yield* streamJsonl(opts.stdin, 'stdin');
      return;
    }
    if (/^https?:\/\//i.test(target)) {
      const body = await fetchFeed(target, { timeoutMs: opts.feedTimeoutMs });
      yield* fromText(body, target, target);
      return;
    }
    const lower = target.toLowerCase();
    const inner = lower.endsWith('.gz') ? lower.slice(0, -3) : lower;
    if (inner.endsWith('.jsonl') || inner.endsWith('.ndjson')) {
      // JSONL may be large: stream it line by line rather than read it whole.
      const raw = createReadStream(target);
      yield* streamJsonl(lower.endsWith('.gz') ? raw.pipe(createGunzip()) : raw, target);
      return;
    }
    const st = await stat(target);
    if (st.size > MAX_ARTICLE_BYTES && !/\.(xml|rss|atom|json)(\.gz)?$/.test(lower)) {
      throw new InputError(target, `file too large for one article (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1048576} MB — split it, or use JSONL for many articles)`);
    }
    let bytes: Uint8Array = await readFile(target);
    if (lower.endsWith('.gz')) bytes = gunzipSync(bytes, { maxOutputLength: MAX_ARTICLE_BYTES * 10 });
    const text = decodeBytes(bytes, target);
    yield* fromText(text, target, inner);
  } catch (err) {
    yield { error: { input: target, message: reason(err) } };
  }
}

function* fromText(text: string, origin: string, nameForSniff: string): Generator<IngestItem> {
  const format = sniffFormat(basename(nameForSniff), text);
  let records: ParsedRecords;
  switch (format) {
    case 'html':
      records = { articles: [extractHtml(text, origin)], skipped: [] };
      break;
    case 'feed':
      records = parseFeedText(text, origin);
      break;
    case 'json':
      records = parseJsonArray(text, origin);
      break;
    case 'jsonl': {
      records = { articles: [], skipped: [] };
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) parseJsonlLine(lines[i], i + 1, origin, records);
      break;
    }
    case 'markdown':
      records = { articles: [parseTextArticle(text, origin, 'markdown')], skipped: [] };
      break;
    default:
      records = { articles: [parseTextArticle(text, origin, 'text')], skipped: [] };
  }
  for (const article of records.articles) yield { article };
  for (const s of records.skipped) yield { error: { input: s.origin, message: s.reason } };
}

async function* streamJsonl(stream: Readable, origin: string): AsyncGenerator<IngestItem> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  const batch: ParsedRecords = { articles: [], skipped: [] };
  for await (const line of rl) {
    lineNo++;
    parseJsonlLine(lineNo === 1 ? line.replace(/^\uFEFF/, '') : line, lineNo, origin, batch);
    if (batch.articles.length) yield { article: batch.articles.pop()! };
    if (batch.skipped.length) {
      const s = batch.skipped.pop()!;
      yield { error: { input: s.origin, message: s.reason } };
    }
  }
}

function reason(err: unknown): string {
  if (err instanceof InputError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  if (e?.code === 'Z_DATA_ERROR' || /incorrect header check/.test(e?.message ?? '')) return 'not a valid gzip file';
  return e?.message ?? String(err);
}
