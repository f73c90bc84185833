import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities, singularize, type QuantityMention } from '../src/extract/quantities.js';
import { tokenize } from '../src/text/nlp.js';
import { parseNumber } from '../src/extract/numbers.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';

/** All mentions in `text`, after checking offsets, order and overlap. */
function q(text: string, withTokens = false): QuantityMention[] {
  const sentences = segmentSentences(text, splitParagraphs(text));
  const ms = extractQuantities({ text, sentences }, withTokens ? tokenize(text) : undefined);
  let prev = 0;
  for (const m of ms) {
    assert.equal(text.slice(m.start, m.end), m.text, 'offsets');
    assert.ok(m.start >= prev, `overlap or disorder at ${m.text}`);
    prev = m.end;
  }
  return ms;
}

/** The one mention whose text is exactly `span`. */
function one(text: string, span: string, withTokens = false): QuantityMention {
  const ms = q(text, withTokens);
  const m = ms.find((x) => x.text === span);
  assert.ok(m, `no mention "${span}" in ${JSON.stringify(ms.map((x) => x.text))}`);
  return m;
}

function texts(text: string): string[] {
  return q(text).map((m) => m.text);
}

test('counts with hedges and the counted noun', () => {
  const s = 'Around 3,000 people fled the provincial capital overnight, and at least 12 civilians were killed when mortar rounds hit the market.';
  assert.deepEqual(texts(s), ['Around 3,000 people', 'at least 12 civilians']);
  const a = one(s, 'Around 3,000 people');
  assert.equal(a.value, 3000);
  assert.equal(a.kind, 'count');
  assert.equal(a.counts, 'people');
  assert.equal(a.approx, 'about');
  const b = one(s, 'at least 12 civilians');
  assert.deepEqual([b.value, b.counts, b.approx], [12, 'civilian', 'at least']);
});

test('hedges are canonical', () => {
  const s = 'Officials said more than 200 soldiers surrendered, nearly 1,000 refugees crossed the border, up to 5,000 families lost their homes and some 40 trucks were seized.';
  const ms = q(s);
  assert.deepEqual(
    ms.map((m) => [m.value, m.counts, m.approx]),
    [
      [200, 'soldier', 'more than'],
      [1000, 'refugee', 'nearly'],
      [5000, 'family', 'up to'],
      [40, 'truck', 'about'],
    ],
  );
  assert.equal(one('The militia now has over 600 fighters in the valley.', 'over 600 fighters').approx, 'more than');
  assert.equal(one('Almost 90 schools remain closed.', 'Almost 90 schools').approx, 'nearly');
  assert.equal(one('Fewer than 50 doctors are left in the city.', 'Fewer than 50 doctors').approx, 'less than');
  assert.equal(one('The blast wounded 30 people or more, police said.', '30 people or more').approx, 'at least');
});

test('part of a total: "11 of the 34 provincial capitals"', () => {
  const m = one('The insurgents have taken 11 of the 34 provincial capitals in less than a week.', '11 of the 34 provincial capitals');
  assert.equal(m.value, 11);
  assert.equal(m.total, 34);
  assert.equal(m.counts, 'provincial capital');
  const o = one('Three out of four voters backed the measure.', 'Three out of four voters');
  assert.deepEqual([o.value, o.total, o.counts], [3, 4, 'voter']);
});

test('ranges', () => {
  const a = one('Between 100 and 150 houses were flattened by the landslide.', 'Between 100 and 150 houses');
  assert.deepEqual([a.value, a.low, a.high, a.approx, a.counts], [100, 100, 150, 'range', 'house']);
  const b = one('Rescuers pulled 20-25 survivors from the rubble.', '20-25 survivors');
  assert.deepEqual([b.low, b.high], [20, 25]);
  const c = one('Two or three boats capsized near the coast.', 'Two or three boats');
  assert.deepEqual([c.low, c.high, c.counts], [2, 3, 'boat']);
  const d = one('Prices are expected to rise 10 to 15 percent this winter.', '10 to 15 percent');
  assert.deepEqual([d.kind, d.low, d.high, d.unit], ['percent', 10, 15, 'percent']);
  const e = one('Aid agencies need between $1 and $2 billion to feed the region.', 'between $1 and $2 billion');
  assert.deepEqual([e.kind, e.low, e.high, e.unit], ['money', 1e9, 2e9, 'USD']);
  // A change is two figures, not a range.
  assert.deepEqual(texts('Inflation rose from 5 percent to 9 percent in a year.'), ['5 percent', '9 percent']);
});

