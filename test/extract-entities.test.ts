import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractEntities, linkEntities, type EntityMention } from '../src/extract/entities.js';
import { tokenize } from '../src/text/nlp.js';

const HERAT = [
  'Taliban Seize Herat as Governor Surrenders',
  '',
  'HERAT, Afghanistan (AFP) — Taliban fighters took control of the western city of Herat on Thursday after the ' +
    'provincial governor handed over his compound, a spokesman for the Islamic Emirate of Afghanistan said. The veteran ' +
    'warlord Ismail Khan, who had led the defence of the city, was detained. Meanwhile, President Ashraf Ghani called an ' +
    'emergency meeting in Kabul. Officials at the Ministry of Interior told Agence France-Presse (AFP) that Khan had ' +
    "been taken to a guarded house. Ghani's government has lost most of the west. Thousands of Afghan families fled " +
    'toward the Iranian border, residents said.',
].join('\n');

function find(ms: EntityMention[], text: string): EntityMention[] {
  return ms.filter((m) => m.text === text);
}

function only(ms: EntityMention[], text: string): EntityMention {
  const found = find(ms, text);
  assert.ok(found.length >= 1, `no mention "${text}" in ${ms.map((m) => m.text).join(', ')}`);
  return found[0];
}

test('tokens carry offsets into the text, across line breaks and curly quotes', () => {
  const text = 'Kabul\n\n“We left,” said Ms. Rahimi’s son.  Done';
  const tokens = tokenize(text);
  assert.ok(tokens.length > 8);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(!tokens.some((t) => t.text.trim() === ''), 'whitespace tokens are dropped');
});

test('a news story: places, people, organizations, groups, typed', () => {
  const ms = extractEntities({ text: HERAT });
  for (const m of ms) assert.equal(HERAT.slice(m.start, m.end), m.text);
  assert.equal(only(ms, 'Herat').type, 'place');
  assert.equal(only(ms, 'Afghanistan').type, 'place');
  assert.equal(only(ms, 'Kabul').type, 'place');
  assert.equal(only(ms, 'Taliban').type, 'organization');
  assert.equal(only(ms, 'Ministry of Interior').type, 'organization');
  assert.equal(only(ms, 'Ismail Khan').type, 'person');
  assert.equal(only(ms, 'Afghan').type, 'group');
  assert.equal(only(ms, 'Iranian').type, 'group');
});

test('the dateline names a place in capitals', () => {
  const ms = extractEntities({ text: HERAT });
  const dateline = ms.find((m) => m.text === 'HERAT');
  assert.ok(dateline);
  assert.equal(dateline.type, 'place');
  assert.equal(dateline.name, 'Herat');
  assert.equal(dateline.key, only(ms, 'Herat').key);
});

test('capitalized words that open a sentence or fill a title-case headline are not names', () => {
  const ms = extractEntities({ text: HERAT });
  for (const w of ['Meanwhile', 'Officials', 'Seize', 'Governor', 'Surrenders', 'Thousands', 'The', 'Governor Surrenders'])
    assert.equal(find(ms, w).length, 0, `"${w}" is no entity`);
  // The headline still names the group and the city.
  const headline = ms.filter((m) => m.end <= HERAT.indexOf('\n'));
  assert.deepEqual(
    headline.map((m) => [m.text, m.type]),
    [
      ['Taliban', 'organization'],
      ['Herat', 'place'],
    ],
  );
});

test('a surname later in the text is the same person; the title is kept apart', () => {
  const ms = extractEntities({ text: HERAT });
  const full = only(ms, 'Ismail Khan');
  const short = only(ms, 'Khan');
  assert.equal(short.key, full.key);
  assert.equal(short.name, 'Ismail Khan');
  assert.equal(short.type, 'person');
  assert.equal(full.title, 'warlord');

  const ghani = only(ms, 'Ashraf Ghani');
  assert.equal(ghani.title, 'President');
  assert.equal(ghani.name, 'Ashraf Ghani');
  // "Ghani's government": the possessive is no part of the name.
  const possessive = only(ms, 'Ghani');
  assert.equal(HERAT.slice(possessive.end, possessive.end + 2), "'s");
  assert.equal(possessive.key, ghani.key);
});

