// The document model every stage reads and extends. Offsets are UTF-16 code
// unit indices into `Document.text` (JavaScript string indices), so any later
// output can cite an exact sentence or mention with `text.slice(start, end)`.

/** Where a document's publication date came from. */
export type PublishedFrom = 'metadata' | 'text' | 'inferred' | 'unknown';

/** A half-open character range `[start, end)` into a document's text. */
export interface Range {
  start: number;
  end: number;
}

/**
 * An annotation on a document: a mention, a quote, a time expression...
 * Stages add spans with their own `label`; `data` carries what the stage knows.
 */
export interface Span extends Range {
  doc: string;
  label: string;
  data?: Record<string, unknown>;
}

/** The input format an article came from. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'jsonl' | 'feed';

/**
 * An article as it leaves ingest: text extracted from its container, with the
 * metadata the container carried. Not yet cleaned or segmented.
 */
export interface RawArticle {
  /** File path, URL, or `path#line` / `url#item` naming where it was read. */
  origin: string;
  format: SourceFormat;
  title?: string;
  /** Plain text; paragraphs separated by blank lines. */
  text: string;
  source?: string;
  url?: string;
  byline?: string;
  /** ISO 8601 date or date-time, when the container or the text gave one. */
  published?: string;
  /** How `published` was obtained, when it was. */
  publishedFrom?: PublishedFrom;
  /** Caller-supplied id (JSONL `id`); kept for reference, not used as our id. */
  externalId?: string;
}

/** A cleaned, segmented article. */
export interface Document {
  /** Stable id: a hash of the normalized text and source (see `documentId`). */
  id: string;
  /** Hash of the normalized body text alone: equal for verbatim copies. */
  textHash: string;
  origin: string;
  format: SourceFormat;
  url?: string;
  source?: string;
  byline?: string;
  title: string;
  published?: string;
  publishedFrom: PublishedFrom;
  /** Cleaned body text. Paragraphs are separated by "\n\n". */
  text: string;
  paragraphs: Range[];
  sentences: Range[];
  /** Lines removed as boilerplate, with the rule that removed them. */
  removed: { text: string; rule: string }[];
  spans: Span[];
}

export function spanText(doc: Pick<Document, 'text'>, r: Range): string {
  return doc.text.slice(r.start, r.end);
}
