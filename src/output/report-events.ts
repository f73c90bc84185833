// The report's per-story view of what happened: an offline map of located
// events sized by independent support, a timeline chart, the claims table
// (corroborated / single-source / contested, each side citing its
// sentences), and the list of events the map and timeline link to.
import type { Story } from '../model/collection.js';
import type { CollectedEvent } from '../events/collect.js';
import type { Claim } from '../claims/reconcile.js';
import type { SitrepJson } from './sitrep-json.js';
import { html, raw, type SafeHtml } from './html.js';
import { renderMap } from './map.js';
import { renderTimeline } from './timeline-chart.js';
import { pushTo } from '../util/maps.js';

export const EVENTS_STYLE = `
svg.map,svg.timeline{max-width:100%;height:auto;display:block;margin:.5rem 0}
table.claims{border-collapse:collapse;width:100%;font-size:.88rem}
table.claims th,table.claims td{border-top:1px solid var(--line);padding:.3rem .4rem;vertical-align:top;text-align:left}
.badge.contested{border-color:var(--warn);color:var(--warn);font-weight:600}
.badge.corroborated{border-color:var(--ok);color:var(--ok);font-weight:600}
.claims ul{margin:0;padding-left:1rem}
.claims .cite{color:var(--muted);font-size:.82rem}
ol.events{font-size:.9rem;padding-left:1.5rem}
ol.events li:target{background:var(--panel)}
`;

export interface EventsIndex {
  eventsByStory: Map<string, CollectedEvent[]>;
  claimsByStory: Map<string, Claim[]>;
  timelineByStory: Map<string, SitrepJson['timeline']>;
}

export function indexEvents(json: SitrepJson): EventsIndex {
  const storyOf = new Map<string, string>();
  for (const s of json.stories) for (const d of s.documentIds) storyOf.set(d, s.id);
  const idx: EventsIndex = { eventsByStory: new Map(), claimsByStory: new Map(), timelineByStory: new Map() };
  const push = <T>(m: Map<string, T[]>, k: string | undefined, v: T) => {
    if (k) pushTo(m, k, v);
  };
  for (const e of json.events ?? []) push(idx.eventsByStory, e.story, e);
  for (const c of json.claims ?? []) push(idx.claimsByStory, storyOf.get(c.values[0]?.documents[0] ?? ''), c);
  for (const t of json.timeline ?? []) push(idx.timelineByStory, t.story, t);
  return idx;
}

export const eventAnchor = (id: string) => `event-${id}`;

function describe(e: CollectedEvent): string {
  const who = e.actor ? `${e.actor} ` : '';
  const whom = e.target ? ` ${e.target}` : '';
  const where = e.place ? ` in ${e.place.name}` : '';
  return `${who}${e.type}${whom}${where}`.trim();
}

/** Located events that happened (asserted, not denied) as map markers. */
function mapPoints(events: CollectedEvent[]) {
  return events
    .filter((e) => e.modality === 'asserted' && !e.negated && e.place?.geo)
    .map((e) => ({
      lat: e.place!.geo!.lat,
      lon: e.place!.geo!.lon,
      label: e.place!.name,
      weight: e.independentSources,
      kind: e.type,
      href: `#${eventAnchor(e.id)}`,
      detail: `${describe(e)} · ${e.independentSources} independent source${e.independentSources === 1 ? '' : 's'}`,
    }));
}

/** Stories that get a map of their own; the others are on the overview map only (a map is 20-120 KB). */
export const STORY_MAPS = 20;

/** All stories' located events on one map, for the top of the report. */
export function renderOverviewMap(json: SitrepJson): SafeHtml | string {
  const points = mapPoints(json.events ?? [])
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 400);
  const map = renderMap(points, { title: 'Where the events happened' });
  return map ? html`<section id="overview-map"><h2>Where the events happened</h2><p class="meta">Marker size: independent sources. Events reported as threats, plans or denials are left out.</p>${raw(map)}</section>` : '';
}

export function renderStoryEvents(idx: EventsIndex, story: Story, docLink: (id: string) => SafeHtml, withMap = true): SafeHtml | string {
  const events = idx.eventsByStory.get(story.id) ?? [];
  if (!events.length) return '';
  const map = withMap ? renderMap(mapPoints(events), { title: `Where: ${story.title}` }) : '';
  // A year-long bar squeezes days of fighting into a sliver: when the story
  // has dated days, the chart keeps to days, weeks and months (the list below keeps all).
  const entries = idx.timelineByStory.get(story.id) ?? [];
  const fine = entries.filter((t) => !/^(year|decade|century|half|quarter|season)$/.test(t.precision));
  const chart = renderTimeline(
    (fine.length >= 3 ? fine : entries).map((t) => ({
      date: t.date,
      precision: t.precision,
      label: t.label,
      weight: t.independentSources,
      kind: t.type,
      href: `#${eventAnchor(t.event)}`,
    })),
  );
  const claims = idx.claimsByStory.get(story.id) ?? [];
  return html`<details class="events" open><summary>What happened: ${events.length} event${events.length === 1 ? '' : 's'}${
    claims.length ? `, ${claims.length} claim${claims.length === 1 ? '' : 's'} (${claims.filter((c) => c.status === 'contested').length} contested)` : ''
  }</summary>
${map ? html`<h4>Map</h4>${raw(map)}` : ''}
${chart ? html`<h4>Timeline</h4>${raw(chart)}` : ''}
${claims.length ? renderClaims(claims, docLink) : ''}
<h4>Events</h4>
<ol class="events">${events.slice(0, 60).map(
    (e) =>
      html`<li id="${eventAnchor(e.id)}"><strong>${describe(e)}</strong>${e.date ? html` · <time datetime="${e.date}">${e.date}</time>` : ''}${
        e.modality !== 'asserted' ? html` <span class="badge warn">${e.modality}</span>` : ''
      }${e.negated ? html` <span class="badge warn">denied / did not happen</span>` : ''}${e.hedged ? html` <span class="badge">hedged</span>` : ''} <span class="badge">CAMEO ${
        e.cameoCode ?? e.cameo ?? '–'
      }</span> <span class="meta">${e.independentSources} independent of ${e.documents.length} document${e.documents.length === 1 ? '' : 's'}</span><br><span class="meta">“${
        e.mentions[0].sentenceText
      }” — ${docLink(e.mentions[0].doc)}</span></li>`,
  )}</ol></details>`;
}

function renderClaims(claims: Claim[], docLink: (id: string) => SafeHtml): SafeHtml {
  return html`<h4>Claims</h4><table class="claims"><thead><tr><th>Claim</th><th>Status</th><th>What each side says</th></tr></thead><tbody>${claims.slice(0, 40).map(
    (c) =>
      html`<tr><td>${c.statement}${c.evolution ? html` <span class="badge">changed over time</span>` : ''}</td><td><span class="badge ${c.status}">${c.status}</span><br><span class="meta">${c.support} independent</span></td><td><ul>${c.values.map(
        (v) =>
          html`<li><strong>${v.statement}</strong> <span class="meta">(${v.support} independent${v.firstDate ? `, ${v.firstDate}` : ''})</span>${v.mentions
            .slice(0, 3)
            .map((m) => html`<br><span class="cite">“${m.text}” — ${docLink(m.doc)}</span>`)}</li>`,
      )}</ul></td></tr>`,
  )}</tbody></table>`;
}
