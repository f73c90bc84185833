// Copy detection on synthetic copies of real articles. N AllSides articles are
// spun with every recipe of eval/lib/spin.ts (verbatim, cut, reordered, padded
// with boilerplate, 10-60% of content words replaced by synonyms, clauses and
// voice moved, negations and numbers changed); each copy gets another outlet
// and, for half of the originals, a later date (the other half carry no dates,
// so the origin must come from the text). Other AllSides articles on the same
// topic, closest in date, are added as negatives. Everything goes through the
// product's own stages (prepare, recurring-line cleaning, provenance) in
// batches as `analyze` runs them: originals and negatives first, then each
// recipe's copies in arrival order. The shingle-only DuplicateFinder is scored
// on the same documents in the same order as the baseline.
//
// Usage: npm run eval -- spin [--n 300] [--split dev|test] [--seed 1]
//          [--workers 2] [--together] [--dump FILE]
// The dev split draws on AllSides lines with even index (for tuning), test on
// the odd ones. --together runs all recipes' copies in one pool (copies of one
// original then meet each other: slow, use a small --n). --dump writes false
// relations, missed pairs, false flags and missed distortions to FILE.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { RawArticle } from '../src/model/document.js';
import type { CopyRelation } from '../src/model/collection.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { KIND, loadState, provenance, recurringLines, type BatchContext, type Pending, type PipelineState } from '../src/pipeline/stages.js';
import type { Store } from '../src/store/store.js';
import { DEFAULT_STORY_OPTIONS } from '../src/stories/cluster.js';
import { DuplicateFinder } from '../src/provenance/dedup.js';
import { CopyDetector, type ProvenancePrint } from '../src/provenance/copies.js';
import { normalizeForHash, shortHash } from '../src/text/normalize.js';
import { readAllSides, type AllSidesArticle } from './lib/datasets.js';
import { progress, progressDone } from './lib/runner.js';
import { SPIN_RECIPES, mulberry32 } from './lib/spin.js';
import { SpinPool, type SpinJob, type SpinJobResult } from './lib/spin-eval-worker.js';
import { scoreRelations, type Found, type Member } from './lib/spin-eval-score.js';

const RECIPES = Object.keys(SPIN_RECIPES);
/** The target group: rewrites with up to half the content words substituted. */
const REWRITES_LE50 = ['syn10', 'syn20', 'syn30', 'syn40', 'syn50', 'farm'];
/** Articles per batch, as `analyze` commits them. */
const BATCH = 500;
/** Jobs per message to a worker. */
const CHUNK = 20;
const MIN_SENTENCES = 8;
/** Republishers' names: none is a wire agency, so only dates and text can tell the origin. */
const OUTLETS = [
  'Daily Courier Online',
  'Metro Ledger',
  'The Evening Standard Times',
  'Newsline Today',
  'Capitol Digest',
  'Harbor City Herald',
  'Northern Gazette',
  'Valley Sentinel',
  'The Morning Record',
  'Frontpage Report',
  'Citizen Observer',
  'Bay Area Bulletin',
  'Prairie Tribune',
  'Coastal Chronicle',
  'Headline Hub',
  'The Daily Aggregator',
];
/** For dated originals AllSides gives no date for. */
const FALLBACK_DATE = '2018-06-15';

interface Options {
  n: number;
  split: 'dev' | 'test';
  seed: number;
  workers: number;
  together: boolean;
  dump?: string;
}

function parseArgs(args: string[]): Options {
  const opts: Options = { n: 300, split: 'dev', seed: 1, workers: Math.min(2, availableParallelism()), together: false };
  for (let i = 0; i < args.length; i++) {
    const value = args[i + 1];
    switch (args[i]) {
      case '--n':
        opts.n = Number(value);
        break;
      case '--split':
        if (value !== 'dev' && value !== 'test') throw new Error(`--split must be dev or test, not ${value}`);
        opts.split = value;
        break;
      case '--seed':
        opts.seed = Number(value);
        break;
      case '--workers':
        opts.workers = Number(value);
        break;
      case '--dump':
        opts.dump = value;
        break;
      case '--together':
        opts.together = true;
        continue;
      default:
        throw new Error(`spin: unknown argument ${args[i]}`);
    }
    i++;
  }
  if (!(opts.n > 0) || !Number.isInteger(opts.n)) throw new Error('--n must be a positive integer');
  return opts;
}

