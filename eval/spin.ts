// Copy detection on synthetic copies of real articles. N AllSides articles are
// spun with every recipe of eval/lib/spin.ts (verbatim, cut, reordered, padded
// with boilerplate, 10-60% of content words replaced by synonyms, clauses and
// voice moved, negations and numbers changed); each copy gets another outlet
// and, for half of the originals, a later date (the other half carry no dates,
// so the origin must come from the text). Other AllSides articles on the same
// topic, closest in date, are added as negatives. The pool goes through the
// product's own stages (prepare, recurring-line cleaning, provenance) in
// batches as `analyze` runs them, copies arriving after their originals; the
// shingle-only DuplicateFinder is scored on the same documents as the baseline.
//
// Usage: npm run eval -- spin [--n 300] [--split dev|test] [--seed 1] [--workers 2] [--dump FILE]
// The dev split uses AllSides lines with even index (for tuning), test the odd ones.
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { RawArticle } from '../src/model/document.js';
import type { CopyRelation } from '../src/model/collection.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { KIND, loadState, provenance, recurringLines, type Pending } from '../src/pipeline/stages.js';
import { DEFAULT_STORY_OPTIONS } from '../src/stories/cluster.js';
import { DuplicateFinder } from '../src/provenance/dedup.js';
import type { ProvenancePrint } from '../src/provenance/copies.js';
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
  dump?: string;
}

function parseArgs(args: string[]): Options {
  const opts: Options = { n: 300, split: 'dev', seed: 1, workers: Math.min(2, availableParallelism()) };
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

export default async function spinEval(args: string[]): Promise<Record<string, unknown>> {
  const opts = parseArgs(args);
  const t0 = performance.now();
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

  // The product's batch stages, batch by batch as `analyze` runs them.
  entries.sort((a, b) => a.key - b.key);
  const members = new Map<string, Member>();
  const store = new SqliteStore();
  const state = await loadState(store, DEFAULT_STORY_OPTIONS);
  const order: string[] = [];
  for (let i = 0; i < entries.length; i += BATCH) {
    const slice = entries.slice(i, i + BATCH).filter((e) => {
      if (members.has(e.pending.doc.id)) return false;
      members.set(e.pending.doc.id, { ...e.member, doc: e.pending.doc });
      return true;
    });
    const batch = slice.map((e) => e.pending);
    batch.sort((a, b) => (a.doc.published ?? '\uffff').localeCompare(b.doc.published ?? '\uffff'));
    const ctx = { batch, store, writes: [], state };
    for (const stage of [recurringLines, provenance]) await stage.run(ctx);
    await store.commit({ documents: batch.map((p) => p.doc), records: ctx.writes });
    state.copiesOf.clear();
    order.push(...batch.map((p) => p.doc.id));
    progress(`spin: detector ${order.length}/${entries.length}`);
  }
  progressDone();
  const detectedAt = performance.now();
  const relations = [...(await store.records<CopyRelation>(KIND.copy)).values()];

  // Baseline: shingles alone, on the same cleaned documents in the same order.
  const prints = await store.records<ProvenancePrint>(KIND.fingerprint);
  const dups = new DuplicateFinder();
  const baselineRelations: Found[] = order.flatMap((id) => dups.add(id, prints.get(id)!));
  await store.close();

  const groups = { rewrite_le50: REWRITES_LE50 };
  const main = scoreRelations(relations, members, RECIPES, groups);
  const base = scoreRelations(baselineRelations, members, RECIPES, groups);
  if (opts.dump) writeFileSync(opts.dump, JSON.stringify({ main: main.details, baseline: base.details }, null, 1));
  const f = main.figures;
  const b = base.figures;
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
    documents: members.size,
    negatives: [...members.values()].filter((m) => m.role === 'negative').length,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    seconds_spin_prepare: Math.round((spunAt - t0) / 100) / 10,
    seconds_detector: Math.round((detectedAt - spunAt) / 100) / 10,
  };
}
