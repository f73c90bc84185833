// Shared by eval/run.ts and bench/run.ts: find NAME.ts beside the runner, run
// its default export, print its figures as the last stdout line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Measure = (args: string[]) => Promise<Record<string, unknown>>;

export async function runNamed(
  kind: 'eval' | 'bench',
  dir: string,
  argv: string[],
  exists: (p: string) => boolean,
): Promise<void> {
  const available = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
    .map((f) => f.slice(0, -3))
    .sort();
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(`usage: npm run ${kind} -- NAME [args]\navailable: ${available.join(', ')}\n`);
    process.exit(name ? 0 : 2);
  }
  const file = join(dir, `${name}.ts`);
  if (!exists(file)) {
    process.stderr.write(`${kind}: unknown name "${name}"; available: ${available.join(', ')}\n`);
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(file).href)) as { default: Measure };
  try {
    const figures = await mod.default(args);
    process.stdout.write(JSON.stringify({ name, ...figures }) + '\n');
  } catch (err) {
    process.stderr.write(`${kind} ${name}: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  }
}

/** Progress line on stderr (overwritten in place on a TTY). */
export function progress(msg: string): void {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${msg}`);
  else process.stderr.write(msg + '\n');
}
export function progressDone(): void {
  if (process.stderr.isTTY) process.stderr.write('\n');
}
