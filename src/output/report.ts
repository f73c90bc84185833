// The self-contained report.html. It must open from disk with no network at
// all, and article text is untrusted: everything goes through `html` (which
// escapes), links only to http(s), and a CSP that admits only the inline style
// and script written here (by hash), so injected markup could not run anyway.
import { createHash } from 'node:crypto';
import type { CopyRelation, Distortion, IndependenceGroup, SharedPassage, Story } from '../model/collection.js';
import type { JsonDocument, SitrepJson } from './sitrep-json.js';
import { diffWords } from './diff.js';
import { EVENTS_STYLE, STORY_MAPS, indexEvents, renderOverviewMap, renderStoryEvents, type EventsIndex } from './report-events.js';
import { EXTRACTION_STYLE, indexExtraction, renderStoryExtraction, type ExtractionIndex } from './report-extraction.js';
import { html, safeHref, type SafeHtml } from './html.js';
import { pushTo } from '../util/maps.js';

const STYLE = `
:root{color-scheme:light dark;--fg:#1d232b;--muted:#5b6572;--bg:#fff;--panel:#f4f6f8;--line:#d9dee4;--accent:#1f5fa8;--bar:#1f5fa8;--bar-bg:#dde3ea;--warn:#9a3b00;--warn-bg:#fff1e6;--ok:#1a6b34;--del:#b42318;--del-bg:#fde8e7;--ins:#1a6b34;--ins-bg:#e2f3e6}
@media screen and (prefers-color-scheme:dark){:root{--fg:#e3e7ec;--muted:#9aa5b1;--bg:#14181d;--panel:#1d232a;--line:#333c46;--accent:#7fb2ee;--bar:#5d9be0;--bar-bg:#333c46;--warn:#ffb37a;--warn-bg:#3a2614;--ok:#7fd69b;--del:#ff9b93;--del-bg:#4a2220;--ins:#7fd69b;--ins-bg:#1e3a27}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:0 0 .25rem;line-height:1.3}
h3{font-size:1rem;margin:1.25rem 0 .5rem}
h4{font-size:.95rem;margin:1rem 0 .4rem}
a{color:var(--accent)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.muted,.meta{color:var(--muted)}
.meta{font-size:.9rem;margin:.1rem 0}
.stats{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;padding:0}
.stats div{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:6rem}
.stats dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.stats dd{margin:0;font-size:1.15rem;font-weight:600}
.stats div.warn{border-color:var(--warn);background:var(--warn-bg)}
.stats div.warn dt,.stats div.warn dd{color:var(--warn)}
.tools{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;margin:.5rem 0 1rem}
.tools input{flex:1 1 16rem;font:inherit;padding:.35rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:inherit}
.tools button{font:inherit;padding:.35rem .7rem;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:inherit;cursor:pointer}
nav ol{margin:.25rem 0 1rem;padding-left:1.5rem;columns:2 22rem}
section{border-top:1px solid var(--line);padding:1.25rem 0}
.errors{background:var(--warn-bg);color:var(--warn);border:1px solid var(--warn);border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.errors h2{font-size:1rem}
ol.docs{list-style:none;margin:.75rem 0 0;padding:0}
li.doc{border-left:3px solid var(--line);padding:.35rem 0 .35rem .8rem;margin:0 0 .8rem}
li.doc:target{border-left-color:var(--accent)}
.doc-title{font-weight:600}
.badge{display:inline-block;font-size:.72rem;line-height:1.4;padding:0 .4rem;border-radius:999px;border:1px solid var(--line);color:var(--muted);vertical-align:middle;margin-left:.3rem;white-space:nowrap}
.badge.undated{border-color:var(--warn);color:var(--warn)}
.badge.kind{border-color:var(--accent);color:var(--accent)}
.badge.warn{border-color:var(--warn);color:var(--warn);font-weight:600}
.badge.origin{border-color:var(--ok);color:var(--ok);font-weight:600}
.loc{font-size:.85rem;color:var(--muted);margin:.1rem 0}
.rel{font-size:.9rem;margin:.15rem 0}
details{margin:.3rem 0}
summary{cursor:pointer;color:var(--muted);font-size:.9rem}
.body{max-width:44rem;margin:.4rem 0}
.body p{margin:0 0 .7rem;white-space:pre-line}
.removed li{font-size:.85rem}
.copy{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;margin:0 0 .7rem}
.copy p{margin:0 0 .3rem}
.copy-head .arrow{color:var(--muted);font-weight:700;margin:0 .2rem}
.warn-box{background:var(--warn-bg);border:1px solid var(--warn);border-left-width:4px;border-radius:6px;padding:.5rem .9rem;margin:.5rem 0 1rem}
.warn-box p{margin:0 0 .3rem}
.warn-box strong{color:var(--warn)}
.warn-box ul{margin:0;padding-left:1.2rem;font-size:.9rem}
ol.groups{margin:0 0 .5rem;padding-left:1.6rem}
ol.groups>li{margin:0 0 .45rem}
ol.groups ul{list-style:none;margin:0;padding:0}
ol.groups .meta{font-size:.85rem}
.flagged{margin:.5rem 0}
.bar-row{display:grid;grid-template-columns:15rem 1fr 3.5rem;gap:.6rem;align-items:center;font-size:.85rem}
.bar-row .pct{text-align:right;font-variant-numeric:tabular-nums}
svg.bar{width:100%;height:.6rem;display:block}
@media (max-width:40rem){.bar-row{grid-template-columns:1fr 3.5rem;gap:0 .6rem}.bar-row>span:first-child{grid-column:1/-1}}
.bar-bg{fill:var(--bar-bg)}.bar-fg{fill:var(--bar)}
table.pairs{border-collapse:collapse;width:100%;font-size:.85rem;table-layout:fixed}
col.c-text{width:43%}col.c-k{width:14%}
table.pairs tr.flag td{border-top:2px solid var(--warn);color:var(--warn);background:var(--warn-bg);font-weight:600}
table.pairs tr.warn td{border-top:none;background:var(--warn-bg)}
del{color:inherit;background:var(--del-bg);text-decoration:line-through;text-decoration-color:var(--del);border-radius:2px}
ins{color:inherit;background:var(--ins-bg);text-decoration:underline;text-decoration-color:var(--ins);border-radius:2px}
table.pairs th,table.pairs td{border-top:1px solid var(--line);padding:.3rem .4rem;vertical-align:top;text-align:left}
table.pairs td.k{color:var(--muted)}
footer{color:var(--muted);font-size:.8rem;padding-bottom:2rem;border-top:1px solid var(--line);padding-top:.75rem}
@media print{
 :root{color-scheme:light}
 body{font-size:10.5pt;background:#fff;color:#000}
 .tools,nav{display:none}
 section{break-inside:auto}
 li.doc,.warn-box,table.pairs tr{break-inside:avoid}
 del,ins,.warn-box,.stats div.warn,table.pairs tr.flag td,table.pairs tr.warn td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 a{color:inherit;text-decoration:none}
 .copy{background:none}
}
${EXTRACTION_STYLE}${EVENTS_STYLE}`;

