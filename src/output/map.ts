// The report's offline map: an inline SVG drawn from Natural Earth outlines
// shipped in node_modules, so it needs no tile server, no network and no script
// (the report's CSP admits no other script). Presentation attributes rather than
// `style=` keep it within that CSP; the classes let the report restyle it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  geoAzimuthalEqualArea,
  geoBounds,
  geoCentroid,
  geoCircle,
  geoContains,
  geoDistance,
  geoNaturalEarth1,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { html, raw, safeHref, type SafeHtml } from './html.js';

export interface MapPoint {
  lat: number;
  lon: number;
  label: string;
  /** Independent sources: the marker's area is proportional to it. */
  weight: number;
  /** Event type; markers are coloured by it. */
  kind?: string;
  /** Link target, a fragment in the report (`#event-3`) or an http(s) URL. */
  href?: string;
  /** Tooltip text under the label. */
  detail?: string;
}

export interface MapOptions {
  width?: number;
  /** Defaults to what suits the view's shape. */
  height?: number;
  title?: string;
  /** Kinds in the order they take colours, to keep colours stable across charts; default by frequency. */
  kinds?: string[];
  /** How many of the heaviest points get a text label (default 6). */
  maxLabels?: number;
}

// ---------------------------------------------------------------- shared bits

/** Okabe–Ito colours (yellow left out: it vanishes on land), distinguishable with colour-blindness. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#7a5195', '#8c6d31'];
const OTHER_COLOR = '#6b7280';
/** Colour of every marker when no point has a kind. */
export const DEFAULT_MARKER_COLOR = '#d55e00';

/**
 * Colour per kind: the `order` given first, then the remaining kinds by
 * frequency and name; kinds beyond the palette share the grey of "other".
 */
export function kindColors(kinds: (string | undefined)[], order: string[] = []): Map<string, string> {
  const counts = new Map<string, number>();
  for (const k of kinds) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const rest = [...counts.keys()].filter((k) => !order.includes(k));
  rest.sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const colors = new Map<string, string>();
  for (const k of [...order, ...rest]) colors.set(k, PALETTE[colors.size] ?? OTHER_COLOR);
  return colors;
}

/** The kinds that actually occur, in colour order, for a legend. */
export function usedKinds(colors: Map<string, string>, kinds: (string | undefined)[]): string[] {
  const present = new Set(kinds.filter((k): k is string => !!k));
  return [...colors.keys()].filter((k) => present.has(k));
}

/** A link target that stays inside the report (`#…`) or is plain http(s); anything else is dropped. */
export function chartHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  if (/^#[^\s]+$/.test(href)) return href;
  return safeHref(href);
}

/** Round for SVG output: a tenth of a pixel is finer than any screen shows. */
export const px = (n: number) => Math.round(n * 10) / 10;

export const FONT = 'system-ui,-apple-system,Segoe UI,Roboto,sans-serif';

/** Rough rendered width of `text` at `size` px in a sans-serif font; good enough to avoid overlaps. */
export function textWidth(text: string, size: number): number {
  return [...text].length * size * 0.56;
}

export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Positive finite weight, anything else counts as one. */
export const cleanWeight = (w: number) => (Number.isFinite(w) && w > 0 ? w : 1);

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function linked(href: string | undefined, body: SafeHtml): SafeHtml {
  return href ? html`<a href="${href}">${body}</a>` : body;
}

export interface LegendEntry {
  /** Drawn at the entry's left, centred on the row. */
  symbol: (x: number, y: number) => SafeHtml;
  symbolWidth: number;
  text: string;
}

