// Extraction speed on real articles: `npm run bench -- extraction [N]`
// (default 10,000 AllSides articles). Documents are prepared (cleaned,
// segmented) before the clock starts; what is timed is the extraction stage
// as the pipeline runs it: one shared parse, entities, times, quantities,
// quotes, geocoding of places and event frames, spans written on the document. Per
// extractor CPU shares come from a second, instrumented pass over the first
// 1,000 articles.
import { readAllSides } from '../eval/lib/datasets.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { copyPrint, extract, geocode, prepare, segment, type Pending } from '../src/pipeline/stages.js';
import { extractEntities } from '../src/extract/entities.js';
import { tokenize } from '../src/text/nlp.js';
import { extractTimes } from '../src/extract/time.js';
import { extractQuantities } from '../src/extract/quantities.js';
import { extractQuotes } from '../src/extract/quotes.js';
import { extractEvents } from '../src/events/extract.js';

export default async function (args: string[]) {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
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
