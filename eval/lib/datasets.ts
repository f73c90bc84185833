// Where the shared evaluation data lives, and readers for the formats we use.
import { existsSync, createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATASETS = process.env.SITREP_DATASETS ?? resolve(REPO_ROOT, '..', 'shared', 'datasets');

export function dataset(...parts: string[]): string {
  const p = join(DATASETS, ...parts);
  if (!existsSync(p)) throw new Error(`dataset not found: ${p} (expected ../shared/datasets beside the project, or set SITREP_DATASETS)`);
  return p;
}

export interface AllSidesArticle {
  id: string;
  title: string;
  text: string;
  source: string;
  published: string | null;
  url: string;
  topic: string;
}

/** The first `limit` AllSides articles, streamed from the gzip. */
export async function readAllSides(limit = Infinity): Promise<AllSidesArticle[]> {
  const out: AllSidesArticle[] = [];
  const rl = createInterface({ input: createReadStream(dataset('allsides', 'allsides.jsonl.gz')).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    out.push(JSON.parse(line) as AllSidesArticle);
    if (out.length >= limit) {
      rl.close();
      break;
    }
  }
  return out;
}

/**
 * The first `limit` AllSides articles written as one JSONL file in a fresh
 * temporary folder, for runs that read their input as the CLI does (stores
 * may go beside it); `remove` deletes the folder.
 */
export async function allSidesFile(limit: number): Promise<{ articles: AllSidesArticle[]; dir: string; input: string; remove(): void }> {
  const articles = await readAllSides(limit);
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-allsides-'));
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return { articles, dir, input, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
