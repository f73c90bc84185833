import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  alignDocuments,
  editRatio,
  isCopy,
  prepareDocument,
  prepareSentence,
  quotes,
  sentenceSimilarity,
  similarity,
} from '../src/provenance/align.js';
import { areSynonyms, lemma, synClasses } from '../src/provenance/lexicon.js';
import { tokenize } from '../src/provenance/tokens.js';

// A fictional wire report, three paragraphs of three sentences.
const SOURCE = [
  'Flooding forced the evacuation of more than 1,200 residents from the riverside town of Millbrook on Tuesday after the Arden River burst its banks.',
  'Emergency crews used boats to rescue families trapped on the upper floors of their homes.',
  'The county sheriff, Dana Whitfield, said no deaths had been reported but that two firefighters were treated for minor injuries.',
  'Officials opened three temporary shelters at local schools, where volunteers handed out blankets and hot meals.',
  'The National Weather Service warned that another 4 inches of rain could fall before Thursday.',
  'Governor Elena Ruiz declared a state of emergency for the region late Tuesday evening.',
  'Residents said the water rose faster than during the last major flood in 2011.',
  'Power was cut to roughly 8,000 homes as a precaution, according to the regional utility.',
  'Engineers will inspect the damaged Millbrook bridge once the water recedes.',
];

// The first six sentences as a content farm spins them: synonyms for a third
// to over half of the content words, clauses swapped, active turned passive.
const SPUN = [
  'More than 1,200 inhabitants of the riverside town of Millbrook were compelled to evacuate on Tuesday after the Arden River overflowed its banks.',
  'Boats were employed by emergency teams to save families stranded on the top floors of their houses.',
  'No fatalities had been reported, county sheriff Dana Whitfield stated, but two firefighters received treatment for small injuries.',
  'At area schools, authorities set up three makeshift shelters where volunteers distributed blankets and warm meals.',
  'Another 4 inches of rainfall could come down before Thursday, the National Weather Service cautioned.',
  'A state of emergency for the area was declared by Governor Elena Ruiz late on Tuesday night.',
];

// Another outlet's own report on the same flood: same names, places and
// days, different sentences.
const INDEPENDENT = [
  'Volunteers in Millbrook spent Wednesday filling sandbags as the Arden River continued to rise.',
  'Dana Whitfield, the county sheriff, urged residents to stay away from flooded roads and bridges.',
  'Shops along Main Street reported water damage to stock and equipment, and several restaurants closed for the week.',
  'Governor Elena Ruiz is expected to tour the region on Thursday, her office said.',
  'Many families who left their homes on Tuesday are staying with relatives in neighboring towns.',
  'The Red Cross said it had received hundreds of donations since the weekend.',
  'Forecasters expect the river to crest on Friday before slowly falling.',
];

// A feature on flood insurance that quotes one sentence of the wire report.
const ONE_QUOTE = [
  'Homeowners across the state are discovering that standard insurance policies rarely cover flood damage.',
  'Premiums for federal flood coverage have doubled in some counties over the past five years.',
  'In Millbrook this week, the county sheriff, Dana Whitfield, said no deaths had been reported but that two firefighters were treated for minor injuries.',
  'Insurance brokers say few residents of inland towns believe they need the extra policy.',
  'State lawmakers are considering a bill that would require sellers to disclose past flooding.',
];

// A wire story quoting a three-sentence statement, and another outlet's own
// story quoting the same statement.
const STATEMENT_SOURCE = [
  'The mayor of Eastport announced on Monday that the city would close its oldest public library at the end of the year.',
  'Mayor Tom Hadley said in a statement: “This was not an easy decision.',
  'The building needs repairs we simply cannot afford.',
  'We will move the whole collection to the new community center on Harbor Road.”',
  'The library, built in 1921, serves about 300 visitors a day.',
  'Library staff will be offered jobs at other branches, the city said.',
];
const STATEMENT_OTHER = [
  'Residents of Eastport reacted with dismay to the news that the Carver Street library will shut in December.',
  '“This was not an easy decision,” Mayor Tom Hadley said.',
  '“The building needs repairs we simply cannot afford.',
  'We will move the whole collection to the new community center on Harbor Road.”',
  'A petition to save the library had gathered 2,000 signatures by Tuesday evening.',
  'Several readers said the community center is hard to reach without a car.',
];

