import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes, quoteKey, type QuoteMention } from '../src/extract/quotes.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';

function quotes(text: string): QuoteMention[] {
  const paragraphs = splitParagraphs(text);
  const sentences = segmentSentences(text, paragraphs);
  const found = extractQuotes({ text, sentences, paragraphs });
  // Every span cites the text exactly.
  for (const m of found) {
    assert.equal(text.slice(m.start, m.end), m.text);
    for (const s of [m.cue, m.speaker, m.speaker?.resolved, ...(m.parts ?? [])]) if (s) assert.equal(text.slice(s.start, s.end), s.text);
  }
  return found;
}

function find(found: QuoteMention[], content: string): QuoteMention {
  const m = found.find((q) => q.text.includes(content));
  assert.ok(m, `no mention containing "${content}" in ${JSON.stringify(found.map((q) => q.text))}`);
  return m;
}

test('a spokesman quoted with curly quotes and an inverted "said X" with apposition', () => {
  const found = quotes('Taliban fighters entered Herat on Sunday.\n\n“We have taken full control of the city and the people are safe,” said Zabihullah Mujahid, a Taliban spokesman.');
  const m = find(found, 'We have taken full control');
  assert.equal(m.kind, 'direct');
  assert.equal(m.text, 'We have taken full control of the city and the people are safe');
  assert.equal(m.cue?.text, 'said');
  assert.equal(m.cue?.lemma, 'say');
  assert.equal(m.speaker?.text, 'Zabihullah Mujahid');
  assert.equal(m.speaker?.kind, 'named');
  assert.equal(m.speaker?.description, 'a Taliban spokesman');
});

test('straight quotes with "X said" after the quote: an anonymous description', () => {
  const m = find(quotes('"The governor has surrendered and left the compound," the provincial police chief said on Monday.'), 'The governor has surrendered');
  assert.equal(m.kind, 'direct');
  assert.equal(m.speaker?.text, 'the provincial police chief');
  assert.equal(m.speaker?.kind, 'anonymous');
});

test('a quote reopened at each paragraph is one mention with its pieces', () => {
  const text =
    'Mujahid said in a statement posted on Twitter:\n\n' +
    '“Our fighters will protect the people of Herat and their property.\n\n' +
    '“No one will be harmed, and government employees should return to work.”\n\n' +
    'The statement did not mention the governor.';
  const found = quotes(text);
  const m = find(found, 'Our fighters will protect');
  assert.equal(m.kind, 'direct');
  assert.equal(m.parts?.length, 2);
  assert.equal(m.parts?.[0].text, 'Our fighters will protect the people of Herat and their property.');
  assert.equal(m.parts?.[1].text, 'No one will be harmed, and government employees should return to work.');
  assert.equal(m.speaker?.text, 'Mujahid');
  // The second paragraph is part of the same quote, not a quote of its own.
  assert.equal(found.filter((q) => q.kind === 'direct').length, 1);
});

test('"told AFP" after and before the quote', () => {
  const found = quotes(
    '“There was no fighting, the soldiers just left their posts,” a resident told AFP by telephone.\n\nGovernor Ahmad Karimi told AFP: “I left the city to spare civilians.”',
  );
  const after = find(found, 'There was no fighting');
  assert.equal(after.speaker?.text, 'a resident');
  assert.equal(after.speaker?.kind, 'anonymous');
  assert.equal(after.cue?.lemma, 'tell');
  const before = find(found, 'I left the city');
  assert.equal(before.text, 'I left the city to spare civilians.');
  assert.equal(before.speaker?.text, 'Ahmad Karimi');
  assert.equal(before.speaker?.description, 'Governor');
});

