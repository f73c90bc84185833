import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTimes, newsChronoParser, resolveTime, type TimeMention } from '../src/extract/time.js';

// Sunday 15 August 2021.
const SUNDAY = '2021-08-15';

function times(text: string, published: string | null = SUNDAY): TimeMention[] {
  const ms = extractTimes({ text, published: published ?? undefined });
  for (const m of ms) assert.equal(text.slice(m.start, m.end), m.text, `offsets of ${JSON.stringify(m)}`);
  return ms;
}

/** The one mention whose text is `phrase`. */
function only(ms: TimeMention[], phrase: string): TimeMention {
  const hits = ms.filter((m) => m.text === phrase);
  assert.equal(hits.length, 1, `expected one mention "${phrase}", got ${JSON.stringify(ms.map((m) => m.text))}`);
  return hits[0]!;
}

test('a bare weekday in past-tense reporting is the latest one', () => {
  const ms = times('Taliban fighters entered the provincial capital on Thursday after a week of heavy fighting, officials said.');
  const m = only(ms, 'Thursday');
  assert.equal(m.value, '2021-08-12');
  assert.equal(m.type, 'DATE');
  assert.equal(m.precision, 'day');
  assert.equal(m.relative, true);
  assert.equal(m.anchor, SUNDAY);
  assert.equal(m.signal, 'on');
});

test('a weekday in the future tense is the coming one, even before a reporting clause', () => {
  const ms = times('The governor will hand over the city to the insurgents on Thursday, his spokesman said.');
  assert.equal(only(ms, 'Thursday').value, '2021-08-19');
  const next = times('Talks between the two delegations resume next Tuesday in Doha.');
  assert.equal(only(next, 'next Tuesday').value, '2021-08-17');
});

test('the publication day itself counts as the latest weekday', () => {
  const ms = times('The spokesman told reporters on Sunday that the road to the airport was open.');
  assert.equal(only(ms, 'Sunday').value, SUNDAY);
});

test('part of day after a weekday', () => {
  const m = only(times('The convoy was ambushed on Wednesday evening near the northern checkpoint.'), 'Wednesday evening');
  assert.equal(m.value, '2021-08-11TEV');
  assert.equal(m.type, 'TIME');
  assert.equal(m.precision, 'partofday');
});

test('clock times take their day from the sentence', () => {
  const m = only(times('The first explosion was heard at 2:30 p.m. on Thursday near the main gate.'), '2:30 p.m. on Thursday');
  assert.equal(m.value, '2021-08-12T14:30');
  assert.equal(m.precision, 'minute');
});

test('months without a year follow the tense, or the nearest one', () => {
  assert.equal(only(times('Fighting intensified in May, when the foreign troops began to leave.'), 'May').value, '2021-05');
  const future = only(times('Elections will be held in November under the new constitution.'), 'November');
  assert.equal(future.value, '2021-11');
  assert.equal(future.precision, 'month');
  assert.equal(only(times('The ministry signed the contract on Aug. 3.'), 'Aug. 3').value, '2021-08-03');
});

test('calendar units relative to the anchor', () => {
  const ms = times(
    'The army lost three districts last year. Two weeks ago the rebels reached the outskirts, and this week they took the airport. ' +
      'Earlier this year the president promised reinforcements; more talks are planned later this month.',
  );
  assert.equal(only(ms, 'last year').value, '2020');
  assert.equal(only(ms, 'last year').precision, 'year');
  assert.equal(only(ms, 'Two weeks ago').value, '2021-W30');
  assert.equal(only(ms, 'this week').value, '2021-W32');
  const earlier = only(ms, 'Earlier this year');
  assert.equal(earlier.value, '2021');
  assert.equal(earlier.mod, 'START');
  const later = only(ms, 'later this month');
  assert.equal(later.value, '2021-08');
  assert.equal(later.mod, 'END');
});

test('ranges keep both ends', () => {
  const m = only(times('The group ruled the country from 1996 to 2001 and returned to power this year.'), '1996 to 2001');
  assert.equal(m.value, '1996/2001');
  assert.deepEqual(m.range, { start: '1996', end: '2001' });
  assert.equal(m.signal, 'from');
  assert.deepEqual(
    m.endpoints?.map((e) => [e.text, e.value]),
    [
      ['1996', '1996'],
      ['2001', '2001'],
    ],
  );
});

test('durations, with the interval they cover when it is anchored', () => {
  const ms = times(
    'The foreign minister said a new government must be formed within 30 days. ' +
      'The siege lasted more than four hours. Over the past decade the province changed hands twice.',
  );
  const within = only(ms, '30 days');
  assert.equal(within.type, 'DURATION');
  assert.equal(within.value, 'P30D');
  assert.equal(within.signal, 'within');
  assert.deepEqual(within.range, { start: SUNDAY, end: '2021-09-14' });
  const hours = only(ms, 'more than four hours');
  assert.equal(hours.value, 'PT4H');
  assert.equal(hours.mod, 'MORE_THAN');
  const decade = only(ms, 'the past decade');
  assert.equal(decade.value, 'P10Y');
  assert.deepEqual(decade.range, { start: '2011-08-15', end: SUNDAY });
});

test('"since May" is the month, with the interval up to the anchor', () => {
  const m = only(times('The city has been under siege since May, aid agencies said.'), 'May');
  assert.equal(m.value, '2021-05');
  assert.equal(m.signal, 'since');
  assert.deepEqual(m.range, { start: '2021-05', end: SUNDAY });
});

