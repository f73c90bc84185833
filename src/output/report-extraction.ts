// The report's per-story view of extraction: who and what the story names
// (with mention counts), quotes grouped by speaker with the documents that
// carry them, and the dates it mentions shown as resolved, the phrases
// written in the articles on hover.
import type { Story } from '../model/collection.js';
import type { SitrepJson } from './sitrep-json.js';
import type { CollectedEntity, CollectedQuote, CollectedTime } from '../extract/collect.js';
import { html, type SafeHtml } from './html.js';
import { pushTo } from '../util/maps.js';

export const EXTRACTION_STYLE = `
.ents{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.2rem 1.2rem;margin:0;padding:0;list-style:none;font-size:.9rem}
.ents .n{color:var(--muted);font-variant-numeric:tabular-nums}
.ents .geo{color:var(--muted);font-size:.8rem}
.quotes blockquote{margin:.2rem 0 .5rem;padding:.1rem .7rem;border-left:3px solid var(--line);font-size:.92rem}
.quotes .who{font-weight:600}
.dates{margin:0;padding:0;list-style:none;font-size:.9rem}
.dates time{font-weight:600;border-bottom:1px dotted var(--muted);cursor:help}
`;

/** What the extraction section needs, indexed once per report. */
export interface ExtractionIndex {
  entitiesByDoc: Map<string, CollectedEntity[]>;
  /** Mentions of an entity per document. */
  mentionCounts: Map<CollectedEntity, Map<string, number>>;
  quotesByDoc: Map<string, CollectedQuote[]>;
  timesByDoc: Map<string, CollectedTime[]>;
}

export function indexExtraction(json: SitrepJson): ExtractionIndex {
  const idx: ExtractionIndex = { entitiesByDoc: new Map(), mentionCounts: new Map(), quotesByDoc: new Map(), timesByDoc: new Map() };
  for (const e of json.entities ?? []) {
    const counts = new Map<string, number>();
    for (const m of e.mentions) counts.set(m.doc, (counts.get(m.doc) ?? 0) + 1);
    for (const doc of counts.keys()) pushTo(idx.entitiesByDoc, doc, e);
    idx.mentionCounts.set(e, counts);
  }
  for (const q of json.quotes ?? []) for (const d of q.documents) pushTo(idx.quotesByDoc, d, q);
  for (const t of json.times ?? []) pushTo(idx.timesByDoc, t.doc, t);
  return idx;
}

const TYPE_HEADINGS: [CollectedEntity['type'], string][] = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['group', 'Groups'],
];

/** Entities, quotes and dates of one story; empty when extraction found nothing. */
export function renderStoryExtraction(
  idx: ExtractionIndex,
  story: Story,
  docLink: (id: string) => SafeHtml,
): SafeHtml | string {
  const inStory = new Set(story.documentIds);
  const entities = new Map<CollectedEntity, number>();
  const quotes = new Set<CollectedQuote>();
  const times: CollectedTime[] = [];
  for (const id of story.documentIds) {
    for (const e of idx.entitiesByDoc.get(id) ?? []) entities.set(e, (entities.get(e) ?? 0) + (idx.mentionCounts.get(e)?.get(id) ?? 0));
    for (const q of idx.quotesByDoc.get(id) ?? []) quotes.add(q);
    times.push(...(idx.timesByDoc.get(id) ?? []));
  }
  if (!entities.size && !quotes.size && !times.length) return '';

  const entityBlocks = TYPE_HEADINGS.map(([type, heading]) => {
    const list = [...entities].filter(([e]) => e.type === type).sort((a, b) => b[1] - a[1] || a[0].name.localeCompare(b[0].name));
    if (!list.length) return '';
    return html`<h4>${heading}</h4><ul class="ents">${list.slice(0, 24).map(
      ([e, n]) =>
        html`<li title="${e.aliases.length ? `also: ${e.aliases.join(', ')}` : ''}">${e.name} <span class="n">${n}</span>${
          e.geo ? html` <span class="geo">${[e.geo.admin1, e.geo.countryName].filter(Boolean).join(', ')} · ${e.geo.level}</span>` : ''
        }</li>`,
    )}</ul>`;
  });

  // Quotes by speaker: named speakers first, by how many independent sources carry them.
  const bySpeaker = new Map<string, CollectedQuote[]>();
  for (const q of quotes) {
    const who = q.speaker?.name ?? 'unattributed';
    pushTo(bySpeaker, who, q);
  }
  const speakers = [...bySpeaker].sort(
    (a, b) =>
      Number(a[1][0].speaker?.anonymous ?? true) - Number(b[1][0].speaker?.anonymous ?? true) ||
      b[1].reduce((s, q) => s + q.independentSources, 0) - a[1].reduce((s, q) => s + q.independentSources, 0),
  );
  const quoteBlock = speakers.length
    ? html`<h4>Quotes by speaker</h4><div class="quotes">${speakers.slice(0, 15).map(
        ([who, qs]) =>
          html`<p><span class="who">${who}</span>${qs[0].speaker?.anonymous ? html` <span class="badge">anonymous</span>` : ''}</p>${qs
            .slice(0, 6)
            .map(
              (q) =>
                html`<blockquote>${q.kind === 'direct' ? `“${q.text}”` : html`${q.text} <span class="badge">reported speech</span>`}<br><span class="meta">${q.independentSources === 1 ? '1 independent source' : `${q.independentSources} independent sources`}: ${q.documents
                  .filter((d) => inStory.has(d))
                  .map((d, i) => html`${i ? ', ' : ''}${docLink(d)}`)}</span></blockquote>`,
            )}`,
      )}</div>`
    : '';

  // Dates: resolved values, most mentioned first; the phrases on hover.
  const byValue = new Map<string, CollectedTime[]>();
  for (const t of times) if (t.type === 'DATE' || t.type === 'TIME') pushTo(byValue, t.value, t);
  const dates = [...byValue].filter(([v]) => !v.includes('X') && !v.endsWith('_REF')).sort((a, b) => a[0].localeCompare(b[0]));
  const dateBlock = dates.length
    ? html`<h4>Dates mentioned</h4><ul class="dates">${dates.slice(0, 30).map(([value, ts]) => {
        const phrases = [...new Set(ts.map((t) => t.text))];
        const inferred = ts.some((t) => t.anchorInferred);
        return html`<li><time datetime="${value}" title="${`written: ${phrases.map((p) => `“${p}”`).join(', ')}${
          inferred ? ' (resolved against the story’s dates: the document is undated)' : ''
        }`}">${value}</time> <span class="muted">${ts[0].precision} · ${ts.length === 1 ? '1 mention' : `${ts.length} mentions`} in ${
          new Set(ts.map((t) => t.doc)).size
        } document${new Set(ts.map((t) => t.doc)).size === 1 ? '' : 's'}</span></li>`;
      })}</ul>`
    : '';

  return html`<details class="extraction"><summary>People, places, quotes and dates</summary>${entityBlocks}${quoteBlock}${dateBlock}</details>`;
}
