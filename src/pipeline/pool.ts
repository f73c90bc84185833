// Per-document preparation in worker threads, so that segmentation and the
// other per-document stages use every core while the main thread reads input
// and runs the batch stages. Chunks come back in the order they were sent.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../util/worker.js';
import type { RawArticle } from '../model/document.js';
import { DOCUMENT_STAGES, prepare, type DocumentStage, type Pending } from './stages.js';

export type Prepared = { ok: Pending } | { error: { input: string; message: string } };

export function prepareInline(raws: RawArticle[], stages: DocumentStage[] = DOCUMENT_STAGES): Prepared[] {
  return raws.map((raw) => {
    try {
      return { ok: prepare(raw, stages) };
    } catch (err) {
      return { error: { input: raw.origin, message: (err as Error).message } };
    }
  });
}

/**
 * Extraction allocates many short-lived objects (tokens, candidate names):
 * a young generation larger than V8's default (16 MB semi-spaces) makes
 * scavenges rarer: 204 -> 217 articles/s in two workers (BENCHMARKS.md,
 * extraction; `SITREP_YOUNG_MB` sets it for such comparisons). Old-generation
 * limits stay V8's.
 */
const resourceLimits = { maxYoungGenerationSizeMb: Number(process.env.SITREP_YOUNG_MB ?? 192) };

/**
 * Worker threads `analyze` uses unless told: one per core, none on a single
 * core. Extraction dominates the per-document work: 226 articles/s on one
 * thread, 293-365 in two workers on 2 cores (BENCHMARKS.md, extraction).
 * Eight are plenty for the main thread to feed.
 */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, 8);
}

/** What a worker is sent: raw articles to prepare, or prepared documents and the stages to run on them again. */
export type WorkerJob = { raws: RawArticle[]; stages?: string[] } | { pending: Pending[]; stages: string[] };

/** The pipeline's document stages of these names, in the order given. */
export function stagesNamed(names: string[]): DocumentStage[] {
  return names.map((n) => {
    const s = DOCUMENT_STAGES.find((x) => x.name === n);
    if (!s) throw new Error(`no document stage named ${n}`);
    return s;
  });
}

export function rerunInline(pending: Pending[], stageNames: string[]): Prepared[] {
  const stages = stagesNamed(stageNames);
  return pending.map((p) => {
    try {
      for (const stage of stages) stage.run(p);
      return { ok: p };
    } catch (err) {
      return { error: { input: p.doc.origin, message: (err as Error).message } };
    }
  });
}

export class PreparePool {
  private workers: Worker[] = [];
  private waiting = new Map<number, { worker: Worker; origins: string[]; resolve: (r: Prepared[]) => void }>();
  private next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = spawnWorker(import.meta.url, 'prepare-worker', resourceLimits);
      w.on('message', (m: { id: number; results: Prepared[] }) => {
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        p?.resolve(m.results);
      });
      // A worker that dies fails only its own chunks, each article named.
      w.on('error', (err) => this.failWorker(w, err.message));
      w.on('exit', (code) => {
        if (code !== 0) this.failWorker(w, `exited with code ${code}`);
      });
      this.workers.push(w);
    }
  }

  private failWorker(w: Worker, reason: string): void {
    for (const [id, job] of this.waiting) {
      if (job.worker !== w) continue;
      this.waiting.delete(id);
      job.resolve(job.origins.map((origin) => ({ error: { input: origin, message: `preparation failed: worker ${reason}` } })));
    }
    this.workers = this.workers.filter((x) => x !== w);
  }

  /** Never rejects: a failure comes back as an error per article. `stages`: names of document stages, all of them by default. */
  prepare(raws: RawArticle[], stages?: string[]): Promise<Prepared[]> {
    if (!this.workers.length) return Promise.resolve(prepareInline(raws, stages ? stagesNamed(stages) : DOCUMENT_STAGES));
    return this.send({ raws, ...(stages ? { stages } : {}) }, raws.map((r) => r.origin));
  }

  /**
   * Runs the named document stages (of `DOCUMENT_STAGES`) again on documents
   * already prepared, say to extract from stored documents anew.
   */
  rerun(pending: Pending[], stages: string[]): Promise<Prepared[]> {
    if (!this.workers.length) return Promise.resolve(rerunInline(pending, stages));
    return this.send({ pending, stages }, pending.map((p) => p.doc.origin));
  }

  private send(job: WorkerJob, origins: string[]): Promise<Prepared[]> {
    const id = this.next++;
    const worker = this.workers[id % this.workers.length];
    return new Promise((resolve) => {
      this.waiting.set(id, { worker, origins, resolve });
      worker.postMessage({ id, ...job });
    });
  }

  async close(): Promise<void> {
    const all = this.workers;
    this.workers = [];
    await Promise.all(all.map((w) => w.terminate()));
    this.workers = [];
  }
}
