// The `sitrep` command: a thin layer over the library API.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { analyze, buildJson } from '../output/build.js';
import { exportEvents, type ExportFormat } from '../output/export.js';
import { SqliteStore } from '../store/sqlite.js';
import type { SitrepJson } from '../output/sitrep-json.js';
import { renderReport } from '../output/report.js';
import { VERSION } from '../version.js';
import { ProgressLine } from './progress.js';

export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 3 } as const;

async function writeAtomic(path: string, data: string): Promise<void> {
  // Write then rename, so an interrupted run never leaves half a report.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

interface AnalyzeFlags {
  out: string;
  workers?: number;
  alignWorkers?: number;
  paraphrase: boolean;
  db?: string;
  json?: boolean;
  quiet?: boolean;
}

function wholeNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number, 0 or more');
  return n;
}

async function runAnalyze(inputs: string[], flags: AnalyzeFlags): Promise<number> {
  const progress = new ProgressLine(process.stderr, Boolean(process.stderr.isTTY) && !flags.quiet);
  const { json, stats } = await analyze(inputs, {
    db: flags.db,
    paraphrase: flags.paraphrase,
    workers: flags.workers,
    alignWorkers: flags.alignWorkers,
    stdin: process.stdin,
    onProgress: (p) =>
      progress.update(p.phase === 'output' ? 'writing the report…' : `read ${p.read} articles, ${p.added} new stored, ${p.errors} errors`),
    onError: (e) => {
      progress.clear();
      process.stderr.write(`sitrep: ${e.input}: ${e.message}\n`);
    },
  });
  await mkdir(flags.out, { recursive: true });
  const jsonPath = join(flags.out, 'sitrep.json');
  const reportPath = join(flags.out, 'report.html');
  await writeAtomic(jsonPath, JSON.stringify(json, null, 1) + '\n');
  await writeAtomic(reportPath, renderReport(json));
  progress.done();

  const sources = new Set(json.documents.map((d) => d.source ?? d.url ?? d.path)).size;
  const summary = {
    documents: json.documents.length,
    newDocuments: stats.added,
    alreadyStored: stats.alreadyStored,
    stories: json.stories.length,
    copies: json.copies.length,
    entities: json.entities.length,
    events: json.events.length,
    claims: json.claims.length,
    contested: json.claims.filter((c) => c.status === 'contested').length,
    sources,
    errors: stats.errors.length,
    report: reportPath,
    json: jsonPath,
  };
  if (flags.json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else if (!flags.quiet) {
    const multi = json.stories.filter((s) => s.documentIds.length > 1).length;
    const lines = [
      `${summary.documents} documents (${summary.newDocuments} new${summary.alreadyStored ? `, ${summary.alreadyStored} seen before` : ''}) from ${sources} sources`,
      `${summary.stories} stories (${multi} with more than one document)`,
      `${summary.copies} copies found (${(['duplicate', 'partial', 'rewrite'] as const).map((k) => `${json.copies.filter((c) => c.kind === k).length} ${k}`).join(', ')}); ${json.copies.reduce((n, c) => n + (c.distortions?.length ?? 0), 0)} possible distortions`,
      `${summary.entities} people, organizations and places; ${summary.events} events; ${summary.claims} claims (${summary.contested} contested)`,
      ...(summary.errors ? [`${summary.errors} inputs could not be read (see above)`] : []),
      `report: ${relative(process.cwd(), reportPath) || reportPath}`,
      `json:   ${relative(process.cwd(), jsonPath) || jsonPath}`,
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return stats.errors.length ? EXIT.inputErrors : EXIT.ok;
}

interface ExportFlags {
  format: ExportFormat;
  out?: string;
  db?: string;
}

async function runExport(input: string | undefined, flags: ExportFlags): Promise<number> {
  try {
    const data = exportEvents(await readAnalysis(input, flags), flags.format);
    if (flags.out) await writeAtomic(flags.out, data);
    else process.stdout.write(data);
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    process.stderr.write(`sitrep: ${err.message}\n`);
    return EXIT.inputErrors;
  }
}

/** An input the user named cannot be read: their error, not ours. */
class InputFileError extends Error {}

async function readAnalysis(input: string | undefined, flags: ExportFlags): Promise<SitrepJson> {
  let json: SitrepJson;
  if (flags.db) {
    if (!existsSync(flags.db)) throw new InputFileError(`${flags.db}: no such database`);
    const store = new SqliteStore(flags.db);
    try {
      json = await buildJson(store, [flags.db]);
    } finally {
      await store.close();
    }
  } else if (input) {
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch (err) {
      throw new InputFileError(`${input}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    }
    try {
      json = JSON.parse(text) as SitrepJson;
    } catch {
      throw new InputFileError(`${input}: not JSON (expected a sitrep.json written by "sitrep analyze")`);
    }
    if (!Array.isArray(json.events) || !Array.isArray(json.documents)) throw new InputFileError(`${input}: not a sitrep.json (no events or documents)`);
  } else {
    throw new InputFileError('give a sitrep.json file or --db (see sitrep export --help)');
  }
  return json;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('sitrep')
    .description('Turn a flood of news articles into a sourced situation report.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('analyze')
    .description(
      'Read articles (text, Markdown, HTML, JSONL, RSS/Atom/JSON Feed; files, directories, globs, feed URLs, or - for JSONL on stdin), group them into stories, find copies, and write report.html and sitrep.json.',
    )
    .argument('<inputs...>', 'files, directories, globs, feed URLs, or - for JSONL on stdin')
    .option('-o, --out <dir>', 'output directory', 'out')
    .option('--db <file>', 'SQLite database to keep articles in across runs (default: in memory)')
    .option('--json', 'print the run summary as JSON on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-paraphrase', 'find verbatim and near-exact copies only, not rewrites (faster)')
    .option('--workers <n>', 'worker threads for per-document work (default: one per core; 0: none)', wholeNumber)
    .option('--align-workers <n>', 'worker threads aligning candidate copies (default 0: the main thread); pays on floods of copies, costs memory', wholeNumber)
    .addHelpText(
      'after',
      '\nExit status: 0 ok; 1 some inputs could not be read (output still written); 2 usage error.\n\nExamples:\n  sitrep analyze examples/corpus\n  sitrep analyze ../shared/seeds --db news.db --out report/\n  cat articles.jsonl | sitrep analyze - --json',
    )
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      process.exitCode = await runAnalyze(inputs, flags);
    });

  program
    .command('export')
    .description('Write the events of an analysis as CSV (one event a row, ACLED-like columns with CAMEO codes) or GeoJSON points.')
    .argument('[sitrep.json]', 'a sitrep.json written by "sitrep analyze" (or use --db)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['csv', 'geojson']).default('csv'))
    .option('-o, --out <file>', 'write to this file (default: standard output)')
    .option('--db <file>', 'read the analysis from this SQLite database instead of a sitrep.json')
    .addHelpText('after', '\nExamples:\n  sitrep export out/sitrep.json > events.csv\n  sitrep export --db news.db --format geojson -o events.geojson')
    .action(async (input: string | undefined, flags: ExportFlags) => {
      process.exitCode = await runExport(input, flags);
    });
  return program;
}

export async function main(argv = process.argv): Promise<void> {
  // A reader that stops early (`sitrep export ... | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version are not errors.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    process.stderr.write(`sitrep: ${(err as Error).message}\n`);
    process.exitCode = EXIT.internal;
  }
}
