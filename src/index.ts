// The library API. Everything the CLI does is available here.
export type { Document, RawArticle, Range, Span, PublishedFrom, SourceFormat } from './model/document.js';
export type { Story, CopyRelation, CopyKind, AlignedPair } from './model/collection.js';
export type { Store, Batch, RecordWrite } from './store/store.js';
export { SqliteStore } from './store/sqlite.js';
export { ingest, expandInputs, InputError, type IngestItem } from './ingest/index.js';
export { ingestInto, type IngestOptions, type RunStats } from './pipeline/analyze.js';
export { analyze, buildJson, type AnalyzeOptions, type AnalyzeResult } from './output/build.js';
export { BATCH_STAGES, prepare, type BatchStage, type BatchContext } from './pipeline/stages.js';
export { renderReport } from './output/report.js';
export { validateSitrepJson } from './output/schema.js';
export { SITREP_JSON_VERSION, type SitrepJson, type JsonDocument } from './output/sitrep-json.js';
export { VERSION } from './version.js';

// Extraction, geography, events and claims, usable on their own.
export { extractAll, type Extraction } from './extract/index.js';
export { extractEntities, linkEntities, type Entity, type EntityMention, type EntityType } from './extract/entities.js';
export { extractQuotes, type QuoteMention } from './extract/quotes.js';
export { extractTimes, resolveTime, type TimeMention } from './extract/time.js';
export { extractQuantities, type QuantityMention } from './extract/quantities.js';
export { resolveToponyms, type ResolvedPlace } from './geo/resolve.js';
export { lookup as lookupPlace, type Place } from './geo/gazetteer.js';
export { extractEvents, linkEvents, type EventMention, type EventCluster } from './events/index.js';
export { reconcile, type Assertion, type Claim } from './claims/reconcile.js';
export { claimsOf, type ClaimsInput } from './claims/index.js';
export { DOCUMENT_STAGES, type DocumentStage } from './pipeline/stages.js';
export { exportEvents, type ExportFormat } from './output/export.js';
// Copy detection on its own (distortions left to `addDistortions` when the detector is told `distortions: false`).
export { CopyDetector, addDistortions, type ProvenancePrint } from './provenance/copies.js';
export { canonicalCopies } from './provenance/relations.js';
export { alignDocuments } from './provenance/align.js';
// Per-document stages in worker threads.
export { PreparePool, defaultWorkers } from './pipeline/pool.js';
