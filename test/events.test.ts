import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractAll } from '../src/extract/index.js';
import { extractEvents, linkEvents, type EventMention, type LinkInput } from '../src/events/index.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';

function events(text: string, published = '2021-08-13'): EventMention[] {
  const paragraphs = splitParagraphs(text);
  const sentences = segmentSentences(text, paragraphs);
  const doc = { text, sentences, paragraphs, published };
  const found = extractEvents(doc, extractAll(doc));
  // Every span cites the text exactly.
  for (const e of found) {
    for (const s of [e.trigger, e.actor, e.target, e.place, e.time, e.quantity, e.attributedTo]) if (s) assert.equal(text.slice(s.start, s.end), s.text);
  }
  return found;
}

function one(found: EventMention[], type: string): EventMention {
  const m = found.filter((e) => e.type === type);
  assert.equal(m.length, 1, `one ${type} event expected in ${JSON.stringify(found.map((e) => [e.type, e.trigger.text]))}`);
  return m[0]!;
}

test('a city falling to an armed group: the city is the target, the group the actor', () => {
  const e = one(events('Kalemie fell to M23 rebels on Tuesday after a week of heavy clashes, residents said.'), 'capture');
  assert.equal(e.trigger.text, 'fell');
  assert.equal(e.cameo, '19');
  assert.equal(e.cameoCode, '192');
  assert.equal(e.target?.text, 'Kalemie');
  assert.equal(e.placeName, 'Kalemie');
  assert.equal(e.actor?.text, 'M23 rebels');
  assert.equal(e.timeValue, '2021-08-10');
  assert.equal(e.attributedTo?.text, 'residents');
  assert.equal(e.modality, 'asserted');
  assert.equal(e.negated, false);
});

test('passive capture: the "by" phrase is the actor, the subject the target', () => {
  const e = one(events('The provincial capital of Zaranj was captured by Taliban fighters on Friday.'), 'capture');
  assert.equal(e.trigger.text, 'captured');
  assert.equal(e.actorEntity, 'taliban');
  assert.match(e.target!.text, /Zaranj/);
  assert.equal(e.placeName, 'Zaranj');
  // Published on a Friday: "on Friday" is that day.
  assert.equal(e.timeValue, '2021-08-13');
});

test('"fell without a fight" is a capture, and the fight that did not happen is no attack', () => {
  const found = events('Mazar-i-Sharif fell without a fight late on Saturday, two officials said.');
  const e = one(found, 'capture');
  assert.equal(e.placeName, 'Mazar-i-Sharif');
  assert.equal(found.filter((x) => x.type === 'attack').length, 0);
});

test('a threatened attack is not reported as a fact', () => {
  const e = one(events('The militia threatened to attack the airport if its demands were not met by Sunday.'), 'attack');
  assert.equal(e.modality, 'threatened');
  assert.equal(e.actor?.text, 'The militia');
  assert.equal(e.target?.text, 'the airport');
});

test('a denial: the army denies its aircraft bombed the market', () => {
  const e = one(events('The army denied that its aircraft had bombed the market in Saada.'), 'attack');
  assert.equal(e.modality, 'denied');
  assert.equal(e.cameoCode, '195');
  assert.equal(e.placeName, 'Saada');
});

test('an airstrike killing 12 civilians: count, place and day', () => {
  const found = events('An airstrike killed 12 civilians in the town of Kafr Nabl on Monday, a monitoring group said.');
  const kill = one(found, 'kill');
  assert.equal(kill.quantityValue, 12);
  assert.equal(kill.target?.text, '12 civilians');
  assert.match(kill.placeName ?? '', /Kafr Nabl/);
  assert.equal(kill.timeValue, '2021-08-09');
  assert.equal(kill.attributedTo?.text, 'a monitoring group');
  const strike = one(found, 'attack');
  assert.equal(strike.trigger.text, 'airstrike');
  assert.equal(strike.cameoCode, '195');
});

test('a vague count keeps its range: "hundreds of thousands" is 200,000 to 999,999; "between 40 and 50" 40 to 50', () => {
  const war = one(events('The civil war has killed hundreds of thousands of people since 2011, according to monitors.'), 'kill');
  assert.equal(war.quantityValue, 200_000);
  assert.equal(war.quantityHigh, 999_999);
  const raid = one(events('Between 40 and 50 fighters were killed in the raid on Sunday.'), 'kill');
  assert.equal(raid.quantityValue, 40);
  assert.equal(raid.quantityHigh, 50);
  const plain = one(events('An airstrike killed 12 civilians in the town on Monday.'), 'kill');
  assert.equal(plain.quantityHigh, undefined, 'an exact count has no range');
});