test('"according to" before and after the content', () => {
  const found = quotes('About 300 soldiers surrendered without a fight, according to a senior security source in Herat. According to local officials, the airport remains closed to civilian flights.');
  const a = find(found, 'soldiers surrendered');
  assert.equal(a.kind, 'indirect');
  assert.equal(a.text, 'About 300 soldiers surrendered without a fight');
  assert.equal(a.speaker?.text, 'a senior security source in Herat');
  assert.equal(a.speaker?.kind, 'anonymous');
  assert.equal(a.cue?.lemma, 'according to');
  const b = find(found, 'airport remains closed');
  assert.equal(b.text, 'the airport remains closed to civilian flights');
  assert.equal(b.speaker?.text, 'local officials');
});

test('an anonymous official who asked not to be named keeps the description', () => {
  const m = find(quotes('A senior security official, who asked not to be named, said the governor had fled to Kabul overnight.'), 'governor had fled');
  assert.equal(m.kind, 'indirect');
  assert.equal(m.text, 'the governor had fled to Kabul overnight');
  assert.equal(m.speaker?.kind, 'anonymous');
  assert.equal(m.speaker?.text, 'A senior security official');
  assert.match(m.speaker?.description ?? '', /who asked not to be named/);
});

test('a pronoun speaker in the next sentence resolves to the last named speaker', () => {
  const found = quotes('Governor Ahmad Karimi said the city was calm after the night of shelling. “We are negotiating with the tribal elders,” he said.');
  const m = find(found, 'negotiating with the tribal elders');
  assert.equal(m.speaker?.kind, 'pronoun');
  assert.equal(m.speaker?.text, 'he');
  assert.equal(m.speaker?.resolved?.text, 'Ahmad Karimi');
});

test('"he" follows the latest person even when that person is unnamed', () => {
  const found = quotes('Mujahid said the fighters had orders not to loot. A senior security official said the army had withdrawn. “There was no resistance,” he told AFP.');
  assert.equal(find(found, 'There was no resistance').speaker?.resolved?.text, 'A senior security official');
});

test('indirect speech: "X said that …" and "…, officials said"', () => {
  const found = quotes('The Interior Ministry said that the highway to Kandahar had been cut by the insurgents. The provincial capital fell on Sunday after weeks of fighting, officials said.');
  const a = find(found, 'highway to Kandahar');
  assert.equal(a.kind, 'indirect');
  assert.equal(a.text, 'the highway to Kandahar had been cut by the insurgents');
  assert.equal(a.speaker?.text, 'Interior Ministry');
  assert.equal(a.speaker?.kind, 'named');
  const b = find(found, 'provincial capital fell');
  assert.equal(b.text, 'The provincial capital fell on Sunday after weeks of fighting');
  assert.equal(b.speaker?.text, 'officials');
  assert.equal(b.speaker?.kind, 'anonymous');
});

test('a parenthetical attribution splits the content into parts', () => {
  const m = find(quotes('The city, officials said, had fallen without a fight.'), 'The city');
  assert.deepEqual(m.parts?.map((p) => p.text), ['The city', 'had fallen without a fight']);
  assert.equal(m.speaker?.text, 'officials');
});

test('scare quotes and titles are not quotations', () => {
  const found = quotes('The group has restored its so-called "emirate" in the province, which it calls the “Islamic Emirate of Afghanistan” in its statements.');
  assert.equal(found.filter((q) => q.kind === 'direct').length, 0);
  assert.ok(!found.some((q) => q.text === 'emirate'));
});

test('apostrophes in "Taliban\'s" and "\'90s" do not break single quotes', () => {
  const found = quotes("The Taliban's rule in the '90s was harsh, and the group's 'emirate' is feared. ‘We will not go back to those days,’ the mayor said.");
  const m = find(found, 'We will not go back');
  assert.equal(m.text, 'We will not go back to those days');
  assert.equal(m.speaker?.text, 'the mayor');
  assert.ok(!found.some((q) => q.text.includes('emirate') && q.kind === 'direct'));
});

