// Claims end to end on a story the rules were not written for: floods in
// north-east Bangladesh, told by four outlets over three days (fiction
// written for this test). The text goes through the whole pipeline —
// extraction, events, linking, claims — as any input would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/output/build.js';
import type { SitrepJson } from '../src/output/sitrep-json.js';

const ARTICLES: Record<string, string> = {
  // A wire service on day one: a running toll, and an evacuation figure.
  'wire-day1.txt': ` date 2025-07-07
Floods kill eight in northeast Bangladesh as Surma river overflows

SYLHET, Bangladesh, July 7 (Newswire) - At least eight people have died since the Surma river burst its banks on Saturday, district officials said on Monday, as water covered roads and rice fields across Sylhet division.

Authorities evacuated 4,000 residents from low-lying neighbourhoods of Sylhet city on Monday, deputy commissioner Farhana Akter told reporters.

The Bangladesh Water Development Board said the river was flowing 90 centimetres above the danger level at the Kanaighat gauge.

Schools in the district were turned into shelters, and the army was deployed to help with rescue work.`,

  // A national daily on day one: another evacuation figure, the mayor arrested.
  'daily-day1.txt': ` date 2025-07-07
Sylhet mayor arrested over relief funds as flood waters rise

Around 1,200 people were evacuated from low-lying neighbourhoods of Sylhet on Monday, according to the district relief office, which opened 40 shelters in schools and mosques.

Police arrested Sylhet mayor Anwar Kabir on Monday on charges of diverting money meant for flood embankments, a police spokesman said. He was taken to the central jail in the afternoon.

Residents of the Shahjalal Uposhahar area said the water entered their homes before dawn. "We carried the children on our shoulders," said a rickshaw puller who lives near the river.

The Meteorological Department forecast heavy rain for at least three more days.`,

  // A local news site on day one: the mayor missing.
  'local-day1.txt': ` date 2025-07-07
Family of Sylhet mayor says they cannot reach him

Sylhet mayor Anwar Kabir has been missing since Monday morning, his brother told the Sylhet Voice, adding that the family had searched hospitals and shelters across the city.

"His phone is switched off. Nobody from the police or the city corporation will tell us anything," the brother said.

Flood water stood waist deep in parts of Zindabazar and Amberkhana on Monday afternoon, and boats ferried families to higher ground.`,

  // The wire again on day two: the toll has risen; a landslide's own toll.
  'wire-day2.txt': ` date 2025-07-08
Bangladesh flood toll rises to 15; landslide buries houses in Sylhet

SYLHET, Bangladesh, July 8 (Newswire) - At least 15 people have been killed since the floods began on Saturday, the disaster management ministry said on Tuesday.

A landslide killed five people in the hilly Jaintiapur area on Tuesday morning after a night of heavy rain, a fire service official said.

The ministry said more than 200,000 people were stranded by the water in Sylhet and Sunamganj districts.`,

  // The daily on day three: the toll again, higher.
  'daily-day3.txt': ` date 2025-07-09
Flood deaths reach 23 as rains ease in Sylhet

At least 23 people have died since the floods began on Saturday, the disaster management ministry said on Wednesday, as the Surma river started to fall at several gauges in Sylhet.

Relief workers distributed rice, lentils and water purification tablets in Companiganj, where many families had spent three nights on the roofs of their homes.`,
};

let json: SitrepJson;
let dir: string;
const fileOf = new Map<string, string>();
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-claims-'));
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
  json = (await analyze([dir])).json;
  for (const d of json.documents) fileOf.set(d.id, (d.path ?? '').split('/').pop()!);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const files = (docs: string[]) => docs.map((d) => fileOf.get(d)).sort();

test('a death toll rising day by day is evolution, not a contradiction', () => {
  const toll = json.claims.find((c) => c.slot === 'count:killed' && c.values.some((v) => v.value === 8));
  assert.ok(toll, JSON.stringify(json.claims.map((c) => c.statement)));
  assert.equal(toll.evolution, true);
  assert.notEqual(toll.status, 'contested');
  assert.deepEqual(
    toll.values.map((v) => v.value),
    [8, 15, 23],
    'the running total, oldest first',
  );
  for (const c of json.claims.filter((x) => x.status === 'contested')) {
    assert.ok(!c.values.some((v) => v.value === 8) || !c.values.some((v) => v.value === 23), `${c.statement} is not contested`);
  }
});

test('two outlets giving different evacuation figures for the same day contest each other, each side cited', () => {
  const evac = json.claims.find((c) => c.slot === 'count:displaced' && c.values.some((v) => v.value === 4000));
  assert.ok(evac, JSON.stringify(json.claims.map((c) => c.statement)));
  assert.equal(evac.status, 'contested');
  const byValue = new Map(evac.values.map((v) => [v.value, v]));
  assert.deepEqual(files(byValue.get(4000)!.documents), ['wire-day1.txt']);
  assert.deepEqual(files(byValue.get(1200)!.documents), ['daily-day1.txt']);
  for (const v of evac.values) for (const m of v.mentions) assert.match(m.text, /evacuated/);
});

test('a mayor reported arrested by one outlet and missing by another the same day is contested', () => {
  const mayor = json.claims.find((c) => c.slot === 'status' && c.statement.startsWith('Anwar Kabir'));
  assert.ok(mayor, JSON.stringify(json.claims.map((c) => c.statement)));
  assert.equal(mayor.status, 'contested');
  const byValue = new Map(mayor.values.map((v) => [v.value, v]));
  assert.deepEqual(files(byValue.get('detained')!.documents), ['daily-day1.txt']);
  assert.deepEqual(files(byValue.get('missing')!.documents), ['local-day1.txt']);
});

test('an outlet’s own different numbers about different things are not a disagreement', () => {
  // The landslide's five dead and the running total of 15 are told in one report: two subjects.
  const landslide = json.claims.find((c) => c.slot === 'count:killed' && c.values.some((v) => v.value === 5));
  assert.ok(landslide, JSON.stringify(json.claims.map((c) => c.statement)));
  assert.equal(landslide.values.length, 1);
  assert.notEqual(landslide.status, 'contested');
  // Nothing else in the story is in dispute: the shelters, the stranded, the gauge.
  const contested = json.claims.filter((c) => c.status === 'contested').map((c) => c.slot).sort();
  assert.deepEqual(contested, ['count:displaced', 'status']);
});
