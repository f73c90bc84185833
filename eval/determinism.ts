// Same input, same output: `npm run eval -- determinism [N]` analyzes the
// first N (default 3,000) AllSides articles twice, on the main thread alone
// and in the default worker threads, and counts the documents whose entity
// mentions differ (each worker reads only part of the input, so anything
// extraction learns from earlier text shows here). It also reports the run's
// claims and contested claims, the figures EVALUATION.md (claims) reads by hand.
import { allSidesFile } from './lib/datasets.js';
import { progress, progressDone } from './lib/runner.js';
import { analyze } from '../src/output/build.js';
import { defaultWorkers } from '../src/pipeline/pool.js';
import type { SitrepJson } from '../src/output/sitrep-json.js';

export default async function (args: string[]) {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 3000);
  progress(`reading ${n} AllSides articles…`);
  const { articles, input, remove } = await allSidesFile(n);
  try {
    const workers = Math.max(2, defaultWorkers());
    progress('analyzing on the main thread…');
    const one = (await analyze([input], { workers: 0 })).json;
    progress(`analyzing in ${workers} worker threads…`);
    const pooled = (await analyze([input], { workers })).json;
    progressDone();
    const a = mentionsByDoc(one);
    const b = mentionsByDoc(pooled);
    const differing = one.documents.filter((d) => (a.get(d.id) ?? '') !== (b.get(d.id) ?? '')).length;
    return {
      articles: articles.length,
      documents: one.documents.length,
      workers,
      differing_documents: differing,
      identical_json: JSON.stringify({ ...one, generatedAt: '' }) === JSON.stringify({ ...pooled, generatedAt: '' }),
      entities: one.entities.length,
      claims: one.claims.length,
      contested: one.claims.filter((c) => c.status === 'contested').length,
      corroborated: one.claims.filter((c) => c.status === 'corroborated').length,
    };
  } finally {
    remove();
  }
}

/** Each document's entity mentions (span and type), as one comparable string. */
function mentionsByDoc(json: SitrepJson): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const e of json.entities) for (const m of e.mentions) (out.get(m.doc) ?? out.set(m.doc, []).get(m.doc)!).push(`${m.start}:${m.end}:${e.type}`);
  return new Map([...out].map(([d, list]) => [d, list.sort().join(' ')]));
}
