// Copy detection at volume: candidates (MinHash/LSH + anchors) and sentence
// alignment over a synthetic flood of 100,000 articles, against the npm
// `minhash` package on the same articles and ground truth.
//
// `npm run bench -- provenance [--n 100000] [--batch 500] [--fresh] [--no-cache]
//    [--no-pkg] [--shingles-only] [--sample FILE] [--sample-size 50] [--align-workers K]`
// (`--shingles-only`: the detector's `paraphrase: false` mode, MinHash/LSH alone;
// `--align-workers K`: candidate pairs aligned in K worker threads, `AlignPool`,
// as `sitrep analyze --align-workers K` runs it; their CPU time is in `cpu_s`,
// their memory in `peak_rss_mb`, not in `detector_heap_mb`.)
//
// Corpus (bench/lib/copy-corpus.ts; default N = 100,000, `--n 10000` for a
// quick run): 80% real AllSides articles and lightly perturbed repeats of them
// (10% of sentences dropped, 30% of paragraphs moved, another source), 20%
// copies spun with verbatim, truncate, syn10-syn50 and farm recipes. Repeats
// are near-duplicates of their original, so they count as true copies.
// Ground truth: one edge from every repeat and spun copy to its original;
// `recall` is the share of those edges among our relations (either
// direction). A relation inside one family (original, its repeats, its spun
// copies) is correct. One across families counts as false in
// `precision_strict`; in `precision` only when the two originals share no
// text (fewer than 3 sentences of 6+ words word for word, leaving out
// sentences that 3 or more originals carry): AllSides itself holds wire
// stories run by several outlets. `--sample FILE` writes a random sample of
// cross-family relations, with that verdict and their aligned sentences, for
// review by hand.
//
// What is timed (documents are read from the corpus store before the clock
// starts, as the product has its batch in memory):
// - `articles_per_s`, `cpu_s`: `CopyDetector.addBatch` over every document in
//   arrival order, in batches of 500 sorted by date as `analyze` does;
//   includes fetching candidate documents from the SQLite store (the
//   product's path, `store_fetch_s` of it). Excludes `prepare`, including
//   the print its `copyPrint` stage computes: shingle signature and
//   paraphrase anchors (`prints_articles_per_s`, timed on one thread here;
//   `analyze` runs it in worker threads). `articles_per_s_with_prints`
//   counts both on one thread.
// - `prepare_articles_per_s`: the product's `prepare` with the stages
//   provenance needs (cleaning, identity, segmentation, fingerprint) on one thread, over the first 500
//   AllSides articles, model loading excluded (`analyze` may run it in
//   worker threads; the cached corpus was prepared that way, see
//   `corpus_build_s`).
// - `minhash_pkg_*`: the package's `Minhash` (128 permutations) over the same
//   5-word shingles of the same normalized text, `LshIndex` (default bands of
//   4) insert + query per document as in its README; timed from the shingle
//   strings on. Its recall is of its raw candidates (it has no verification
//   step). `speed_ratio`: the package's CPU time per article over ours
//   (fingerprint + add), so above 1 means we are faster.
// - `peak_rss_mb`: process.resourceUsage().maxRSS after our run (the corpus is
//   built in a child process; `prepare` and the package run after the
//   reading); `detector_heap_mb`: V8 heap and array buffers held by the
//   detector after its run (the lexicon and language model loaded first).
// - `canonical_relations`: relations left after `canonicalCopies` (one
//   origin per duplicate group, sibling copies dropped), i.e. what the
//   output keeps; `reworded_pairs`: reworded aligned pairs of all relations,
//   `canonical_reworded_pairs` those of the relations kept.
// - `output_distortions_s`: as in the pipeline, the detector leaves the
//   distortion check to the output, which runs it (`addDistortions`) on the
//   canonical relations only; timed after the run, documents in memory.
//   `articles_per_s_with_distortions` counts that time in.
// The machine may be shared: CPU seconds (process.cpuUsage) are reported
// beside wall time.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { writeFileSync } from 'node:fs';
import type { Document, RawArticle } from '../src/model/document.js';
import type { CopyRelation } from '../src/model/collection.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { copyPrint, prepare, segment } from '../src/pipeline/stages.js';
import { readAllSides } from '../eval/lib/datasets.js';
import { addDistortions, anchorPrint, CopyDetector, type ProvenancePrint } from '../src/provenance/copies.js';
import { fingerprint } from '../src/provenance/dedup.js';
import { alignDocuments } from '../src/provenance/align.js';
import { AlignPool } from '../src/provenance/align-pool.js';
import { detectDistortions } from '../src/provenance/distortion.js';
import { fnv1a, SHINGLE_WORDS } from '../src/provenance/minhash.js';
import { canonicalCopies, type CopyMeta } from '../src/provenance/relations.js';
import { normalizeForHash } from '../src/text/normalize.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { mulberry32 } from '../eval/lib/spin.js';
import { corpusFile, ensureCorpus, removeStore, TRUTH, SPIN_MIX, type CorpusMeta, type Truth } from './lib/copy-corpus.js';

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
  /** Worker threads aligning candidate pairs (`AlignPool`); 0: the detector's own thread. */
  alignWorkers: number;
}

