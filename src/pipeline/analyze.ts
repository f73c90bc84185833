// `ingestInto`: ingest → prepare (clean, identify, document stages) → batch
// stages (recurring lines, provenance, stories) → one atomic commit per batch.
// Re-running on the same store only processes articles it has not seen; a run
// killed mid-way loses at most the batch in flight, which the next run redoes.
import type { Readable } from 'node:stream';
import { ingest } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { DEFAULT_STORY_OPTIONS, type StoryOptions } from '../stories/cluster.js';
import type { RawArticle } from '../model/document.js';
import { BATCH_STAGES, DOCUMENT_STAGES, loadState, type BatchContext, type BatchStage, type DocumentStage, type Pending } from './stages.js';
import { AlignPool } from '../provenance/align-pool.js';
import { defaultWorkers, PreparePool, prepareInline, type Prepared } from './pool.js';

export interface IngestOptions {
  stdin?: Readable;
  batchSize?: number;
  stories?: Partial<StoryOptions>;
  stages?: BatchStage[];
  /** Per-document stages (default DOCUMENT_STAGES); worker threads always run the default ones. */
  documentStages?: DocumentStage[];
  onProgress?: (p: Progress) => void;
  onError?: (e: { input: string; message: string }) => void;
  feedTimeoutMs?: number;
  /** Look for paraphrased copies too (default); false: verbatim and near-exact only, faster. */
  paraphrase?: boolean;
  /** Worker threads for per-document stages (0: all on the main thread); default one per core (`defaultWorkers`). */
  workers?: number;
  /**
   * Worker threads that align candidate copy pairs (`AlignPool`); default 0,
   * the main thread. They pay where copies are many (a flood of wire copy:
   * 1.37x on the provenance bench's 100,000 articles on 2 cores, 1.5x at 10,000) and cost
   * memory (each keeps features of 1,500 documents).
   */
  alignWorkers?: number;
}

export interface Progress {
  read: number;
  added: number;
  errors: number;
  phase: 'ingest' | 'output';
}

export interface RunStats {
  read: number;
  added: number;
  /** Articles already in the store (from an earlier run, or repeated in this one). */
  alreadyStored: number;
  errors: { input: string; message: string }[];
}



/** Read inputs and commit every new article to the store, batch by batch. */
export async function ingestInto(store: Store, inputs: string[], opts: IngestOptions = {}): Promise<RunStats> {
  const stages = opts.stages ?? BATCH_STAGES;
  const batchSize = opts.batchSize ?? 500;
  const aligner = opts.alignWorkers && (opts.paraphrase ?? true) ? new AlignPool(opts.alignWorkers) : undefined;
  const state = await loadState(store, { ...DEFAULT_STORY_OPTIONS, ...opts.stories }, opts.paraphrase ?? true, opts.documentStages, aligner);
  const stats: RunStats = { read: 0, added: 0, alreadyStored: 0, errors: [] };
  const inBatch = new Set<string>();
  let batch: Pending[] = [];
  const fail = (e: { input: string; message: string }) => {
    stats.errors.push(e);
    opts.onError?.(e);
  };

  const flush = async () => {
    if (!batch.length) return;
    const known = await store.hasDocuments(batch.map((p) => p.doc.id));
    batch = batch.filter((p) => !known.has(p.doc.id));
    stats.alreadyStored += inBatch.size - batch.length;
    // Chronological order: the earlier of two copies is its source, and
    // stories grow the way the news did. Undated documents go last.
    const time = (p: Pending) => (p.doc.published ? Date.parse(p.doc.published) : Infinity);
    batch.sort((a, b) => time(a) - time(b));
    const ctx: BatchContext = { batch, store, writes: [], state, fail: (input, message) => fail({ input, message }) };
    for (const stage of stages) await stage.run(ctx);
    await store.commit({ documents: ctx.batch.map((p) => p.doc), records: ctx.writes });
    stats.added += ctx.batch.length;
    batch = [];
    inBatch.clear();
  };

  const accept = async (results: Prepared[]) => {
    for (const r of results) {
      if ('error' in r) fail(r.error);
      else if (!r.ok.doc.text) fail({ input: r.ok.doc.origin, message: 'no article text left after removing boilerplate' });
      else if (inBatch.has(r.ok.doc.id)) stats.alreadyStored++;
      else {
        for (const w of r.ok.warnings ?? []) fail({ input: r.ok.doc.origin, message: w });
        r.ok.warnings = undefined;
        inBatch.add(r.ok.doc.id);
        batch.push(r.ok);
        if (batch.length >= batchSize) await flush();
      }
    }
    opts.onProgress?.({ read: stats.read, added: stats.added, errors: stats.errors.length, phase: 'ingest' });
  };

  // Small inputs stay on the main thread (starting workers costs more than
  // they save); past a few chunks, workers take over. With extraction among
  // the document stages they pay even on 2 cores (BENCHMARKS.md, extraction).
  // Workers know the pipeline's own stages by name; a caller's own stage runs on the main thread.
  const stageNames = state.documentStages.map((st) => st.name);
  const named = state.documentStages.every((st) => DOCUMENT_STAGES.includes(st));
  const workers = named ? (opts.workers ?? defaultWorkers()) : 0;
  let pool: PreparePool | undefined;
  const inFlight: Promise<Prepared[]>[] = [];
  let chunk: RawArticle[] = [];
  let chunks = 0;
  const dispatch = async () => {
    if (!chunk.length) return;
    const raws = chunk;
    chunk = [];
    if (!pool && workers > 0 && ++chunks > INLINE_CHUNKS) pool = new PreparePool(workers);
    if (pool) {
      inFlight.push(pool.prepare(raws, stageNames));
      if (inFlight.length > workers * 2) await accept(await inFlight.shift()!);
    } else {
      await accept(prepareInline(raws, state.documentStages));
    }
  };

  try {
    for await (const item of ingest(inputs, { stdin: opts.stdin, feedTimeoutMs: opts.feedTimeoutMs })) {
      if ('error' in item) {
        fail(item.error);
        continue;
      }
      stats.read++;
      chunk.push(item.article);
      if (chunk.length >= CHUNK) await dispatch();
    }
    await dispatch();
    while (inFlight.length) await accept(await inFlight.shift()!);
    await flush();
  } finally {
    await pool?.close();
    await aligner?.close();
  }
  return stats;
}

/** Articles sent to a worker at a time. */
const CHUNK = 50;
/** Chunks prepared on the main thread before workers start. */
const INLINE_CHUNKS = 4;

