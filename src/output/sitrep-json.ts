// The `sitrep.json` output contract. docs/sitrep.schema.json describes the same
// shape; tests validate real output against it. Bump SITREP_JSON_VERSION on any
// incompatible change.
import type { Document, PublishedFrom, Range, SourceFormat } from '../model/document.js';
import type { CopyRelation, IndependenceGroup, SharedPassage, Story } from '../model/collection.js';
import type { CollectedEntity, CollectedQuantity, CollectedQuote, CollectedTime } from '../extract/collect.js';
import type { CollectedEvent, TimelineEntry } from '../events/collect.js';
import type { Claim } from '../claims/reconcile.js';

export const SITREP_JSON_VERSION = '0.4.0';

export interface JsonDocument {
  id: string;
  path?: string;
  url?: string;
  format: SourceFormat;
  title: string;
  source?: string;
  byline?: string;
  published?: string;
  publishedFrom: PublishedFrom;
  /** Undated documents: the dates of the dated documents of their story (`publishedFrom: inferred`). */
  publishedRange?: { start: string; end: string };
  text: string;
  paragraphs: Range[];
  sentences: Range[];
  removed: { text: string; rule: string }[];
}

export interface SitrepJson {
  version: string;
  generatedAt: string;
  generator: { name: string; version: string };
  inputs: string[];
  documents: JsonDocument[];
  stories: Story[];
  copies: CopyRelation[];
  /** Sentences shared word for word by documents that are not copies of each other. */
  passages: SharedPassage[];
  /** Per story, the groups of documents that are not independent of each other. */
  independence: IndependenceGroup[];
  entities: CollectedEntity[];
  quotes: CollectedQuote[];
  times: CollectedTime[];
  quantities: CollectedQuantity[];
  events: CollectedEvent[];
  claims: Claim[];
  timeline: TimelineEntry[];
  summary: unknown[];
  /** Inputs that could not be read, with the reason. */
  errors: { input: string; message: string }[];
}

export function toJsonDocument(d: Document, publishedRange?: { start: string; end: string }): JsonDocument {
  const isUrl = /^[a-z]+:\/\//i.test(d.origin);
  return {
    id: d.id,
    ...(isUrl ? {} : { path: d.origin }),
    ...(d.url ? { url: d.url } : isUrl ? { url: d.origin } : {}),
    format: d.format,
    title: d.title,
    ...(d.source ? { source: d.source } : {}),
    ...(d.byline ? { byline: d.byline } : {}),
    ...(d.published ? { published: d.published } : {}),
    publishedFrom: !d.published && publishedRange ? 'inferred' : d.publishedFrom,
    ...(!d.published && publishedRange ? { publishedRange } : {}),
    text: d.text,
    paragraphs: d.paragraphs,
    sentences: d.sentences,
    removed: d.removed,
  };
}