test('plural quantifiers are vague, with a low and a high end', () => {
  const s = 'Tens of thousands of people marched through the capital while dozens of fighters held the bridge and hundreds more waited.';
  const a = one(s, 'Tens of thousands of people');
  assert.deepEqual([a.value, a.low, a.high, a.approx, a.counts], [20000, 20000, 99999, 'vague', 'people']);
  const b = one(s, 'dozens of fighters');
  assert.deepEqual([b.low, b.counts, b.approx], [24, 'fighter', 'vague']);
  assert.equal(one(s, 'hundreds').low, 200);
  const c = one('Hundreds of thousands of Syrians have returned.', 'Hundreds of thousands of Syrians');
  assert.deepEqual([c.low, c.high, c.counts], [200000, 999999, 'Syrian']);
  const d = one('The cleanup will cost billions of dollars.', 'billions of dollars');
  assert.deepEqual([d.kind, d.unit, d.low], ['money', 'USD', 2e9]);
  assert.deepEqual(one('Several hundred protesters gathered outside.', 'Several hundred protesters').low, 300);
  assert.deepEqual(one('A few thousand troops remain.', 'A few thousand troops').low, 2000);
});

test('fractions and percentages', () => {
  const a = one('Two-thirds of the nation lacks electricity after the storm.', 'Two-thirds of the nation');
  assert.equal(a.kind, 'fraction');
  assert.ok(Math.abs(a.value - 2 / 3) < 1e-9);
  assert.equal(a.counts, 'nation');
  assert.equal(a.normalized?.unit, 'ratio');
  assert.equal(one('Half of the residents have left.', 'Half of the residents').value, 0.5);
  assert.equal(one('A third of the budget goes to defence.', 'A third of the budget').counts, 'budget');
  assert.equal(one('More than half voted against the deal.', 'More than half').approx, 'more than');
  const r = one('One in five Americans owns a gun, the survey found.', 'One in five Americans');
  assert.deepEqual([r.kind, r.value, r.counts], ['fraction', 0.2, 'American']);
  const p = one('Turnout reached 50 percent of registered voters.', '50 percent of registered voters');
  assert.deepEqual([p.kind, p.value, p.unit, p.normalized, p.counts], ['percent', 50, 'percent', { value: 0.5, unit: 'ratio' }, 'registered voter']);
  assert.deepEqual(one('The currency lost 12.5% against the dollar.', '12.5%').normalized, { value: 0.125, unit: 'ratio' });
  assert.equal(one('Support fell 3 percentage points.', '3 percentage points').unit, 'percentage point');
  // Ordinals and idioms are not fractions.
  assert.deepEqual(texts('He is seeking a third term after the first half of the season.'), []);
});

test('money: symbols, codes, words, scales', () => {
  const m = one('The World Bank approved $1.5 billion in emergency aid.', '$1.5 billion');
  assert.deepEqual([m.kind, m.value, m.unit, m.normalized], ['money', 1.5e9, 'USD', { value: 1.5e9, unit: 'USD' }]);
  assert.deepEqual(pick('The club was sold for £1.2m last year.', '£1.2m'), ['money', 1.2e6, 'GBP']);
  assert.deepEqual(pick('Brussels pledged €50m for reconstruction.', '€50m'), ['money', 5e7, 'EUR']);
  assert.deepEqual(pick('Teachers are paid 10,000 afghanis a month.', '10,000 afghanis a month'), ['money', 10000, 'AFN']);
  assert.deepEqual(pick('The deal is worth US$2 billion.', 'US$2 billion'), ['money', 2e9, 'USD']);
  assert.deepEqual(pick('Canberra offered A$300 million.', 'A$300 million'), ['money', 3e8, 'AUD']);
  assert.deepEqual(pick('The ministry set aside Rs 500 crore for relief.', 'Rs 500 crore'), ['money', 5e9, 'INR']);
  assert.deepEqual(pick('Investors lost 5 million dollars.', '5 million dollars'), ['money', 5e6, 'USD']);
  assert.deepEqual(pick('The fund holds 3bn euros.', '3bn euros'), ['money', 3e9, 'EUR']);
  assert.deepEqual(pick('The ransom was EUR 2 million.', 'EUR 2 million'), ['money', 2e6, 'EUR']);
  const rate = one('Brent crude traded at $80 a barrel on Monday.', '$80 a barrel');
  assert.deepEqual([rate.per, rate.normalized], ['barrel', { value: 80, unit: 'USD/barrel' }]);
});

function pick(text: string, span: string): [string, number, string | undefined] {
  const m = one(text, span);
  return [m.kind, m.value, m.unit];
}

test('"m" is million with money or a counted plural, metres otherwise', () => {
  assert.deepEqual(pick('Floods have displaced 1.2m people in the delta.', '1.2m people'), ['count', 1.2e6, undefined]);
  assert.equal(one('Floods have displaced 1.2m people in the delta.', '1.2m people').counts, 'people');
  const h = one('The climbers reached the 8,000m mark before turning back.', '8,000m');
  assert.deepEqual([h.kind, h.value, h.unit, h.normalized], ['measure', 8000, 'm', { value: 8000, unit: 'm' }]);
});