/** Legend entries flowed left to right in rows; returns the markup and the height used. */
export function flowLegend(entries: LegendEntry[], x0: number, y0: number, width: number, rowHeight: number): { svg: SafeHtml; height: number } {
  if (entries.length === 0) return { svg: raw(''), height: 0 };
  const parts: SafeHtml[] = [];
  let x = x0;
  let y = y0 + rowHeight / 2;
  for (const e of entries) {
    const w = e.symbolWidth + 4 + textWidth(e.text, 11) + 14;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += rowHeight;
    }
    parts.push(
      html`${e.symbol(x, y)}<text x="${px(x + e.symbolWidth + 4)}" y="${px(y + 4)}">${e.text}</text>`,
    );
    x += w;
  }
  return {
    svg: html`<g class="legend" font-size="11" fill="#5b6572">${parts}</g>`,
    height: y - y0 + rowHeight / 2,
  };
}

// ---------------------------------------------------------------- atlas

type Resolution = '110m' | '50m';

interface Country {
  name: string;
  feature: Feature<Geometry, { name: string }>;
  bounds: Bounds;
  /** Each polygon of the country with its bounds, to find the part a point lies in. */
  parts: { polygon: Polygon; bounds: Bounds }[];
}

/** geoBounds output: [[west, south], [east, north]], west > east when crossing the antimeridian. */
type Bounds = [[number, number], [number, number]];

const require = createRequire(import.meta.url);
const atlases = new Map<Resolution, Country[]>();

/** Natural Earth countries at `res`, read and converted once per process. */
function atlas(res: Resolution): Country[] {
  let countries = atlases.get(res);
  if (countries) return countries;
  const file = require.resolve(`world-atlas/countries-${res}.json`);
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  countries = fc.features
    .filter((f) => f.geometry)
    .map((f) => {
      const g = f.geometry as Polygon | MultiPolygon;
      const polygons: Polygon[] =
        g.type === 'Polygon' ? [g] : g.type === 'MultiPolygon' ? g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [];
      return {
        name: f.properties?.name ?? '',
        feature: f,
        bounds: geoBounds(f),
        parts: polygons.map((polygon) => ({ polygon, bounds: geoBounds(polygon) })),
      };
    });
  atlases.set(res, countries);
  return countries;
}

function inBounds([lon, lat]: [number, number], [[w, s], [e, n]]: Bounds): boolean {
  if (lat < s || lat > n) return false;
  return w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
}

function boundsIntersect([[aw, as], [ae, an]]: Bounds, [[bw, bs], [be, bn]]: Bounds): boolean {
  if (as > bn || bs > an) return false;
  const a1 = ae < aw ? ae + 360 : ae;
  const b1 = be < bw ? be + 360 : be;
  return [-360, 0, 360].some((shift) => aw + shift <= b1 && bw <= a1 + shift);
}

/**
 * What the projection shows, as geographic bounds: the inverted outline of the
 * frame, widened to all longitudes when a pole is in view. Cheap to test and
 * spares projecting (then clipping away) every country of the world.
 */
function viewBounds(projection: GeoProjection, width: number, height: number): Bounds {
  const outline: [number, number][] = [];
  const steps = 16;
  for (let i = 0; i < steps; i++) {
    const t = i / steps;
    for (const [x, y] of [[t * width, 0], [width, t * height], [(1 - t) * width, height], [0, (1 - t) * height]]) {
      const ll = projection.invert?.([x, y]);
      if (ll && Number.isFinite(ll[0]) && Number.isFinite(ll[1])) outline.push(ll);
    }
  }
  let [[w, s], [e, n]] = geoBounds({ type: 'LineString', coordinates: outline });
  const visible = (lat: number) => {
    const xy = projection([0, lat]);
    return !!xy && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height;
  };
  if (visible(90)) [w, e, n] = [-180, 180, 90];
  if (visible(-90)) [w, e, s] = [-180, 180, -90];
  // A margin for the sampling's chords.
  return [[w - 1, Math.max(-90, s - 1)], [e + 1, Math.min(90, n + 1)]];
}

