// Where the shared evaluation data lives, and readers for the formats we use.
import { existsSync, createReadStream } from 'node:fs';
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
