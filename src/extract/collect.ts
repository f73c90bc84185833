// Extraction across documents: entities linked over the corpus (places with
// the gazetteer entry each mention resolved to), the same quote in several
// documents as one quote (equal text, or sentences the provenance aligner
// paired, so a rewrite that rewords a quote still carries it), and the
// flat lists of times and quantities, each item with its mention spans.
import { shortHash } from '../text/normalize.js';
import type { Document } from '../model/document.js';
import type { CopyRelation, IndependenceGroup } from '../model/collection.js';
import { linkEntities, type EntityMention, type EntityType } from './entities.js';
import { quoteKey, type QuoteMention } from './quotes.js';
import { fromSpans } from './index.js';
import type { TimeMention } from './time.js';
import type { QuantityMention } from './quantities.js';
import type { Place } from '../geo/gazetteer.js';
import { pushTo } from '../util/maps.js';

/** Where a mention is: document, character range, and the text there. */
export interface MentionRef {
  doc: string;
  start: number;
  end: number;
  text: string;
}

/** A resolved place, as stored on a place mention: the gazetteer entry and how sure the choice was. */
export type GeoRef = Pick<Place, 'id' | 'geonameid' | 'name' | 'country' | 'countryName' | 'level' | 'lat' | 'lon'> & {
  /** The subdivision's name (`Place.admin1Name`). */
  admin1?: string;
  score: number;
};

export interface CollectedEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Place entities: each mention with the gazetteer entry it resolved to. */
  mentions: (MentionRef & { geo?: GeoRef })[];
  documents: string[];
  /** Place entities: the resolution most of its mentions agree on. */
  geo?: GeoRef;
}

export interface CollectedQuote {
  id: string;
  /** The quote as its earliest document has it. */
  text: string;
  kind: 'direct' | 'indirect';
  speaker?: {
    /** The name as written, or the describing phrase of an anonymous source. */
    name: string;
    /** The linked entity, when the speaker is named (or a pronoun resolved to a name). */
    entity?: string;
    anonymous: boolean;
    description?: string;
  };
  mentions: (MentionRef & { speaker?: string; cue?: string })[];
  documents: string[];
  /** Independence groups among the documents carrying it: copies count once. */
  independentSources: number;
}

export interface CollectedTime extends MentionRef {
  value: string;
  type: TimeMention['type'];
  precision: TimeMention['precision'];
  anchor?: string;
  /** The anchor was the story's dates, the document being undated. */
  anchorInferred?: boolean;
  relative: boolean;
  mod?: string;
  range?: { start: string; end: string };
}

export type CollectedQuantity = MentionRef & Omit<QuantityMention, 'start' | 'end' | 'text' | 'alt' | 'modifies' | 'per'>;

export interface Collected {
  entities: CollectedEntity[];
  quotes: CollectedQuote[];
  times: CollectedTime[];
  quantities: CollectedQuantity[];
}

export interface CollectInput {
  documents: Document[];
  copies: CopyRelation[];
  independence: IndependenceGroup[];
  /** Times re-resolved for undated documents against their story's dates. */
  inferredTimes?: Map<string, { anchor: string; times: TimeMention[] }>;
}

