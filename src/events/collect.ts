// Events across documents, as the outputs show them: mentions linked into
// events (within stories), each with its place resolved on the map, its date
// and precision, and its support counted in independence groups; and each
// story's timeline of dated events.
import type { Document, Range, Span } from '../model/document.js';
import type { Story } from '../model/collection.js';
import { shortHash } from '../text/normalize.js';
import type { GeoRef, MentionRef } from '../extract/collect.js';
import { linkEvents, type EventCluster } from './link.js';
import type { EventMention } from './extract.js';
import type { TimeMention } from '../extract/time.js';

/** Span label of event mentions (the trigger's range; the frame in `data`). */
export const EVENT_LABEL = 'event';

export interface CollectedEvent {
  id: string;
  story?: string;
  type: EventCluster['type'];
  cameo?: string;
  cameoCode?: string;
  actor?: string;
  target?: string;
  place?: { name: string; geo?: GeoRef };
  /** TIMEX3 value of the event's date, and its precision. */
  date?: string;
  datePrecision?: string;
  /** The largest count any report gives (tolls rise as reports come in). */
  quantity?: number;
  /** Every mention reports it as not having happened, or as not a fact (threatened, planned, possible). */
  negated: boolean;
  modality: string;
  hedged: boolean;
  mentions: (MentionRef & { sentence: number; sentenceText: string })[];
  documents: string[];
  independentSources: number;
}

export interface TimelineEntry {
  story: string;
  event: string;
  date: string;
  precision: string;
  type: string;
  /** A readable line: the earliest report's sentence. */
  label: string;
  documents: string[];
  independentSources: number;
}

/** The event frames a document carries. */
export function eventsOf(doc: Pick<Document, 'text' | 'spans'>): EventMention[] {
  return doc.spans
    .filter((s) => s.label === EVENT_LABEL)
    .map((s) => ({ ...(s.data as unknown as EventMention), trigger: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) } }));
}

export function eventSpans(docId: string, events: EventMention[]): Span[] {
  return events.map(({ trigger, ...data }) => ({ doc: docId, start: trigger.start, end: trigger.end, label: EVENT_LABEL, data: data as unknown as Record<string, unknown> }));
}

/** One document's report of one event: the frame, and the event it was linked to (none for a state: "still held"). */
export interface EventReport {
  event?: string;
  story?: string;
  doc: string;
  published?: string;
  frame: EventMention;
  sentenceText: string;
  /**
   * The day the report's sentence names, nearest its trigger, when the frame
   * itself holds none ("evacuated 4,000 residents from ... city on Monday"):
   * a sign the figure is news of a dated incident, not background.
   */
  sentenceDay?: string;
}

