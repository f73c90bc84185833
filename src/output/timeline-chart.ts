// The report's timeline: an inline SVG time axis with one marker per event. A
// date known to the day is a dot; a vaguer one ("in March", "in 2021") is a bar
// over the whole period, so the chart never claims more precision than the
// text gave. Markers on the same stretch of time stack upwards.
import { html, raw, type SafeHtml } from './html.js';
import type { Precision } from '../extract/time.js';
import {
  DEFAULT_MARKER_COLOR,
  FONT,
  chartHref,
  cleanWeight,
  flowLegend,
  kindColors,
  linked,
  plural,
  px,
  usedKinds,
  type LegendEntry,
} from './map.js';

/** TIMEX3 granularities: the time extractor's, less `ref` (PRESENT_REF and the like have no place on an axis). */
export type TimelinePrecision = Exclude<Precision, 'ref'>;

export interface TimelineItem {
  /** An ISO/TIMEX3 date: `2021-08-12`, `2021-08`, `2021`, `2021-W32`, `2021-Q3`, `2021-SU`, `199X`, `2021-08-12T14:30`, or an interval `2021-08/2021-10`. */
  date: string;
  /** How exactly the date is known; a coarser precision than the date's widens it to the whole period. */
  precision: TimelinePrecision | (string & {});
  label: string;
  /** Independent sources: bigger dots for more. */
  weight: number;
  kind?: string;
  /** Link target, a fragment in the report (`#event-3`) or an http(s) URL. */
  href?: string;
  /** Tooltip text under the label. */
  detail?: string;
}

export interface TimelineOptions {
  width?: number;
  title?: string;
  /** Kinds in the order they take colours; pass the map's to keep colours the same. */
  kinds?: string[];
  /** Stack height limit; items beyond it are counted, not drawn (default 12). */
  maxLanes?: number;
}

// ---------------------------------------------------------------- dates as day numbers

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 (UTC) of a calendar date; month is 0-based and may overflow. */
function dayNumber(y: number, m: number, d: number): number {
  // Not Date.UTC, which reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return Math.floor(t.getTime() / DAY_MS);
}
const civil = (day: number) => {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate(), weekday: (t.getUTCDay() + 6) % 7 };
};

type Gran = 'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century';
const RANK: Record<Gran, number> = { day: 0, week: 1, month: 2, season: 3, quarter: 3, half: 4, year: 5, decade: 6, century: 7 };

/** A half-open span of days. */
interface Span {
  start: number;
  end: number;
  gran: Gran;
}

const SEASON_START: Record<string, number> = { SP: 2, SU: 5, FA: 8, AU: 8, WI: 11 };

function isoWeekStart(year: number, week: number): number {
  const jan4 = dayNumber(year, 0, 4);
  return jan4 - civil(jan4).weekday + (week - 1) * 7;
}

/** The period of granularity `g` that contains `day`. */
function periodOf(day: number, g: Gran): Span {
  const { y, m, weekday } = civil(day);
  switch (g) {
    case 'day':
      return { start: day, end: day + 1, gran: g };
    case 'week':
      return { start: day - weekday, end: day - weekday + 7, gran: g };
    case 'month':
      return { start: dayNumber(y, m, 1), end: dayNumber(y, m + 1, 1), gran: g };
    case 'season': {
      // Meteorological seasons; December belongs to the winter running into the next year.
      const first = m === 0 || m === 1 ? -1 : Math.floor((m - 2) / 3) * 3 + 2;
      return { start: dayNumber(y, first, 1), end: dayNumber(y, first + 3, 1), gran: g };
    }
    case 'quarter':
      return { start: dayNumber(y, m - (m % 3), 1), end: dayNumber(y, m - (m % 3) + 3, 1), gran: g };
    case 'half':
      return { start: dayNumber(y, m < 6 ? 0 : 6, 1), end: dayNumber(y, m < 6 ? 6 : 12, 1), gran: g };
    case 'year':
      return { start: dayNumber(y, 0, 1), end: dayNumber(y + 1, 0, 1), gran: g };
    case 'decade':
      return { start: dayNumber(y - (y % 10), 0, 1), end: dayNumber(y - (y % 10) + 10, 0, 1), gran: g };
    case 'century':
      return { start: dayNumber(y - (y % 100), 0, 1), end: dayNumber(y - (y % 100) + 100, 0, 1), gran: g };
  }
}

