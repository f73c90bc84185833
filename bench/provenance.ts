// Copy detection at volume: candidates (MinHash/LSH + anchors) and sentence
// alignment over a synthetic flood of 100,000 articles, against the npm
// `minhash` package on the same articles and ground truth.
//
// `npm run bench -- provenance [--n 100000] [--batch 500] [--fresh] [--no-cache]
//    [--no-pkg] [--shingles-only] [--sample FILE] [--sample-size 50]`
// (`--shingles-only`: the detector's `paraphrase: false` mode, MinHash/LSH alone.)
//
// Corpus (bench/lib/copy-corpus.ts; default N = 100,000, `--n 10000` for a
// quick run): 80% real AllSides articles and lightly perturbed repeats of them
// (10% of sentences dropped, 30% of paragraphs moved, another source), 20%
// copies spun with verbatim, truncate, syn10-syn50 and farm recipes. Repeats
// are near-duplicates of their original, so they count as true copies.
// Ground truth: one edge from every repeat and spun copy to its original;
// `recall` is the share of those edges among our relations (either
// direction). A relation inside one family (original, its repeats, its spun
// copies) is correct; one across families is counted false in
// `precision_strict`. AllSides itself holds syndicated and reposted articles,
// so cross-family relations are often genuine: `--sample FILE` writes a random
// sample of them, with their aligned sentences, for review by hand.
//
// What is timed (documents are read from the corpus store before the clock
// starts, as the product has its batch in memory):
// - `articles_per_s`, `cpu_s`: `CopyDetector.add` over every document in
//   arrival order, in batches of 500 sorted by date as `analyze` does;
//   includes fetching candidate documents from the SQLite store (the
//   product's path, `store_fetch_s` of it). Excludes `prepare`, and the
//   fingerprint and anchors `prepare` computes (`prints_articles_per_s`).
// - `prepare_articles_per_s`: the product's `prepare` (cleaning, segmentation,
//   story terms, copy prints) per core, summed over worker threads while the
//   corpus was built (the product runs it in one worker per core).
// - `minhash_pkg_*`: the package's `Minhash` (128 permutations) over the same
//   5-word shingles of the same normalized text, `LshIndex` insert + query per
//   document as in its README; timed from the shingle strings. Its recall is
//   of its raw candidates (it has no verification step). `speed_ratio`:
//   our CPU time per article (prints + add) over the package's.
// - `peak_rss_mb`: process.resourceUsage().maxRSS after our run (corpus
//   building happens in a child process, the package runs after the reading);
//   `detector_heap_mb`: V8 heap held by the detector after its run.
// The machine may be shared: CPU seconds (process.cpuUsage) are reported
// beside wall time.
import { createRequire } from 'node:module';
import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeFileSync } from 'node:fs';
import type { Document } from '../src/model/document.js';
import type { CopyRelation } from '../src/model/collection.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { CopyDetector, anchorPrint, type ProvenancePrint } from '../src/provenance/copies.js';
import { fingerprint } from '../src/provenance/dedup.js';
import { SHINGLE_WORDS } from '../src/provenance/minhash.js';
import { normalizeForHash } from '../src/text/normalize.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { mulberry32 } from '../eval/lib/spin.js';
import { corpusFile, ensureCorpus, removeStore, TRUTH, SPIN_MIX, type Truth } from './lib/copy-corpus.js';