test('measures and conversions', () => {
  const m = one('The storm surge pushed 95 miles (150 kilometres) inland.', '95 miles (150 kilometres)');
  assert.equal(m.kind, 'measure');
  assert.equal(m.unit, 'mile');
  assert.equal(m.normalized?.unit, 'm');
  assert.ok(Math.abs((m.normalized?.value ?? 0) - 152887.68) < 0.01);
  assert.deepEqual(m.alt, { value: 150, unit: 'km', normalized: { value: 150000, unit: 'm' } });
  const q1 = one('A 7.2-magnitude earthquake struck off the coast.', '7.2-magnitude earthquake');
  assert.deepEqual([q1.value, q1.unit, q1.modifies], [7.2, 'magnitude', 'earthquake']);
  assert.equal(one('The quake, of magnitude 6.1, shook the capital.', 'magnitude 6.1').unit, 'magnitude');
  assert.deepEqual(one('Temperatures reached 40C in the shade.', '40C').normalized, { value: 40, unit: '°C' });
  assert.deepEqual(one('It was 104°F in Phoenix.', '104°F').normalized, { value: 40, unit: '°C' });
  const t = one('Overnight it fell to minus 10C (14F).', 'minus 10C (14F)');
  assert.equal(t.value, -10);
  assert.equal(t.alt?.unit, '°F');
  const oil = one('The country pumps 2 million barrels a day.', '2 million barrels a day');
  assert.deepEqual([oil.value, oil.unit, oil.per, oil.normalized], [2e6, 'barrel', 'day', { value: 2e6, unit: 'barrel/day' }]);
  const w = one('Gusts of 120 km/h tore roofs off.', '120 km/h');
  assert.ok(Math.abs((w.normalized?.value ?? 0) - 33.3333) < 0.001);
  assert.equal(w.normalized?.unit, 'm/s');
  assert.equal(one('Winds reached 75 miles per hour.', '75 miles per hour').unit, 'mph');
  assert.deepEqual(one('The fire burned 2,000 square kilometres of forest.', '2,000 square kilometres').normalized, { value: 2e9, unit: 'm²' });
  assert.deepEqual(one('Customs seized 5,000 tonnes of wheat.', '5,000 tonnes').normalized, { value: 5e6, unit: 'kg' });
  assert.equal(one('Police found 100 pounds of explosives.', '100 pounds').unit, 'lb');
  assert.equal(one('The rain dropped 200mm in a day.', '200mm').normalized?.value, 0.2);
  assert.equal(one('Engineers evacuated 300 acres around the dam.', '300 acres').unit, 'acre');
});

test('durations, duration adjectives and ages', () => {
  const d = one('The siege of the city lasted three days.', 'three days');
  assert.deepEqual([d.kind, d.value, d.unit, d.normalized], ['duration', 3, 'day', { value: 259200, unit: 's' }]);
  const w = one('The withdrawal ended a 20-year war.', '20-year war');
  assert.deepEqual([w.kind, w.value, w.unit, w.modifies], ['duration', 20, 'year', 'war']);
  assert.equal(one('Both sides agreed to a two-week ceasefire.', 'two-week ceasefire').modifies, 'ceasefire');
  const a = one('A 35-year-old man was arrested at the scene.', '35-year-old man');
  assert.deepEqual([a.kind, a.value, a.unit, a.modifies], ['age', 35, 'year', 'man']);
  const s = one('Maria Lopez, 45, said the water came in minutes.', '45');
  assert.deepEqual([s.kind, s.value], ['age', 45]);
  const r = one('Men aged 18 to 60 may not leave the country.', 'aged 18 to 60');
  assert.deepEqual([r.kind, r.low, r.high], ['age', 18, 60]);
  assert.equal(one('The talks went on for half an hour.', 'half an hour').normalized?.value, 1800);
  assert.equal(one('The army needs four more years to rebuild.', 'four more years').kind, 'duration');
});

test('adjectival counts: "the 600,000-strong army", "a 40-page report"', () => {
  const a = one('The 600,000-strong army melted away within weeks.', '600,000-strong army');
  assert.deepEqual([a.kind, a.value, a.modifies], ['count', 600000, 'army']);
  const r = one('The agency published a 40-page report on Tuesday.', '40-page report');
  assert.deepEqual([r.counts, r.modifies], ['page', 'report']);
  assert.equal(one('A 12-member council will run the city.', '12-member council').counts, 'member');
});