test('an acronym in parentheses and a self-designation join their entity', () => {
  const ms = extractEntities({ text: HERAT });
  const afp = find(ms, 'AFP');
  const long = only(ms, 'Agence France-Presse');
  assert.equal(afp.length, 2); // in the dateline and in parentheses
  for (const m of afp) {
    assert.equal(m.key, long.key);
    assert.equal(m.name, 'Agence France-Presse');
    assert.equal(m.type, 'organization');
  }
  const emirate = only(ms, 'Islamic Emirate of Afghanistan');
  assert.equal(emirate.key, only(ms, 'Taliban').key);
  assert.equal(emirate.name, 'Taliban');
});

test('an acronym a document spells out itself joins its expansion', () => {
  const text = 'The Afghan Independent Human Rights Commission (AIHRC) counted 40 dead. The AIHRC asked for an inquiry.';
  const ms = extractEntities({ text });
  const long = only(ms, 'Afghan Independent Human Rights Commission');
  assert.equal(long.type, 'organization');
  for (const m of find(ms, 'AIHRC')) assert.equal(m.key, long.key);
});

test('titles split a run of capitals: who holds them and what they lead', () => {
  const text = 'Balkh Governor Mohammad Daud Muzammil met Taliban spokesman Zabihullah Mujahid and Foreign Minister Amir Khan Muttaqi.';
  const ms = extractEntities({ text });
  assert.equal(only(ms, 'Balkh').type, 'place');
  const gov = only(ms, 'Mohammad Daud Muzammil');
  assert.equal(gov.type, 'person');
  assert.equal(gov.title, 'Governor');
  const spokesman = only(ms, 'Zabihullah Mujahid');
  assert.equal(spokesman.type, 'person');
  assert.equal(spokesman.title, 'spokesman');
  const minister = only(ms, 'Amir Khan Muttaqi');
  assert.equal(minister.title, 'Foreign Minister');
  assert.equal(find(ms, 'Foreign Minister Amir Khan Muttaqi').length, 0);
});

test('names with particles and hyphens stay whole; suffixes and prefixes fall off', () => {
  const text =
    'Fighters loyal to Abu Bakr al-Baghdadi crossed from Mazar-i-Sharif, a Kabul-based analyst said, and anti-Taliban militias regrouped.';
  const ms = extractEntities({ text });
  assert.equal(only(ms, 'Abu Bakr al-Baghdadi').type, 'person');
  assert.equal(only(ms, 'Mazar-i-Sharif').type, 'place');
  const kabul = only(ms, 'Kabul');
  assert.equal(kabul.type, 'place');
  assert.equal(only(ms, 'Taliban').type, 'organization');
});

test('two people with one surname: a bare surname goes with the nearest before it', () => {
  const text =
    'Ismail Khan spoke in Herat on Monday. In Islamabad, former prime minister Imran Khan said the talks had failed. Khan added that he would not travel.';
  const ms = extractEntities({ text });
  const imran = only(ms, 'Imran Khan');
  const ismail = only(ms, 'Ismail Khan');
  assert.notEqual(imran.key, ismail.key);
  assert.equal(only(ms, 'Khan').key, imran.key);
});

test('organizations, companies and a sentence of many names', () => {
  const text =
    'Reuters reported that Kam Air and Ariana Afghan Airlines suspended flights. He met Apple CEO Tim Cook in Washington. The World Food Programme (WFP) said 1.2 million people needed aid.';
  const ms = extractEntities({ text });
  assert.equal(only(ms, 'Reuters').type, 'organization');
  assert.equal(only(ms, 'Ariana Afghan Airlines').type, 'organization');
  assert.equal(only(ms, 'Apple').type, 'organization');
  const cook = only(ms, 'Tim Cook');
  assert.equal(cook.type, 'person');
  assert.equal(cook.title, 'CEO');
  assert.equal(only(ms, 'Washington').type, 'place');
  assert.equal(only(ms, 'WFP').key, only(ms, 'World Food Programme').key);
});