interface PkgMinhash {
  update(s: string): void;
}
const pkg = createRequire(import.meta.url)('minhash') as {
  Minhash: new () => PkgMinhash;
  LshIndex: new () => { insert(key: string, m: PkgMinhash): void; query(m: PkgMinhash): string[] };
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Args {
  n: number;
  batch: number;
  fresh: boolean;
  cache: boolean;
  pkg: boolean;
  paraphrase: boolean;
  sample?: string;
  sampleSize: number;
}

function parseArgs(args: string[]): Args {
  const out: Args = { n: 100_000, batch: 500, fresh: false, cache: true, pkg: true, paraphrase: true, sampleSize: 50 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--n') out.n = Number(value());
    else if (a === '--batch') out.batch = Number(value());
    else if (a === '--fresh') out.fresh = true;
    else if (a === '--no-cache') out.cache = false;
    else if (a === '--no-pkg') out.pkg = false;
    else if (a === '--shingles-only') out.paraphrase = false;
    else if (a === '--sample') out.sample = value();
    else if (a === '--sample-size') out.sampleSize = Number(value());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!(out.n >= 100)) throw new Error('--n must be at least 100');
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Seconds of CPU (user + system, all threads) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

export default async function (argv: string[]) {
  const args = parseArgs(argv);
  const file = corpusFile(args.n);
  progress(`corpus store: ${file}`);
  const meta = await ensureCorpus(args.n, file, args.fresh);
  const store = new SqliteStore(file);
  try {
    return await measure(args, store, meta);
  } finally {
    await store.close();
    if (!args.cache) removeStore(file);
  }
}

async function measure(args: Args, store: SqliteStore, meta: Awaited<ReturnType<typeof ensureCorpus>>) {
  const truth = await store.records<Truth>(TRUTH);
  const order = [...truth.keys()].sort((a, b) => truth.get(a)!.order - truth.get(b)!.order);
  const originalOf = new Map<number, string>();
  for (const [id, t] of truth) if (t.role === 'original') originalOf.set(t.family, id);
  // Ground-truth edges, keyed by unordered pair, to the derived document's role.
  const edges = new Map<string, { original: string; derived: string; group: string }>();
  for (const [id, t] of truth) {
    const original = originalOf.get(t.family);
    if (t.role === 'original' || !original) continue;
    edges.set(pairKey(id, original), { original, derived: id, group: t.role === 'repeat' ? 'repeat' : t.recipe! });
  }
  const batches: string[][] = [];
  for (let i = 0; i < order.length; i += args.batch) batches.push(order.slice(i, i + args.batch));
  const loadBatch = async (ids: string[]) => {
    const docs = await store.getDocuments(ids);
    // Chronological within the batch, undated last, as `analyze` orders it.
    return docs.sort((a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff'));
  };

  // --- ours ---
  gc();
  const heapBefore = getHeapStatistics().used_heap_size;
  let fetchSeconds = 0;
  let fetched = 0;
  const detector = new CopyDetector(
    async (ids) => {
      const t = performance.now();
      const docs = await store.getDocuments(ids);
      fetchSeconds += (performance.now() - t) / 1000;
      fetched += docs.length;
      return docs;
    },
    { paraphrase: args.paraphrase },
  );
  let addSeconds = 0;
  let addCpu = 0;
  let printSeconds = 0;
  let printCpu = 0;
  let done = 0;
  const found = new Set<string>();
  const byMethod: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  let relations = 0;
  let passages = 0;
  let crossFamily = 0;
  let oriented = 0;
  const sample: CopyRelation[] = [];
  const rng = mulberry32(7);
  for (const [b, ids] of batches.entries()) {
    const docs = await loadBatch(ids);
    const normalized = docs.map((d) => normalizeForHash(d.text));
    let t = performance.now();
    let c = process.cpuUsage();
    const prints: ProvenancePrint[] = docs.map((d, i) => ({ ...fingerprint(d, normalized[i]), anchors: anchorPrint(d) }));
    printSeconds += (performance.now() - t) / 1000;
    printCpu += cpuSince(c);
    const inBatch = new Map(docs.map((d) => [d.id, d]));
    const rels: CopyRelation[][] = [];
    t = performance.now();
    c = process.cpuUsage();
    for (let i = 0; i < docs.length; i++) {
      const r = await detector.add(docs[i], prints[i], inBatch);
      rels.push(r.copies);
      passages += r.passages.length;
    }
    addSeconds += (performance.now() - t) / 1000;
    addCpu += cpuSince(c);
    for (const r of rels.flat()) {
      relations++;
      byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
      byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      const key = pairKey(r.source, r.copy);
      found.add(key);
      const edge = edges.get(key);
      if (edge && edge.original === r.source) oriented++;
      if (truth.get(r.source)!.family === truth.get(r.copy)!.family) continue;
      // Reservoir sample of the relations across families, for review.
      crossFamily++;
      if (sample.length < args.sampleSize) sample.push(r);
      else {
        const j = Math.floor(rng() * crossFamily);
        if (j < args.sampleSize) sample[j] = r;
      }
    }
    done += docs.length;
    if (b % 10 === 9 || done === order.length)
      progress(`provenance: ${done}/${order.length} (${Math.round(done / addSeconds)}/s, ${relations} relations)`);
  }
  const peakRss = process.resourceUsage().maxRSS / 1024;
  gc();
  const detectorHeap = (getHeapStatistics().used_heap_size - heapBefore) / 1048576;

  const recallOf = (group?: string) => {
    let total = 0;
    let hit = 0;
    for (const [key, e] of edges) {
      if (group && e.group !== group) continue;
      total++;
      if (found.has(key)) hit++;
    }
    return total ? round(hit / total, 4) : null;
  };
  let truePositives = 0;
  for (const key of found) {
    const [a, b] = key.split('|');
    if (truth.get(a)!.family === truth.get(b)!.family) truePositives++;
  }
  const foundEdges = [...edges.keys()].filter((k) => found.has(k)).length;
  if (args.sample) await writeSample(args.sample, sample, store, truth, originalOf);

  const figures: Record<string, unknown> = {
    articles: order.length,
    originals: meta.originals,
    repeats: meta.repeats,
    spun: meta.spins,
    copies_true: edges.size,
    articles_per_s: round(order.length / addSeconds),
    cpu_s: round(addCpu),
    wall_s: round(addSeconds),
    articles_per_cpu_s: round(order.length / addCpu),
    store_fetch_s: round(fetchSeconds),
    store_fetched_docs: fetched,
    prints_articles_per_s: round(order.length / printSeconds),
    prepare_articles_per_s: round(meta.n / meta.prepareSeconds),
    peak_rss_mb: Math.round(peakRss),
    detector_heap_mb: Math.round(detectorHeap),
    relations,
    shared_passages: passages,
    by_method: byMethod,
    by_kind: byKind,
    recall: recallOf(),
    recall_repeat: recallOf('repeat'),
    recall_by_recipe: Object.fromEntries(SPIN_MIX.map((r) => [r, recallOf(r)])),
    precision_strict: round(truePositives / Math.max(1, found.size), 4),
    cross_family_relations: crossFamily,
    oriented_to_original: round(oriented / Math.max(1, foundEdges), 4),
  };
  // Let the detector go before the package's run: its heap is no longer needed.
  void detector;

  if (args.pkg) Object.assign(figures, await measurePackage(batches, loadBatch, edges, truth, order.length, (printCpu + addCpu) / order.length));
  progressDone();
  return figures;
}

async function measurePackage(
  batches: string[][],
  loadBatch: (ids: string[]) => Promise<Document[]>,
  edges: Map<string, unknown>,
  truth: Map<string, Truth>,
  articles: number,
  oursCpuPerArticle: number,
) {
  gc();
  const index = new pkg.LshIndex();
  const partners = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [a, b] = key.split('|');
    const [early, late] = truth.get(a)!.order < truth.get(b)!.order ? [a, b] : [b, a];
    partners.set(late, [...(partners.get(late) ?? []), early]);
  }
  let seconds = 0;
  let cpu = 0;
  let hits = 0;
  let candidates = 0;
  let done = 0;
  for (const [b, ids] of batches.entries()) {
    const docs = await loadBatch(ids);
    const shingles = docs.map((d) => {
      const w = normalizeForHash(d.text).split(' ').filter(Boolean);
      const out: string[] = [];
      for (let i = 0; i < Math.max(1, w.length - SHINGLE_WORDS + 1); i++) out.push(w.slice(i, i + SHINGLE_WORDS).join(' '));
      return out;
    });
    const t = performance.now();
    const c = process.cpuUsage();
    const results: string[][] = [];
    for (let i = 0; i < docs.length; i++) {
      const m = new pkg.Minhash();
      for (const s of shingles[i]) m.update(s);
      // Insert first: the package's query fails on a band no document has.
      index.insert(docs[i].id, m);
      results.push(index.query(m));
    }
    seconds += (performance.now() - t) / 1000;
    cpu += cpuSince(c);
    docs.forEach((d, i) => {
      const got = new Set(results[i]);
      candidates += got.size - 1;
      for (const p of partners.get(d.id) ?? []) if (got.has(p)) hits++;
    });
    done += docs.length;
    if (b % 10 === 9) progress(`minhash package: ${done}/${articles} (${Math.round(done / seconds)}/s)`);
  }
  return {
    minhash_pkg_articles_per_s: round(articles / seconds),
    minhash_pkg_cpu_s: round(cpu),
    minhash_pkg_recall: round(hits / Math.max(1, edges.size), 4),
    minhash_pkg_candidates_per_doc: round(candidates / articles),
    speed_ratio: round(cpu / articles / oursCpuPerArticle),
  };
}

/** Cross-family relations with the sentences they align, for review by hand. */
async function writeSample(
  path: string,
  sample: CopyRelation[],
  store: SqliteStore,
  truth: Map<string, Truth>,
  originalOf: Map<number, string>,
): Promise<void> {
  const lines: string[] = [`# ${sample.length} relations across families\n`];
  for (const [k, r] of sample.entries()) {
    const [src, cp] = await store.getDocuments([r.source, r.copy]);
    const roots = await store.getDocuments([src, cp].map((d) => originalOf.get(truth.get(d.id)!.family)!));
    lines.push(
      `## ${k + 1}. ${r.method} ${r.kind} cov ${r.coverageOfCopy}/${r.coverageOfSource} sim ${r.similarity}, ${r.pairs.length} pairs`,
      ...[src, cp].map((d, i) => `- ${i ? 'copy' : 'source'} [${truth.get(d.id)!.role}] ${d.source} ${d.published ?? '-'}: ${d.title}  (original: ${roots[i]?.source}: ${roots[i]?.title})`),
      '',
    );
    for (const p of r.pairs.slice(0, 4)) {
      const a = src.sentences[p.sourceSentence];
      const b = cp.sentences[p.copySentence];
      lines.push(`  - ${p.kind} ${p.score}`, `    - S: ${src.text.slice(a.start, a.end)}`, `    - C: ${cp.text.slice(b.start, b.end)}`);
    }
    lines.push('');
  }
  writeFileSync(path, lines.join('\n'));
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