/** The country `c` lies in (or, for a point on the coast, right next to), with the part holding it. */
function locate(countries: Country[], [lon, lat]: [number, number]): { country: Country; part: Polygon } | undefined {
  // About 10 km around, for coastal cities that the generalized outlines leave in the sea.
  const d = 0.1;
  const probes: [number, number][] = [[lon, lat], [lon + d, lat], [lon - d, lat], [lon, lat + d], [lon, lat - d]];
  for (const c of probes) {
    for (const country of countries) {
      if (!inBounds(c, country.bounds)) continue;
      const part = country.parts.find((p) => inBounds(c, p.bounds) && geoContains(p.polygon, c));
      if (part) return { country, part: part.polygon };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- view

const RAD = 180 / Math.PI;
/** Beyond this angular radius (about 4,400 km) the points are shown on the whole world. */
const WORLD_RADIUS = 40;
/** Half the narrowest view: a lone point is shown in a region about 1,500 km across. */
const MIN_RADIUS = 6.75;
/** Countries up to this bounding diagonal (degrees; Iran fits, Russia does not) are shown whole. */
const COUNTRY_DIAGONAL = 25;
const PAD = 16;

interface View {
  projection: GeoProjection;
  width: number;
  height: number;
  world: boolean;
  res: Resolution;
}

function chooseView(points: [number, number][], hitParts: Polygon[], width: number, height: number | undefined): View {
  const multi = { type: 'MultiPoint', coordinates: points } as const;
  const center = geoCentroid(multi);
  const spread = Number.isFinite(center[0]) && Number.isFinite(center[1]) ? Math.max(...points.map((p) => geoDistance(center, p) * RAD)) : 180;
  if (spread > WORLD_RADIUS) {
    const h = height ?? Math.round(width * 0.52);
    const projection = geoNaturalEarth1().fitExtent([[PAD, PAD], [width - PAD, h - PAD]], { type: 'Sphere' });
    return { projection, width, height: h, world: true, res: '110m' };
  }
  const objects: GeoPermissibleObjects[] = [multi];
  let radius = spread;
  for (const part of hitParts) {
    const [[w, s], [e, n]] = geoBounds(part);
    if (geoDistance([w, s], [e, n]) * RAD > Math.max(COUNTRY_DIAGONAL, 3 * spread)) continue;
    objects.push(part);
    radius = Math.max(radius, geoDistance(center, [w, s]) * RAD, geoDistance(center, [e, n]) * RAD);
  }
  // A country shown whole is context enough; otherwise (or for a tiny one) keep some region around.
  const least = objects.length > 1 ? MIN_RADIUS / 2 : MIN_RADIUS;
  objects.push(geoCircle().center(center).radius(least)());
  radius = Math.max(radius, least);
  const fit = { type: 'GeometryCollection', geometries: objects } as GeoPermissibleObjects;
  const projection = geoAzimuthalEqualArea().rotate([-center[0], -center[1]]);
  // A margin in proportion, so that a country is seen with its neighbours.
  const padX = PAD + 0.08 * width;
  let h = height;
  if (h === undefined) {
    // Let the content's shape pick the height, within sensible limits.
    projection.fitWidth(width - 2 * padX, fit);
    const [[, y0], [, y1]] = geoPath(projection).bounds(fit);
    h = Math.round(Math.min(0.7 * width, Math.max(0.45 * width, (y1 - y0) * 1.16 + 2 * PAD)));
  }
  const padY = PAD + 0.08 * h;
  projection.fitExtent([[padX, padY], [width - padX, h - padY]], fit).clipExtent([[0, 0], [width, h]]);
  return { projection, width, height: h, world: false, res: radius > 30 ? '110m' : '50m' };
}

// ---------------------------------------------------------------- labels

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function hitsCircle(b: Box, c: { x: number; y: number; r: number }): boolean {
  const dx = c.x - Math.max(b.x0, Math.min(c.x, b.x1));
  const dy = c.y - Math.max(b.y0, Math.min(c.y, b.y1));
  return dx * dx + dy * dy < c.r * c.r;
}

interface Marker {
  point: MapPoint;
  x: number;
  y: number;
  r: number;
  color: string;
}

const LABEL_SIZE = 11;

/** Greedy: heaviest first, the first of four positions that hits no label, no other marker and stays inside. */
function placeLabels(markers: Marker[], max: number, width: number, height: number): SafeHtml[] {
  const placed: Box[] = [];
  const out: SafeHtml[] = [];
  const seen = new Set<string>();
  for (const m of markers) {
    if (out.length >= max) break;
    const text = truncate(m.point.label, 28);
    if (!text || seen.has(text)) continue;
    const w = textWidth(text, LABEL_SIZE);
    const h = LABEL_SIZE + 2;
    const candidates: { box: Box; x: number; y: number; anchor: string }[] = [
      { box: { x0: m.x + m.r + 3, y0: m.y - h / 2, x1: m.x + m.r + 3 + w, y1: m.y + h / 2 }, x: m.x + m.r + 3, y: m.y + 4, anchor: 'start' },
      { box: { x0: m.x - m.r - 3 - w, y0: m.y - h / 2, x1: m.x - m.r - 3, y1: m.y + h / 2 }, x: m.x - m.r - 3, y: m.y + 4, anchor: 'end' },
      { box: { x0: m.x - w / 2, y0: m.y - m.r - 2 - h, x1: m.x + w / 2, y1: m.y - m.r - 2 }, x: m.x, y: m.y - m.r - 5, anchor: 'middle' },
      { box: { x0: m.x - w / 2, y0: m.y + m.r + 2, x1: m.x + w / 2, y1: m.y + m.r + 2 + h }, x: m.x, y: m.y + m.r + 12, anchor: 'middle' },
    ];
    const spot = candidates.find(
      ({ box }) =>
        box.x0 >= 2 &&
        box.y0 >= 2 &&
        box.x1 <= width - 2 &&
        box.y1 <= height - 2 &&
        !placed.some((p) => overlaps(p, box)) &&
        !markers.some((o) => o !== m && hitsCircle(box, o)),
    );
    if (!spot) continue;
    placed.push(spot.box);
    seen.add(text);
    out.push(html`<text x="${px(spot.x)}" y="${px(spot.y)}" text-anchor="${spot.anchor}">${text}</text>`);
  }
  return out;
}

// ---------------------------------------------------------------- render

/** Largest marker radius; bigger weights shrink every marker so that areas stay proportional. */
const MAX_RADIUS = 22;
const UNIT_RADIUS = 4;

/**
 * An inline SVG map of `points`: zoomed to the country they lie in, to their
 * region, or the whole world when they are spread across continents. Marker
 * area is proportional to `weight`; each marker has a tooltip and, with
 * `href`, links to its place in the report. Points with unusable coordinates
 * are skipped; with none left the result is the empty string.
 */
export function renderMap(points: MapPoint[], opts: MapOptions = {}): string {
  const valid = points
    .filter((p) => p && Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90)
    .map((p) => ({
      ...p,
      label: String(p.label ?? ''),
      lon: ((((p.lon + 180) % 360) + 360) % 360) - 180,
      weight: cleanWeight(p.weight),
    }))
    .sort((a, b) => b.weight - a.weight || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || a.lat - b.lat || a.lon - b.lon);
  if (valid.length === 0) return '';
  const width = Math.max(200, Math.round(opts.width ?? 640));
  const mapHeight = opts.height === undefined ? undefined : Math.max(100, Math.round(opts.height));
  const coords = valid.map((p) => [p.lon, p.lat] as [number, number]);

  // The countries the points fall in are shaded and, if not too large, shown whole.
  const fine = atlas('50m');
  const hitNames = new Set<string>();
  const hitParts = new Set<Polygon>();
  for (const c of coords) {
    const found = locate(fine, c);
    if (found) {
      hitNames.add(found.country.name);
      hitParts.add(found.part);
    }
  }

  const view = chooseView(coords, [...hitParts], width, mapHeight);
  const { projection, height } = view;
  const path = geoPath(projection).digits(1);

  const sphere = path({ type: 'Sphere' }) ?? '';
  const countries: SafeHtml[] = [];
  const shown = view.world ? undefined : viewBounds(projection, width, height);
  for (const country of atlas(view.res)) {
    if (shown && !boundsIntersect(country.bounds, shown)) continue;
    const d = path(country.feature);
    if (!d) continue;
    const hit = hitNames.has(country.name);
    countries.push(
      html`<path class="${hit ? 'country hit' : 'country'}" data-name="${country.name}"${hit ? raw(' fill="#d9d2bf"') : ''} d="${d}"></path>`,
    );
  }

  const maxWeight = Math.max(...valid.map((p) => p.weight));
  const unit = Math.min(UNIT_RADIUS, MAX_RADIUS / Math.sqrt(maxWeight));
  const radius = (w: number) => Math.max(2, unit * Math.sqrt(w));
  const colors = kindColors(valid.map((p) => p.kind), opts.kinds);
  const anyKind = valid.some((p) => p.kind);
  const markers: Marker[] = [];
  for (const p of valid) {
    const xy = projection([p.lon, p.lat]);
    if (!xy || !Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) continue;
    const color = p.kind ? colors.get(p.kind)! : anyKind ? OTHER_COLOR : DEFAULT_MARKER_COLOR;
    markers.push({ point: p, x: xy[0], y: xy[1], r: radius(p.weight), color });
  }

  const markerSvg = markers.map((m) => {
    const tip = [m.point.label, m.point.detail ?? plural(m.point.weight, 'independent source')].filter(Boolean).join('\n');
    const circle = html`<circle class="marker" cx="${px(m.x)}" cy="${px(m.y)}" r="${px(m.r)}" fill="${m.color}"${
      m.point.kind ? html` data-kind="${m.point.kind}"` : ''
    }><title>${tip}</title></circle>`;
    return linked(chartHref(m.point.href), circle);
  });
  const labels = placeLabels(markers, opts.maxLabels ?? 6, width, height);

  // Legend under the map, so it never hides a marker.
  const entries: LegendEntry[] = [];
  for (const k of usedKinds(colors, valid.map((p) => p.kind))) {
    const c = colors.get(k)!;
    entries.push({ symbol: (x, y) => html`<circle cx="${px(x + 5)}" cy="${px(y)}" r="5" fill="${c}" fill-opacity="0.8"></circle>`, symbolWidth: 10, text: k });
  }
  if (anyKind && valid.some((p) => !p.kind)) {
    entries.push({ symbol: (x, y) => html`<circle cx="${px(x + 5)}" cy="${px(y)}" r="5" fill="${OTHER_COLOR}" fill-opacity="0.8"></circle>`, symbolWidth: 10, text: 'other' });
  }
  const sizes = [...new Set([1, Math.round(Math.sqrt(maxWeight)) ** 2, Math.round(maxWeight)])].filter((w) => w <= maxWeight && w >= 1);
  for (const w of sizes) {
    const r = radius(w);
    entries.push({
      symbol: (x, y) => html`<circle cx="${px(x + r)}" cy="${px(y)}" r="${px(r)}" fill="none" stroke="#5b6572"></circle>`,
      symbolWidth: 2 * r,
      text: plural(w, 'source'),
    });
  }
  const rowHeight = Math.max(18, 2 * radius(maxWeight) + 6);
  const legend = flowLegend(entries, 8, height + 4, width - 16, rowHeight);
  const total = Math.ceil(height + legend.height + 8);
  const title = opts.title ?? `Map of ${plural(markers.length, 'located event')}`;

  return html`<svg xmlns="http://www.w3.org/2000/svg" class="map${view.world ? ' world' : ''}" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="${FONT}" aria-label="${title}"><title>${title}</title>
<path class="sea" fill="#e8eef4" d="${sphere}"></path>
<g class="land" fill="#f1efe9" stroke="#b9b3a6" stroke-width="0.6" stroke-linejoin="round">${countries}</g>
<g class="markers" fill-opacity="0.75" stroke="#fff" stroke-width="1">${markerSvg}</g>
<g class="labels" font-size="${LABEL_SIZE}" fill="#1d232b" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${labels}</g>
${legend.svg}
</svg>`.toString();
}