test('a quote interrupted by its attribution, and a following quote paragraph, keep the speaker', () => {
  const text =
    '“We will not surrender the city,” the commander said. “Our men are ready to fight.”\n\n' +
    '“Reinforcements are on their way from Kabul.”\n\n' +
    'The Taliban said they controlled the main roads.';
  const found = quotes(text);
  const first = find(found, 'We will not surrender');
  const second = find(found, 'Our men are ready');
  const third = find(found, 'Reinforcements are on their way');
  assert.equal(first.speaker?.text, 'the commander');
  assert.equal(second.speaker?.text, 'the commander');
  assert.equal(second.cue?.start, first.cue?.start);
  assert.equal(second.carried, undefined);
  assert.equal(third.speaker?.text, 'the commander');
  assert.equal(third.carried, true);
});

test('a quote standing alone with no attribution anywhere has no speaker', () => {
  const found = quotes('Shops were shuttered across the old city.\n\n“Nobody knows what tomorrow will bring for us.”');
  const m = find(found, 'Nobody knows');
  assert.equal(m.kind, 'direct');
  assert.equal(m.speaker, undefined);
});

test('the definite "the spokesman" resolves to the named spokesman', () => {
  const found = quotes('Zabihullah Mujahid, a Taliban spokesman, said the fighters had entered the city. The spokesman added that civilians would not be harmed.');
  const m = find(found, 'civilians would not be harmed');
  assert.equal(m.speaker?.text, 'The spokesman');
  assert.equal(m.speaker?.kind, 'anonymous');
  assert.equal(m.speaker?.resolved?.text, 'Zabihullah Mujahid');
});

test('nouns that look like cues are not attributions', () => {
  const found = quotes("The claims made by the group could not be verified. The United States has closed its embassy. Breitbart's reporting was disputed by the ministry.");
  assert.equal(found.length, 0);
});

test('a programme title in quotes is not a quotation; a quote attributed twice is reported once', () => {
  const found = quotes(
    'The governor told CNN\'s “State of the Union” that the airport would reopen within days.\n\n' +
      'Reuters reported that Interior Minister Mohammad Nazari said: "We will retake every district we lost," he said.',
  );
  assert.ok(!found.some((q) => q.text === 'State of the Union'));
  assert.equal(find(found, 'airport would reopen').speaker?.text, 'The governor');
  // Nazari's words once, with his name; Reuters' report of them is a separate, outer attribution.
  const byNazari = found.filter((q) => q.speaker?.text === 'Mohammad Nazari' || q.speaker?.resolved?.text === 'Mohammad Nazari');
  assert.equal(byNazari.length, 1);
  assert.equal(byNazari[0].kind, 'direct');
  assert.equal(byNazari[0].text, 'We will retake every district we lost');
  assert.equal(byNazari[0].speaker?.description, 'Interior Minister');
  assert.equal(find(found, 'Mohammad Nazari said').speaker?.text, 'Reuters');
});

test('quoteKey makes lightly edited copies equal', () => {
  assert.equal(quoteKey('We will not leave the city, ever.'), quoteKey('we will not leave the city — ever'));
  assert.equal(quoteKey('[The Taliban] won’t harm anyone'), quoteKey("The Taliban won't harm anyone."));
  assert.notEqual(quoteKey('We will leave the city'), quoteKey('We will not leave the city'));
});

test("archive copy's two-apostrophe quotes (''...'') are quotes, cited with the text as written", () => {
  const text = "''We will not leave the city,'' the mayor, Ana Ruiz, said on Friday. Residents were calm.";
  const sentences = segmentSentences(text, splitParagraphs(text));
  const qs = extractQuotes({ text, sentences });
  const q = qs.find((m) => m.kind === 'direct');
  assert.ok(q, 'found the quote');
  assert.equal(q.text, text.slice(q.start, q.end));
  assert.match(q.text, /^We will not leave the city/);
  assert.equal(q.speaker?.text, 'Ana Ruiz');
  for (const m of qs) for (const x of [m, m.cue, m.speaker].filter(Boolean)) assert.equal(x!.text, text.slice(x!.start, x!.end));
  // A possessive or an abbreviation with one apostrophe is untouched.
  assert.equal(extractQuotes({ text: "The city's mayor spoke in the '90s.", sentences: [{ start: 0, end: 35 }] }).length, 0);
});
