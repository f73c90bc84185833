// Spinning and preparing the spin evaluation's documents in worker threads:
// both cost tens of milliseconds per document (WordNet, wink-nlp), and a pool
// of a few thousand would otherwise take minutes on one core. Each job is one
// raw article, spun first when it is a copy; jobs come back in the order sent.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { RawArticle } from '../../src/model/document.js';
import { prepare, type Pending } from '../../src/pipeline/stages.js';
import { SPIN_RECIPES, spin, type SpinDistortion } from './spin.js';

export interface SpinJob {
  /** For a copy, `raw.text` is the source text to spin. */
  raw: RawArticle;
  spin?: { recipe: string; seed: number };
}

export interface SpinJobResult {
  pending?: Pending;
  error?: string;
  /** Meaning changes the spin introduced (copies only). */
  distortions?: SpinDistortion[];
}

export function runJob(job: SpinJob): SpinJobResult {
  try {
    if (!job.spin) return { pending: prepare(job.raw) };
    const r = spin(job.raw.text, SPIN_RECIPES[job.spin.recipe], job.spin.seed);
    return { pending: prepare({ ...job.raw, text: r.text }), distortions: r.distortions };
  } catch (err) {
    return { error: `${job.raw.origin}: ${(err as Error).message}` };
  }
}

export class SpinPool {
  private workers: Worker[] = [];
  private waiting = new Map<number, { resolve: (r: SpinJobResult[]) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(size: number) {
    const url = new URL(import.meta.url);
    for (let i = 0; i < size; i++) {
      // Under tsx a worker must register the TypeScript loader itself.
      const w = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, {
        eval: true,
        workerData: { spinEval: true },
      });
      w.on('message', (m: { id: number; results: SpinJobResult[] }) => {
        this.waiting.get(m.id)?.resolve(m.results);
        this.waiting.delete(m.id);
      });
      w.on('error', (err) => {
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
      this.workers.push(w);
    }
  }

  run(jobs: SpinJob[]): Promise<SpinJobResult[]> {
    if (!this.workers.length) return Promise.resolve(jobs.map(runJob));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, jobs });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}

if (!isMainThread && (workerData as { spinEval?: boolean } | null)?.spinEval) {
  parentPort!.on('message', (msg: { id: number; jobs: SpinJob[] }) => {
    parentPort!.postMessage({ id: msg.id, results: msg.jobs.map(runJob) });
  });
}