test("possessive weekdays, decades and sets", () => {
  const ms = times("Friday's attack was the deadliest since the civil war in the 1990s. The militia now patrols the market daily.");
  const friday = only(ms, 'Friday');
  assert.equal(friday.value, '2021-08-13');
  const decade = only(ms, 'the 1990s');
  assert.equal(decade.value, '199X');
  assert.equal(decade.precision, 'decade');
  assert.equal(only(ms, 'now').value, 'PRESENT_REF');
  const daily = only(ms, 'daily');
  assert.equal(daily.type, 'SET');
  assert.equal(daily.value, 'P1D');
});

test('an undated document keeps absolute values and leaves the rest unresolved', () => {
  const ms = times('Rebels seized the airport on Thursday and held it for three days. In March 2019 they had failed.', null);
  const thursday = only(ms, 'Thursday');
  assert.equal(thursday.value, 'XXXX-WXX-4');
  assert.equal(thursday.anchor, undefined);
  assert.equal(thursday.relative, true);
  assert.equal(only(ms, 'three days').value, 'P3D');
  const march = only(ms, 'March 2019');
  assert.equal(march.value, '2019-03');
  assert.equal(march.relative, false);
  assert.equal(only(times('The offensive began last year.', null), 'last year').value, 'XXXX');
});

test('no time in modal "may", the verb "march", a newspaper, 9/11 or counts', () => {
  const text =
    'Officials warned that the militants may attack the capital, and protesters vowed to march on the palace. ' +
    'The Sunday Times reported that 1,200 fighters armed with AK-47 rifles had reached the city, ' +
    'in the worst violence since the 9/11 attacks, and that 2000 people had fled across the border.';
  assert.deepEqual(
    times(text).map((m) => m.text),
    [],
  );
});

test('years are told from counts', () => {
  const ms = times('The 2020 election was disputed; in 2019 about 1500 soldiers deserted.');
  assert.deepEqual(
    ms.map((m) => [m.text, m.value]),
    [
      ['2020', '2020'],
      ['2019', '2019'],
    ],
  );
});

test('a comparison counts back from the period under discussion', () => {
  const ms = times('Third-quarter profit rose to $5 million from $4 million a year earlier, the company said on Friday.', '2021-10-29');
  assert.equal(only(ms, 'Third-quarter').value, '2021-Q3');
  assert.equal(only(ms, 'a year earlier').value, '2020-Q3');
  assert.equal(only(ms, 'Friday').value, '2021-10-29');
});

test('anaphora: the following day counts from the last date mentioned', () => {
  const ms = times('The city fell on June 4. The following day the governor fled to the capital.');
  assert.equal(only(ms, 'June 4').value, '2021-06-04');
  assert.equal(only(ms, 'The following day').value, '2021-06-05');
});

test('resolveTime resolves one expression against an anchor', () => {
  assert.equal(resolveTime('last Thursday', SUNDAY)?.value, '2021-08-12');
  assert.equal(resolveTime('the second half of 2022', SUNDAY)?.value, '2022-H2');
  assert.equal(resolveTime('nothing to see here', SUNDAY), undefined);
});

test('the news chrono parser drops the parsers the grammar replaces', () => {
  const names = newsChronoParser().parsers.map((p) => p.constructor.name);
  assert.ok(names.includes('ENWeekdayParser'));
  assert.ok(!names.includes('ENRelativeDateFormatParser'));
  assert.ok(!names.includes('ENTimeUnitAgoFormatParser'));
});

test('seasons, quarters and halves', () => {
  const ms = times(
    'The offensive began last winter and stalled this summer. Aid deliveries fell in the second quarter of 2021, ' +
      'and donors expect a recovery in the first half of next year.',
  );
  assert.equal(only(ms, 'last winter').value, '2020-WI');
  assert.equal(only(ms, 'this summer').value, '2021-SU');
  assert.equal(only(ms, 'the second quarter of 2021').value, '2021-Q2');
  assert.equal(only(ms, 'the first half of next year').value, '2022-H1');
});

test('frequencies are sets; ages and "a second attack" are not times', () => {
  const ms = times('Patrols now run every Monday and twice a week at night. A 25-year-old man was arrested after a second attack.');
  assert.equal(only(ms, 'every Monday').value, 'XXXX-WXX-1');
  assert.equal(only(ms, 'every Monday').type, 'SET');
  assert.equal(only(ms, 'twice a week').value, 'P1W');
  assert.ok(!ms.some((m) => /25|second/.test(m.text)), JSON.stringify(ms.map((m) => m.text)));
});

test('"within 30 days of" something else is not anchored to the publication date', () => {
  const m = only(times('Under the deal, prisoners are to be freed within 30 days of the signing.'), '30 days');
  assert.equal(m.value, 'P30D');
  assert.equal(m.range, undefined);
});

test('quoted speech keeps its own tense', () => {
  const ms = times('"The convoy will leave at dawn on Friday," the commander said on Saturday.');
  assert.equal(only(ms, 'Friday').value, '2021-08-20');
  assert.equal(only(ms, 'Saturday').value, '2021-08-14');
});

test('words that are names of Object properties ("constructor") are read as words, not as table entries', () => {
  const read = (text: string) => extractTimes({ text, published: '2021-08-15' }).map((m) => [m.text, m.value]);
  assert.deepEqual(read('They meet every constructor week.'), []);
  assert.deepEqual(read('The first constructor quarter ended.'), []);
  assert.deepEqual(read('The tower went up in the constructor 1990s.'), [['1990s', '199X']]);
  assert.deepEqual(read('The constructor said work ends in May.'), [['May', '2021-05']]);
});