describe('tokens', () => {
  it('normalizes numbers: separators, scale words, number words', () => {
    const lowers = (s: string) => tokenize(s).filter((t) => t.isNumber).map((t) => t.lower);
    assert.deepEqual(lowers('1,500 people and 1500 more'), ['1500', '1500']);
    assert.deepEqual(lowers('$2.5 million, or 2,500,000 dollars; 3.50 vs 3.5'), ['2500000', '2500000', '3.5', '3.5']);
    assert.deepEqual(lowers('three boats and 3 boats, £5m but 10 m'), ['3', '3', '5000000', '10']);
  });

  it('keeps dotted acronyms and drops possessive suffixes', () => {
    const words = tokenize("The U.S. Army's convoy didn't stop.").map((t) => t.lower);
    assert.deepEqual(words, ['the', 'us', 'army', 'convoy', 'did', 'stop']);
  });
});

describe('lexicon', () => {
  it('finds base forms of inflected words', () => {
    for (const [w, base] of [
      ['seized', 'seize'],
      ['seizes', 'seize'],
      ['seizing', 'seize'],
      ['cities', 'city'],
      ['went', 'go'],
      ['injuries', 'injury'],
      ['evacuated', 'evacuate'],
      ['churches', 'church'],
      ['bigger', 'big'],
    ])
      assert.equal(lemma(w), base, w);
    // Frequent nouns are not taken for inflections of rare words.
    assert.equal(lemma('evening'), 'evening');
    assert.equal(lemma('news'), 'news');
  });

  it('knows synonyms and not non-synonyms', () => {
    assert.ok(areSynonyms('seized', 'confiscated'));
    assert.ok(areSynonyms('purchase', 'bought'));
    assert.ok(areSynonyms('deaths', 'fatalities'));
    assert.ok(!areSynonyms('dog', 'cat'));
    assert.ok(!areSynonyms('flood', 'election'));
    assert.ok(synClasses('the') === undefined, 'function words have no classes');
  });
});

describe('sentenceSimilarity', () => {
  it('scores a synonym rewrite with reordered clauses far above an unrelated sentence', () => {
    const spun = sentenceSimilarity(SOURCE[4], SPUN[4]);
    const unrelated = sentenceSimilarity(SOURCE[4], INDEPENDENT[5]);
    assert.ok(spun > 0.55, `spun ${spun}`);
    assert.ok(unrelated < 0.2, `unrelated ${unrelated}`);
  });

  it('survives a change of voice', () => {
    const s = sentenceSimilarity(
      'Police arrested the former mayor at his home on Friday.',
      'The former mayor was arrested by police at his home on Friday.',
    );
    assert.ok(s > 0.85, String(s));
  });

  it('treats 1,500 and 1500 as the same number, and a different number as a partial match', () => {
    const a = 'Officials said 1,500 homes were damaged by the storm.';
    assert.equal(sentenceSimilarity(a, 'Officials said 1500 homes were damaged by the storm.'), 1);
    const changed = sentenceSimilarity(a, 'Officials said 15,000 homes were damaged by the storm.');
    assert.ok(changed < 0.9 && changed > 0.5, String(changed));
  });

  it('is symmetric and bounded', () => {
    for (const [a, b] of [
      [SOURCE[0], SPUN[0]],
      [SOURCE[2], INDEPENDENT[1]],
      ['', SOURCE[1]],
    ]) {
      const x = sentenceSimilarity(a, b);
      assert.ok(x >= 0 && x <= 1);
      assert.ok(Math.abs(x - sentenceSimilarity(b, a)) < 1e-9);
    }
  });
});

