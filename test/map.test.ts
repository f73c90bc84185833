import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { renderMap, type MapPoint } from '../src/output/map.js';
import { itemSpan, renderTimeline, type TimelineItem } from '../src/output/timeline-chart.js';

function parse(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  assert.ok(root, 'an <svg> element');
  return { document, root };
}

const num = (el: Element, attr: string) => Number(el.getAttribute(attr));

/** Horizontal extent of an SVG path made by d3 (absolute M/L commands). */
function pathXExtent(d: string): [number, number] {
  const xs = [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
  return [Math.min(...xs), Math.max(...xs)];
}

const viewWidth = (root: Element) => Number(root.getAttribute('viewBox')!.split(' ')[2]);
const countryNames = (document: Document) => [...document.querySelectorAll('path.country')].map((p) => p.getAttribute('data-name'));

const HERAT: MapPoint = { lat: 34.35, lon: 62.2, label: 'Herat', weight: 1, kind: 'shelling', href: '#event-1' };
const KABUL: MapPoint = { lat: 34.53, lon: 69.17, label: 'Kabul', weight: 9, kind: 'protest', href: '#event-2', detail: 'Crowds gathered near the ministry' };
const KANDAHAR: MapPoint = { lat: 31.61, lon: 65.71, label: 'Kandahar', weight: 4, kind: 'shelling', href: '#event-3' };

describe('renderMap', () => {
  const svg = renderMap([HERAT, KABUL, KANDAHAR]);
  const { document, root } = parse(svg);
  const markers = [...document.querySelectorAll('circle.marker')];
  const byLabel = (label: string) => markers.find((c) => c.querySelector('title')!.textContent!.startsWith(label))!;

  it('draws one marker per point, placed west to east as the longitudes are', () => {
    assert.equal(markers.length, 3);
    const x = [HERAT, KANDAHAR, KABUL].map((p) => num(byLabel(p.label), 'cx'));
    assert.ok(x[0] < x[1] && x[1] < x[2], `x in longitude order: ${x}`);
    // Kandahar is the southernmost, so lowest on the map.
    assert.ok(num(byLabel('Kandahar'), 'cy') > num(byLabel('Herat'), 'cy'));
  });

  it('zooms to the country the points are in', () => {
    assert.ok(!root.getAttribute('class')!.includes('world'));
    const afghanistan = document.querySelector('path.country[data-name="Afghanistan"]');
    assert.ok(afghanistan, 'Afghanistan outline drawn');
    assert.ok(afghanistan.getAttribute('class')!.includes('hit'), 'the country with the events is marked');
    const [x0, x1] = pathXExtent(afghanistan.getAttribute('d')!);
    assert.ok(x1 - x0 > viewWidth(root) / 3, `Afghanistan ${x1 - x0}px wide of ${viewWidth(root)}`);
    const names = countryNames(document);
    assert.ok(names.includes('Pakistan') && names.includes('Iran'), 'neighbours give context');
    assert.ok(!names.includes('Brazil') && !names.includes('United States of America'), 'the rest of the world is left out');
  });

  it('sizes markers by weight, area in proportion', () => {
    const r = [HERAT, KANDAHAR, KABUL].map((p) => num(byLabel(p.label), 'r'));
    assert.ok(r[0] < r[1] && r[1] < r[2], `radii ${r}`);
    // Weights 1 and 9: three times the radius.
    assert.ok(Math.abs(r[2] / r[0] - 3) < 0.1, `radius ratio ${r[2] / r[0]}`);
  });

  it('links markers and gives them tooltips', () => {
    assert.equal(byLabel('Kabul').parentElement!.getAttribute('href'), '#event-2');
    assert.match(byLabel('Kabul').querySelector('title')!.textContent!, /Crowds gathered near the ministry/);
    assert.match(byLabel('Herat').querySelector('title')!.textContent!, /1 independent source/);
  });

  it('labels the points and shows a legend of kinds and sizes', () => {
    const labels = [...document.querySelectorAll('g.labels text')].map((t) => t.textContent);
    assert.deepEqual([...labels].sort(), ['Herat', 'Kabul', 'Kandahar']);
    const legend = document.querySelector('g.legend')!.textContent!;
    assert.match(legend, /shelling/);
    assert.match(legend, /protest/);
    assert.match(legend, /9 sources/);
  });

  it('is the same whatever the order of the points', () => {
    assert.equal(renderMap([KANDAHAR, KABUL, HERAT]), svg);
  });

  it('keeps hostile labels as text and unsafe links out', () => {
    const hostile = renderMap([
      { ...KABUL, label: '<script>alert(1)</script> & "Kabul"', href: 'javascript:alert(1)' },
      { ...HERAT, detail: '<img src=x onerror=alert(1)>' },
    ]);
    const { document: doc } = parse(hostile);
    assert.equal(doc.querySelectorAll('script, img').length, 0);
    assert.ok(!hostile.includes('<script'));
    assert.ok(!hostile.includes('javascript:'));
    const titles = [...doc.querySelectorAll('circle.marker title')].map((t) => t.textContent);
    assert.ok(titles.some((t) => t!.startsWith('<script>alert(1)</script> & "Kabul"')));
    assert.ok(titles.some((t) => t!.includes('<img src=x onerror=alert(1)>')));
    assert.equal(doc.querySelectorAll('a').length, 1, 'only the fragment link survives');
  });

  it('skips unusable coordinates and returns nothing when none are left', () => {
    const { document: doc } = parse(
      renderMap([HERAT, { ...KABUL, lat: Number.NaN }, { ...KANDAHAR, lon: Number.POSITIVE_INFINITY }, { ...KABUL, lat: 123 }]),
    );
    assert.equal(doc.querySelectorAll('circle.marker').length, 1);
    assert.equal(renderMap([]), '');
    assert.equal(renderMap([{ ...HERAT, lat: Number.NaN }]), '');
  });

  it('shows the whole world for points on several continents, within a reasonable size', () => {
    const world = renderMap([
      KABUL,
      { lat: -23.55, lon: -46.63, label: 'São Paulo', weight: 2 },
      { lat: 41.0, lon: -87.6, label: 'Great Lakes', weight: 1 },
      { lat: -33.87, lon: 151.21, label: 'Sydney', weight: 3 },
    ]);
    const { document: doc, root: r } = parse(world);
    assert.ok(r.getAttribute('class')!.includes('world'));
    const names = countryNames(doc);
    assert.ok(names.includes('Brazil') && names.includes('Australia') && names.includes('Afghanistan'));
    const sydney = [...doc.querySelectorAll('circle.marker')].find((c) => c.querySelector('title')!.textContent!.startsWith('Sydney'))!;
    const saoPaulo = [...doc.querySelectorAll('circle.marker')].find((c) => c.querySelector('title')!.textContent!.startsWith('São'))!;
    assert.ok(num(sydney, 'cx') - num(saoPaulo, 'cx') > viewWidth(r) / 3);
    assert.ok(world.length < 150_000, `world map ${world.length} bytes`);
  });

  it('shows a lone point in its region', () => {
    const { document: doc, root: r } = parse(renderMap([{ lat: 47.5, lon: 19.04, label: 'Budapest', weight: 2 }]));
    assert.ok(!r.getAttribute('class')!.includes('world'));
    const names = countryNames(doc);
    assert.ok(names.includes('Hungary') && names.includes('Austria') && names.includes('Slovakia'));
    assert.ok(!names.includes('Spain') && !names.includes('Russia'), 'regional, not continental');
  });
});

describe('renderTimeline', () => {
  const items: TimelineItem[] = [
    { date: '2024-03-12', precision: 'day', label: 'Bridge reopened', weight: 1, href: '#event-4' },
    { date: '2024-03-04', precision: 'day', label: 'Bridge closed', weight: 3, kind: 'closure', href: '#event-1' },
    { date: '2024-03-04', precision: 'day', label: 'Households evacuated', weight: 2, kind: 'evacuation' },
    { date: '2024-03-07T18:00', precision: 'hour', label: 'River peaked', weight: 2, kind: 'closure' },
    { date: '2024-02', precision: 'month', label: 'Wettest February <on record>', weight: 1 },
  ];
  const svg = renderTimeline(items);
  const { document, root } = parse(svg);

  it('draws a dot per day-precise item and a bar over the month', () => {
    assert.equal(document.querySelectorAll('circle.item').length, 4);
    const bars = [...document.querySelectorAll('rect.item')];
    assert.equal(bars.length, 1);
    assert.equal(bars[0].getAttribute('data-start'), '2024-02-01');
    assert.equal(bars[0].getAttribute('data-precision'), 'month');
    const dot = (day: string) => [...document.querySelectorAll('circle.item')].filter((c) => c.getAttribute('data-start') === day);
    const [mar12] = dot('2024-03-12');
    const [mar7] = dot('2024-03-07');
    // 29 days of February against the 5 days from 7 to 12 March.
    const perDay = (num(mar12, 'cx') - num(mar7, 'cx')) / 5;
    assert.ok(Math.abs(num(bars[0], 'width') / perDay - 29) < 1, `month bar ${num(bars[0], 'width') / perDay} days wide`);
    assert.ok(num(bars[0], 'x') + num(bars[0], 'width') < num(dot('2024-03-04')[0], 'cx'));
  });

  it('stacks items on the same day', () => {
    const same = [...document.querySelectorAll('circle.item')].filter((c) => c.getAttribute('data-start') === '2024-03-04');
    assert.equal(same.length, 2);
    assert.equal(num(same[0], 'cx'), num(same[1], 'cx'));
    assert.notEqual(num(same[0], 'cy'), num(same[1], 'cy'));
  });

  it('puts ticks in order along the axis, covering the span', () => {
    const ticks = [...document.querySelectorAll('g.tick')];
    assert.ok(ticks.length >= 3, `${ticks.length} ticks`);
    const days = ticks.map((t) => t.getAttribute('data-day')!);
    const xs = ticks.map((t) => num(t.querySelector('line')!, 'x1'));
    assert.deepEqual(days, [...days].sort());
    assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    assert.ok(days[0] <= '2024-02-08' && days[days.length - 1] >= '2024-03-04', `ticks ${days}`);
    assert.ok(xs[xs.length - 1] <= viewWidth(root));
  });

  it('escapes labels, links, and leaves out what has no date', () => {
    assert.ok(!svg.includes('<on record>'));
    assert.ok([...document.querySelectorAll('title')].some((t) => t.textContent!.startsWith('Wettest February <on record>')));
    assert.equal(document.querySelector('a[href="#event-1"] circle')?.getAttribute('data-start'), '2024-03-04');
    const odd = renderTimeline([
      ...items,
      { date: 'PAST_REF', precision: 'ref', label: 'earlier', weight: 1 },
      { date: 'XXXX-08', precision: 'month', label: 'some August', weight: 1 },
      { date: '2024-02-30', precision: 'day', label: 'no such day', weight: 1 },
      { date: 'soon', precision: 'day', label: 'garbage', weight: Number.NaN },
    ]);
    assert.equal(odd, svg);
    assert.equal(renderTimeline([]), '');
    assert.equal(renderTimeline([{ date: 'PAST_REF', precision: 'ref', label: 'earlier', weight: 1 }]), '');
  });

  it('reads TIMEX3 values as the spans they name', () => {
    const span = (date: string, precision: string) => {
      const s = itemSpan(date, precision);
      return s && [new Date(s.start * 864e5).toISOString().slice(0, 10), new Date((s.end - 1) * 864e5).toISOString().slice(0, 10), s.gran];
    };
    assert.deepEqual(span('2024-02', 'month'), ['2024-02-01', '2024-02-29', 'month']);
    assert.deepEqual(span('2021-W01', 'week'), ['2021-01-04', '2021-01-10', 'week']);
    assert.deepEqual(span('2021-Q3', 'quarter'), ['2021-07-01', '2021-09-30', 'quarter']);
    assert.deepEqual(span('199X', 'decade'), ['1990-01-01', '1999-12-31', 'decade']);
    assert.deepEqual(span('2021-08-12', 'month'), ['2021-08-01', '2021-08-31', 'month']);
    assert.deepEqual(span('2021-08-12T09:15', 'minute'), ['2021-08-12', '2021-08-12', 'day']);
    assert.deepEqual(span('2019/2020-06', 'year'), ['2019-01-01', '2020-06-30', 'year']);
    assert.equal(span('2021-13', 'month'), undefined);
  });

  it('chooses coarser ticks for a longer span', () => {
    const years = renderTimeline([
      { date: '2015', precision: 'year', label: 'Treaty signed', weight: 1 },
      { date: '2023-05-02', precision: 'day', label: 'Vote', weight: 1 },
    ]);
    const days = [...parse(years).document.querySelectorAll('g.tick')].map((t) => t.getAttribute('data-day'));
    assert.ok(days.length >= 3 && days.every((d) => d!.endsWith('-01-01')), `year ticks ${days}`);
  });
});