/** One TIMEX3 calendar value as a span of days, or undefined when it names no definite time. */
function parseValue(value: string): Span | undefined {
  let m: RegExpExecArray | null;
  const v = value.trim();
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(v))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    const day = dayNumber(y, mo, d);
    // Date.UTC rolls 2021-02-30 over into March; such a day does not exist.
    const c = civil(day);
    return c.m === mo && c.d === d ? periodOf(day, 'day') : undefined;
  }
  if ((m = /^(\d{4})-W(\d{2})(?:-.*)?$/.exec(v))) {
    const week = Number(m[2]);
    return week >= 1 && week <= 53 ? periodOf(isoWeekStart(Number(m[1]), week), 'week') : undefined;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(v))) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? periodOf(dayNumber(Number(m[1]), mo - 1, 1), 'month') : undefined;
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return periodOf(dayNumber(Number(m[1]), (Number(m[2]) - 1) * 3, 1), 'quarter');
  if ((m = /^(\d{4})-H([12])$/.exec(v))) return periodOf(dayNumber(Number(m[1]), (Number(m[2]) - 1) * 6, 1), 'half');
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v))) {
    const start = dayNumber(Number(m[1]), SEASON_START[m[2]], 1);
    return { start, end: dayNumber(Number(m[1]), SEASON_START[m[2]] + 3, 1), gran: 'season' };
  }
  if ((m = /^(\d{4})$/.exec(v))) return periodOf(dayNumber(Number(m[1]), 0, 1), 'year');
  if ((m = /^(\d{3})X$/.exec(v))) return periodOf(dayNumber(Number(m[1]) * 10, 0, 1), 'decade');
  if ((m = /^(\d{2})XX$/.exec(v))) return periodOf(dayNumber(Number(m[1]) * 100, 0, 1), 'century');
  return undefined;
}

const PRECISION: Record<string, Gran> = { minute: 'day', hour: 'day', partofday: 'day' };

/** The span an item covers: its date, widened to its precision's period when that is coarser. */
export function itemSpan(date: string, precision: string): Span | undefined {
  const range = date.split('/');
  if (range.length === 2) {
    const [a, b] = range.map(parseValue);
    return a && b && a.start < b.end ? { start: a.start, end: b.end, gran: RANK[a.gran] >= RANK[b.gran] ? a.gran : b.gran } : undefined;
  }
  const span = parseValue(date);
  if (!span) return undefined;
  const g = PRECISION[precision] ?? (precision in RANK ? (precision as Gran) : undefined);
  return g && RANK[g] > RANK[span.gran] ? periodOf(span.start, g) : span;
}

// ---------------------------------------------------------------- ticks

interface TickRule {
  /** Approximate days between ticks, to pick a rule for a span. */
  days: number;
  /** The tick days in [from, to). */
  ticks: (from: number, to: number) => number[];
  label: (day: number, first: boolean) => string;
}

function everyDays(n: number, from: number, to: number, align: (d: number) => number): number[] {
  const out: number[] = [];
  for (let d = align(from); d < to; d += n) if (d >= from) out.push(d);
  return out;
}

function everyMonths(n: number, from: number, to: number): number[] {
  const out: number[] = [];
  const { y, m } = civil(from);
  for (let k = Math.floor((y * 12 + m) / n) * n; ; k += n) {
    const d = dayNumber(Math.floor(k / 12), k % 12, 1);
    if (d >= to) break;
    if (d >= from) out.push(d);
  }
  return out;
}

function everyYears(n: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = Math.floor(civil(from).y / n) * n; ; y += n) {
    const d = dayNumber(y, 0, 1);
    if (d >= to) break;
    if (d >= from) out.push(d);
  }
  return out;
}

const dayLabel = (day: number, first: boolean) => {
  const { y, m, d } = civil(day);
  return first || (m === 0 && d <= 7) ? `${d} ${MONTHS[m]} ${y}` : `${d} ${MONTHS[m]}`;
};
const monthLabel = (day: number, first: boolean) => {
  const { y, m } = civil(day);
  return first || m === 0 ? `${MONTHS[m]} ${y}` : MONTHS[m];
};
const yearLabel = (day: number) => String(civil(day).y);