/** Entities linked over documents given as id -> text. */
function linkTexts(texts: Record<string, string>) {
  return linkEntities(Object.entries(texts).map(([doc, text]) => ({ doc, mentions: extractEntities({ text }) })));
}

test('linking across documents: same names, aliases, fuller names', () => {
  const a = 'Agence France-Presse (AFP) said Ismail Khan surrendered in Herat. Khan was flown to Kabul.';
  const b = 'Ismail Khan, the former governor of Herat, is in Taliban custody, AFP reported. Britain urged restraint.';
  const c = 'Mohammad Ismail Khan met elders in Herat. The United Kingdom sent envoys.';
  const linked = linkEntities([
    { doc: 'a', mentions: extractEntities({ text: a }) },
    { doc: 'b', mentions: extractEntities({ text: b }) },
    { doc: 'c', mentions: extractEntities({ text: c }) },
  ]);
  const byName = (n: string) => linked.find((e) => e.name === n || e.aliases.includes(n));
  const khan = byName('Ismail Khan');
  assert.ok(khan);
  assert.deepEqual(khan.documents, ['a', 'b', 'c']);
  assert.equal(khan.type, 'person');
  assert.ok(khan.mentions.some((m) => m.doc === 'a' && m.text === 'Khan'));
  const afp = byName('Agence France-Presse');
  assert.ok(afp);
  assert.deepEqual(afp.documents, ['a', 'b']);
  const uk = byName('United Kingdom');
  assert.ok(uk);
  assert.deepEqual(uk.documents, ['b', 'c']);
  const herat = byName('Herat');
  assert.ok(herat);
  assert.equal(herat.mentions.length, 3);
  // Ids depend on the entity, not on the order of the documents.
  const again = linkEntities([
    { doc: 'c', mentions: extractEntities({ text: c }) },
    { doc: 'a', mentions: extractEntities({ text: a }) },
    { doc: 'b', mentions: extractEntities({ text: b }) },
  ]);
  assert.equal(again.find((e) => e.name === 'Herat')?.id, herat.id);
  assert.equal(again.find((e) => e.name === khan.name)?.id, khan.id);
});

test('linking does not join two people on a shared surname', () => {
  const docs = [
    { doc: 'a', mentions: extractEntities({ text: 'Ismail Khan surrendered in Herat.' }) },
    { doc: 'b', mentions: extractEntities({ text: 'Imran Khan addressed a rally in Lahore.' }) },
    { doc: 'c', mentions: extractEntities({ text: 'The city has fallen, said Khan, who had commanded its defence.' }) },
  ];
  const linked = linkEntities(docs);
  const khans = linked.filter((e) => e.type === 'person' && /Khan/.test(e.name));
  assert.equal(khans.length, 3);
  for (const e of khans) assert.equal(e.documents.length, 1);
  assert.equal(new Set(khans.map((e) => e.id)).size, 3);
});

test('a lone surname is the person who dominates the collection under it; not when two share it evenly', () => {
  const texts: Record<string, string> = {
    a: 'President Donald Trump arrived in Riyadh on Saturday for talks with King Salman.',
    b: 'Donald Trump signed an arms deal with Saudi Arabia worth $110 billion, officials said.',
    c: 'In a speech to Muslim leaders, Donald Trump called for unity against extremism.',
    d: 'Donald Trump will travel to Israel on Monday, the White House said.',
    e: 'President Trump arrived in Riyadh on Saturday. Trump and first lady Melania Trump visited a girls school.',
    f: 'President Trump met King Salman on Saturday. After two days of meetings in Riyadh, Trump will travel to Israel.',
    g: 'Imran Khan addressed a rally in Lahore.',
    h: 'Sadiq Khan opened a bridge in London.',
    i: 'The talks have failed, said Khan, who had led the party for a decade.',
  };
  const linked = linkTexts(texts);
  const trump = linked.find((e) => e.name === 'Donald Trump')!;
  assert.equal(trump.type, 'person');
  assert.ok(trump.documents.includes('f'), `a lone "Trump" joins Donald Trump: ${trump.documents}`);
  const melania = linked.find((e) => e.name === 'Melania Trump')!;
  assert.deepEqual(melania.mentions.map((m) => m.text), ['Melania Trump'], '"President Trump", named first with his own title, is not Melania');
  assert.ok(trump.documents.includes('e'));
  const clause = extractEntities({ text: 'After two days of meetings in Riyadh, Trump said he would travel to Israel.' });
  assert.notEqual(only(clause, 'Trump').type, 'place', '"in Riyadh, Trump said" is not "Riyadh, Trump" the place');
  const khans = linked.filter((e) => /Khan/.test(e.name));
  assert.equal(khans.find((e) => e.documents.includes('i'))?.documents.length, 1, 'a lone "Khan" stays with its document');
});

