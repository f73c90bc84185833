import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { demonymCountry, gazetteer, isPlaceName, lookup } from '../src/geo/gazetteer.js';
import { normalizeName } from '../src/geo/names.js';
import { distanceKm, resolveToponyms, type ToponymMention } from '../src/geo/resolve.js';

// First, so that it times the load itself. CPU time, since test files run side by side.
test('the gazetteer loads quickly and holds countries, subdivisions and towns', () => {
  const t0 = process.cpuUsage();
  const g = gazetteer();
  const { user, system } = process.cpuUsage(t0);
  const ms = (user + system) / 1000;
  assert.ok(ms < 500, `loaded in ${ms.toFixed(0)} ms of CPU time`);
  assert.ok(g.size > 140_000, `${g.size} places`);
});

/** The mentions of `names` in `sentence`, each with the sentence as context. */
function inSentence(sentence: string, ...names: string[]): ToponymMention[] {
  for (const n of names) assert.ok(sentence.includes(n), `"${n}" is not in the sentence`);
  return names.map((text) => ({ text, context: sentence }));
}

test('names are normalized so spellings and acronyms meet', () => {
  assert.equal(normalizeName("Côte d’Ivoire"), normalizeName("Cote d'Ivoire"));
  assert.equal(normalizeName('St. Louis'), 'saint louis');
  assert.equal(normalizeName('Port-au-Prince'), 'port au prince');
  assert.equal(normalizeName('U.S.'), '=US');
  assert.equal(normalizeName('US'), '=US');
  assert.equal(normalizeName('us'), 'us');
  assert.equal(normalizeName('Republic of Congo'), normalizeName('Republic of the Congo'));
});

test('lookup, isPlaceName and demonyms', () => {
  const herat = lookup('Herat').map((p) => p.level);
  assert.ok(herat.includes('city') && herat.includes('admin1'), herat.join());
  assert.equal(lookup('U.S.')[0].id, 'country:US');
  assert.equal(lookup('UN').length, 0, 'an acronym does not fall back to a town "Un"');
  assert.equal(isPlaceName('Kandahar'), true);
  assert.equal(isPlaceName('Qwertyville'), false);
  assert.equal(isPlaceName('Afghan'), false, 'a demonym is not a place name');
  assert.equal(demonymCountry('Afghans')?.id, 'country:AF');
  assert.equal(demonymCountry('Kandahar'), null);
  const kandahar = lookup('Kandahar').find((p) => p.level === 'city')!;
  assert.equal(kandahar.geonameid, 1138336);
  assert.equal(kandahar.countryName, 'Afghanistan');
  assert.equal(kandahar.admin1Name, 'Kandahar Province');
});

test('a country sits at the centre of its main landmass, on its own soil', () => {
  const topo = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-10m.json'), 'utf8'));
  const shapes = (feature(topo, topo.objects.countries) as unknown as { features: Feature<Polygon | MultiPolygon, { name: string }>[] }).features;
  const shape = (name: string) => shapes.find((f) => f.properties.name === name)!;
  const country = (name: string) => lookup(name).find((p) => p.level === 'country')!;
  // The geographic centre of the contiguous United States is near Lebanon, Kansas; Alaska and Hawaii must not pull it away.
  const us = country('United States');
  assert.ok(distanceKm(us.lat, us.lon, 39.83, -98.58) < 50, `${us.lat},${us.lon}`);
  // The Philippines' islands count together: the point is not the middle of Luzon, its largest island.
  const ph = shape('Philippines').geometry as MultiPolygon;
  const luzon = ph.coordinates.map((coordinates): Polygon => ({ type: 'Polygon', coordinates })).sort((a, b) => geoArea(b) - geoArea(a))[0];
  const [lon, lat] = geoCentroid(luzon);
  const philippines = country('Philippines');
  assert.ok(distanceKm(philippines.lat, philippines.lon, lat, lon) > 200, `${philippines.lat},${philippines.lon} against Luzon's ${lat},${lon}`);
  // Crescent-shaped countries whose centre would fall on a neighbour keep a point of their own.
  for (const name of ['Croatia', 'Vietnam', 'Chile', 'Norway']) {
    const c = country(name);
    assert.ok(geoContains(shape(name), [c.lon, c.lat]), `${name}'s point ${c.lat},${c.lon} lies in ${name}`);
  }
});

test('bare Herat is the city; "Herat province" the province', () => {
  const mentions = [
    ...inSentence('Gunmen attacked a police checkpoint on the outskirts of Herat on Tuesday, officials said.', 'Herat'),
    ...inSentence('Fighting has since spread to three districts of Herat province.', 'Herat'),
  ];
  const [city, province] = resolveToponyms(mentions);
  assert.equal(city?.level, 'city');
  assert.equal(city?.country, 'AF');
  assert.equal(province?.level, 'admin1');
  assert.equal(province?.id, 'admin1:AF.11');
  assert.equal(province?.geonameid, 1140025);
  assert.ok(distanceKm(city!.lat, city!.lon, 34.35, 62.2) < 10, 'Herat city is where it is');
  assert.equal(resolveToponyms([{ text: 'Herat Province' }])[0]?.level, 'admin1');
});

test('Kandahar with its country in the same sentence', () => {
  const s = 'A car bomb exploded near the governor\'s office in Kandahar, the largest city in southern Afghanistan.';
  const [kandahar, afghanistan] = resolveToponyms(inSentence(s, 'Kandahar', 'Afghanistan'));
  assert.equal(kandahar?.id, 'geonames:1138336');
  assert.equal(kandahar?.level, 'city');
  assert.equal(afghanistan?.id, 'country:AF');
  assert.ok(kandahar!.score > 0.5 && kandahar!.candidates >= 2);
});

