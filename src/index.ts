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