test('a release of prisoners, counted', () => {
  const e = one(events('The rebels freed 35 prisoners on Wednesday under an exchange deal with the government.'), 'release');
  assert.equal(e.cameoCode, '0841');
  assert.equal(e.actor?.text, 'The rebels');
  assert.equal(e.target?.text, '35 prisoners');
  assert.equal(e.quantityValue, 35);
});

test('an appointment has no CAMEO code, and names both people', () => {
  const e = one(events('President Salva Kiir appointed Martin Elia Lomuro as cabinet affairs minister on Thursday.'), 'appoint');
  assert.equal(e.cameo, undefined);
  assert.match(e.actorName ?? '', /Salva Kiir/);
  assert.match(e.targetName ?? '', /Martin Elia Lomuro/);
});

test('negation and hedging are flags, not facts', () => {
  const held = one(events('Government troops in the town did not surrender.'), 'surrender');
  assert.equal(held.negated, true);
  const nobody = one(events('No one was killed in the blast near the checkpoint.'), 'kill');
  assert.equal(nobody.negated, true);
  const seized = one(events('Insurgents reportedly seized the border crossing at Spin Boldak.'), 'capture');
  assert.equal(seized.hedged, true);
  const claimed = one(events('The Taliban claimed they had captured the district headquarters.'), 'capture');
  assert.equal(claimed.hedged, true);
});

test('plans, demands, failures and conditions', () => {
  assert.equal(one(events('The United States will withdraw its troops from Afghanistan by September.'), 'withdraw').modality, 'planned');
  assert.equal(one(events('The United Nations called for an immediate ceasefire in Tigray.'), 'ceasefire').modality, 'demanded');
  const failed = one(events('The army failed to retake the town after three days of shelling.'), 'capture');
  assert.equal(failed.negated, true);
  assert.equal(failed.modality, 'attempted');
  assert.equal(one(events('Officials fear that the rebels could overrun the garrison within days.'), 'capture').modality, 'possible');
  assert.equal(one(events('If the rebels attack the port, aid deliveries will stop.'), 'attack').modality, 'possible');
});

test('nominalizations and idioms of control', () => {
  const fall = one(events('The fall of Kalemie to the rebels stunned the government.'), 'capture');
  assert.equal(fall.target?.text, 'Kalemie');
  assert.equal(fall.actor?.text, 'the rebels');
  const capture = one(events('The capture of Herat by the Taliban was confirmed on Friday.'), 'capture');
  assert.equal(capture.target?.text, 'Herat');
  assert.equal(capture.actorEntity, 'taliban');
  const control = one(events('Kandahar came under the control of the Taliban overnight.'), 'capture');
  assert.equal(control.targetName, 'Kandahar');
  assert.equal(control.actorEntity, 'taliban');
  const hands = one(events('Ghazni is now in the hands of the insurgents.'), 'capture');
  assert.equal(hands.target?.text, 'Ghazni');
  assert.equal(hands.actor?.text, 'the insurgents');
  const took = one(events('Militants took control of the airport in the early hours.'), 'capture');
  assert.equal(took.target?.text, 'the airport');
});

test('a carrying verb lends its subject: "launched an attack", "signed a ceasefire"', () => {
  const attack = one(events('Houthi forces launched an attack on the port of Hodeidah.'), 'attack');
  assert.equal(attack.trigger.text, 'attack');
  assert.match(attack.actor?.text ?? '', /Houthi forces/);
  assert.match(attack.target?.text ?? '', /Hodeidah/);
  const truce = one(events('The government and the rebels signed a ceasefire agreement in Doha.'), 'ceasefire');
  assert.equal(truce.actor?.text, 'The government and the rebels');
  assert.equal(truce.placeName, 'Doha');
});

test('business and market senses are not conflict events', () => {
  assert.deepEqual(events('Shares fell 5% in Tokyo as the yen rallied against the dollar.'), []);
  assert.deepEqual(events('Apple released a new iPhone on Tuesday.'), []);
  assert.deepEqual(events('The company took control of the market for mobile chips.'), []);
  assert.deepEqual(events('Workers on a general strike marched through the capital.').map((e) => e.type), ['protest', 'protest']);
});

// ---------------------------------------------------------------------------
// Linking across documents

function report(doc: string, text: string, published: string): LinkInput[] {
  return events(text, published).map((event) => ({ doc, published, event }));
}