describe('alignDocuments', () => {
  it('aligns every sentence of a synonym-spun rewrite to its source sentence', () => {
    const r = alignDocuments(SOURCE.slice(0, 6), SPUN);
    assert.deepEqual(
      r.pairs.map((p) => [p.sourceSentence, p.copySentence]),
      [0, 1, 2, 3, 4, 5].map((i) => [i, i]),
    );
    assert.ok(r.pairs.every((p) => p.kind === 'paraphrase'));
    assert.equal(r.coverageOfCopy, 1);
    assert.ok(isCopy(r));
  });

  it('aligns reordered paragraphs', () => {
    // Paragraph 3 first, then 1, then 2, each spun or lightly edited.
    const copy = [
      'Locals said the water climbed quicker than during the last big flood in 2011.',
      'As a precaution, electricity was cut to about 8,000 homes, the regional utility said.',
      'Once the water recedes, engineers will examine the damaged Millbrook bridge.',
      ...SPUN,
    ];
    const r = alignDocuments(SOURCE, copy);
    const map = new Map(r.pairs.map((p) => [p.copySentence, p.sourceSentence]));
    assert.deepEqual(
      [...Array(9).keys()].map((j) => map.get(j)),
      [6, 7, 8, 0, 1, 2, 3, 4, 5],
    );
    assert.ok(r.coverageOfSource > 0.99 && isCopy(r));
  });

  it('does not call an independent report of the same event a copy', () => {
    const r = alignDocuments(SOURCE, INDEPENDENT);
    assert.ok(!isCopy(r), JSON.stringify(r.pairs));
    assert.ok(r.pairs.length <= 1, JSON.stringify(r.pairs));
  });

  it('does not call an article sharing one quoted sentence a copy, but aligns the quote', () => {
    const r = alignDocuments(SOURCE, ONE_QUOTE);
    assert.deepEqual(
      r.pairs.map((p) => [p.sourceSentence, p.copySentence]),
      [[2, 2]],
    );
    assert.ok(!isCopy(r));
  });

  it('does not count a shared multi-sentence quotation as copying', () => {
    // A short item: its own first sentence, then the statement. Aligned text
    // covers most of it, but what is shared is the quoted statement.
    const brief = STATEMENT_OTHER.slice(0, 4);
    const r = alignDocuments(STATEMENT_SOURCE, brief);
    assert.deepEqual(
      r.pairs.map((p) => [p.sourceSentence, p.copySentence]),
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    );
    assert.deepEqual(r.quotedPairs, [0, 1, 2]);
    assert.ok(r.coverageOfCopy > 0.5);
    assert.ok(!isCopy(r));
    // The same sentences as the outlet's own narrative would make it a copy.
    const unquote = (t: string) => t.replace(/[“”]/g, '');
    assert.ok(isCopy(alignDocuments(STATEMENT_SOURCE.map(unquote), brief.map(unquote))));
  });

  it('labels pairs verbatim, edited or paraphrase', () => {
    const copy = [
      // Same words, different punctuation and case.
      'FLOODING forced the evacuation of more than 1,200 residents from the riverside town of Millbrook on Tuesday after the Arden River burst its banks!',
      // Two words changed.
      'Emergency crews used boats to rescue families trapped on the top floors of homes.',
      SPUN[2],
    ];
    const r = alignDocuments(SOURCE.slice(0, 3), copy);
    assert.deepEqual(
      r.pairs.map((p) => p.kind),
      ['verbatim', 'edited', 'paraphrase'],
    );
  });

  it('aligns a partial copy with inserted material and keeps coverage per side', () => {
    const copy = [
      'Subscribe to our newsletter for the latest local headlines every morning.',
      SPUN[0],
      SPUN[1],
      'Our reporters will follow the story as it develops.',
      SPUN[3],
    ];
    const r = alignDocuments(SOURCE, copy);
    assert.deepEqual(
      r.pairs.map((p) => [p.sourceSentence, p.copySentence]),
      [
        [0, 1],
        [1, 2],
        [3, 4],
      ],
    );
    assert.ok(r.coverageOfCopy > 0.6 && r.coverageOfCopy < 0.9, String(r.coverageOfCopy));
    assert.ok(r.coverageOfSource > 0.25 && r.coverageOfSource < 0.5, String(r.coverageOfSource));
    assert.ok(isCopy(r), 'the copy is mostly the source');
  });

  it('accepts prepared documents and gives the same result', () => {
    const a = alignDocuments(SOURCE, SPUN);
    const b = alignDocuments(prepareDocument(SOURCE), SPUN.map((t) => prepareSentence(t)));
    assert.deepEqual(a.pairs, b.pairs);
  });

  it('pairs sentences repeated word for word without making their features, and still chains a rewritten one between them', () => {
    // A republished copy: the last paragraph moved up, two sentences spun, one dropped.
    const copy = [...SOURCE.slice(6, 9), ...SOURCE.slice(0, 4), SPUN[4], SPUN[5]];
    const src = prepareDocument(SOURCE);
    const cp = prepareDocument(copy);
    const r = alignDocuments(src, cp);
    const verbatim = r.pairs.filter((p) => p.kind === 'verbatim');
    assert.deepEqual(
      verbatim.map((p) => [p.sourceSentence, p.copySentence]),
      [[6, 0], [7, 1], [8, 2], [0, 3], [1, 4], [2, 5], [3, 6]],
    );
    assert.ok(verbatim.every((p) => p.score === 1));
    // Only the sentences left over were featured.
    assert.deepEqual(cp.feats.map((f, j) => (f ? j : -1)).filter((j) => j >= 0), [7, 8]);
    assert.deepEqual(src.feats.map((f, i) => (f ? i : -1)).filter((i) => i >= 0), [4, 5]);
    assert.deepEqual(
      r.pairs.filter((p) => p.kind !== 'verbatim').map((p) => [p.sourceSentence, p.copySentence]),
      [[4, 7], [5, 8]],
    );
    // The same copy with every sentence's text altered but not its words (a
    // trailing space) goes through the full scoring: the same pairs and kinds.
    const full = alignDocuments(SOURCE, copy.map((t) => t + ' '));
    assert.deepEqual(
      full.pairs.map((p) => [p.sourceSentence, p.copySentence, p.kind]),
      r.pairs.map((p) => [p.sourceSentence, p.copySentence, p.kind]),
    );
    assert.equal(Math.round(full.coverageOfSource * 100), Math.round(r.coverageOfSource * 100));
  });

  it('handles empty documents', () => {
    const r = alignDocuments([], SPUN);
    assert.equal(r.pairs.length, 0);
    assert.equal(r.coverageOfCopy, 0);
    assert.ok(!isCopy(r));
  });
});