test('Paris is in France unless Texas is written beside it', () => {
  const [france] = resolveToponyms(inSentence('Ministers from twelve countries met in Paris on Monday to discuss the outbreak.', 'Paris'));
  assert.equal(france?.country, 'FR');
  const [texas] = resolveToponyms(inSentence('The mayor of Paris, Texas, said the town\'s water supply was safe to drink.', 'Paris'));
  assert.equal(texas?.country, 'US');
  assert.equal(texas?.admin1, 'TX');
  const [written] = resolveToponyms([{ text: 'Paris, Texas' }]);
  assert.equal(written?.admin1, 'TX');
  // A qualifier written once settles the later bare uses of the name.
  const later = resolveToponyms([
    ...inSentence('Health officials in Portland, Maine, confirmed two cases on Friday.', 'Portland'),
    ...inSentence('Portland has since closed its public pools.', 'Portland'),
  ]);
  assert.deepEqual(
    later.map((p) => `${p?.country}.${p?.admin1}`),
    ['US.ME', 'US.ME'],
  );
});

test('Georgia is the country beside Tbilisi and the state beside Atlanta', () => {
  const caucasus = resolveToponyms(
    inSentence('Protesters gathered in Tbilisi as Georgia accused Russia of massing troops near the border.', 'Tbilisi', 'Georgia', 'Russia'),
  );
  assert.equal(caucasus[1]?.id, 'country:GE');
  const south = resolveToponyms([
    ...inSentence('Flights out of Atlanta were cancelled as the storm crossed Georgia.', 'Atlanta', 'Georgia'),
    ...inSentence('Power lines were down as far east as Savannah.', 'Savannah'),
  ]);
  assert.equal(south[1]?.id, 'admin1:US.GA');
  assert.equal(south[1]?.admin1Name, 'Georgia');
  assert.equal(south[2]?.admin1, 'GA');
  const [state] = resolveToponyms(inSentence('Storms knocked out power across the state of Georgia overnight.', 'Georgia'));
  assert.equal(state?.level, 'admin1');
});

test('a demonym resolves to its country; an unknown name to null', () => {
  const out = resolveToponyms([
    ...inSentence('Afghan officials said the convoy left Kabul at dawn.', 'Afghan', 'Kabul'),
    ...inSentence('The convoy was bound for Qwertyville, a village not on any map.', 'Qwertyville'),
  ]);
  assert.equal(out[0]?.id, 'country:AF');
  assert.equal(out[1]?.country, 'AF');
  assert.equal(out[2], null);
  assert.deepEqual(resolveToponyms([]), []);
});

test('the document\'s country decides between namesakes', () => {
  const [alone] = resolveToponyms([{ text: 'Victoria' }], { focusCountry: 'CA' });
  assert.equal(alone?.country, 'CA', 'a Canadian source\'s Victoria');
  const out = resolveToponyms(
    inSentence('Bushfires near Melbourne forced the evacuation of four towns in Victoria.', 'Melbourne', 'Victoria'),
  );
  assert.equal(out[1]?.id, 'admin1:AU.07');
  const us = resolveToponyms([
    ...inSentence('Nurses in Los Angeles and San Diego reported a rise in cases.', 'Los Angeles', 'San Diego'),
    ...inSentence('In Santa Ana, the county opened a second clinic.', 'Santa Ana'),
  ]);
  assert.equal(us[2]?.admin1, 'CA');
  assert.equal(us[2]?.country, 'US');
});

test('a county or valley unknown to the gazetteer falls back to its town only near the story\'s places', () => {
  const texas = resolveToponyms([
    ...inSentence('Health officials in Dallas County reported four new cases.', 'Dallas County'),
    ...inSentence('The state of Texas has asked for federal help.', 'Texas'),
  ]);
  assert.equal(texas[0]?.level, 'city');
  assert.equal(texas[0]?.admin1, 'TX');
  assert.equal(resolveToponyms([{ text: 'Scott County' }])[0], null, 'no county of that name and nothing near a town "Scott"');
  const valley = resolveToponyms([{ text: 'Salinas Valley' }, { text: 'Monterey' }, { text: 'California' }]);
  assert.equal(valley[0]?.admin1, 'CA');
});

test('continents, regions and abbreviations', () => {
  const out = resolveToponyms([{ text: 'the Middle East' }, { text: 'U.S.' }, { text: 'UK' }, { text: 'Africa' }, { text: 'Darfur' }]);
  assert.deepEqual(
    out.map((p) => p?.id),
    ['region:middle-east', 'country:US', 'country:GB', 'geonames:6255146', 'region:sd-darfur'],
  );
  assert.equal(out[4]?.countryName, 'Sudan');
});

test('a hundred mentions resolve in well under a second', () => {
  const names = ['London', 'Manchester', 'Leeds', 'Glasgow', 'Cardiff', 'Belfast', 'Bristol', 'Liverpool', 'Springfield', 'Newport'];
  const mentions = Array.from({ length: 100 }, (_, i) => ({ text: names[i % names.length], context: `Cases rose in ${names[i % names.length]} this week.` }));
  const t0 = performance.now();
  const out = resolveToponyms(mentions);
  const ms = performance.now() - t0;
  assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
  assert.equal(out[0]?.country, 'GB');
  assert.equal(out[9]?.country, 'GB', 'Newport among British cities is the Welsh one');
});

test('Arab towns are found without the article news often drops', () => {
  for (const [name, country] of [
    ['Hodeidah', 'YE'],
    ['Raqqa', 'SY'],
    ['Fasher', 'SD'],
  ] as const) {
    const [p] = resolveToponyms([{ text: name }]);
    assert.equal(p?.country, country, name);
  }
  // Only where the article is Arabic: El Paso is not "Paso".
  assert.equal(resolveToponyms([{ text: 'Paso' }])[0], null);
});