export function collectEvents(
  documents: Document[],
  stories: Story[],
  groupOf: (doc: string) => string | undefined,
  /** Publication date of a document; for undated ones, the date inferred from their story. */
  dateOf: (doc: Document) => string | undefined = (d) => d.published,
  /**
   * Times of undated documents resolved against their story's dates: their
   * frames were built when those times could not be resolved, so a frame with
   * no date takes the date its sentence states.
   */
  resolvedTimes: Map<string, TimeMention[]> = new Map(),
): { events: CollectedEvent[]; timeline: TimelineEntry[]; reports: EventReport[] } {
  const storyOf = new Map<string, string>();
  for (const s of stories) for (const d of s.documentIds) storyOf.set(d, s.id);
  const docs = new Map(documents.map((d) => [d.id, d]));
  const frames = new Map<string, EventMention>();
  const reports: EventReport[] = [];
  // States ("four hostages remain in captivity") are no events: reported as they are, linked to none.
  const inputs = documents.flatMap((d) =>
    withTimes(d, eventsOf(d), resolvedTimes.get(d.id)).flatMap((event) => {
      const published = dateOf(d);
      if (event.state) {
        const r = d.sentences[event.sentence];
        const story = storyOf.get(d.id);
        reports.push({ doc: d.id, ...(story ? { story } : {}), ...(published ? { published } : {}), frame: event, sentenceText: r ? d.text.slice(r.start, r.end) : event.trigger.text });
        return [];
      }
      frames.set(`${d.id}:${event.trigger.start}`, event);
      return [{ doc: d.id, ...(published ? { published } : {}), event }];
    }),
  );
  const clusters = linkEvents(inputs, { storyOf: (d) => storyOf.get(d) });
  // Each document's times, read from its spans once however many of its events ask.
  const times = new Map<string, { start: number; end: number; value: string }[]>();
  const timesByDoc = (d: Document) => resolvedTimes.get(d.id) ?? times.get(d.id) ?? times.set(d.id, timesOf(d)).get(d.id)!;
  const geoAt = placeGeo(documents);

  const events: CollectedEvent[] = clusters.map((c) => {
    const members = c.mentions.map((m) => ({ m, f: frames.get(`${m.doc}:${m.start}`) }));
    const placeGeos = members
      .map(({ m, f }) => (f?.place ? geoAt.get(m.doc)?.find((g) => g.start < f.place!.end && f.place!.start < g.end)?.geo : undefined))
      .filter((g): g is GeoRef => !!g);
    const geo = mostCommon(placeGeos, (g) => g.id);
    const asserted = members.filter(({ f }) => f && f.modality === 'asserted' && !f.negated);
    const quantities = members.map(({ f }) => f?.quantityValue).filter((q): q is number => typeof q === 'number');
    const precision = c.time ? members.find(({ f }) => f?.timeValue?.startsWith(c.time!))?.f?.timePrecision : undefined;
    const documentsOf = [...new Set(c.mentions.map((m) => m.doc))];
    const id = 'e' + shortHash(c.id);
    for (const { m, f } of members) {
      if (!f) continue;
      const d = docs.get(m.doc)!;
      const r = d.sentences[m.sentence];
      const published = dateOf(d);
      const story = storyOf.get(m.doc);
      const day = r ? nearestTime(timesByDoc(d), r, f, (x) => !!dayOf(x.value)) : undefined;
      reports.push({ event: id, ...(story ? { story } : {}), doc: m.doc, ...(published ? { published } : {}), frame: f, sentenceText: r ? d.text.slice(r.start, r.end) : m.text, ...(day ? { sentenceDay: dayOf(day.value) } : {}) });
    }
    return {
      id,
      ...(storyOf.get(c.mentions[0].doc) ? { story: storyOf.get(c.mentions[0].doc) } : {}),
      type: c.type,
      ...(c.cameo ? { cameo: c.cameo } : {}),
      ...(c.cameoCode ? { cameoCode: c.cameoCode } : {}),
      ...(c.actor ? { actor: c.actor } : {}),
      ...(c.target ? { target: c.target } : {}),
      ...(c.place || geo ? { place: { name: c.place ?? geo!.name, ...(geo ? { geo } : {}) } } : {}),
      ...(c.time ? { date: c.time, ...(precision ? { datePrecision: precision } : {}) } : {}),
      ...(quantities.length ? { quantity: Math.max(...quantities) } : {}),
      negated: asserted.length === 0 && members.some(({ f }) => f?.negated),
      modality: asserted.length ? 'asserted' : (members.find(({ f }) => f)?.f?.modality ?? 'asserted'),
      hedged: members.every(({ f }) => f?.hedged),
      mentions: c.mentions.map((m) => {
        const d = docs.get(m.doc)!;
        const r = d.sentences[m.sentence];
        return { ...m, sentenceText: r ? d.text.slice(r.start, r.end) : m.text };
      }),
      documents: documentsOf,
      independentSources: new Set(documentsOf.map((d) => groupOf(d) ?? d)).size,
    };
  });
  events.sort((a, b) => b.independentSources - a.independentSources || b.documents.length - a.documents.length || a.id.localeCompare(b.id));

  const timeline: TimelineEntry[] = [];
  const published = (id: string) => docs.get(id)?.published ?? '\uffff';
  for (const e of events) {
    if (!e.story || !e.date || !/^\d{4}/.test(e.date) || e.modality !== 'asserted' || e.negated) continue;
    const first = [...e.mentions].sort((a, b) => published(a.doc).localeCompare(published(b.doc)))[0];
    timeline.push({
      story: e.story,
      event: e.id,
      date: e.date,
      precision: e.datePrecision ?? precisionOf(e.date),
      type: e.type,
      label: first.sentenceText,
      documents: e.documents,
      independentSources: e.independentSources,
    });
  }
  timeline.sort((a, b) => a.story.localeCompare(b.story) || a.date.localeCompare(b.date) || b.independentSources - a.independentSources);
  return { events, timeline, reports };
}

/** Frames without a date take the nearest resolved date of their sentence. */
function withTimes(d: Document, frames: EventMention[], times: TimeMention[] | undefined): EventMention[] {
  if (!times?.length) return frames;
  return frames.map((f) => {
    if (f.timeValue && !f.timeValue.includes('X')) return f;
    const r = d.sentences[f.sentence];
    if (!r) return f;
    const t = nearestTime(times, r, f, (x) => (x.type === 'DATE' || x.type === 'TIME') && /^\d{4}/.test(x.value) && !x.value.includes('X'));
    return t ? { ...f, time: { start: t.start, end: t.end, text: t.text }, timeValue: t.value, timePrecision: t.precision } : f;
  });
}

/** The time mention of sentence `r` nearest the event's trigger among those `accept` takes. */
function nearestTime<T extends { start: number; end: number; value: string }>(times: T[], r: Range, f: EventMention, accept: (t: T) => boolean): T | undefined {
  let best: T | undefined;
  for (const x of times) {
    if (x.start < r.start || x.end > r.end || !accept(x)) continue;
    if (!best || Math.abs(x.start - f.trigger.start) < Math.abs(best.start - f.trigger.start)) best = x;
  }
  return best;
}

/** A document's time mentions, as the extraction stage stored them. */
function timesOf(d: Document): { start: number; end: number; value: string }[] {
  return d.spans.filter((s) => s.label === 'time' && typeof s.data?.value === 'string').map((s) => ({ start: s.start, end: s.end, value: s.data!.value as string }));
}

const dayOf = (v: string) => /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0];

/** Resolved place mentions of each document, from its entity spans. */
function placeGeo(documents: Document[]): Map<string, { start: number; end: number; geo: GeoRef }[]> {
  const out = new Map<string, { start: number; end: number; geo: GeoRef }[]>();
  for (const d of documents) {
    const list = d.spans.filter((s) => s.label === 'entity' && s.data?.geo).map((s) => ({ start: s.start, end: s.end, geo: s.data!.geo as GeoRef }));
    if (list.length) out.set(d.id, list);
  }
  return out;
}

function mostCommon<T>(items: T[], key: (t: T) => string): T | undefined {
  const counts = new Map<string, { item: T; n: number }>();
  for (const it of items) {
    const k = key(it);
    const c = counts.get(k) ?? { item: it, n: 0 };
    c.n++;
    counts.set(k, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.item;
}

/** The precision a TIMEX3 date value states by its shape. */
function precisionOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'hour';
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  return 'year';
}