const monday = (d: number) => d - civil(d).weekday;
const mod = (a: number, n: number) => ((a % n) + n) % n;
/** Every other Monday, counted from 1970-01-05 so that the choice does not depend on the data. */
const fortnight = (d: number) => monday(d) - mod((monday(d) - 4) / 7, 2) * 7;
const TICK_RULES: TickRule[] = [
  { days: 1, ticks: (a, b) => everyDays(1, a, b, (d) => d), label: dayLabel },
  { days: 2, ticks: (a, b) => everyDays(2, a, b, (d) => d - mod(d, 2)), label: dayLabel },
  { days: 7, ticks: (a, b) => everyDays(7, a, b, monday), label: dayLabel },
  { days: 14, ticks: (a, b) => everyDays(14, a, b, fortnight), label: dayLabel },
  ...[1, 2, 3, 6].map((n) => ({ days: 30.4 * n, ticks: (a: number, b: number) => everyMonths(n, a, b), label: monthLabel })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500].map((n) => ({ days: 365.25 * n, ticks: (a: number, b: number) => everyYears(n, a, b), label: yearLabel })),
];

/** The finest rule whose labels fit: at most `max` ticks over `span` days. */
function tickRule(span: number, max: number): TickRule {
  return TICK_RULES.find((r) => span / r.days <= max) ?? TICK_RULES[TICK_RULES.length - 1];
}

// ---------------------------------------------------------------- render

const LANE = 14;
const BAR = 8;
const AXIS = 30;
const MARGIN = 12;

