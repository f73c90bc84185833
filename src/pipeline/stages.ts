// The stages of `analyze`, each with one job. Document stages turn a raw
// article into a segmented Document; batch stages see the documents of one
// batch together with what the store already holds, and queue the records they
// want committed with the batch. Adding a capability is adding a stage here and
// a line in `BATCH_STAGES`.
import type { Document, RawArticle } from '../model/document.js';
import type { CopyRelation } from '../model/collection.js';
import type { RecordWrite, Store } from '../store/store.js';
import { applyRecurring, cleanText, recurringKeys } from '../text/clean.js';
import { normalizeForHash, shortHash } from '../text/normalize.js';
import { segmentSentences } from '../text/sentences.js';
import { dateFromText } from '../text/dateline.js';
import { fingerprint } from '../provenance/dedup.js';
import { anchorPrint, CopyDetector, type ProvenancePrint, type Relater } from '../provenance/copies.js';
import { annotate, LABEL } from '../extract/index.js';
import type { GeoRef } from '../extract/collect.js';
import { resolveToponyms } from '../geo/resolve.js';
import { extractEvents } from '../events/extract.js';
import { EVENT_LABEL, eventSpans } from '../events/collect.js';
import { DocFrequencies, StoryClusterer, internTerms, terms, vectorize, type DfRecord, type StoryOptions, type StoryState } from '../stories/cluster.js';

/** A document on its way through the stages, with what per-document stages derived from it. */
export interface Pending {
  doc: Document;
  /** `doc.text` through `normalizeForHash`, kept so later stages need not redo it. */
  normalized: string;
  /** Shingle signature and anchors for copy detection. */
  print?: ProvenancePrint;
  /** Problems a stage met without losing the document (reported, the run goes on). */
  warnings?: string[];
}

/**
 * A stage that needs nothing but its own document: these run in parallel
 * worker threads, and again on a document whose text a batch stage changed.
 */
export interface DocumentStage {
  name: string;
  run(p: Pending): void;
}

export const segment: DocumentStage = {
  name: 'segment',
  run(p) {
    p.doc.sentences = segmentSentences(p.doc.text, p.doc.paragraphs);
  },
};

export const copyPrint: DocumentStage = {
  name: 'copy-print',
  run(p) {
    // The paraphrase anchors too: per-document work, so it runs where documents are prepared (worker threads).
    p.print = { ...fingerprint(p.doc, p.normalized), anchors: anchorPrint(p.doc) };
  },
};

/** Entities, times, quantities, quotes and event frames as spans; place names resolved to the gazetteer. */
export const extract: DocumentStage = {
  name: 'extract',
  run(p) {
    try {
      const found = annotate(p.doc);
      geocode(p.doc);
      const events = extractEvents(p.doc, found);
      p.doc.spans = [...p.doc.spans.filter((s) => s.label !== EVENT_LABEL), ...eventSpans(p.doc.id, events)];
    } catch (err) {
      // One text an extractor cannot handle keeps its place in the corpus
      // (copies, stories), without extraction.
      p.doc.spans = [];
      (p.warnings ??= []).push(`extraction failed: ${(err as Error).message}`);
    }
  },
};

/**
 * Places of one document are resolved together: the others it names (a
 * country, a province) tell which Herat or which Paris is meant.
 */
export function geocode(doc: Document): void {
  const places = doc.spans.filter((s) => s.label === LABEL.entity && s.data?.type === 'place');
  if (!places.length) return;
  const sentenceOf = (at: number) => doc.sentences.find((r) => r.start <= at && at < r.end);
  const resolved = resolveToponyms(
    places.map((s) => {
      const r = sentenceOf(s.start);
      return { text: doc.text.slice(s.start, s.end), ...(r ? { context: doc.text.slice(r.start, r.end) } : {}) };
    }),
  );
  places.forEach((s, i) => {
    const g = resolved[i];
    if (!g) return;
    const geo: GeoRef = {
      id: g.id,
      ...(g.geonameid ? { geonameid: g.geonameid } : {}),
      name: g.name,
      country: g.country,
      countryName: g.countryName,
      ...(g.admin1Name ? { admin1: g.admin1Name } : {}),
      level: g.level,
      lat: g.lat,
      lon: g.lon,
      score: Math.round(g.score * 1000) / 1000,
    };
    s.data!.geo = geo;
  });
}