const SCRIPT = `
(() => {
  const tools = document.querySelector('.tools');
  const input = document.getElementById('filter');
  const count = document.getElementById('filter-count');
  const toggle = document.getElementById('toggle-texts');
  if (!tools || !input || !count || !toggle) return;
  tools.hidden = false;
  const groups = Array.from(document.querySelectorAll('[data-group]'));
  const tocLinks = Array.from(document.querySelectorAll('nav a[href^="#"]'));
  const cache = new WeakMap();
  const haystack = (el) => {
    let t = cache.get(el);
    if (t === undefined) { t = el.textContent.toLowerCase(); cache.set(el, t); }
    return t;
  };
  const apply = () => {
    const terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    const matches = (el) => terms.every((t) => haystack(el).includes(t));
    let shown = 0, total = 0;
    for (const group of groups) {
      const head = group.querySelector('[data-head]');
      const headHit = terms.length === 0 || (head !== null && matches(head));
      let any = false;
      for (const item of group.querySelectorAll('[data-item]')) {
        const hit = headHit || matches(item);
        item.hidden = !hit;
        any = any || hit;
        total++;
        if (hit) shown++;
      }
      group.hidden = !(headHit || any);
    }
    for (const a of tocLinks) {
      const target = document.getElementById(a.getAttribute('href').slice(1));
      if (target && a.parentElement) a.parentElement.hidden = target.hidden;
    }
    count.textContent = terms.length ? shown + ' of ' + total + ' documents' : '';
  };
  input.addEventListener('input', apply);
  toggle.addEventListener('click', () => {
    const texts = Array.from(document.querySelectorAll('details.text'));
    const open = texts.some((d) => !d.open);
    for (const d of texts) d.open = open;
    toggle.textContent = open ? 'Collapse all texts' : 'Expand all texts';
  });
})();
`;

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** The report's Content-Security-Policy: nothing but this module's own inline style and script. */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src ${sha256(STYLE)}`,
  `script-src ${sha256(SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function formatDate(iso: string): string {
  const m = DATE_TIME.exec(iso);
  if (!m) return iso;
  const [, day, time, zone] = m;
  return time ? `${day} ${time}${zone === 'Z' ? ' UTC' : zone ? ` ${zone}` : ''}` : day;
}

function dateRange(dates: (string | undefined)[]): string | undefined {
  const days = dates.filter((d): d is string => !!d).map((d) => d.slice(0, 10)).sort();
  if (days.length === 0) return undefined;
  const first = days[0];
  const last = days[days.length - 1];
  return first === last ? first : `${first} – ${last}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function percent(share: number): string {
  return `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
}

function countSources(docs: JsonDocument[]): number {
  return new Set(docs.map((d) => d.source?.trim().toLowerCase()).filter((s) => !!s)).size;
}

function byDate(a: JsonDocument, b: JsonDocument): number {
  // Undated documents go last; among equals keep the title order stable.
  if (a.published && b.published && a.published !== b.published) return a.published < b.published ? -1 : 1;
  if (!!a.published !== !!b.published) return a.published ? -1 : 1;
  return a.title.localeCompare(b.title);
}

const docAnchor = (id: string) => `doc-${id}`;
const titleOf = (d: JsonDocument | undefined) => d?.title.trim() || '(untitled)';

/** Lookups shared by the section renderers. */
interface Context {
  docs: Map<string, JsonDocument>;
  copiesOf: Map<string, CopyRelation[]>;
  copiedBy: Map<string, CopyRelation[]>;
  groupsOf: Map<string, IndependenceGroup[]>;
  extraction: ExtractionIndex;
  events: EventsIndex;
  /** Shared passages by the story of their source document. */
  passagesOf: Map<string, SharedPassage[]>;
  /** Stories drawn on a map of their own. */
  mapStories: Set<string>;
}


function dateBadge(d: JsonDocument): SafeHtml | string {
  if (!d.published) return html`<span class="badge undated" title="No publication date found">undated</span>`;
  if (d.publishedFrom === 'text') return html`<span class="badge" title="Date read from the article text">from text</span>`;
  if (d.publishedFrom === 'inferred') {
    return html`<span class="badge" title="Date inferred, not stated by the article or its metadata">inferred</span>`;
  }
  return '';
}

function docLink(ctx: Context, id: string): SafeHtml {
  const d = ctx.docs.get(id);
  return html`<a href="#${docAnchor(id)}">${titleOf(d)}</a>${d?.source ? html` <span class="muted">(${d.source})</span>` : ''}`;
}

function renderLocation(d: JsonDocument): SafeHtml | string {
  if (!d.url && !d.path) return '';
  const href = safeHref(d.url);
  const url = d.url
    ? href
      ? html`<a href="${href}" rel="noopener noreferrer" target="_blank">${d.url}</a>`
      : html`<code>${d.url}</code>`
    : '';
  const path = d.path ? html`<code>${d.path}</code>` : '';
  return html`<div class="loc">${url}${url && path ? ' · ' : ''}${path}</div>`;
}

function renderText(d: JsonDocument): SafeHtml {
  const paragraphs = d.paragraphs.length > 0 ? d.paragraphs.map((r) => d.text.slice(r.start, r.end)) : d.text ? [d.text] : [];
  if (paragraphs.length === 0) return html`<p class="muted">No text.</p>`;
  return html`<details class="text"><summary>Text · ${plural(paragraphs.length, 'paragraph')}, ${plural(
    d.sentences.length,
    'sentence',
  )}</summary><div class="body">${paragraphs.map((p) => html`<p>${p}</p>`)}</div></details>`;
}

function renderRemoved(d: JsonDocument): SafeHtml | string {
  if (d.removed.length === 0) return '';
  return html`<details class="removed"><summary>Removed as boilerplate · ${plural(d.removed.length, 'line')}</summary><ul>${d.removed.map(
    (r) => html`<li><span class="badge">${r.rule}</span> ${r.text}</li>`,
  )}</ul></details>`;
}

function renderDocument(ctx: Context, d: JsonDocument): SafeHtml {
  const meta = [
    d.source ? html`<strong>${d.source}</strong>` : html`<span class="muted">unknown source</span>`,
    d.published ? html`<time datetime="${d.published}">${formatDate(d.published)}</time>` : '',
    d.byline ? html`by ${d.byline}` : '',
    html`<span class="muted">${d.format}</span>`,
  ].filter((x) => x !== '');
  const copies = (ctx.copiesOf.get(d.id) ?? []).map(
    (c) => html`<p class="rel">Copies ${docLink(ctx, c.source)} <span class="badge kind">${c.kind}</span> · ${percent(c.coverageOfCopy)} of this text</p>`,
  );
  const copiedBy = ctx.copiedBy.get(d.id) ?? [];
  return html`<li class="doc" id="${docAnchor(d.id)}" data-item>
<div><span class="doc-title">${titleOf(d)}</span>${dateBadge(d)}</div>
<div class="meta">${meta.map((m, i) => html`${i > 0 ? ' · ' : ''}${m}`)}</div>
${renderLocation(d)}${copies}${
    copiedBy.length > 0
      ? html`<p class="rel">Copied by ${copiedBy.map((c, i) => html`${i > 0 ? ', ' : ''}${docLink(ctx, c.copy)}`)}</p>`
      : ''
  }
${renderText(d)}${renderRemoved(d)}
</li>`;
}

function bar(label: string, share: number): SafeHtml {
  const width = (Math.min(1, Math.max(0, share)) * 100).toFixed(1);
  return html`<div class="bar-row"><span>${label}</span><svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${percent(
    share,
  )}"><rect class="bar-bg" width="100" height="6"></rect><rect class="bar-fg" width="${width}" height="6"></rect></svg><span class="pct">${percent(share)}</span></div>`;
}

function sentenceText(d: JsonDocument | undefined, index: number): string | undefined {
  const r = d?.sentences[index];
  return r ? d.text.slice(r.start, r.end) : undefined;
}

const pairKey = (p: { sourceSentence: number; copySentence: number }) => `${p.sourceSentence}:${p.copySentence}`;
const pairAnchor = (copyId: string, key: string) => `${copyId}-p${key.replace(':', '-')}`;

/** A relation's distortions grouped by the sentence pair they were found on, in pair order. */
function flaggedPairs(c: CopyRelation): Map<string, Distortion[]> {
  const out = new Map<string, Distortion[]>();
  const sorted = [...(c.distortions ?? [])].sort((a, b) => a.copySentence - b.copySentence || a.sourceSentence - b.sourceSentence);
  for (const d of sorted) pushTo(out, pairKey(d), d);
  return out;
}

/** The two sentences of a pair side by side, what the copy deleted and inserted marked. */
function pairCells(source: string | undefined, copy: string | undefined, sourceIndex: number, copyIndex: number): SafeHtml {
  const missing = (i: number) => html`<td><span class="muted">(sentence ${i + 1} not found)</span></td>`;
  if (source === undefined || copy === undefined) {
    return html`${source === undefined ? missing(sourceIndex) : html`<td>${source}</td>`}${
      copy === undefined ? missing(copyIndex) : html`<td>${copy}</td>`
    }`;
  }
  const d = diffWords(source, copy);
  return html`<td>${d.source.map((p) => (p.changed ? html`<del>${p.text}</del>` : p.text))}</td><td>${d.copy.map((p) =>
    p.changed ? html`<ins>${p.text}</ins>` : p.text,
  )}</td>`;
}

function distortionLabel(d: Distortion): SafeHtml {
  return html`<span class="badge warn">${d.type}</span> ${d.detail}`;
}

/** Rows for the given sentence pairs; `anchor` gives the flagged ones an id to link to. */
function pairRows(
  ctx: Context,
  c: Pick<CopyRelation, 'source' | 'copy'>,
  pairs: { sourceSentence: number; copySentence: number; kind?: string; score?: number }[],
  flags: Map<string, Distortion[]>,
  anchor?: (key: string) => string,
): SafeHtml {
  const source = ctx.docs.get(c.source);
  const copy = ctx.docs.get(c.copy);
  const outlet = (d: JsonDocument | undefined) => (d?.source ? ` · ${d.source}` : '');
  return html`<table class="pairs"><colgroup><col class="c-text"><col class="c-text"><col class="c-k"></colgroup><thead><tr><th>Source${outlet(
    source,
  )}</th><th>Copy${outlet(copy)}</th><th></th></tr></thead><tbody>${pairs.map((p) => {
    const key = pairKey(p);
    const found = flags.get(key) ?? [];
    const cells = pairCells(sentenceText(source, p.sourceSentence), sentenceText(copy, p.copySentence), p.sourceSentence, p.copySentence);
    const kind = p.kind === undefined ? '' : html`${p.kind} ${p.score?.toFixed(2) ?? ''}`;
    if (found.length === 0) return html`<tr>${cells}<td class="k">${kind}</td></tr>`;
    return html`<tr class="flag"${anchor ? html` id="${anchor(key)}"` : ''}><td colspan="3">${found.map(
      (d, i) => html`${i > 0 ? html`<br>` : ''}⚠ ${distortionLabel(d)}`,
    )}</td></tr><tr class="warn">${cells}<td class="k">${kind}</td></tr>`;
  })}</tbody></table>`;
}

function renderCopy(ctx: Context, c: CopyRelation, id: string): SafeHtml {
  const flags = flaggedPairs(c);
  const count = c.distortions?.length ?? 0;
  const byKey = new Map(c.pairs.map((p) => [pairKey(p), p]));
  // A distortion is shown even if its pair is somehow missing from `pairs`.
  const flagged = [...flags.values()].map((ds) => byKey.get(pairKey(ds[0])) ?? { sourceSentence: ds[0].sourceSentence, copySentence: ds[0].copySentence });
  const identical = c.kind === 'duplicate' && c.pairs.length > 0 && c.pairs.every((p) => p.kind === 'verbatim');
  const aligned = identical ? plural(c.pairs.length, 'identical sentence') : plural(c.pairs.length, 'aligned sentence');
  return html`<div class="copy" id="${id}">
<p class="copy-head">${docLink(ctx, c.copy)} <span class="arrow" title="copies">←</span> ${docLink(ctx, c.source)} <span class="badge kind ${c.kind}">${c.kind}</span>${
    count > 0 ? html` <span class="badge warn">${plural(count, 'possible distortion')}</span>` : ''
  }</p>
${bar('Share of the copy from the source', c.coverageOfCopy)}
${bar('Share of the source reused', c.coverageOfSource)}
<p class="meta">${aligned}${
  // Relations found by sentence alignment alone have no shingle similarity to show.
  c.similarity > 0 ? ` · similarity ${c.similarity.toFixed(2)}` : ''
} · found by ${c.method}</p>
${flagged.length > 0 ? html`<div class="flagged">${pairRows(ctx, c, flagged, flags, (key) => pairAnchor(id, key))}</div>` : ''}
${
  c.pairs.length === 0 || identical
    ? ''
    : html`<details class="aligned"><summary>Aligned sentences · ${c.pairs.length}</summary>${pairRows(ctx, c, c.pairs, flags)}</details>`
}
</div>`;
}

function renderGroup(ctx: Context, g: IndependenceGroup): SafeHtml {
  if (g.documentIds.length === 1) return html`<li class="group">${docLink(ctx, g.documentIds[0])}</li>`;
  const members = g.documentIds
    .map((id) => ctx.docs.get(id))
    .filter((d): d is JsonDocument => !!d)
    .sort((a, b) => (a.id === g.origin ? -1 : b.id === g.origin ? 1 : byDate(a, b)));
  return html`<li class="group"><ul>${members.map(
    (d) => html`<li>${docLink(ctx, d.id)}${d.id === g.origin ? html` <span class="badge origin" title="Likely origin of this group">origin</span>` : ''}</li>`,
  )}</ul>${
    g.reasons.length > 0 ? html`<p class="meta">Joined because of: ${g.reasons.join(' · ')}</p>` : ''
  }</li>`;
}

/** Who depends on whom in a story: independence groups, copy relations, aligned sentences, distortions. */
function renderPassage(ctx: Context, sp: SharedPassage): SafeHtml {
  return html`<div class="copy"><p class="copy-head">${docLink(ctx, sp.source)} <span class="arrow">↔</span> ${docLink(ctx, sp.copy)}</p>
<details class="aligned"><summary>${plural(sp.pairs.length, 'sentence')} in common</summary>${pairRows(ctx, sp, sp.pairs, new Map())}</details></div>`;
}

function renderProvenance(
  ctx: Context,
  anchor: string,
  groups: IndependenceGroup[],
  copies: CopyRelation[],
  passages: SharedPassage[],
): SafeHtml {
  const ordered = copies
    .map((c, i) => ({ c, id: `${anchor}-copy-${i + 1}` }))
    .sort((a, b) => (b.c.distortions?.length ?? 0) - (a.c.distortions?.length ?? 0));
  const distortions = ordered.flatMap(({ c, id }) =>
    [...flaggedPairs(c)].flatMap(([key, ds]) => ds.map((d) => ({ c, d, href: `#${pairAnchor(id, key)}` }))),
  );
  const sortedGroups = [...groups].sort(
    (a, b) => b.documentIds.length - a.documentIds.length || byDate(ctx.docs.get(a.origin)!, ctx.docs.get(b.origin)!),
  );
  return html`<div class="provenance">
<h3>Provenance</h3>
${
  distortions.length > 0
    ? html`<div class="warn-box" role="note"><p><strong>⚠ ${plural(distortions.length, 'possible distortion')}</strong>: a copy may say something its source did not. Compare both sentences before relying on either.</p><ul>${distortions.map(
        ({ c, d, href }) => html`<li><a href="${href}">${distortionLabel(d)}</a> <span class="muted">in ${titleOf(ctx.docs.get(c.copy))}</span></li>`,
      )}</ul></div>`
    : copies.length > 0
      ? html`<p class="meta">No possible distortions found between copies and their sources.</p>`
      : ''
}
${
  sortedGroups.length > 0
    ? html`<h4>${plural(groups.length, 'independent source')}</h4><ol class="groups">${sortedGroups.map((g) => renderGroup(ctx, g))}</ol>`
    : ''
}
${copies.length > 0 ? html`<h4>Who copies whom</h4>${ordered.map(({ c, id }) => renderCopy(ctx, c, id))}` : ''}
${
  passages.length > 0
    ? html`<h4>Shared passages</h4><p class="meta">Sentences that documents share word for word without one copying the other: the same wire passage or statement.</p>${passages.map((sp) => renderPassage(ctx, sp))}`
    : ''
}
</div>`;
}

function renderStory(ctx: Context, json: SitrepJson, story: Story, anchor: string, copies: CopyRelation[]): SafeHtml {
  const docs = story.documentIds.map((id) => ctx.docs.get(id)).filter((d): d is JsonDocument => !!d).sort(byDate);
  const groups = (ctx.groupsOf.get(story.id) ?? []).filter((g) => ctx.docs.has(g.origin));
  const independent = story.independentSources ?? (groups.length > 0 ? groups.length : undefined);
  const range =
    story.firstDate && story.lastDate
      ? dateRange([story.firstDate, story.lastDate])
      : dateRange(docs.map((d) => d.published));
  return html`<section class="story" id="${anchor}" data-group>
<div data-head><h2>${story.title.trim() || '(untitled story)'}</h2>
<p class="meta">${range ?? 'undated'} · ${plural(docs.length, 'document')}${
    independent === undefined ? '' : html` from <strong>${plural(independent, 'independent source')}</strong>`
  } · ${plural(countSources(docs), 'outlet')}${copies.length > 0 ? ` · ${plural(copies.length, 'copy', 'copies')}` : ''}</p></div>
${docs.length > 1 || copies.length > 0 ? renderProvenance(ctx, anchor, groups, copies, ctx.passagesOf.get(story.id) ?? []) : ''}
${renderStoryEvents(ctx.events, story, (id) => docLink(ctx, id), ctx.mapStories.has(story.id))}
${renderStoryExtraction(ctx.extraction, story, (id) => docLink(ctx, id))}
<h3>Documents</h3>
<ol class="docs">${docs.map((d) => renderDocument(ctx, d))}</ol>
</section>`;
}

/** Render the whole report as one self-contained HTML page. */
export function renderReport(json: SitrepJson): string {
  const ctx: Context = {
    docs: new Map(json.documents.map((d) => [d.id, d])),
    copiesOf: new Map(),
    copiedBy: new Map(),
    groupsOf: new Map(),
    extraction: indexExtraction(json),
    events: indexEvents(json),
    mapStories: new Set(),
    passagesOf: new Map(),
  };
  {
    const storyOfDoc = new Map(json.stories.flatMap((s) => s.documentIds.map((d) => [d, s.id] as const)));
    for (const sp of json.passages ?? []) {
      const st = storyOfDoc.get(sp.source);
      if (st && st === storyOfDoc.get(sp.copy)) pushTo(ctx.passagesOf, st, sp);
    }
  }
  for (const c of json.copies) {
    pushTo(ctx.copiesOf, c.copy, c);
    pushTo(ctx.copiedBy, c.source, c);
  }
  for (const g of json.independence ?? []) pushTo(ctx.groupsOf, g.story, g);
  const distortions = json.copies.reduce((n, c) => n + (c.distortions?.length ?? 0), 0);

  const stories = [...json.stories].sort(
    (a, b) =>
      b.documentIds.length - a.documentIds.length ||
      (b.lastDate ?? '').localeCompare(a.lastDate ?? '') ||
      a.title.localeCompare(b.title),
  );
  const storyOf = new Map<string, number>();
  stories.forEach((s, i) => {
    for (const id of s.documentIds) if (!storyOf.has(id)) storyOf.set(id, i);
  });

  // Each relation is shown once: with the copy's story, else the source's.
  const storyCopies = stories.map((): CopyRelation[] => []);
  const otherCopies: CopyRelation[] = [];
  for (const c of json.copies) {
    const i = storyOf.get(c.copy) ?? storyOf.get(c.source);
    if (i === undefined) otherCopies.push(c);
    else storyCopies[i].push(c);
  }
  const unassigned = json.documents.filter((d) => !storyOf.has(d.id)).sort(byDate);

  const range = dateRange(json.documents.map((d) => d.published));
  const stat = (label: string, value: string | number, warn = false) =>
    html`<div${warn ? html` class="warn"` : ''}><dt>${label}</dt><dd>${value}</dd></div>`;
  const anchors = stories.map((_, i) => `story-${i + 1}`);
  for (const s of stories.filter((x) => x.documentIds.length > 1 || stories.length === 1).slice(0, STORY_MAPS)) ctx.mapStories.add(s.id);

  const body = html`<header>
<h1>Situation report</h1>
<p class="meta">Generated <time datetime="${json.generatedAt}">${formatDate(json.generatedAt)}</time> by ${json.generator.name} ${
    json.generator.version
  } from ${plural(json.inputs.length, 'input')}</p>
<dl class="stats">${stat('Documents', json.documents.length)}${stat('Stories', json.stories.length)}${stat(
    'Copies',
    json.copies.length,
  )}${stat('Possible distortions', distortions, distortions > 0)}${stat('Outlets', countSources(json.documents))}${stat(
    'Dates',
    range ?? 'undated',
  )}</dl>
<div class="tools" hidden><input id="filter" type="search" placeholder="Filter stories and documents…" aria-label="Filter stories and documents"><span id="filter-count" class="muted"></span><button id="toggle-texts" type="button">Expand all texts</button></div>
</header>
<main>
${
  json.errors.length > 0
    ? html`<div class="errors" role="alert"><h2>${plural(json.errors.length, 'input')} could not be read</h2><ul>${json.errors.map(
        (e) => html`<li><code>${e.input}</code>: ${e.message}</li>`,
      )}</ul></div>`
    : ''
}
${
  stories.length > 1
    ? html`<nav aria-label="Stories"><ol>${stories.map(
        (s, i) => html`<li><a href="#${anchors[i]}">${s.title.trim() || '(untitled story)'}</a> <span class="muted">(${s.documentIds.length})</span></li>`,
      )}</ol></nav>`
    : ''
}
${stories.length > 1 ? renderOverviewMap(json) : ''}
${stories.map((s, i) => renderStory(ctx, json, s, anchors[i], storyCopies[i]))}
${
  unassigned.length > 0
    ? html`<section id="unassigned" data-group><div data-head><h2>Documents in no story</h2><p class="meta">${plural(
        unassigned.length,
        'document',
      )}</p></div><ol class="docs">${unassigned.map((d) => renderDocument(ctx, d))}</ol></section>`
    : ''
}
${
  otherCopies.length > 0
    ? html`<section id="other-copies"><h2>Other copies</h2>${otherCopies.map((c, i) => renderCopy(ctx, c, `other-copy-${i + 1}`))}</section>`
    : ''
}
${json.documents.length === 0 && json.errors.length === 0 ? html`<p class="muted">No documents.</p>` : ''}
</main>
<footer>sitrep.json format ${json.version}. This page loads nothing from the network; links open the original articles.</footer>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html`Situation report · ${plural(json.stories.length, 'story', 'stories')}, ${plural(json.documents.length, 'document')}`}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