test('people held are a state, not an event: captivity, "still being held", "in the hands of", a reduced relative', () => {
  const captivity = one(events('Six crew members remain in captivity: five sailors and the ship’s cook, Omar Haddad.'), 'abduct');
  assert.equal(captivity.state, true);
  assert.equal(captivity.quantityValue, 6);
  assert.deepEqual(captivity.members?.map((m) => m.text), ['Omar Haddad']);
  const passive = events('Three journalists are still being held by the militia, their employer said.').find((e) => e.state);
  assert.equal(passive?.quantityValue, 3);
  assert.equal(passive?.actor?.text, 'the militia');
  const hands = one(events('Two engineers remain in the hands of the gunmen, police said.'), 'abduct');
  assert.equal(hands.state, true);
  assert.equal(hands.quantityValue, 2);
  // A town in the hands of a militia is still a capture.
  assert.equal(one(events('The town is now in the hands of the militia.'), 'capture').state, undefined);
  const reduced = events('Aid groups demanded the release of the 14 fishermen held by the navy since March.').find((e) => e.state);
  assert.equal(reduced?.quantityValue, 14);
  // Held, then freed in the same breath: no longer held.
  const freed = events('Twenty fishermen held by the navy were freed on Sunday, among them the captain Yusuf Olcay.');
  assert.equal(freed.filter((e) => e.state).length, 0);
  const release = one(freed, 'release');
  assert.equal(release.quantityValue, 20);
  assert.deepEqual(release.members?.map((m) => m.text), ['Yusuf Olcay']);
  assert.equal(events('The president held talks with the opposition on Monday.').filter((e) => e.state).length, 0);
});

test('people missing, and "not among those released"', () => {
  const missing = one(events('At least 30 people died and 45 remain missing after the landslide, officials said.'), 'missing');
  assert.equal(missing.state, true);
  assert.equal(missing.quantityValue, 45);
  assert.equal(one(events('The governor has been missing since Friday, his aides said.'), 'missing').target?.text, 'The governor');
  assert.equal(events('Searchers are looking for the missing climbers.').filter((e) => e.type === 'missing').length, 0);
  const notFreed = one(events('The ministry said Okafor was "not among those freed on Sunday".'), 'release');
  assert.equal(notFreed.negated, true);
  assert.equal(notFreed.target?.text, 'Okafor');
});

test('running totals and incidents: "since the fighting began" is a total, and its day no event date', () => {
  const total = one(events('At least 40 people have been killed since the fighting began on Saturday, medics said.'), 'kill');
  assert.equal(total.cumulative, true);
  assert.equal(total.timeValue, undefined, '"since Saturday" starts a period');
  const incident = one(events('Nine people were killed on Tuesday when a shell hit the central market, a doctor said.'), 'kill');
  assert.equal(incident.cumulative, undefined);
  assert.equal(incident.quantityValue, 9, 'a marketplace is no financial market');
  assert.equal(incident.timeValue, '2021-08-10');
  const days = events('Four days of clashes have left 60 dead in the city, the Red Crescent said.').find((e) => e.type === 'kill');
  assert.equal(days?.cumulative, true);
});

test('arguments across appositions, parentheses, coordination and "one of N"', () => {
  const fled = one(events('The former interior minister, Amadou Sall, fled to Dakar on Sunday, aides said.'), 'flee');
  assert.match(fled.actor!.text, /Amadou Sall$/);
  assert.equal(fled.placePrep, 'to');
  const paren = one(events('Twelve students abducted by the Coastal Liberation Army (CLA) were freed on Friday.'), 'release');
  assert.equal(paren.quantityValue, 12);
  const planned = events('The two sides agreed on Monday to a truce and the release of 30 prisoners.').find((e) => e.type === 'release');
  assert.equal(planned?.modality, 'planned');
  const oneOf = events('Ali was one of nine detainees released under the amnesty announced on Monday.').find((e) => e.type === 'release');
  assert.equal(oneOf?.quantityValue, 9);
  assert.equal(oneOf?.timeValue, undefined, 'Monday dates the announcement, not the release');
  const site = one(events('The opposition leader was arrested at his home on Thursday.'), 'arrest');
  assert.equal(site.site?.text, 'his home');
  // "an aid worker and three soldiers": the count is of one part only.
  assert.equal(events('An aid worker and three soldiers are still being held.').find((e) => e.state)?.quantityValue, undefined);
});