/** The per-document stages, in order, after cleaning and identification. */
export const DOCUMENT_STAGES: DocumentStage[] = [segment, copyPrint, extract];

/** Record kinds this pipeline keeps in the store. */
export const KIND = {
  line: 'line',
  fingerprint: 'fp',
  copy: 'copy',
  passage: 'passage',
  story: 'story',
  df: 'df',
} as const;

/** Everything that needs no other document: clean, identify, then the document stages. */
export function prepare(raw: RawArticle, stages: DocumentStage[] = DOCUMENT_STAGES): Pending {
  const p = identify(raw);
  for (const stage of stages) stage.run(p);
  return p;
}

/** Cleaning (all rules but the corpus one) and identity. */
export function identify(raw: RawArticle): Pending {
  const cleaned = cleanText({ title: raw.title, text: raw.text, source: raw.source });
  const body = normalizeForHash(cleaned.text);
  const textHash = shortHash(body);
  // The source is part of the identity: the same wire text published by two
  // outlets is two documents (linked as copies), the same file read twice is one.
  const id = shortHash(normalizeForHash(raw.source ?? ''), normalizeForHash(cleaned.title), body);
  let published = raw.published;
  let publishedFrom = raw.published ? (raw.publishedFrom ?? 'metadata') : 'unknown';
  if (!published) {
    const found = dateFromText(cleaned.text, cleaned.removed.map((r) => r.text));
    if (found) {
      published = found;
      publishedFrom = 'text';
    }
  }
  const doc: Document = {
    id,
    textHash,
    origin: raw.origin,
    format: raw.format,
    ...(raw.url ? { url: raw.url } : {}),
    ...(raw.source ? { source: raw.source } : {}),
    ...(raw.byline ? { byline: raw.byline } : {}),
    title: cleaned.title,
    ...(published ? { published } : {}),
    publishedFrom,
    text: cleaned.text,
    paragraphs: cleaned.paragraphs,
    sentences: [],
    removed: cleaned.removed,
    spans: [],
  };
  return { doc, normalized: body };
}

/** What batch stages share: the batch, the store, and the state they keep across batches. */
export interface BatchContext {
  /** The batch; a stage may drop documents from it (after reporting them with `fail`). */
  batch: Pending[];
  /** Report a document that cannot be processed; the run goes on. */
  fail(input: string, message: string): void;
  store: Store;
  writes: RecordWrite[];
  state: PipelineState;
}

export interface PipelineState {
  copies: CopyDetector;
  stories: StoryClusterer;
  df: DocFrequencies;
  /** Copy relations found for the batch's documents, by document id. */
  copiesOf: Map<string, CopyRelation[]>;
  /** The document stages this run applies (and applies again to text a batch stage changed). */
  documentStages: DocumentStage[];
}

export async function loadState(
  store: Store,
  storyOptions: StoryOptions,
  paraphrase = true,
  documentStages: DocumentStage[] = DOCUMENT_STAGES,
  relater?: Relater,
): Promise<PipelineState> {
  // Distortions are checked at output time, on the relations the output keeps.
  const copies = new CopyDetector((ids) => store.getDocuments(ids), { paraphrase, distortions: false, ...(relater ? { relater } : {}) });
  copies.loadPrints(await store.records<ProvenancePrint>(KIND.fingerprint));
  const stories = new StoryClusterer(storyOptions);
  stories.load((await store.records<StoryState>(KIND.story)).values());
  const df = DocFrequencies.fromRecords(await store.records<DfRecord>(KIND.df));
  return { copies, stories, df, copiesOf: new Map(), documentStages };
}

