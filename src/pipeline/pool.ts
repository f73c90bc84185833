// Per-document preparation in worker threads, so that segmentation and the
// other per-document stages use every core while the main thread reads input
// and runs the batch stages. Chunks come back in the order they were sent.
import { Worker } from 'node:worker_threads';
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

export class PreparePool {
  private workers: Worker[] = [];
  private waiting = new Map<number, { worker: Worker; raws: RawArticle[]; resolve: (r: Prepared[]) => void }>();
  private next = 0;

  constructor(size: number) {
    // Under tsx the sources are .ts; compiled, they are .js beside this file.
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    const url = new URL(`./prepare-worker${ext}`, import.meta.url);
    for (let i = 0; i < size; i++) {
      // Running from sources (tsx), a worker must register the TypeScript loader itself.
      const w =
        ext === '.ts'
          ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
          : new Worker(url);
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
      job.resolve(job.raws.map((r) => ({ error: { input: r.origin, message: `preparation failed: worker ${reason}` } })));
    }
    this.workers = this.workers.filter((x) => x !== w);
  }

  /** Never rejects: a failure comes back as an error per article. */
  prepare(raws: RawArticle[]): Promise<Prepared[]> {
    if (!this.workers.length) return Promise.resolve(prepareInline(raws));
    const id = this.next++;
    const worker = this.workers[id % this.workers.length];
    return new Promise((resolve) => {
      this.waiting.set(id, { worker, raws, resolve });
      worker.postMessage({ id, raws });
    });
  }

  async close(): Promise<void> {
    const all = this.workers;
    this.workers = [];
    await Promise.all(all.map((w) => w.terminate()));
    this.workers = [];
  }
}