export function collect({ documents, copies, independence, inferredTimes }: CollectInput): Collected {
  const byDoc = new Map(documents.map((d) => [d.id, { doc: d, x: fromSpans(d) }]));
  const ref = (doc: Document, m: { start: number; end: number }): MentionRef => ({ doc: doc.id, start: m.start, end: m.end, text: doc.text.slice(m.start, m.end) });

  const entities = collectEntities(byDoc);
  const entityIn = entityFinder(entities, documents);

  const times: CollectedTime[] = [];
  const quantities: CollectedQuantity[] = [];
  for (const { doc, x } of byDoc.values()) {
    const inferred = inferredTimes?.get(doc.id);
    for (const t of inferred?.times ?? x.times) {
      times.push({
        ...ref(doc, t),
        value: t.value,
        type: t.type,
        precision: t.precision,
        ...(t.anchor ? { anchor: t.anchor } : {}),
        ...(inferred && t.anchor ? { anchorInferred: true } : {}),
        relative: t.relative,
        ...(t.mod ? { mod: t.mod } : {}),
        ...(t.range ? { range: t.range } : {}),
      });
    }
    for (const q of x.quantities) {
      const { start: _s, end: _e, text: _t, alt: _a, modifies: _m, per: _p, ...rest } = q;
      quantities.push({ ...ref(doc, q), ...rest });
    }
  }

  // Speakers are people and organizations: a place named inside "a nurse at the Kalemie hospital" is not one.
  const quotes = collectQuotes(byDoc, copies, independence, (doc, start, end) => {
    const e = entityIn(doc, start, end);
    return e && (e.type === 'person' || e.type === 'organization') ? e.id : undefined;
  });
  return { entities, quotes, times, quantities };
}

/** The corpus entity a span of a document names, if any. */
export type EntityIn = (
  doc: string,
  start: number,
  end: number,
) => { id: string; name: string; type: EntityType; end: number; /** The name qualifies a noun after it ("Trump associates"). */ modifier: boolean } | undefined;

