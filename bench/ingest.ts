// ingest + clean + segment + dedup + store, on real articles, the scope issue 2
// names; then the same articles again through the whole default pipeline
// (story grouping and extraction added), so both figures come from one run.
// `npm run bench -- ingest [N] [--paraphrase] [--workers N]` (default 10,000
// AllSides articles). Without `--paraphrase`, dedup is shingle MinHash only;
// with it, paraphrase candidates and alignment run too, as `sitrep analyze`
// does by default.
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allSidesFile } from '../eval/lib/datasets.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { ingestInto } from '../src/pipeline/analyze.js';
import { BATCH_STAGES, DOCUMENT_STAGES, copyPrint, provenance, recurringLines, segment, type BatchStage, type DocumentStage } from '../src/pipeline/stages.js';

export default async function (args: string[]) {
  const paraphrase = args.includes('--paraphrase');
  const wi = args.indexOf('--workers');
  const workers = wi >= 0 ? Number(args[wi + 1]) : 0;
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--workers') ?? 10000);
  progress(`reading ${n} AllSides articles…`);
  const { dir, input, remove } = await allSidesFile(n);
  try {
    const bytes = statSync(input).size;
    const run = async (name: string, stages: BatchStage[], documentStages: DocumentStage[]) => {
      const file = join(dir, `${name}.db`);
      const store = new SqliteStore(file);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const stats = await ingestInto(store, [input], {
        paraphrase,
        workers,
        stages,
        documentStages,
        onProgress: (p) => {
          if (p.read % 1000 === 0) progress(`${name}: ${p.read} read, ${p.added} stored`);
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      await store.close();
      rmSync(file, { force: true });
      return { stats, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    };
    // The scope: no story grouping, no extraction.
    const scoped = await run('dedup', [recurringLines, provenance], [segment, copyPrint]);
    const full = await run('pipeline', BATCH_STAGES, DOCUMENT_STAGES);
    progressDone();
    return {
      paraphrase,
      workers,
      articles: scoped.stats.read,
      stored: scoped.stats.added,
      errors: scoped.stats.errors.length,
      seconds: round(scoped.seconds),
      // CPU time of this process: the figure to compare when the machine is busy.
      cpu_seconds: round(scoped.cpuSeconds),
      articles_per_cpu_s: round(scoped.stats.read / scoped.cpuSeconds),
      articles_per_s: round(scoped.stats.read / scoped.seconds),
      mb_per_s: round(bytes / 1048576 / scoped.seconds),
      pipeline_articles_per_s: round(full.stats.read / full.seconds),
      pipeline_articles_per_cpu_s: round(full.stats.read / full.cpuSeconds),
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    remove();
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