const isoDay = (day: number) => {
  const { y, m, d } = civil(day);
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * An inline SVG timeline of `items`. Items whose date names no definite time
 * (`PAST_REF`, `XXXX-08`, garbage) are left out; with none left the result is
 * the empty string.
 */
export function renderTimeline(items: TimelineItem[], opts: TimelineOptions = {}): string {
  const placed = items
    .filter((item) => item)
    .map((item) => ({ ...item, label: String(item.label ?? '') }))
    .map((item) => ({ item, span: itemSpan(String(item.date ?? ''), String(item.precision ?? '')), weight: cleanWeight(item.weight) }))
    .filter((x): x is typeof x & { span: Span } => x.span !== undefined)
    .sort(
      (a, b) =>
        a.span.start - b.span.start ||
        b.span.end - a.span.end ||
        b.weight - a.weight ||
        (a.item.label < b.item.label ? -1 : a.item.label > b.item.label ? 1 : 0),
    );
  if (placed.length === 0) return '';

  const width = Math.max(240, Math.round(opts.width ?? 640));
  const maxLanes = Math.max(1, Math.floor(opts.maxLanes ?? 12));
  let from = Math.min(...placed.map((p) => p.span.start));
  let to = Math.max(...placed.map((p) => p.span.end));
  // At least a week in view, and a little air on both sides.
  if (to - from < 7) {
    const mid = (from + to) / 2;
    [from, to] = [Math.floor(mid - 3.5), Math.ceil(mid + 3.5)];
  }
  const air = Math.max(0.5, (to - from) * 0.03);
  const [lo, hi] = [from - air, to + air];
  const x = (day: number) => MARGIN + ((day - lo) / (hi - lo)) * (width - 2 * MARGIN);

  const maxWeight = Math.max(...placed.map((p) => p.weight));
  const radius = (w: number) => 2.5 + 3.5 * Math.sqrt(w / maxWeight);
  const colors = kindColors(
    placed.map((p) => p.item.kind),
    opts.kinds,
  );
  const anyKind = placed.some((p) => p.item.kind);

  // Greedy lanes: each item goes into the lowest lane free at its left edge.
  const laneEnds: number[] = [];
  let hidden = 0;
  const marks = placed.flatMap(({ item, span, weight }) => {
    const dot = span.end - span.start <= 1;
    const r = radius(weight);
    const x0 = dot ? x(span.start + 0.5) - r : x(span.start);
    const x1 = dot ? x(span.start + 0.5) + r : Math.max(x(span.end), x0 + 3);
    let lane = laneEnds.findIndex((end) => end + 2 <= x0);
    if (lane < 0) lane = laneEnds.length;
    if (lane >= maxLanes) {
      hidden++;
      return [];
    }
    laneEnds[lane] = x1;
    return [{ item, span, weight, dot, r, x0, x1, lane }];
  });
  const lanes = Math.max(1, laneEnds.length);
  const top = hidden > 0 ? 18 : 6;
  const axisY = top + lanes * LANE + 4;

  const markSvg = marks.map((m) => {
    const color = m.item.kind ? colors.get(m.item.kind)! : anyKind ? '#6b7280' : DEFAULT_MARKER_COLOR;
    const cy = axisY - 4 - (m.lane + 0.5) * LANE;
    const when = m.span.end - m.span.start <= 1 ? isoDay(m.span.start) : `${isoDay(m.span.start)} – ${isoDay(m.span.end - 1)}`;
    const tip = [m.item.label, `${m.item.date} (${m.span.gran}${m.span.gran === 'day' ? '' : `: ${when}`})`, m.item.detail ?? plural(m.weight, 'independent source')]
      .filter(Boolean)
      .join('\n');
    const common = html`fill="${color}" data-start="${isoDay(m.span.start)}" data-precision="${m.span.gran}"${m.item.kind ? html` data-kind="${m.item.kind}"` : ''}`;
    const shape = m.dot
      ? html`<circle class="item day" cx="${px((m.x0 + m.x1) / 2)}" cy="${px(cy)}" r="${px(m.r)}" ${common}><title>${tip}</title></circle>`
      : html`<rect class="item span" x="${px(m.x0)}" y="${px(cy - BAR / 2)}" width="${px(m.x1 - m.x0)}" height="${BAR}" rx="2" ${common}><title>${tip}</title></rect>`;
    return linked(chartHref(m.item.href), shape);
  });

  const span = hi - lo;
  const rule = tickRule(span, Math.max(2, Math.floor((width - 2 * MARGIN) / 90)));
  const tickSvg: SafeHtml[] = rule.ticks(Math.ceil(lo), hi).map((day, i) => {
    const tx = px(x(day));
    return html`<g class="tick" data-day="${isoDay(day)}"><line x1="${tx}" x2="${tx}" y1="${axisY}" y2="${axisY + 4}"></line><text x="${tx}" y="${axisY + 16}" text-anchor="middle" stroke="none">${rule.label(day, i === 0)}</text></g>`;
  });

  const entries: LegendEntry[] = usedKinds(
    colors,
    placed.map((p) => p.item.kind),
  ).map((k) => ({
    symbol: (lx: number, ly: number) => html`<circle cx="${px(lx + 5)}" cy="${px(ly)}" r="5" fill="${colors.get(k)!}"></circle>`,
    symbolWidth: 10,
    text: k,
  }));
  if (anyKind && placed.some((p) => !p.item.kind)) {
    entries.push({ symbol: (lx, ly) => html`<circle cx="${px(lx + 5)}" cy="${px(ly)}" r="5" fill="#6b7280"></circle>`, symbolWidth: 10, text: 'other' });
  }
  // How to read the marks, since dots and bars mean different things.
  entries.push(
    { symbol: (lx, ly) => html`<circle cx="${px(lx + 4)}" cy="${px(ly)}" r="4" fill="#5b6572"></circle>`, symbolWidth: 8, text: 'known to the day' },
    {
      symbol: (lx, ly) => html`<rect x="${px(lx)}" y="${px(ly - BAR / 2)}" width="22" height="${BAR}" rx="2" fill="#5b6572"></rect>`,
      symbolWidth: 22,
      text: 'known only to the week, month or year',
    },
  );
  const legend = flowLegend(entries, MARGIN, axisY + AXIS - 4, width - 2 * MARGIN, 18);
  const total = Math.ceil(axisY + AXIS + legend.height + 4);
  const title = opts.title ?? `Timeline of ${plural(marks.length, 'dated event')}`;
  const more =
    hidden > 0
      ? html`<text class="more" x="${width - MARGIN}" y="12" text-anchor="end" font-size="11" fill="#5b6572">${plural(hidden, 'more event')} not shown</text>`
      : raw('');

  return html`<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 ${width} ${total}" width="${width}" height="${total}" font-family="${FONT}" aria-label="${title}"><title>${title}</title>${more}
<g class="axis" stroke="#8a939e" font-size="11" fill="#5b6572"><line x1="${MARGIN}" x2="${width - MARGIN}" y1="${axisY}" y2="${axisY}"></line>${tickSvg}</g>
<g class="items" fill-opacity="0.8" stroke="#fff" stroke-width="1">${markSvg}</g>
${legend.svg}
</svg>`.toString();
}