function shuffle<T>(xs: T[], rng: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(date.slice(0, 10) + 'T00:00:00Z') + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const dayOf = (a: AllSidesArticle): number => (a.published ? Date.parse(a.published.slice(0, 10)) : NaN);

function rawOf(a: AllSidesArticle, origin: string, published: string | undefined, source = a.source): RawArticle {
  return {
    origin,
    format: 'jsonl',
    title: a.title,
    text: a.text,
    ...(source ? { source } : {}),
    ...(published ? { published, publishedFrom: 'metadata' as const } : {}),
  };
}

/** Runs jobs through the pool in chunks, keeping their order. */
async function runJobs(pool: SpinPool, jobs: SpinJob[], label: string): Promise<SpinJobResult[]> {
  const chunks: Promise<SpinJobResult[]>[] = [];
  let done = 0;
  for (let i = 0; i < jobs.length; i += CHUNK) {
    chunks.push(
      pool.run(jobs.slice(i, i + CHUNK)).then((r) => {
        done += r.length;
        progress(`spin: ${label} ${done}/${jobs.length}`);
        return r;
      }),
    );
  }
  return (await Promise.all(chunks)).flat();
}

interface Entry {
  pending: Pending;
  member: Omit<Member, 'doc'>;
  /** Position in the arrival order. */
  key: number;
}

/**
 * The product's batch stages over `entries` in order, `BATCH` at a time and
 * each batch in date order as `analyze` runs them; the relations found, the
 * documents in the order the detector saw them, their prints, and the
 * corpus line counts written.
 */
async function runStages(entries: Entry[], store: Store, state: PipelineState, label: string, errors: string[]) {
  const relations: CopyRelation[] = [];
  const prints = new Map<string, ProvenancePrint>();
  const order: string[] = [];
  const lines: string[] = [];
  const time = (p: Pending) => (p.doc.published ? Date.parse(p.doc.published) : Infinity);
  for (let i = 0; i < entries.length; i += BATCH) {
    const batch = entries.slice(i, i + BATCH).map((e) => e.pending);
    batch.sort((a, b) => time(a) - time(b));
    const ctx: BatchContext = { batch, store, writes: [], state, fail: (input, message) => errors.push(`${input}: ${message}`) };
    for (const stage of [recurringLines, provenance]) await stage.run(ctx);
    await store.commit({ documents: ctx.batch.map((p) => p.doc), records: ctx.writes });
    state.copiesOf.clear();
    for (const w of ctx.writes) {
      if (w.kind === KIND.copy) relations.push(w.value as CopyRelation);
      else if (w.kind === KIND.fingerprint) prints.set(w.key, w.value as ProvenancePrint);
      else if (w.kind === KIND.line) lines.push(w.key);
    }
    order.push(...ctx.batch.map((p) => p.doc.id));
    progress(`spin: detector, ${label}: ${i + batch.length}/${entries.length}`);
  }
  return { relations, prints, order, lines };
}

export default async function spinEval(args: string[]): Promise<Record<string, unknown>> {
  const opts = parseArgs(args);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const rng = mulberry32(opts.seed);

  // Articles of the split, each text once (AllSides repeats a few).
  const parity = opts.split === 'dev' ? 0 : 1;
  const all = await readAllSides(Math.max(6000, opts.n * 24));
  const seenText = new Set<string>();
  const split = all.filter((a, i) => {
    if (i % 2 !== parity || !a.text?.trim()) return false;
    const h = shortHash(normalizeForHash(a.text));
    if (seenText.has(h)) return false;
    seenText.add(h);
    return true;
  });
  const byTopic = new Map<string, AllSidesArticle[]>();
  for (const a of split) byTopic.set(a.topic, [...(byTopic.get(a.topic) ?? []), a]);
  progress(`spin: ${split.length} ${opts.split} articles`);

  const pool = new SpinPool(opts.workers);
  const entries: Entry[] = [];
  try {
    // Originals: random articles of the split with enough sentences and a topic to draw negatives from.
    const sources: { article: AllSidesArticle; entry: Entry; dated: boolean }[] = [];
    const candidates = shuffle(
      split.filter((a) => (byTopic.get(a.topic)?.length ?? 0) > 1),
      rng,
    );
    for (let at = 0; sources.length < opts.n && at < candidates.length; ) {
      const take = candidates.slice(at, at + Math.max(CHUNK, Math.ceil((opts.n - sources.length) * 1.3)));
      at += take.length;
      const plans = take.map((a) => {
        const dated = rng() < 0.5;
        return { a, dated, published: dated ? (a.published ?? FALLBACK_DATE).slice(0, 10) : undefined };
      });
      const results = await runJobs(pool, plans.map((p) => ({ raw: rawOf(p.a, `original:${p.a.id}`, p.published) })), 'originals');
      results.forEach((r, i) => {
        if (sources.length >= opts.n || !r.pending || r.pending.doc.sentences.length < MIN_SENTENCES) return;
        const family = sources.length;
        const entry: Entry = { pending: r.pending, member: { role: 'original', family, dated: plans[i].dated }, key: rng() };
        sources.push({ article: plans[i].a, entry, dated: plans[i].dated });
      });
    }
    if (sources.length < opts.n) throw new Error(`only ${sources.length} articles with ${MIN_SENTENCES}+ sentences in the ${opts.split} split`);
    entries.push(...sources.map((s) => s.entry));

    // Negatives: 1-2 articles per original on its topic, nearest in date, each used once where possible.
    const used = new Set(sources.map((s) => s.article.id));
    const negatives: AllSidesArticle[] = [];
    for (const { article } of sources) {
      const day = dayOf(article);
      const others = (byTopic.get(article.topic) ?? [])
        .filter((a) => !used.has(a.id))
        .map((a) => ({ a, gap: Math.abs(dayOf(a) - day), tie: rng() }))
        .sort((x, y) => (isNaN(x.gap) ? 1 : isNaN(y.gap) ? -1 : x.gap - y.gap) || x.tie - y.tie)
        .slice(0, 4);
      for (const { a } of shuffle(others, rng).slice(0, rng() < 0.5 ? 1 : 2)) {
        used.add(a.id);
        negatives.push(a);
      }
    }

    // Copies, one per recipe and original, each arriving some time after it.
    const copyJobs: SpinJob[] = [];
    const copyMembers: Omit<Entry, 'pending'>[] = [];
    sources.forEach(({ article, entry, dated }, family) => {
      RECIPES.forEach((recipe, r) => {
        const published = dated ? addDays(entry.pending.doc.published!, 1 + Math.floor(rng() * 3)) : undefined;
        const outlet = OUTLETS[(family + r) % OUTLETS.length];
        copyJobs.push({
          raw: rawOf(article, `copy:${recipe}:${article.id}`, published, outlet),
          spin: { recipe, seed: (opts.seed * 1_000_003 + family * 97 + r) >>> 0 },
        });
        copyMembers.push({ member: { role: 'copy', family, recipe, dated }, key: entry.key + (1 - entry.key) * rng() });
      });
    });
    const negJobs = negatives.map((a) => ({ raw: rawOf(a, `negative:${a.id}`, a.published?.slice(0, 10) || undefined) }));
    const results = await runJobs(pool, [...negJobs, ...copyJobs], 'negatives and copies');
    progressDone();
    results.forEach((r, i) => {
      if (!r.pending) {
        progress(`spin: skipped ${r.error}`);
        return;
      }
      if (i < negJobs.length) {
        entries.push({ pending: r.pending, member: { role: 'negative', family: -1 - i, dated: Boolean(r.pending.doc.published) }, key: rng() });
      } else {
        const m = copyMembers[i - negJobs.length];
        entries.push({ pending: r.pending, member: { ...m.member, distortions: r.distortions }, key: m.key });
      }
    });
  } finally {
    await pool.close();
  }
  const spunAt = performance.now();

  // Originals and negatives first, then the copies of each recipe against a
  // detector loaded with the originals' and negatives' prints, as `analyze`
  // resumes from a store. Copies made from one original by different recipes
  // would otherwise all be compared with each other: relations the ground
  // truth has nothing to say about, at 16 x 16 the cost (`--together` does it).
  entries.sort((a, b) => a.key - b.key);
  const members = new Map<string, Member>();
  for (const e of entries) if (!members.has(e.pending.doc.id)) members.set(e.pending.doc.id, { ...e.member, doc: e.pending.doc });
  const store = new SqliteStore();
  const state = await loadState(store, DEFAULT_STORY_OPTIONS);
  const real = entries.filter((e) => e.member.role !== 'copy');
  const errors: string[] = [];
  const base = await runStages(real, store, state, 'originals and negatives', errors);
  const relations: Found[] = [...base.relations];
  const baselineRelations: Found[] = [];
  const baseline = new DuplicateFinder();
  for (const id of base.order) baselineRelations.push(...baseline.add(id, base.prints.get(id)!));
  const groups = opts.together ? [RECIPES] : RECIPES.map((r) => [r]);
  // Each group starts from the line counts of the originals and negatives:
  // carried over, the copies of earlier recipes would make an original's
  // subheadings "recurring" and strip them from later recipes' copies only.
  const lineCounts = await store.records<number>(KIND.line);
  for (const group of groups) {
    const copies = new CopyDetector((ids) => store.getDocuments(ids));
    copies.loadPrints(base.prints);
    const run = await runStages(
      entries.filter((e) => group.includes(e.member.recipe ?? '')),
      store,
      { ...state, copies, copiesOf: new Map() },
      group.length > 1 ? 'copies' : group[0],
      errors,
    );
    relations.push(...run.relations);
    await store.commit({ documents: [], records: run.lines.map((key) => ({ kind: KIND.line, key, value: lineCounts.get(key) ?? null })) });
    const dups = new DuplicateFinder();
    dups.load(base.prints);
    for (const id of run.order) baselineRelations.push(...dups.add(id, run.prints.get(id)!));
  }
  progressDone();
  for (const e of errors.slice(0, 5)) progress(`spin: ${e}`);
  const detectedAt = performance.now();
  await store.close();

  const named = { rewrite_le50: REWRITES_LE50 };
  const main = scoreRelations(relations, members, RECIPES, named);
  const shingles = scoreRelations(baselineRelations, members, RECIPES, named);
  if (opts.dump) writeFileSync(opts.dump, JSON.stringify({ main: main.details, baseline: shingles.details }, null, 1));
  const f = main.figures;
  const b = shingles.figures;
  const cpu = process.cpuUsage(cpu0);
  const tenths = (x: number) => Math.round(x * 10) / 10;
  const slim = (per: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(per).map(([k, v]) => [k, { precision: v.precision, recall: v.recall, origin_accuracy: v.origin_accuracy }]));
  return {
    split: opts.split,
    n: opts.n,
    seed: opts.seed,
    precision: f.precision,
    recall: f.recall,
    origin_accuracy: f.origin_accuracy,
    origin_accuracy_dated: f.origin_accuracy_dated,
    origin_accuracy_undated: f.origin_accuracy_undated,
    distortion_precision: f.distortion_precision,
    distortion_recall: f.distortion_recall,
    distortion_pairs_aligned: f.distortion_pairs_aligned,
    rewrite_recall_le50: f.rewrite_le50_recall,
    rewrite_precision_le50: f.rewrite_le50_precision,
    per_recipe: f.per_recipe,
    distortion_flags: f.distortion_flags,
    distortion_by_type: f.distortion_by_type,
    false_flags_by_type: f.false_flags_by_type,
    true_relations: f.true_relations,
    false_relations: f.false_relations,
    false_relations_between_real_articles: f.false_relations_between_real_articles,
    sibling_relations: f.sibling_relations,
    baseline: {
      precision: b.precision,
      recall: b.recall,
      origin_accuracy: b.origin_accuracy,
      origin_accuracy_dated: b.origin_accuracy_dated,
      origin_accuracy_undated: b.origin_accuracy_undated,
      rewrite_recall_le50: b.rewrite_le50_recall,
      false_relations: b.false_relations,
      per_recipe: slim(b.per_recipe as Record<string, Record<string, unknown>>),
    },
    pairs: [...members.values()].filter((m) => m.role === 'copy').length,
    pipeline_errors: errors.length,
    documents: members.size,
    negatives: [...members.values()].filter((m) => m.role === 'negative').length,
    seconds: tenths((performance.now() - t0) / 1000),
    // Worker threads included: on a shared machine wall time says little.
    cpu_seconds: tenths((cpu.user + cpu.system) / 1e6),
    seconds_spin_prepare: tenths((spunAt - t0) / 1000),
    seconds_detector: tenths((detectedAt - spunAt) / 1000),
  };
}
