// Extraction speed on real articles: `npm run bench -- extraction [N]
// [--workers K]` (default 10,000 AllSides articles, in as many worker threads
// as `analyze` uses by default: one per core; `--workers 0`: the main thread). Documents are prepared (cleaned,
// segmented) before the clock starts; what is timed is the extraction stage
// as the pipeline runs it: one shared parse, entities, times, quantities,
// quotes, geocoding of places and event frames, spans written on the document. Per
// extractor CPU shares come from a second, instrumented pass over the first
// 1,000 articles.
import { performance } from 'node:perf_hooks';
import { readAllSides } from '../eval/lib/datasets.js';
import { defaultWorkers, PreparePool, type Prepared } from '../src/pipeline/pool.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { copyPrint, extract, geocode, prepare, segment, type Pending } from '../src/pipeline/stages.js';
import { extractEntities } from '../src/extract/entities.js';
import { tokenize } from '../src/text/nlp.js';
import { extractTimes } from '../src/extract/time.js';
import { extractQuantities } from '../src/extract/quantities.js';
import { extractQuotes } from '../src/extract/quotes.js';
import { extractEvents } from '../src/events/extract.js';

export default async function (args: string[]) {
  const wi = args.indexOf('--workers');
  const workers = wi >= 0 ? Number(args[wi + 1]) : defaultWorkers();
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--workers') ?? 10000);
  progress(`reading ${n} AllSides articles…`);
  const articles = await readAllSides(n);
  progress('preparing…');
  const pending: Pending[] = [];
  for (const a of articles) {
    try {
      pending.push(prepare({ origin: a.id, format: 'jsonl', title: a.title, text: a.text, source: a.source, ...(a.published ? { published: a.published } : {}) }, [segment, copyPrint]));
    } catch {
      // An article prepare rejects is not extraction's to time.
    }
  }
  if (workers > 0) return inWorkers(pending, workers);
  const bytes = pending.reduce((s, p) => s + p.doc.text.length, 0);
  // Models and gazetteers load once per process, before the clock.
  extract.run({ ...pending[0], doc: { ...pending[0].doc, spans: [] } });

  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let spans = 0;
  for (const [i, p] of pending.entries()) {
    extract.run(p);
    spans += p.doc.spans.length;
    if (i % 500 === 0) progress(`extraction: ${i}/${pending.length}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  const parts: Record<string, number> = { parse: 0, entities: 0, times: 0, quantities: 0, quotes: 0, geocode: 0, events: 0 };
  const time = (k: string, f: () => unknown) => {
    const t = performance.now();
    const r = f();
    parts[k] += performance.now() - t;
    return r;
  };
  const sample = pending.slice(0, 1000);
  for (const { doc } of sample) {
    const tokens = time('parse', () => tokenize(doc.text)) as ReturnType<typeof tokenize>;
    const entities = time('entities', () => extractEntities(doc, tokens)) as ReturnType<typeof extractEntities>;
    const times = time('times', () => extractTimes(doc)) as ReturnType<typeof extractTimes>;
    const quantities = time('quantities', () => extractQuantities(doc, tokens)) as ReturnType<typeof extractQuantities>;
    const quotes = time('quotes', () => extractQuotes(doc)) as ReturnType<typeof extractQuotes>;
    time('geocode', () => geocode(doc));
    time('events', () => extractEvents(doc, { tokens, entities, times, quantities, quotes }));
  }
  progressDone();
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    articles: pending.length,
    seconds: round(seconds),
    cpu_seconds: round(cpuSeconds),
    articles_per_s: round(pending.length / seconds),
    articles_per_cpu_s: round(pending.length / cpuSeconds),
    mb_per_s: round(bytes / 1048576 / seconds),
    spans_per_article: round(spans / pending.length),
    ms_per_article: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v / sample.length)])),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
  };
}

/**
 * With `--workers K`: the pipeline's own `PreparePool`. Documents are prepared
 * (cleaned, segmented) before the clock, as in the one-thread run; timed is
 * the extraction stage in K worker threads, each document copied to a worker
 * and back with its spans.
 */
async function inWorkers(pending: Pending[], workers: number) {
  const pool = new PreparePool(workers);
  const strip = (p: Pending): Pending => ({ doc: { ...p.doc, spans: [] }, normalized: '' });
  // Each worker loads its models before the clock.
  await Promise.all(Array.from({ length: workers }, (_, i) => pool.rerun([strip(pending[i])], [extract.name])));
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const chunk = 50;
  const inFlight: Promise<Prepared[]>[] = [];
  let done = 0;
  let spans = 0;
  let failed = 0;
  const take = async () => {
    for (const r of await inFlight.shift()!) {
      if ('ok' in r) spans += r.ok.doc.spans.length;
      else failed++;
      done++;
    }
    if (done % 500 < chunk) progress(`extraction in ${workers} workers: ${done}/${pending.length}`);
  };
  for (let i = 0; i < pending.length; i += chunk) {
    // What extraction needs of a prepared document: its text, sentences and paragraphs.
    inFlight.push(pool.rerun(pending.slice(i, i + chunk).map(strip), [extract.name]));
    if (inFlight.length > workers * 2) await take();
  }
  while (inFlight.length) await take();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  await pool.close();
  progressDone();
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    articles: pending.length - failed,
    workers,
    seconds: round(seconds),
    cpu_seconds: round((cpu.user + cpu.system) / 1e6),
    articles_per_s: round((pending.length - failed) / seconds),
    articles_per_cpu_s: round((pending.length - failed) / ((cpu.user + cpu.system) / 1e6)),
    spans_per_article: round(spans / (pending.length - failed)),
    // How busy the main thread was sending and receiving: on 2 cores it competes with the workers.
    main_thread_busy: round(elu.utilization),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
  };
}
