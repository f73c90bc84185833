// Bytes → text for every file-based input, and a guess at the container
// format. Real-world article files arrive as UTF-8 (with or without BOM),
// UTF-16 from Windows tools, or legacy Windows-1252 from old CMS exports.
import iconv from 'iconv-lite';
import { InputError } from './errors.js';

export type SniffedFormat = 'text' | 'markdown' | 'html' | 'jsonl' | 'json' | 'feed';

const SNIFF_BYTES = 8192;
const MAX_CONTROL_SHARE = 0.1;

type Bom = 'utf-8' | 'utf-16le' | 'utf-16be';

function bomOf(b: Uint8Array): Bom | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** C0 controls and DEL, except the ones text legitimately uses (\t \n \f \r). */
function isControlByte(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;
}

/**
 * True when the bytes look like a binary file rather than text: a NUL byte
 * (UTF-16 with a BOM excepted, where NULs are normal), or more than 10% control
 * characters in the first 8 KB.
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  const bom = bomOf(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  if (bytes.includes(0)) return true;
  const head = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const c of head) if (isControlByte(c)) controls++;
  return head.length > 0 && controls / head.length > MAX_CONTROL_SHARE;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The charset a legacy document declares for itself (XML declaration or HTML
 * meta), read as ASCII from its head. Only consulted when the bytes are not
 * valid UTF-8, since UTF-8 files often carry a stale declaration.
 */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const m =
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  // As browsers do: Latin-1 and ASCII labels mean Windows-1252 in practice
  // (0x80–0x9F are curly quotes and dashes, not C1 controls).
  if (/^(iso[-_]?8859[-_]?1|latin-?1|l1|us-ascii|ascii|cp819)$/.test(name)) return 'windows-1252';
  if (/^utf-?8$/.test(name) || !iconv.encodingExists(name)) return undefined;
  return name;
}

/**
 * Decode a file's bytes to a string: UTF-8 (BOM stripped), UTF-16 LE/BE when a
 * BOM says so, else the charset the document declares, else Windows-1252.
 * The result has "\n" line endings and is NFC-normalized.
 * @throws InputError "binary file (not text)" or "empty file"; `input` is `name`.
 */
export function decodeBytes(bytes: Uint8Array, name: string): string {
  if (isProbablyBinary(bytes)) throw new InputError(name, 'binary file (not text)');
  const bom = bomOf(bytes);
  let text: string;
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    text = iconv.decode(Buffer.from(bytes), bom);
    // A UTF-32 BOM starts like UTF-16 LE's; its payload decodes to NULs.
    if (text.includes('\0')) throw new InputError(name, 'binary file (not text)');
  } else {
    try {
      text = utf8.decode(bytes);
    } catch {
      text = iconv.decode(Buffer.from(bytes), declaredCharset(bytes) ?? 'windows-1252');
    }
  }
  if (!text.trim()) throw new InputError(name, 'empty file');
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

const FEED_ROOT =
  /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<(?:[\w-]+:)?(?:rss|feed|rdf)\b/i;
const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*(?:<!doctype\s+html|<html\b)/i;
/** The `version` URL of JSON Feed 1 and 1.1. */
export const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/;

/**
 * Guess the container format: by extension first (.txt .md .markdown .html
 * .htm .xhtml .jsonl .ndjson .rss .atom), by content for .xml, .json and
 * unknown extensions. An .xml file that is not HTML is treated as a feed, so a
 * non-feed XML file fails in the feed parser with its reason rather than being
 * read as prose full of tags.
 */
export function sniffFormat(name: string, text: string): SniffedFormat {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1].toLowerCase();
  switch (ext) {
    case 'txt':
    case 'text':
      return 'text';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'rss':
    case 'atom':
      return 'feed';
    case 'xml':
      return HTML_START.test(text) ? 'html' : 'feed';
    case 'json':
      return sniffJson(text) ?? 'json';
  }
  const head = text.slice(0, SNIFF_BYTES);
  if (FEED_ROOT.test(head)) return 'feed';
  if (HTML_START.test(head)) return 'html';
  const json = sniffJson(text);
  if (json) return json;
  if (/^\s*#{1,6} \S/.test(head)) return 'markdown';
  return 'text';
}

function sniffJson(text: string): 'json' | 'jsonl' | 'feed' | undefined {
  const first = /\S/.exec(text)?.[0];
  if (first !== '[' && first !== '{') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Several objects, one per line, do not parse as one JSON value.
    const lines = text.split('\n').filter((l) => l.trim());
    return first === '{' && lines.length > 1 && lines.every(isJsonObjectLine) ? 'jsonl' : undefined;
  }
  if (Array.isArray(value)) return 'json';
  if (value && typeof value === 'object') {
    const version = (value as { version?: unknown }).version;
    if (typeof version === 'string' && JSON_FEED_VERSION.test(version)) return 'feed';
    return 'json';
  }
  return undefined;
}

function isJsonObjectLine(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}
