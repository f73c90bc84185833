// Per-document extraction: one parse shared by the extractors, their results
// turned into spans on the document, so every later stage and every output
// cites exact character ranges. Cross-document merging (entities, quotes)
// is in `collect.ts`.
import type { Document, Span } from '../model/document.js';
import { tokenize, type Token } from '../text/nlp.js';
import { extractEntities, type EntityMention } from './entities.js';
import { extractQuantities, type QuantityMention } from './quantities.js';
import { extractQuotes, type QuoteMention } from './quotes.js';
import { extractTimes, type TimeMention } from './time.js';

/** Span labels written by extraction. */
export const LABEL = {
  entity: 'entity',
  time: 'time',
  quantity: 'quantity',
  quote: 'quote',
} as const;
const LABELS = new Set<string>(Object.values(LABEL));

export interface Extraction {
  /** The shared parse (not stored with the document). */
  tokens?: Token[];
  entities: EntityMention[];
  times: TimeMention[];
  quantities: QuantityMention[];
  quotes: QuoteMention[];
}

/** Everything extraction finds in one document; `anchor` overrides the publication date for times. */
export function extractAll(doc: Pick<Document, 'text' | 'sentences' | 'paragraphs' | 'published'>, anchor?: string): Extraction {
  const tokens = tokenize(doc.text);
  return {
    tokens,
    entities: extractEntities(doc, tokens),
    times: extractTimes(doc, anchor ? { anchor } : {}),
    quantities: extractQuantities(doc, tokens),
    quotes: extractQuotes(doc),
  };
}

/** Replace the document's extraction spans with fresh ones (a stage may run again on changed text); returns what was found. */
export function annotate(doc: Document): Extraction {
  const found = extractAll(doc);
  doc.spans = [...doc.spans.filter((s) => !LABELS.has(s.label)), ...toSpans(doc.id, found)];
  return found;
}

export function toSpans(docId: string, x: Extraction): Span[] {
  const span = (label: string, m: { start: number; end: number }, data: Record<string, unknown>): Span => ({
    doc: docId,
    start: m.start,
    end: m.end,
    label,
    data,
  });
  return [
    ...x.entities.map(({ start, end, text: _t, ...data }) => span(LABEL.entity, { start, end }, data)),
    ...x.times.map(({ start, end, text: _t, ...data }) => span(LABEL.time, { start, end }, data)),
    ...x.quantities.map(({ start, end, text: _t, ...data }) => span(LABEL.quantity, { start, end }, data)),
    ...x.quotes.map(({ start, end, text: _t, ...data }) => span(LABEL.quote, { start, end }, data)),
  ];
}

/** The extraction a document carries, read back from its spans. */
export function fromSpans(doc: Pick<Document, 'text' | 'spans'>): Extraction {
  const out: Extraction = { entities: [], times: [], quantities: [], quotes: [] };
  for (const s of doc.spans) {
    const m = { ...s.data, start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) };
    if (s.label === LABEL.entity) out.entities.push(m as unknown as EntityMention);
    else if (s.label === LABEL.time) out.times.push(m as unknown as TimeMention);
    else if (s.label === LABEL.quantity) out.quantities.push(m as unknown as QuantityMention);
    else if (s.label === LABEL.quote) out.quotes.push(m as unknown as QuoteMention);
  }
  return out;
}
