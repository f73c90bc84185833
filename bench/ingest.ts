// ingest + clean + segment + dedup + stories + store, on real articles.
// `npm run bench -- ingest [N] [--paraphrase]` (default 10,000 AllSides
// articles). The scope is shingle dedup (`--paraphrase` off); with
// `--paraphrase` the run includes paraphrase candidates and alignment, as
// `sitrep analyze` does by default.
import { mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAllSides } from '../eval/lib/datasets.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { ingestInto } from '../src/pipeline/analyze.js';

export default async function (args: string[]) {
  const paraphrase = args.includes('--paraphrase');
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
  progress(`reading ${n} AllSides articles…`);
  const articles = await readAllSides(n);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
    const bytes = statSync(input).size;
    const store = new SqliteStore(join(dir, 'bench.db'));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const stats = await ingestInto(store, [input], {
      paraphrase,
      onProgress: (p) => {
        if (p.read % 1000 === 0) progress(`${p.read} read, ${p.added} stored`);
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    await store.close();
    progressDone();
    return {
      paraphrase,
      articles: stats.read,
      stored: stats.added,
      errors: stats.errors.length,
      seconds: round(seconds),
      // CPU time of this process: the figure to compare when the machine is busy.
      cpu_seconds: round(cpuSeconds),
      articles_per_cpu_s: round(stats.read / cpuSeconds),
      articles_per_s: round(stats.read / seconds),
      mb_per_s: round(bytes / 1048576 / seconds),
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