test('number words, dozens and halves', () => {
  assert.equal(one('Twenty-five children were rescued from the school.', 'Twenty-five children').value, 25);
  assert.equal(one('Half a million people lack clean water.', 'Half a million people').value, 500000);
  assert.equal(one('Police stopped a dozen trucks at the border.', 'a dozen trucks').value, 12);
  assert.equal(one('One hundred and twenty prisoners escaped.', 'One hundred and twenty prisoners').value, 120);
  assert.equal(one('One soldier was killed in the ambush.', 'One soldier').counts, 'soldier');
});

test('not quantities: years, dates, times, ordinals, phones, names', () => {
  const negatives = [
    'The Taliban returned to power in 2021.',
    'Kabul fell on August 15, and the airlift began on 16 August.',
    'The convoy left at 10:30 a.m. and arrived at 3 p.m.',
    'The meeting starts at 9am on Aug. 17.',
    'It was the second wave of attacks and the 19th day of the siege.',
    'For details call 555-1234 or (202) 555-0100.',
    'The guard carried an AK-47 and wore a COVID-19 mask.',
    'The attacks of 9/11 changed the region.',
    'Resolution 2254 and Article 5 were cited, and Flight 370 was never found.',
    'The city upgraded its 4G network and its Boeing 737 fleet.',
    'The 1990s were calmer, and the 2016 elections were disputed.',
    'One of the most senior commanders resigned.',
    'One day the war will end, and no one will remember.',
    'The shelling resumed three days ago.',
    'The Group of Seven met in Air Force One.',
    'Workers can save through a 401(k) plan.',
  ];
  for (const s of negatives) assert.deepEqual(texts(s), [], s);
  // A sentence-opening list marker is not a count.
  assert.deepEqual(texts('Key points:\n1. The dam held.\n2. Roads are closed.'), []);
});

test('a year is a quantity only with a unit, a currency, or a hedge and a noun', () => {
  assert.deepEqual(texts('The road climbs to 2000 metres.'), ['2000 metres']);
  assert.deepEqual(texts('The fine was $2000.'), ['$2000']);
  assert.deepEqual(texts('More than 2000 people were evacuated.'), ['More than 2000 people']);
});

test('shared wink tokens give the same figures and stop the noun phrase at verbs', () => {
  const s = 'At least 12 civilians were killed and 11 of the 34 provincial capitals fell as two-thirds of the nation lacks power.';
  const plain = q(s).map((m) => [m.text, m.value, m.counts]);
  const shared = q(s, true).map((m) => [m.text, m.value, m.counts]);
  assert.deepEqual(shared, plain);
  assert.equal(one('Half of the population lives in poverty.', 'Half of the population', true).counts, 'population');
});

test('parseNumber reads number words and numerals', () => {
  assert.equal(parseNumber('twenty-five'), 25);
  assert.equal(parseNumber('1.2 million'), 1.2e6);
  assert.equal(parseNumber('3,000'), 3000);
  assert.equal(parseNumber('a dozen'), 12);
  assert.ok(Math.abs((parseNumber('two-thirds') ?? 0) - 2 / 3) < 1e-12);
  assert.equal(parseNumber('two thirds'), 2 / 3);
  assert.equal(parseNumber('half a million'), 500000);
  assert.equal(parseNumber('one hundred and twenty'), 120);
  assert.equal(parseNumber('one and a half million'), 1.5e6);
  assert.equal(parseNumber('1.5bn'), 1.5e9);
  assert.equal(parseNumber('two million three hundred thousand'), 2.3e6);
  assert.equal(parseNumber('a third'), 1 / 3);
  assert.equal(parseNumber('hundreds'), undefined);
  assert.equal(parseNumber('two three'), undefined);
  assert.equal(parseNumber('constructor'), undefined);
  assert.equal(parseNumber('the'), undefined);
});

test('singularize', () => {
  assert.deepEqual(
    ['civilians', 'casualties', 'children', 'people', 'lives', 'buses', 'churches', 'heroes', 'Afghans', 'series'].map(singularize),
    ['civilian', 'casualty', 'child', 'people', 'life', 'bus', 'church', 'hero', 'afghan', 'series'],
  );
});

test('a paragraph of news keeps every figure once', () => {
  const text =
    'KANDAHAR — Government forces withdrew from two more districts on Sunday, leaving about 1,500 families without protection, ' +
    'a spokesman for the governor said. The fighting has killed at least 27 people since Thursday, including 9 children, ' +
    'and damaged nearly 400 homes.\n\nThe United Nations said it needed $36 million to help the estimated 80,000 displaced. ' +
    'Its convoy of 14 trucks was stopped 30 kilometres (19 miles) from the city.';
  assert.deepEqual(texts(text), [
    'two more districts',
    'about 1,500 families',
    'at least 27 people',
    '9 children',
    'nearly 400 homes',
    '$36 million',
    'estimated 80,000',
    '14 trucks',
    '30 kilometres (19 miles)',
  ]);
});