/** Looks up the entity a span names: the mention nearest its end (its head) when it names several. */
export function entityFinder(entities: CollectedEntity[], documents: Pick<Document, 'id' | 'text'>[]): EntityIn {
  const mentionsOf = new Map<string, { start: number; end: number; entity: CollectedEntity }[]>();
  for (const e of entities) for (const m of e.mentions) pushTo(mentionsOf, m.doc, { start: m.start, end: m.end, entity: e });
  const textOf = new Map(documents.map((d) => [d.id, d.text]));
  return (doc, start, end) => {
    let best: { end: number; entity: CollectedEntity } | undefined;
    for (const m of mentionsOf.get(doc) ?? []) if (m.start >= start && m.start < end && (!best || m.end > best.end)) best = m;
    if (!best) return undefined;
    // "Trump associates", "Mueller's report": the name modifies what follows.
    const after = textOf.get(doc)?.slice(best.end, best.end + 24) ?? '';
    const modifier = /^(['’]s\b|\s+[a-z][a-z-]+)/.test(after) && !/^\s+(said|says|told|was|were|is|has|had|and|or|who|fled|died|in|at|on|to|from|after|before|by|for|with)\b/.test(after);
    return { id: best.entity.id, name: best.entity.name, type: best.entity.type, end: best.end, modifier };
  };
}

type ByDoc = Map<string, { doc: Document; x: ReturnType<typeof fromSpans> }>;

function collectEntities(byDoc: ByDoc): CollectedEntity[] {
  const linked = linkEntities([...byDoc.values()].map(({ doc, x }) => ({ doc: doc.id, mentions: x.entities })));
  const geoAt = new Map<string, GeoRef>();
  for (const { doc, x } of byDoc.values())
    for (const m of x.entities as (EntityMention & { geo?: GeoRef })[]) if (m.geo) geoAt.set(`${doc.id}:${m.start}`, m.geo);
  return linked
    .map((e) => {
      const mentions = e.mentions.map((m) => {
        const geo = geoAt.get(`${m.doc}:${m.start}`);
        return geo ? { ...m, geo } : m;
      });
      const out: CollectedEntity = { ...e, mentions };
      if (e.type === 'place') {
        const votes = new Map<string, { geo: GeoRef; n: number }>();
        for (const m of mentions) {
          if (!('geo' in m) || !m.geo) continue;
          const v = votes.get(m.geo.id) ?? { geo: m.geo, n: 0 };
          v.n++;
          votes.set(m.geo.id, v);
        }
        const best = [...votes.values()].sort((a, b) => b.n - a.n || b.geo.score - a.geo.score)[0];
        if (best) out.geo = best.geo;
      }
      return out;
    })
    .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}

function collectQuotes(
  byDoc: ByDoc,
  copies: CopyRelation[],
  independence: IndependenceGroup[],
  entityIn: (doc: string, start: number, end: number) => string | undefined,
): CollectedQuote[] {
  interface Item {
    doc: Document;
    q: QuoteMention;
    sentence: number;
  }
  const items: Item[] = [];
  for (const { doc, x } of byDoc.values()) {
    for (const q of x.quotes) {
      const sentence = doc.sentences.findIndex((s) => s.start <= q.start && q.start < s.end);
      items.push({ doc, q, sentence });
    }
  }
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // The same words, wherever they are.
  const byKey = new Map<string, number>();
  items.forEach((it, i) => {
    const k = `${it.q.kind}:${quoteKey(it.q.text)}`;
    if (k.length < 12) return;
    const j = byKey.get(k);
    if (j === undefined) byKey.set(k, i);
    else union(i, j);
  });
  // Quotes in sentences the aligner paired between a source and its copy.
  const bySentence = new Map<string, number[]>();
  items.forEach((it, i) => {
    const k = `${it.doc.id}#${it.sentence}`;
    pushTo(bySentence, k, i);
  });
  for (const c of copies) {
    for (const p of c.pairs) {
      const a = bySentence.get(`${c.source}#${p.sourceSentence}`);
      const b = bySentence.get(`${c.copy}#${p.copySentence}`);
      if (!a || !b) continue;
      // One quote each side: the pairing is unambiguous.
      if (a.length === 1 && b.length === 1 && items[a[0]].q.kind === items[b[0]].q.kind) union(a[0], b[0]);
    }
  }

  const groupOf = new Map<string, string>();
  for (const g of independence) for (const d of g.documentIds) groupOf.set(d, g.id);
  const groups = new Map<number, Item[]>();
  items.forEach((it, i) => pushTo(groups, find(i), it));
  const published = (d: Document) => d.published ?? '\uffff';
  const out: CollectedQuote[] = [];
  for (const members of groups.values()) {
    members.sort((a, b) => published(a.doc).localeCompare(published(b.doc)) || a.doc.id.localeCompare(b.doc.id) || a.q.start - b.q.start);
    const first = members[0];
    const withSpeaker = members.find((m) => m.q.speaker && m.q.speaker.kind !== 'pronoun') ?? members.find((m) => m.q.speaker);
    const sp = withSpeaker?.q.speaker;
    let speaker: CollectedQuote['speaker'];
    if (sp && withSpeaker) {
      const named = sp.kind === 'named' ? sp : sp.kind === 'pronoun' ? sp.resolved : undefined;
      const entity = named ? entityIn(withSpeaker.doc.id, named.start, named.end) : undefined;
      speaker = {
        name: named?.text ?? sp.text,
        ...(entity ? { entity } : {}),
        // A pronoun is as named as the speaker it stands for.
        anonymous: sp.kind === 'anonymous' || (sp.kind === 'pronoun' && !entity),
        ...(sp.description ? { description: sp.description } : {}),
      };
    }
    const documents = [...new Set(members.map((m) => m.doc.id))];
    out.push({
      id: 'q' + shortHash(`${first.doc.id}:${first.q.start}`),
      text: first.q.text,
      kind: first.q.kind,
      ...(speaker ? { speaker } : {}),
      mentions: members.map((m) => ({
        doc: m.doc.id,
        start: m.q.start,
        end: m.q.end,
        text: m.q.text,
        ...(m.q.speaker ? { speaker: m.q.speaker.text } : {}),
        ...(m.q.cue ? { cue: m.q.cue.text } : {}),
      })),
      documents,
      independentSources: new Set(documents.map((d) => groupOf.get(d) ?? d)).size,
    });
  }
  return out.sort((a, b) => b.independentSources - a.independentSources || b.documents.length - a.documents.length || a.id.localeCompare(b.id));
}