test('three reports of one capture are one event; a capture elsewhere is another', () => {
  const inputs = [
    ...report('a', 'Taliban fighters captured the western city of Herat on Thursday, officials said.', '2021-08-13'),
    ...report('b', 'Herat fell to the Taliban on Thursday after two weeks of fighting.', '2021-08-13'),
    ...report('c', 'The capture of Herat by the Taliban was confirmed by a provincial council member.', '2021-08-14'),
    ...report('d', 'Taliban fighters captured Kandahar on Friday, a day after Herat.', '2021-08-14'),
  ];
  for (const opts of [{}, { storyOf: () => 'afghanistan' }]) {
    const captures = linkEvents(inputs, opts).filter((c) => c.type === 'capture');
    assert.equal(captures.length, 2, JSON.stringify(captures));
    const herat = captures.find((c) => c.place === 'Herat')!;
    assert.deepEqual([...herat.documents].sort(), ['a', 'b', 'c']);
    assert.equal(herat.cameo, '19');
    assert.equal(herat.time, '2021-08-12');
    assert.equal(herat.mentions.length, 3);
    const kandahar = captures.find((c) => c.place === 'Kandahar')!;
    assert.deepEqual(kandahar.documents, ['d']);
    assert.equal(kandahar.time, '2021-08-13');
  }
});

test('linking keeps stories apart, and an undated report cannot join an event that happened after it', () => {
  const inputs = [
    ...report('a', 'Rebels captured Goma on Tuesday.', '2021-08-11'),
    ...report('b', 'Rebels captured Goma, the army said.', '2021-08-08'),
    ...report('c', 'Rebels captured Goma on Tuesday.', '2021-08-11'),
  ];
  const clusters = linkEvents(inputs, { storyOf: (doc) => (doc === 'c' ? 'other story' : 'congo') });
  assert.equal(clusters.length, 3);
  assert.ok(clusters.every((c) => c.documents.length === 1));
});

test('who confirms or reports an event is not its actor', () => {
  const fall = one(events('The provincial governor confirmed the fall of Dumaro late on Sunday.'), 'capture');
  assert.equal(fall.actor, undefined);
  const e = one(events('Militia fighters overran Dumaro on Sunday, the provincial governor said.'), 'capture');
  assert.equal(e.actor?.text, 'Militia fighters');
  assert.equal(e.attributedTo?.text, 'the provincial governor');
});

test('an alternative or a road not taken is not reported as a fact', () => {
  const found = events('With the town encircled, the garrison had two choices — either retreat to the hills or surrender to the militia.');
  assert.notEqual(one(found, 'surrender').modality, 'asserted');
  const fight = events('The defenders slipped out of the town at night rather than fighting the militia.').filter((e) => e.type === 'attack');
  assert.ok(fight.every((e) => e.negated || e.modality !== 'asserted'));
  assert.notEqual(one(events('Officials spoke of 40 dead villagers that would have been the toll of a second raid.'), 'kill').modality, 'asserted');
});

test('actors and targets are participants: no bare pronoun, time or measure', () => {
  const e = one(events('Soldiers surrounded the smugglers near the river and arrested them before dawn.'), 'arrest');
  assert.equal(e.target, undefined);
  const k = one(events('An explosion late Tuesday killed four miners in Kolwezi.'), 'kill');
  assert.doesNotMatch(k.actor?.text ?? '', /Tuesday/);
});

test('releasing a document is not freeing anyone; capturing on video is no capture', () => {
  assert.equal(events('The audit office will release the Okafor report on Friday.').filter((e) => e.type === 'release').length, 0);
  assert.equal(events('The public release of the Okafor report was delayed again.').filter((e) => e.type === 'release').length, 0);
  const freed = one(events('The rebels released two journalists on Friday after three weeks in captivity.'), 'release');
  assert.match(freed.target?.text ?? '', /two journalists/);
  assert.equal(events('A passer-by captured the collapse of the bridge on video.').filter((e) => e.type === 'capture' || e.type === 'arrest').length, 0);
});

test('an attack in words is criticism, an attack with violence an assault', () => {
  assert.equal(events('In a speech on Tuesday, Senator Mara Quist attacked her Republican rivals over the budget.').filter((e) => e.type === 'attack').length, 0);
  assert.equal(events('The governor called it a partisan attack on the electoral commission.').filter((e) => e.type === 'attack').length, 0);
  const e = one(events('Armed men attacked the village chief outside his home, killing two of his guards.'), 'attack');
  assert.match(e.target?.text ?? '', /village chief/);
});

test('a country that backs one side of a war is not where the war kills; a country reporting deaths, or bracing for attacks, still is', () => {
  assert.equal(one(events('The U.S. has supported the rebels in a conflict that has killed hundreds of thousands of people.'), 'kill').placeName, undefined);
  assert.equal(one(events('Russia has sent troops to a war that has killed 10,000 people.'), 'kill').placeName, undefined);
  assert.equal(one(events('Syria said on Monday that 40 people were killed.'), 'kill').placeName, 'Syria');
  assert.equal(one(events('Twelve people were killed on Tuesday, Afghan officials said, as Kabul braced for more attacks.'), 'kill').placeName, 'Kabul');
});
