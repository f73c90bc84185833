// Events, geocoding and claims on real articles: `npm run bench -- events [N]`
// (default 10,000 AllSides articles). Before the clock, the articles go through
// the pipeline up to extraction (cleaning, segmentation, copies, stories,
// entities, times, quantities, quotes: the stages other benches time) into an
// in-memory store. Timed, as the product runs them: place names of each
// document resolved to the gazetteer, event frames read from each document
// (its sentences tagged again, since the extraction parse is not kept), events
// linked within stories with their dates and independent support, and claims
// reconciled from events and measures.
import { allSidesFile } from '../eval/lib/datasets.js';
import { progress, progressDone } from '../eval/lib/runner.js';
import type { Document } from '../src/model/document.js';
import type { Story } from '../src/model/collection.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { ingestInto } from '../src/pipeline/analyze.js';
import { copyPrint, geocode, KIND, segment, type DocumentStage } from '../src/pipeline/stages.js';
import { annotate, fromSpans } from '../src/extract/index.js';
import { extractEvents } from '../src/events/extract.js';
import { collectEvents, EVENT_LABEL, eventSpans } from '../src/events/collect.js';
import { collect, entityFinder } from '../src/extract/collect.js';
import { canonicalCopies } from '../src/provenance/relations.js';
import { independenceGroups } from '../src/provenance/independence.js';
import { inferPublication } from '../src/stories/dates.js';
import { claimsOf } from '../src/claims/index.js';
import type { CopyRelation } from '../src/model/collection.js';
import type { StoryState } from '../src/stories/cluster.js';
import type { Fingerprint } from '../src/provenance/dedup.js';

/** Extraction without the geocoding and event frames this bench times. */
const annotateOnly: DocumentStage = { name: 'annotate', run: (p) => void annotate(p.doc) };

export default async function (args: string[]) {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
  progress(`reading ${n} AllSides articles…`);
  const { input, remove } = await allSidesFile(n);
  const store = new SqliteStore();
  try {
    await ingestInto(store, [input], {
      documentStages: [segment, copyPrint, annotateOnly],
      onProgress: (p) => {
        if (p.read % 1000 === 0) progress(`preparing: ${p.read} read`);
      },
    });
    const documents: Document[] = await store.documents();
    const stories: Story[] = [...(await store.records<StoryState>(KIND.story)).values()].map(({ centroid: _c, ...s }) => s);
    const prints = await store.records<Fingerprint>(KIND.fingerprint);
    const copies = canonicalCopies([...(await store.records<CopyRelation>(KIND.copy)).values()], prints);
    const byId = new Map(documents.map((d) => [d.id, d]));
    const independence = independenceGroups(stories, byId, copies, prints);
    const inferred = inferPublication(stories, byId);
    const extracted = collect({ documents, copies, independence });
    const groupOfDoc = new Map<string, string>();
    for (const g of independence) for (const d of g.documentIds) groupOfDoc.set(d, g.id);
    const groupOf = (d: string) => groupOfDoc.get(d);
    const dateOf = (d: Document) => d.published ?? inferred.get(d.id)?.anchor;
    progress(`timing events, geocoding and claims over ${documents.length} documents…`);

    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let mentions = 0;
    let t = t0;
    const lap = () => {
      const now = performance.now();
      const ms = now - t;
      t = now;
      return Math.round(ms);
    };
    for (const [i, doc] of documents.entries()) {
      geocode(doc);
      const events = extractEvents(doc, fromSpans(doc));
      mentions += events.length;
      doc.spans = [...doc.spans.filter((s) => s.label !== EVENT_LABEL), ...eventSpans(doc.id, events)];
      if (i % 1000 === 0) progress(`events: ${i}/${documents.length}`);
    }
    const perDocumentMs = lap();
    const { events, reports } = collectEvents(documents, stories, groupOf, dateOf);
    const linkMs = lap();
    const claims = claimsOf({ reports, documents, stories, entityIn: entityFinder(extracted.entities, documents), groupOf, dateOf, rangeOf: (d) => inferred.get(d) });
    const claimsMs = lap();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    progressDone();
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      articles: documents.length,
      stories: stories.length,
      seconds: round(seconds),
      cpu_seconds: round((cpu.user + cpu.system) / 1e6),
      articles_per_s: round(documents.length / seconds),
      event_mentions: mentions,
      events: events.length,
      claims: claims.length,
      contested: claims.filter((c) => c.status === 'contested').length,
      ms: { geocode_and_frames: perDocumentMs, link_events: linkMs, claims: claimsMs },
      peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await store.close();
    remove();
  }
}
