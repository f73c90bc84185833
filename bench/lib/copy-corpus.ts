// The synthetic copy corpus of bench/provenance.ts, built once per size and
// kept as a SQLite store (the product's own) in the temp directory: the
// benchmark then reads documents the way the product does, from the store,
// instead of holding a gigabyte of text in the measured process.
//
// Of N articles, 80% are real AllSides articles and their repeats, 20% spun
// copies:
// - originals: the first K AllSides articles, K = 80% N × 37,554/80,000, so
//   every size has the mix of the 100k corpus (all 37,554 at N = 100,000);
// - repeats: passes over the originals with 10% of sentences dropped and 30%
//   of paragraphs moved, from another source ("… mirror 1"), two days later;
//   up to 80% N. They ARE copies of their original and count as true copies;
// - spun copies: 20% N originals, drawn without replacement, each spun with
//   one recipe in turn (verbatim, truncate, syn10…syn50, farm) by one of 40
//   content farms, one day later.
// Every document carries its family (the original it derives from): the
// ground truth is the edge from each repeat and each spun copy to its
// original, and any relation inside a family is correct.
//
// Run as a child process (`node --import tsx bench/lib/copy-corpus.ts N DB`)
// so its peak memory stays out of the benchmark's; spinning and `prepare`
// run in worker threads, one per core, each timed per document.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { spawn } from 'node:child_process';
import type { Document, RawArticle } from '../../src/model/document.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { prepare } from '../../src/pipeline/stages.js';
import { readAllSides } from '../../eval/lib/datasets.js';
import { progress } from '../../eval/lib/runner.js';
import { mulberry32, spin, SPIN_RECIPES } from '../../eval/lib/spin.js';

/** Bump when the corpus recipe changes, so cached stores are rebuilt. */
const CORPUS_VERSION = 1;
const ALLSIDES = 37_554;
export const SPIN_MIX = ['verbatim', 'truncate', 'syn10', 'syn20', 'syn30', 'syn40', 'syn50', 'farm'] as const;
const REPEAT_OPS = [
  { op: 'drop', rate: 0.1 },
  { op: 'reorder', rate: 0.3 },
] as const;
const FARMS = 40;
/** Store record kinds. */
export const TRUTH = 'bench-truth';
const META = 'bench-meta';

/** What a document is, for the ground truth. `order`: its place in the arrival order. */
export interface Truth {
  family: number;
  role: 'original' | 'repeat' | 'spin';
  recipe?: string;
  order: number;
}

export interface CorpusMeta {
  version: number;
  n: number;
  originals: number;
  repeats: number;
  spins: number;
  /** Generated documents dropped because their id was taken (the same text, source and title twice). */
  collisions: number;
  /** Single-core `prepare` (all document stages) time summed over documents. */
  prepareSeconds: number;
  /** Wall time of generation + prepare + store writes, with `workers` threads. */
  buildSeconds: number;
  workers: number;
}

export function corpusFile(n: number): string {
  return join(tmpdir(), `sitrep-bench-provenance-v${CORPUS_VERSION}-n${n}.db`);
}

/** The corpus store for `n` articles, built in a child process unless a complete one is cached. */
export async function ensureCorpus(n: number, file: string, fresh: boolean): Promise<CorpusMeta> {
  if (fresh) removeStore(file);
  const cached = existsSync(file) ? await readMeta(file) : undefined;
  if (cached?.version === CORPUS_VERSION && cached.n === n) return cached;
  removeStore(file);
  const self = fileURLToPath(import.meta.url);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, String(n), file], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`corpus build exited with ${code}`))));
  });
  const meta = await readMeta(file);
  if (!meta) throw new Error(`corpus build left no complete store at ${file}`);
  return meta;
}

