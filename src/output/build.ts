// The library's main entry: read inputs into a store, then assemble the
// output contract from everything the store holds.
import type { Document } from '../model/document.js';
import type { CopyRelation, SharedPassage, Story } from '../model/collection.js';
import type { Store } from '../store/store.js';
import { SqliteStore } from '../store/sqlite.js';
import type { StoryState } from '../stories/cluster.js';
import type { Fingerprint } from '../provenance/dedup.js';
import { canonicalCopies } from '../provenance/relations.js';
import { addDistortions } from '../provenance/copies.js';
import { independenceGroups } from '../provenance/independence.js';
import { ingestInto, type IngestOptions, type RunStats } from '../pipeline/analyze.js';
import { KIND } from '../pipeline/stages.js';
import { VERSION } from '../version.js';
import { SITREP_JSON_VERSION, toJsonDocument, type SitrepJson } from './sitrep-json.js';
import { inferPublication } from '../stories/dates.js';
import { collect, entityFinder } from '../extract/collect.js';
import { extractTimes } from '../extract/time.js';
import { collectEvents } from '../events/collect.js';
import { claimsOf } from '../claims/index.js';

export interface AnalyzeOptions extends IngestOptions {
  /** SQLite file; in memory when absent. Ignored when `store` is given. */
  db?: string;
  store?: Store;
}

export interface AnalyzeResult {
  json: SitrepJson;
  stats: RunStats;
}

export async function analyze(inputs: string[], opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const store = opts.store ?? new SqliteStore(opts.db);
  try {
    const stats = await ingestInto(store, inputs, opts);
    opts.onProgress?.({ read: stats.read, added: stats.added, errors: stats.errors.length, phase: 'output' });
    const json = await buildJson(store, inputs, stats.errors);
    return { json, stats };
  } finally {
    if (!opts.store) await store.close();
  }
}

/** The output contract, from everything in the store. */
export async function buildJson(store: Store, inputs: string[], errors: SitrepJson['errors'] = []): Promise<SitrepJson> {
  const documents: Document[] = await store.documents();
  const storyStates = [...(await store.records<StoryState>(KIND.story)).values()];
  const stories: Story[] = storyStates
    .map(({ centroid: _c, ...s }) => s)
    .sort((a, b) => b.documentIds.length - a.documentIds.length || (a.firstDate ?? '').localeCompare(b.firstDate ?? ''));
  const prints = await store.records<Fingerprint>(KIND.fingerprint);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const copies = addDistortions(canonicalCopies([...(await store.records<CopyRelation>(KIND.copy)).values()], prints), byId);
  const independence = independenceGroups(stories, byId, copies, prints);
  const copied = new Set(copies.flatMap((c) => [`${c.source}>${c.copy}`, `${c.copy}>${c.source}`]));
  const inferred = inferPublication(stories, byId);
  const inferredTimes = new Map(
    documents.filter((d) => inferred.has(d.id)).map((d) => {
      const anchor = inferred.get(d.id)!.anchor;
      return [d.id, { anchor, times: extractTimes(d, { anchor }) }];
    }),
  );
  const extracted = collect({ documents, copies, independence, inferredTimes });
  const groupOfDoc = new Map<string, string>();
  for (const g of independence) for (const d of g.documentIds) groupOfDoc.set(d, g.id);
  const groupOf = (d: string) => groupOfDoc.get(d);
  const dateOf = (d: Document) => d.published ?? inferred.get(d.id)?.anchor;
  const { events, timeline, reports } = collectEvents(documents, stories, groupOf, dateOf, new Map([...inferredTimes].map(([id, x]) => [id, x.times])));
  const claims = claimsOf({ reports, documents, stories, entityIn: entityFinder(extracted.entities, documents), groupOf, dateOf, rangeOf: (d) => inferred.get(d) });
  return {
    version: SITREP_JSON_VERSION,
    generatedAt: new Date().toISOString(),
    generator: { name: 'sitrep', version: VERSION },
    inputs,
    documents: documents.map((d) => {
      const range = inferred.get(d.id);
      return toJsonDocument(d, range ? { start: range.start, end: range.end } : undefined);
    }),
    stories,
    copies,
    independence,
    passages: [...(await store.records<SharedPassage>(KIND.passage)).values()].filter((sp) => !copied.has(`${sp.source}>${sp.copy}`)),
    entities: extracted.entities,
    quotes: extracted.quotes,
    times: extracted.times,
    quantities: extracted.quantities,
    events,
    claims,
    timeline,
    summary: [],
    errors,
  };
}
