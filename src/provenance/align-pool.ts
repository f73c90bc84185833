// Copy detection's alignments in worker threads. Finding candidates must run
// in arrival order on one thread (each document is indexed before the next
// is looked up), but aligning a document with its candidates depends on
// nothing else: those jobs run here, several at once.
//
// Each worker keeps the alignment features of the documents it was last
// sent, so a family of copies is aligned where its members' features already
// are: the detector gives every job a lane (its family's first member) and a
// lane always maps to the same worker. Which documents a worker holds is
// decided here and told to it with each job (what to add, what to drop), so
// only documents it lacks are fetched and sent.
import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../util/worker.js';
import type { Related, RelateJob, Relater, TextDoc } from './copies.js';

/** Documents each worker keeps features of: as the detector keeps on its own thread. */
const HELD = 1500;

/** A job as the worker receives it. */
export interface AlignMessage {
  id: number;
  job: RelateJob;
  /** Documents of the job the worker does not hold yet; it holds them from now on. */
  docs: TextDoc[];
  /** Documents the worker may forget. */
  drop: string[];
}

export type AlignReply = { id: number; related: Related & { featured: number } } | { id: number; error: string };

interface Lane {
  worker: Worker;
  held: Map<string, true>;
  alive: boolean;
  /** Jobs sent and not answered: while any is, the worker keeps the process alive. */
  pending: number;
}

export class AlignPool implements Relater {
  private lanes: Lane[] = [];
  private waiting = new Map<number, { lane: Lane; resolve: (r: Related & { featured: number }) => void; reject: (e: Error) => void }>();
  private next = 0;
  /** Jobs are posted one after another: each one's idea of what its worker holds must be the worker's. */
  private posted: Promise<unknown> = Promise.resolve();

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const lane: Lane = { worker: spawnWorker(import.meta.url, 'align-worker'), held: new Map(), alive: true, pending: 0 };
      // An idle pool does not hold the process open (a caller that forgets `close` still exits).
      lane.worker.unref();
      lane.worker.on('message', (m: AlignReply) => {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (--lane.pending === 0) lane.worker.unref();
        if ('error' in m) w?.reject(new Error(m.error));
        else w?.resolve(m.related);
      });
      lane.worker.on('error', (err) => this.fail(lane, err.message));
      lane.worker.on('exit', (code) => this.fail(lane, `exited with code ${code}`));
      this.lanes.push(lane);
    }
  }

  private fail(lane: Lane, reason: string): void {
    if (!lane.alive) return;
    lane.alive = false;
    for (const [id, w] of this.waiting) {
      if (w.lane !== lane) continue;
      this.waiting.delete(id);
      w.reject(new Error(`alignment worker ${reason}`));
    }
  }

  relate(job: RelateJob, lane: number, docs: (ids: string[]) => Promise<TextDoc[]>): Promise<Related & { featured: number }> {
    // Posted in call order; the reply is wrapped so the next post waits for this post only, not for its reply.
    const post = this.posted.then(() => this.post(job, lane, docs));
    this.posted = post.catch(() => undefined);
    return post.then((p) => p.reply);
  }

  private async post(job: RelateJob, laneNo: number, docs: (ids: string[]) => Promise<TextDoc[]>): Promise<{ reply: Promise<Related & { featured: number }> }> {
    const alive = this.lanes.filter((l) => l.alive);
    if (!alive.length) throw new Error('no alignment worker left');
    const lane = alive[laneNo % alive.length];
    const ids = [job.id, ...job.others.map((o) => o.id)];
    const lacking: string[] = [];
    for (const id of ids) {
      if (lane.held.delete(id)) lane.held.set(id, true);
      else lacking.push(id);
    }
    const sent = lacking.length ? (await docs(lacking)).map((d) => ({ id: d.id, text: d.text, sentences: d.sentences.map((s) => ({ start: s.start, end: s.end })) })) : [];
    const drop: string[] = [];
    for (const d of sent) lane.held.set(d.id, true);
    for (const id of lane.held.keys()) {
      if (lane.held.size - drop.length <= HELD) break;
      drop.push(id);
    }
    for (const id of drop) lane.held.delete(id);
    const id = this.next++;
    const reply = new Promise<Related & { featured: number }>((resolve, reject) => this.waiting.set(id, { lane, resolve, reject }));
    if (lane.pending++ === 0) lane.worker.ref();
    lane.worker.postMessage({ id, job, docs: sent, drop } satisfies AlignMessage);
    return { reply };
  }

  async close(): Promise<void> {
    const all = this.lanes;
    for (const l of all) l.alive = false;
    await Promise.all(all.map((l) => l.worker.terminate()));
  }
}