export function removeStore(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

async function readMeta(file: string): Promise<CorpusMeta | undefined> {
  const store = new SqliteStore(file);
  try {
    return (await store.getRecords<CorpusMeta>(META, ['meta'])).get('meta');
  } finally {
    await store.close();
  }
}

interface Job {
  family: number;
  role: Truth['role'];
  recipe?: string;
  /** Repeat pass or spun copy number: varies the seed, source and date. */
  k: number;
  title: string;
  text: string;
  source: string;
  published: string | null;
}

interface Done {
  family: number;
  role: Truth['role'];
  recipe?: string;
  doc: Document;
  ms: number;
}

function addDays(date: string | null, days: number): string | undefined {
  if (!date) return undefined;
  const t = Date.parse(date.slice(0, 10));
  return isNaN(t) ? undefined : new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** Worker side: spin or perturb, then the product's `prepare`. */
function work(jobs: Job[]): Done[] {
  return jobs.map((j) => {
    let text = j.text;
    let source = j.source;
    let published = j.published ?? undefined;
    if (j.role === 'repeat') {
      text = spin(text, [...REPEAT_OPS], j.family * 7 + j.k).text;
      source = `${j.source} mirror ${j.k}`;
      published = addDays(j.published, 2 * j.k);
    } else if (j.role === 'spin') {
      text = spin(text, SPIN_RECIPES[j.recipe!], 1_000_003 + j.k).text;
      source = `Content Farm ${j.k % FARMS}`;
      published = addDays(j.published, 1);
    }
    const raw: RawArticle = {
      origin: `bench:${j.role}:${j.family}:${j.k}`,
      format: 'jsonl',
      title: j.title,
      text,
      source,
      ...(published ? { published } : {}),
    };
    const t0 = performance.now();
    const p = prepare(raw);
    const ms = performance.now() - t0;
    return { family: j.family, role: j.role, ...(j.recipe ? { recipe: j.recipe } : {}), doc: p.doc, ms };
  });
}

/** Shuffle in place with a seeded generator. */
export function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

async function build(n: number, file: string): Promise<void> {
  const t0 = performance.now();
  const base = Math.round(n * 0.8);
  const k = Math.min(ALLSIDES, Math.round((base * ALLSIDES) / 80_000));
  progress(`corpus: reading ${k} AllSides articles…`);
  const originals = await readAllSides(k);
  const rng = mulberry32(20_240_601);
  const jobs: Job[] = [];
  const from = (family: number, role: Truth['role'], kk: number, recipe?: string): Job => {
    const a = originals[family];
    return { family, role, k: kk, title: a.title, text: a.text, source: a.source, published: a.published, ...(recipe ? { recipe } : {}) };
  };
  for (let i = 0; i < originals.length; i++) jobs.push(from(i, 'original', 0));
  for (let pass = 1; jobs.length < base; pass++)
    for (let i = 0; i < originals.length && jobs.length < base; i++) jobs.push(from(i, 'repeat', pass));
  const spinFamilies = shuffle(Array.from({ length: originals.length }, (_, i) => i), rng);
  for (let s = 0; jobs.length < n; s++) jobs.push(from(spinFamilies[s % spinFamilies.length], 'spin', s, SPIN_MIX[s % SPIN_MIX.length]));
  // Arrival order: a seeded shuffle, so copies arrive before or after their originals.
  shuffle(jobs, rng);

  const partial = `${file}.partial`;
  removeStore(partial);
  const store = new SqliteStore(partial);
  const workers = Math.max(1, availableParallelism());
  const url = pathToFileURL(fileURLToPath(import.meta.url)).href;
  const pool = Array.from(
    { length: workers },
    () => new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, { eval: true }),
  );
  const CHUNK = 50;
  const chunks: Job[][] = [];
  for (let i = 0; i < jobs.length; i += CHUNK) chunks.push(jobs.slice(i, i + CHUNK));
  const results: (Done[] | undefined)[] = new Array(chunks.length);
  let next = 0;
  let written = 0;
  let order = 0;
  let collisions = 0;
  let prepareMs = 0;
  const ids = new Set<string>();
  // Chunks come back in any order; they are written in job order, so the
  // stored arrival order is the planned one.
  const flush = async () => {
    while (written < chunks.length && results[written]) {
      const done = results[written]!;
      results[written++] = undefined;
      const docs: Document[] = [];
      const records = [];
      for (const d of done) {
        prepareMs += d.ms;
        if (ids.has(d.doc.id) || !d.doc.text) {
          collisions++;
          continue;
        }
        ids.add(d.doc.id);
        docs.push(d.doc);
        const truth: Truth = { family: d.family, role: d.role, ...(d.recipe ? { recipe: d.recipe } : {}), order: order++ };
        records.push({ kind: TRUTH, key: d.doc.id, value: truth });
      }
      await store.commit({ documents: docs, records });
    }
    progress(`corpus: ${Math.min(written * CHUNK, jobs.length)}/${jobs.length} generated and prepared…`);
  };
  await Promise.all(
    pool.map(async (w) => {
      while (next < chunks.length) {
        const c = next++;
        results[c] = await new Promise<Done[]>((resolve, reject) => {
          w.once('message', resolve);
          w.once('error', reject);
          w.postMessage(chunks[c]);
        }).finally(() => w.removeAllListeners('error'));
        await flush();
      }
    }),
  );
  await Promise.all(pool.map((w) => w.terminate()));
  const meta: CorpusMeta = {
    version: CORPUS_VERSION,
    n,
    originals: originals.length,
    repeats: jobs.filter((j) => j.role === 'repeat').length,
    spins: jobs.filter((j) => j.role === 'spin').length,
    collisions,
    prepareSeconds: prepareMs / 1000,
    buildSeconds: (performance.now() - t0) / 1000,
    workers,
  };
  await store.commit({ documents: [], records: [{ kind: META, key: 'meta', value: meta }] });
  await store.close();
  removeStore(file);
  renameSync(partial, file);
}

if (!isMainThread) {
  parentPort!.on('message', (jobs: Job[]) => parentPort!.postMessage(work(jobs)));
} else if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  await build(Number(process.argv[2]), process.argv[3]);
}