describe('quotes', () => {
  it('measures direct speech, including quotations opened or closed in other sentences', () => {
    assert.equal(quotes('No quotation here.').share, 0);
    const whole = quotes('“We will rebuild,” she said.');
    assert.ok(whole.share > 0.5 && whole.share < 0.8 && !whole.openAtEnd);
    const opens = quotes('He said: "This was not easy.');
    assert.ok(opens.openAtEnd && !opens.closesEarlier);
    const closes = quotes('We will move on.” The meeting ended.');
    assert.ok(closes.closesEarlier && closes.share > 0.3 && closes.share < 0.6);
    const doc = prepareDocument(STATEMENT_SOURCE);
    const shares = doc.quotes.map((q) => q.share);
    assert.deepEqual(
      shares.map((x) => (x === 0 ? 0 : x === 1 ? 1 : 'part')),
      [0, 'part', 1, 1, 0, 0],
    );
  });
});

describe('editRatio', () => {
  it('is 1 for identical token sequences and drops with edits', () => {
    const a = prepareSentence(SOURCE[1]);
    assert.equal(editRatio(a, prepareSentence(SOURCE[1].toUpperCase())), 1);
    const e = editRatio(a, prepareSentence('Emergency crews used boats to rescue families trapped on the top floors of homes.'));
    assert.ok(e > 0.7 && e < 1, String(e));
    assert.ok(similarity(a, prepareSentence(SPUN[1])) > 0.4);
  });
});
