// Article-body extraction on the Scrapinghub/Zyte article-extraction-benchmark
// (181 real pages). The metric is the benchmark's evaluate.py, reproduced
// exactly: 4-token shingles of `\w+` tokens counted with multiplicity, per page
// tp/fp/fn normalized to sum 1; precision is the mean per-page precision over
// pages that predicted something, recall the mean per-page recall over pages
// whose truth is non-empty, F1 the harmonic mean of those two means.
//
// `--dump FILE` writes our predictions in the benchmark's format, so its own
// evaluate.py can confirm these figures; `--worst N` lists the N lowest-F1
// pages on stderr.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../src/ingest/html.js';
import { progress, progressDone } from './lib/runner.js';

const DATASET = fileURLToPath(new URL('../../shared/datasets/article-extraction/', import.meta.url));

type Counts = [tp: number, fp: number, fn: number];

// Python's `\w` on str: letters, numbers and the underscore (not marks).
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // As in evaluate.py: a text shorter than n tokens is one short shingle.
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const shingle = tokens.slice(i, i + n);
    if (!shingle.length) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function shingleMatching(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [tp, fp, fn];
}

function precisionScore([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallScore([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 10000) / 10000;

function score(pages: { truth: string; pred: string }[]) {
  const counts = pages.map((p) => shingleMatching(p.truth, p.pred));
  const precision = mean(counts.filter(([tp, fp]) => tp + fp > 0).map(precisionScore));
  const recall = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(recallScore));
  const tokens = (s: string) => (s.match(TOKEN) ?? []).join('\u0000');
  const accuracy = mean(pages.map((p) => (tokens(p.truth) === tokens(p.pred) ? 1 : 0)));
  return {
    f1: round((2 * precision * recall) / (precision + recall)),
    precision: round(precision),
    recall: round(recall),
    accuracy: round(accuracy),
    perPage: counts,
  };
}

function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? '';
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export default async function articleExtraction(args: string[]): Promise<Record<string, unknown>> {
  const truthFile = join(DATASET, 'ground-truth.json');
  if (!existsSync(truthFile)) throw new Error(`dataset missing: ${truthFile} (article-extraction benchmark)`);
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  const ids = Object.keys(truth);
  const pages = ids.map((id) => ({ id, html: gunzipSync(readFileSync(join(DATASET, 'html', `${id}.html.gz`))).toString('utf8') }));

  // Untimed warm-up, so neither side pays the JIT's start-up in its rate.
  for (const page of pages.slice(0, 10)) {
    readabilityText(page.html);
    try {
      extractHtml(page.html, page.id);
    } catch {
      // counted below
    }
  }

  const ours: string[] = [];
  const found = { title: 0, byline: 0, source: 0, url: 0, published: 0 };
  let failures = 0;
  const start = performance.now();
  for (const [i, page] of pages.entries()) {
    if (i % 20 === 0) progress(`article-extraction: ${i}/${pages.length}`);
    try {
      const article = extractHtml(page.html, truth[page.id].url ?? page.id);
      ours.push(article.text);
      for (const k of Object.keys(found) as (keyof typeof found)[]) if (article[k]) found[k]++;
    } catch {
      failures++;
      ours.push('');
    }
  }
  const seconds = (performance.now() - start) / 1000;
  progressDone();

  const baselineStart = performance.now();
  const baseline = pages.map((p) => readabilityText(p.html));
  const baselineSeconds = (performance.now() - baselineStart) / 1000;

  const withTruth = (preds: string[]) => ids.map((id, i) => ({ truth: truth[id].articleBody ?? '', pred: preds[i] }));
  const { perPage, ...figures } = score(withTruth(ours));
  const { perPage: _, ...base } = score(withTruth(baseline));

  const worst = Number(option(args, '--worst') ?? 0);
  if (worst > 0) {
    const f1 = (c: Counts) => (c[0] === 0 ? 0 : (2 * c[0]) / (2 * c[0] + c[1] + c[2]));
    const ranked = ids.map((id, i) => ({ id, url: truth[id].url, c: perPage[i] })).sort((a, b) => f1(a.c) - f1(b.c));
    for (const r of ranked.slice(0, worst)) {
      process.stderr.write(`${f1(r.c).toFixed(3)} tp=${r.c[0].toFixed(2)} fp=${r.c[1].toFixed(2)} fn=${r.c[2].toFixed(2)} ${r.id.slice(0, 12)} ${r.url}\n`);
    }
  }
  const dump = option(args, '--dump');
  if (dump) writeFileSync(dump, JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, { articleBody: ours[i] }]))));

  return {
    ...figures,
    pages: ids.length,
    failures,
    pages_per_s: Math.round(pages.length / seconds),
    metadata_found: found,
    baseline_readability: { ...base, pages_per_s: Math.round(pages.length / baselineSeconds) },
  };
}