function parseArgs(args: string[]): Args {
  const out: Args = { n: 100_000, batch: 500, fresh: false, cache: true, pkg: true, paraphrase: true, sampleSize: 50, alignWorkers: 0 };
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
    else if (a === '--align-workers') out.alignWorkers = Number(value());
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

/** The corpus in arrival order, with its ground truth. */
interface Corpus {
  store: SqliteStore;
  truth: Map<string, Truth>;
  /** Document ids in arrival order, cut into batches. */
  batches: string[][];
  articles: number;
  originalOf: Map<number, string>;
  /** Ground-truth edges by unordered pair: the original, and what the other document is. */
  edges: Map<string, { original: string; group: string }>;
}

async function loadCorpus(store: SqliteStore, batch: number): Promise<Corpus> {
  const truth = await store.records<Truth>(TRUTH);
  const order = [...truth.keys()].sort((a, b) => truth.get(a)!.order - truth.get(b)!.order);
  const originalOf = new Map<number, string>();
  for (const [id, t] of truth) if (t.role === 'original') originalOf.set(t.family, id);
  const edges: Corpus['edges'] = new Map();
  for (const [id, t] of truth) {
    const original = originalOf.get(t.family);
    if (t.role === 'original' || !original) continue;
    edges.set(pairKey(id, original), { original, group: t.role === 'repeat' ? 'repeat' : t.recipe! });
  }
  const batches: string[][] = [];
  for (let i = 0; i < order.length; i += batch) batches.push(order.slice(i, i + batch));
  return { store, truth, batches, articles: order.length, originalOf, edges };
}

/** A batch's documents, chronological and undated last, as `analyze` orders them. */
async function loadBatch(store: SqliteStore, ids: string[]): Promise<Document[]> {
  const docs = await store.getDocuments(ids);
  return docs.sort((a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff'));
}

async function measure(args: Args, store: SqliteStore, meta: CorpusMeta) {
  const corpus = await loadCorpus(store, args.batch);
  const ours = await runDetector(args, corpus);
  const figures: Record<string, unknown> = {
    articles: corpus.articles,
    originals: meta.originals,
    repeats: meta.repeats,
    spun: meta.spins,
    copies_true: corpus.edges.size,
    ...ours.figures,
    ...(await score(args, corpus, ours.found, ours.sample)),
    ...(await measurePrepare()),
    corpus_build_s: round(meta.buildSeconds),
  };
  if (args.pkg) Object.assign(figures, await measurePackage(corpus, ours.cpuPerArticle));
  progressDone();
  return figures;
}

/** Our detector over the corpus: time, memory, and the relations it finds. */
async function runDetector(args: Args, { store, truth, batches, articles, edges }: Corpus) {
  // Load the lexicon and the language model first: they are the process's,
  // not the detector's state.
  alignDocuments(['Police arrested three men in the city on Monday night.'], ['Officers detained three men in the city on Monday.']);
  detectDistortions('Police arrested three men on Monday.', 'Police did not arrest four men on Tuesday.');
  const heapBefore = heapAndBuffers();
  let fetchSeconds = 0;
  let fetched = 0;
  const relater = args.alignWorkers > 0 ? new AlignPool(args.alignWorkers) : undefined;
  const detector = new CopyDetector(
    async (ids) => {
      const t = performance.now();
      const docs = await store.getDocuments(ids);
      fetchSeconds += (performance.now() - t) / 1000;
      fetched += docs.length;
      return docs;
    },
    // As the pipeline runs it: distortions are checked at output time, on the relations the output keeps.
    { paraphrase: args.paraphrase, distortions: false, ...(relater ? { relater } : {}) },
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
  let rewordedPairs = 0;
  // For the canonical (origin-pointing) relations and their distortions (the pipeline keeps them in its store).
  const kept: CopyRelation[] = [];
  const metaOf = new Map<string, CopyMeta>();
  let crossFamily = 0;
  let oriented = 0;
  const sample: CopyRelation[] = [];
  const rng = mulberry32(7);
  for (const [b, ids] of batches.entries()) {
    const docs = await loadBatch(store, ids);
    const normalized = docs.map((d) => normalizeForHash(d.text));
    let t = performance.now();
    let c = process.cpuUsage();
    // What the per-document stage (`copyPrint`) computes: the shingle signature and the paraphrase anchors.
    const prints: ProvenancePrint[] = docs.map((d, i) => ({ ...fingerprint(d, normalized[i]), ...(args.paraphrase ? { anchors: anchorPrint(d) } : {}) }));
    printSeconds += (performance.now() - t) / 1000;
    printCpu += cpuSince(c);
    const inBatch = new Map(docs.map((d) => [d.id, d]));
    prints.forEach((p, i) => metaOf.set(docs[i].id, { n: p.n, ...(p.published ? { published: p.published } : {}), ...(p.wire ? { wire: true } : {}) }));
    const rels: CopyRelation[][] = [];
    t = performance.now();
    c = process.cpuUsage();
    for (const r of await detector.addBatch(docs.map((doc, i) => ({ doc, print: prints[i] })), inBatch)) {
      if ('error' in r) throw new Error(r.error);
      rels.push(r.copies);
      passages += r.passages.length;
    }
    addSeconds += (performance.now() - t) / 1000;
    addCpu += cpuSince(c);
    for (const r of rels.flat()) {
      relations++;
      rewordedPairs += r.pairs.filter((p) => p.kind !== 'verbatim').length;
      kept.push(r);
      byMethod[r.method] = (byMethod[r.method] ?? 0) + 1;
      byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
      const key = pairKey(r.source, r.copy);
      found.add(key);
      if (edges.get(key)?.original === r.source) oriented++;
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
    if (b % 10 === 9 || done === articles) progress(`provenance: ${done}/${articles} (${Math.round(done / addSeconds)}/s, ${relations} relations, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB, main heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} + buffers ${Math.round(process.memoryUsage().arrayBuffers / 2 ** 20)} MB)`);
  }
  const peakRss = process.resourceUsage().maxRSS / 1024;
  // Held in a global while measured: a local the code no longer reads may be collected.
  (globalThis as { benchDetector?: unknown }).benchDetector = detector;
  const detectorHeap = heapAndBuffers() - heapBefore;
  delete (globalThis as { benchDetector?: unknown }).benchDetector;
  await relater?.close();
  const foundEdges = [...edges.keys()].filter((k) => found.has(k)).length;
  // The output's share of provenance: one origin per duplicate group, then the
  // distortion check on the reworded pairs of the relations kept.
  const canonical = canonicalCopies(kept, metaOf);
  const needed = [...new Set(canonical.flatMap((r) => [r.source, r.copy]))];
  const docs = new Map<string, Document>();
  for (let i = 0; i < needed.length; i += 500) for (const d of await store.getDocuments(needed.slice(i, i + 500))) docs.set(d.id, d);
  progress(`distortions of ${canonical.length} canonical relations…`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const checked = addDistortions(canonicalCopies(kept, metaOf), docs);
  const distortionSeconds = (performance.now() - t0) / 1000;
  const distortionCpu = cpuSince(c0);
  const flags = checked.reduce((n, r) => n + (r.distortions?.length ?? 0), 0);
  return {
    found,
    sample,
    cpuPerArticle: (printCpu + addCpu) / articles,
    figures: {
      align_workers: args.alignWorkers,
      articles_per_s: round(articles / addSeconds),
      cpu_s: round(addCpu),
      wall_s: round(addSeconds),
      articles_per_cpu_s: round(articles / addCpu),
      output_distortions_s: round(distortionSeconds),
      output_distortions_cpu_s: round(distortionCpu),
      distortion_flags: flags,
      articles_per_s_with_distortions: round(articles / (addSeconds + distortionSeconds)),
      store_fetch_s: round(fetchSeconds),
      store_fetched_docs: fetched,
      prints_articles_per_s: round(articles / printSeconds),
      articles_per_s_with_prints: round(articles / (printSeconds + addSeconds)),
      peak_rss_mb: Math.round(peakRss),
      detector_heap_mb: Math.round(detectorHeap),
      relations,
      canonical_relations: canonical.length,
      // Candidate pairs aligned, and documents whose alignment features were computed (a document fetched again counts again).
      pairs_aligned: detector.stats.aligned,
      feature_computations: detector.stats.featured,
      reworded_pairs: rewordedPairs,
      canonical_reworded_pairs: canonical.reduce((n, r) => n + r.pairs.filter((p) => p.kind !== 'verbatim').length, 0),
      shared_passages: passages,
      by_method: byMethod,
      by_kind: byKind,
      cross_family_relations: crossFamily,
      oriented_to_original: round(oriented / Math.max(1, foundEdges), 4),
    },
  };
}

/** Recall against the generated truth; precision, crediting originals that share text. */
async function score(args: Args, { store, truth, originalOf, edges }: Corpus, found: Set<string>, sample: CopyRelation[]) {
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
  const family = (id: string) => truth.get(id)!.family;
  const rootPair = (a: string, b: string) => pairKey(originalOf.get(family(a)) ?? a, originalOf.get(family(b)) ?? b);
  const cross = [...found].map((key) => key.split('|')).filter(([a, b]) => family(a) !== family(b));
  const roots = new Set(cross.map(([a, b]) => rootPair(a, b)));
  progress(`checking ${roots.size} pairs of originals for shared text…`);
  const sharing = await sharedText(store, [...originalOf.values()], roots);
  const genuine = cross.filter(([a, b]) => sharing.has(rootPair(a, b))).length;
  const sameFamily = found.size - cross.length;
  if (args.sample) await writeSample(args.sample, sample, store, truth, originalOf, (r) => sharing.has(rootPair(r.source, r.copy)));
  return {
    recall: recallOf(),
    recall_repeat: recallOf('repeat'),
    recall_by_recipe: Object.fromEntries(SPIN_MIX.map((r) => [r, recallOf(r)])),
    precision: round((sameFamily + genuine) / Math.max(1, found.size), 4),
    precision_strict: round(sameFamily / Math.max(1, found.size), 4),
    cross_family_shared_text: genuine,
  };
}

/** Sentences of at least this many words count as shared text... */
const SHARED_MIN_WORDS = 6;
/** ...unless this many originals or more carry them (site furniture, bylines, link cards). */
const SHARED_BOILERPLATE = 3;
/** Pairs of originals sharing this many such sentences word for word are genuine copies. */
const SHARED_SENTENCES = 3;

/**
 * Which of `pairs` (of original ids) share text word for word: at least
 * `SHARED_SENTENCES` sentences, ignoring short ones and those in
 * `SHARED_BOILERPLATE` or more originals. A conservative judge: a rewrite of
 * another outlet's story shares no sentence and counts as false.
 */
async function sharedText(store: SqliteStore, originals: string[], pairs: Set<string>): Promise<Set<string>> {
  const hashes = (d: Document) => {
    const out = new Set<number>();
    for (const r of d.sentences) {
      const t = normalizeForHash(d.text.slice(r.start, r.end));
      if (t.split(' ').length >= SHARED_MIN_WORDS) out.add(fnv1a(t));
    }
    return out;
  };
  const freq = new Map<number, number>();
  for (let i = 0; i < originals.length; i += 500)
    for (const d of await store.getDocuments(originals.slice(i, i + 500))) for (const h of hashes(d)) freq.set(h, (freq.get(h) ?? 0) + 1);
  const out = new Set<string>();
  for (const key of pairs) {
    const [a, b] = await store.getDocuments(key.split('|'));
    if (!a || !b) continue;
    const hb = hashes(b);
    let shared = 0;
    for (const h of hashes(a)) if (hb.has(h) && freq.get(h)! < SHARED_BOILERPLATE) shared++;
    if (shared >= SHARED_SENTENCES) out.add(key);
  }
  return out;
}

/** The product's `prepare` on one thread, on real articles (the cached corpus was prepared in workers). */
async function measurePrepare() {
  const raws: RawArticle[] = (await readAllSides(PREPARE_SAMPLE)).map((a) => ({
    origin: a.id,
    format: 'jsonl',
    title: a.title,
    text: a.text,
    source: a.source,
    ...(a.published ? { published: a.published } : {}),
  }));
  // The stages provenance needs (extraction has its own benchmark).
  const stages = [segment, copyPrint];
  prepare(raws[0], stages);
  progress(`prepare: ${raws.length} articles…`);
  const t = performance.now();
  const c = process.cpuUsage();
  for (const raw of raws) prepare(raw, stages);
  return {
    prepare_articles_per_s: round(raws.length / ((performance.now() - t) / 1000)),
    prepare_articles_per_cpu_s: round(raws.length / cpuSince(c)),
  };
}
const PREPARE_SAMPLE = 500;

async function measurePackage({ store, batches, edges, articles }: Corpus, oursCpuPerArticle: number) {
  gc();
  const index = new pkg.LshIndex();
  const partners = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [a, b] = key.split('|');
    partners.set(a, [...(partners.get(a) ?? []), b]);
    partners.set(b, [...(partners.get(b) ?? []), a]);
  }
  // A pair is found when the later of the two to be inserted gets the other back.
  const inserted = new Set<string>();
  const totals = new Map<string, number>();
  for (const e of edges.values()) totals.set(e.group, (totals.get(e.group) ?? 0) + 1);
  let seconds = 0;
  let cpu = 0;
  let hits = 0;
  const hitsBy = new Map<string, number>();
  let candidates = 0;
  let done = 0;
  for (const [b, ids] of batches.entries()) {
    const docs = await loadBatch(store, ids);
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
      inserted.add(d.id);
      for (const p of partners.get(d.id) ?? []) {
        if (!inserted.has(p) || !got.has(p)) continue;
        hits++;
        const group = edges.get(pairKey(d.id, p))!.group;
        hitsBy.set(group, (hitsBy.get(group) ?? 0) + 1);
      }
    });
    done += docs.length;
    if (b % 10 === 9) progress(`minhash package: ${done}/${articles} (${Math.round(done / seconds)}/s)`);
  }
  return {
    minhash_pkg_articles_per_s: round(articles / seconds),
    minhash_pkg_cpu_s: round(cpu),
    minhash_pkg_recall: round(hits / Math.max(1, edges.size), 4),
    minhash_pkg_recall_repeat: round((hitsBy.get('repeat') ?? 0) / Math.max(1, totals.get('repeat') ?? 0), 4),
    minhash_pkg_recall_by_recipe: Object.fromEntries(SPIN_MIX.map((r) => [r, round((hitsBy.get(r) ?? 0) / Math.max(1, totals.get(r) ?? 0), 4)])),
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
  sharesText: (r: CopyRelation) => boolean,
): Promise<void> {
  const clip = (s: string) => (s.length > 220 ? s.slice(0, 220) + '…' : s);
  const lines: string[] = [`# ${sample.length} relations across families\n`];
  for (const [k, r] of sample.entries()) {
    const [src, cp] = await store.getDocuments([r.source, r.copy]);
    const roots = await store.getDocuments([src, cp].map((d) => originalOf.get(truth.get(d.id)!.family)!));
    const kinds: Record<string, number> = {};
    for (const p of r.pairs) kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    lines.push(
      `## ${k + 1}. ${sharesText(r) ? 'originals share text' : 'NO shared text'}: ${r.method} ${r.kind}, coverage ${r.coverageOfCopy}/${r.coverageOfSource}, similarity ${r.similarity}, pairs ${JSON.stringify(kinds)}`,
      ...[src, cp].map((d, i) => `- ${i ? 'copy' : 'source'} (${truth.get(d.id)!.role} of) ${roots[i]?.source} ${roots[i]?.published ?? '-'}: ${roots[i]?.title}`),
    );
    for (const p of r.pairs.slice(0, 6)) {
      const a = src.sentences[p.sourceSentence];
      const b = cp.sentences[p.copySentence];
      lines.push(`  - ${p.kind} ${p.score}`, `    - S: ${clip(src.text.slice(a.start, a.end))}`);
      if (p.kind !== 'verbatim') lines.push(`    - C: ${clip(cp.text.slice(b.start, b.end))}`);
    }
    lines.push('');
  }
  writeFileSync(path, lines.join('\n'));
}

/** MB of V8 heap and array buffers (typed arrays live outside the heap) after a full collection. */
function heapAndBuffers(): number {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external) / 1048576;
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