export interface BatchStage {
  name: string;
  run(ctx: BatchContext): Promise<void> | void;
}

/** Rule 3 of cleaning needs the corpus: count candidate lines, then drop the recurring ones. */
export const recurringLines: BatchStage = {
  name: 'clean:recurring',
  async run(ctx) {
    const { batch, store, writes } = ctx;
    const perDoc = batch.map((p) => recurringKeys(p.doc));
    const all = [...new Set(perDoc.flatMap((k) => [...k]))];
    const counts = await store.getRecords<number>(KIND.line, all);
    for (const keys of perDoc) for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    for (const k of all) writes.push({ kind: KIND.line, key: k, value: counts.get(k) });
    for (const p of batch) {
      const cleaned = applyRecurring(p.doc, (k) => counts.get(k) ?? 0);
      if (cleaned === p.doc) continue;
      // The text changed: what document stages derived from it must be redone.
      Object.assign(p.doc, { text: cleaned.text, paragraphs: cleaned.paragraphs, removed: cleaned.removed });
      p.normalized = normalizeForHash(cleaned.text);
      // The id stays that of the text before this rule: it was looked up in
      // the store before the batch stages ran.
      p.doc.textHash = shortHash(p.normalized);
      for (const stage of ctx.state.documentStages) stage.run(p);
      for (const w of p.warnings ?? []) ctx.fail(p.doc.origin, w);
      p.warnings = undefined;
    }
    ctx.batch = batch.filter((p) => {
      if (p.doc.text) return true;
      ctx.fail(p.doc.origin, 'no article text left after removing boilerplate');
      return false;
    });
  },
};

export const provenance: BatchStage = {
  name: 'provenance',
  async run({ batch, writes, state, fail }) {
    const inBatch = new Map(batch.map((p) => [p.doc.id, p.doc]));
    for (const p of batch) if (!p.print) copyPrint.run(p);
    const results = await state.copies.addBatch(batch.map((p) => ({ doc: p.doc, print: p.print! })), inBatch);
    for (const [k, p] of batch.entries()) {
      const print = p.print!;
      let found = results[k];
      if ('error' in found) {
        // One pathological text must not stop the run: store it without copy relations.
        fail(p.doc.origin, `copy detection failed: ${found.error}`);
        found = { copies: [], passages: [] };
      }
      writes.push({ kind: KIND.fingerprint, key: p.doc.id, value: print });
      const { copies: rels, passages } = found;
      for (const sp of passages) writes.push({ kind: KIND.passage, key: `${sp.source}>${sp.copy}`, value: sp });
      for (const r of rels) {
        writes.push({ kind: KIND.copy, key: `${r.source}>${r.copy}`, value: r });
        for (const id of [r.source, r.copy]) {
          const list = state.copiesOf.get(id) ?? [];
          list.push(r);
          state.copiesOf.set(id, list);
        }
      }
    }
  },
};

export const stories: BatchStage = {
  name: 'stories',
  run({ batch, writes, state }) {
    const counts = batch.map((p) => internTerms(terms(p.doc)));
    for (const c of counts) state.df.addDocument(c);
    for (const w of state.df.flush()) writes.push({ kind: KIND.df, ...w });
    state.stories.changed.clear();
    batch.forEach((p, i) => {
      const related = (state.copiesOf.get(p.doc.id) ?? []).map((r) => (r.source === p.doc.id ? r.copy : r.source));
      state.stories.add(p.doc, vectorize(counts[i], state.df), related);
    });
    for (const id of state.stories.changed) writes.push({ kind: KIND.story, key: id, value: state.stories.get(id) });
    state.copiesOf.clear();
  },
};

/** The batch stages, in order. */
export const BATCH_STAGES: BatchStage[] = [recurringLines, provenance, stories];