test('a lone name that is also a town is the person named in full before it', () => {
  const text =
    'North Korean leader Kim Jong Un met the envoy in Hanoi on Wednesday. Kim said the talks were useful.\n\n' +
    'Former adviser Jack Bolton criticised the deal. Bolton said it gave too much away.';
  const ms = extractEntities({ text });
  const kim = ms.filter((m) => m.text === 'Kim');
  assert.equal(kim.length, 1);
  assert.equal(kim[0].type, 'person');
  assert.equal(kim[0].name, 'Kim Jong Un');
  const bolton = ms.filter((m) => m.text === 'Bolton');
  assert.ok(bolton.length >= 1);
  assert.equal(bolton[0].type, 'person', 'the adviser');
  assert.equal(bolton[0].name, 'Jack Bolton');
  // Without the full name first, the town stays a town.
  const town = extractEntities({ text: 'The delegation flew on to Bolton, a town in northern England, on Friday.' });
  assert.equal(town.find((m) => m.text === 'Bolton')?.type, 'place');
});

test('a given name opening a sentence starts a person\'s name, though it is a word too', () => {
  for (const [text, name] of [
    ['Mike Pompeo met the foreign minister in Doha on Tuesday.', 'Mike Pompeo'],
    ['John Bolton, the former adviser, disagreed.', 'John Bolton'],
  ]) {
    const m = extractEntities({ text }).find((x) => x.text === name);
    assert.ok(m, `${name} in ${text}`);
    assert.equal(m.type, 'person');
  }
  // Not every capitalized pair after one: a question opening with "Will".
  assert.ok(!extractEntities({ text: 'Will Congress act before the deadline?' }).some((m) => m.type === 'person'));
});

test('linking joins one person spelled differently by different outlets, not two people one letter apart', () => {
  const texts: Record<string, string> = {
    a: 'A U.S. drone strike killed Gen. Qassem Soleimani near Baghdad airport, officials said. Aid worker Lucía Ferrer remained in custody.',
    b: 'Qasem Soleimani, the commander of the Quds Force, was killed in Baghdad. Lucia Ferrer was among the hostages.',
    c: 'Muammar Gaddafi ruled Libya for four decades, Senator Mark Kelly said.',
    d: 'Muammar Qaddafi was killed in Sirte in 2011, Mary Kelly wrote. John Roberts and John Robertson disagreed.',
  };
  const linked = linkTexts(texts);
  const docsOf = (n: string) => linked.find((e) => e.name === n || e.aliases.includes(n))?.documents;
  assert.deepEqual(docsOf('Qasem Soleimani'), ['a', 'b']);
  assert.deepEqual(docsOf('Qassem Soleimani'), ['a', 'b']);
  assert.deepEqual(docsOf('Lucia Ferrer'), ['a', 'b']);
  assert.deepEqual(docsOf('Muammar Gaddafi'), ['c', 'd']);
  // Four-letter first names one letter apart are two people; so are names two letters apart.
  assert.deepEqual(docsOf('Mark Kelly'), ['c']);
  assert.deepEqual(docsOf('Mary Kelly'), ['d']);
  const roberts = linked.find((e) => e.name === 'John Roberts');
  assert.ok(roberts && !roberts.aliases.includes('John Robertson'));
});
