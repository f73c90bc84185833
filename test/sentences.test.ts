import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from '../src/model/document.js';
import { as, getNlp, its } from '../src/text/nlp.js';
import { segmentSentences, splitParagraphs } from '../src/text/sentences.js';

/** The sentences of `text` as strings, after checking every range invariant. */
function split(text: string): string[] {
  const paragraphs = splitParagraphs(text);
  const ranges = segmentSentences(text, paragraphs);
  assertWellFormed(text, paragraphs, ranges);
  return ranges.map((r) => text.slice(r.start, r.end));
}

function assertWellFormed(text: string, paragraphs: Range[], ranges: Range[]): void {
  let prevEnd = 0;
  for (const r of ranges) {
    const s = text.slice(r.start, r.end);
    assert.ok(r.start < r.end, `empty range ${JSON.stringify(r)}`);
    assert.ok(r.start >= prevEnd, `overlapping or out of order at ${r.start}`);
    assert.equal(s, s.trim(), `untrimmed: ${JSON.stringify(s)}`);
    assert.ok(
      paragraphs.some((p) => p.start <= r.start && r.end <= p.end),
      `crosses a paragraph: ${JSON.stringify(s)}`,
    );
    prevEnd = r.end;
  }
  // Within each paragraph the sentences keep every non-space character.
  for (const p of paragraphs) {
    const inside = ranges.filter((r) => r.start >= p.start && r.end <= p.end);
    const joined = inside.map((r) => text.slice(r.start, r.end)).join('');
    assert.equal(joined, text.slice(p.start, p.end).replace(/\s+/g, (ws, i: number) => keepIfInside(inside, p.start + i, ws)));
  }
}

// Whitespace between two sentences disappears when they are joined; whitespace inside one stays.
function keepIfInside(ranges: Range[], at: number, ws: string): string {
  return ranges.some((r) => r.start < at && at < r.end) ? ws : '';
}

test('splitParagraphs: blank-line separated, trimmed, never empty', () => {
  const text = '  Storm hits coast  \n\nResidents fled on Monday.\nRoads closed.\r\n  \r\n\n\n\t Officials met. \n   \n';
  const ps = splitParagraphs(text).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(ps, ['Storm hits coast', 'Residents fled on Monday.\nRoads closed.', 'Officials met.']);
  assert.deepEqual(splitParagraphs(''), []);
  assert.deepEqual(splitParagraphs(' \n\n \n'), []);
  assert.deepEqual(splitParagraphs('One line'), [{ start: 0, end: 8 }]);
});

test('sentences never cross a paragraph break, even without final punctuation', () => {
  const text = 'Taliban seize key provincial capital\n\nThe militants entered the city at dawn. Residents fled west';
  assert.deepEqual(split(text), [
    'Taliban seize key provincial capital',
    'The militants entered the city at dawn.',
    'Residents fled west',
  ]);
});

test('datelines stay with their sentence', () => {
  assert.deepEqual(split('KABUL, Afghanistan (AP) — The militants took the city on Friday. Officials fled.'), [
    'KABUL, Afghanistan (AP) — The militants took the city on Friday.',
    'Officials fled.',
  ]);
  assert.deepEqual(split('ST. LOUIS (Reuters) - Flood waters rose again on Sunday. Levees held.'), [
    'ST. LOUIS (Reuters) - Flood waters rose again on Sunday.',
    'Levees held.',
  ]);
  assert.deepEqual(split('WASHINGTON, D.C. — The senator spoke for an hour. Nobody left.'), [
    'WASHINGTON, D.C. — The senator spoke for an hour.',
    'Nobody left.',
  ]);
});

test('titles and other abbreviations before names do not end sentences', () => {
  assert.deepEqual(
    split(
      'Gen. Mark Ellison met Lt. Col. Dana Price and Dr. Omar Haddad at the U.N. Security Council. ' +
        'Mr. Haddad later walked to St. Anne’s Church with Sen. Ruth Cole, D-N.Y., and Gov. Ben Ortiz.',
    ),
    [
      'Gen. Mark Ellison met Lt. Col. Dana Price and Dr. Omar Haddad at the U.N. Security Council.',
      'Mr. Haddad later walked to St. Anne’s Church with Sen. Ruth Cole, D-N.Y., and Gov. Ben Ortiz.',
    ],
  );
});

test('initials, dates, numbers and U.S. inside a sentence', () => {
  assert.deepEqual(
    split(
      'J. R. Smith and Mary K. Ollis signed the deal on Jan. 14 at No. 10 Downing Street. ' +
        'The U.S. Army flew them back to Fort Bragg.',
    ),
    ['J. R. Smith and Mary K. Ollis signed the deal on Jan. 14 at No. 10 Downing Street.', 'The U.S. Army flew them back to Fort Bragg.'],
  );
});

test('a sentence may end with an abbreviation', () => {
  assert.deepEqual(split('She moved her family to the U.S. The next day she started work.'), [
    'She moved her family to the U.S.',
    'The next day she started work.',
  ]);
  assert.deepEqual(split('The shelter is near Biloxi, Miss. It opened Monday.'), [
    'The shelter is near Biloxi, Miss.',
    'It opened Monday.',
  ]);
  assert.deepEqual(split('The parade runs down Main St. The crowd was huge.'), ['The parade runs down Main St.', 'The crowd was huge.']);
});

test('short words before a period are not taken for abbreviations', () => {
  assert.deepEqual(split('Everyone was all in. Nobody expected a deal. Asked again, she said no. Then she left.'), [
    'Everyone was all in.',
    'Nobody expected a deal.',
    'Asked again, she said no.',
    'Then she left.',
  ]);
});

test('No. before a number stays; No. as an answer ends a sentence', () => {
  assert.deepEqual(split('Was he told? No. The memo never reached No. 10 in time.'), [
    'Was he told?',
    'No.',
    'The memo never reached No. 10 in time.',
  ]);
});

test('i.e., e.g., vs. and decimals do not split', () => {
  assert.deepEqual(
    split('Costs rose 3.5 percent to $4.2 million, i.e. more than planned, e.g. for fuel. It was Ohio vs. Texas again.'),
    ['Costs rose 3.5 percent to $4.2 million, i.e. more than planned, e.g. for fuel.', 'It was Ohio vs. Texas again.'],
  );
});

test('URLs and e-mail addresses stay whole', () => {
  assert.deepEqual(
    split('Details are at https://example.org/news/2021/report.html today. Write to press.office@example.gov.uk for more. Thanks.'),
    [
      'Details are at https://example.org/news/2021/report.html today.',
      'Write to press.office@example.gov.uk for more.',
      'Thanks.',
    ],
  );
  assert.deepEqual(split('He posted the clip on Twitter pic.twitter.com/AbC123xyz and deleted it.'), [
    'He posted the clip on Twitter pic.twitter.com/AbC123xyz and deleted it.',
  ]);
});

test('questions, exclamations and ellipses', () => {
  assert.deepEqual(split('Who gave the order? Nobody knows! The talks stalled... Then they resumed. Wait... what happened?'), [
    'Who gave the order?',
    'Nobody knows!',
    'The talks stalled...',
    'Then they resumed.',
    'Wait... what happened?',
  ]);
});

test('an attribution after a quote stays in the sentence', () => {
  assert.deepEqual(split('“We had to leave,” he said. "There was no water," the farmer added.'), [
    '“We had to leave,” he said.',
    '"There was no water," the farmer added.',
  ]);
  assert.deepEqual(split('“Will the bridge hold?” Mayor Ruiz asked. Engineers said it would.'), [
    '“Will the bridge hold?” Mayor Ruiz asked.',
    'Engineers said it would.',
  ]);
});

test('a lowercase brand name can open a sentence', () => {
  assert.deepEqual(split('Sales of the new tablet beat forecasts. iPhone shipments fell.'), [
    'Sales of the new tablet beat forecasts.',
    'iPhone shipments fell.',
  ]);
});

test('a new sentence after a quote is not taken for an attribution', () => {
  assert.deepEqual(split('“The outlook is good.” He added, however, that risks remain.'), [
    '“The outlook is good.”',
    'He added, however, that risks remain.',
  ]);
  assert.deepEqual(split('“The outlook is good.” Mr. Ortiz said. He then left.'), ['“The outlook is good.” Mr. Ortiz said.', 'He then left.']);
});

test('a quote spanning sentences splits at its inner sentence end', () => {
  assert.deepEqual(split('“We had to leave. There was no choice,” he said.'), ['“We had to leave.', 'There was no choice,” he said.']);
});

test('closing quotes belong to the sentence they close', () => {
  assert.deepEqual(split('He said: "No." Then he left the room.'), ['He said: "No."', 'Then he left the room.']);
  assert.deepEqual(split('She wrote, ‘They told me ‘wait.’’ Nobody called back.'), [
    'She wrote, ‘They told me ‘wait.’’',
    'Nobody called back.',
  ]);
  assert.deepEqual(split('The crowd chanted “Go home!” The police watched.'), ['The crowd chanted “Go home!”', 'The police watched.']);
  assert.deepEqual(split('“It is over. ” The minister left.'), ['“It is over. ”', 'The minister left.']);
});

test('an opening quote starts the next sentence', () => {
  assert.deepEqual(split('“It was quiet,” Lee told reporters. "Then the shelling began."'), [
    '“It was quiet,” Lee told reporters.',
    '"Then the shelling began."',
  ]);
  // Scraped text that lost the space between sentences.
  assert.deepEqual(split('The convoy reached the port."We are safe now," the driver said.'), [
    'The convoy reached the port.',
    '"We are safe now," the driver said.',
  ]);
});

test('numbered list markers stay with their item', () => {
  assert.deepEqual(split('1. Restore power to the hospital.'), ['1. Restore power to the hospital.']);
});

test('offsets are exact on unusual characters and whitespace', () => {
  const text =
    'Rep.\uFEFF Ana Lopez spoke\u00a0first. Prices fell 2\u200b% 😀 overnight.\r\nThe café reopened.\t' +
    'Officials — citing “safety” — waited.\n\n\u00a0 Second paragraph here.  ';
  const got = split(text);
  assert.deepEqual(got, [
    'Rep.\uFEFF Ana Lopez spoke\u00a0first.',
    'Prices fell 2\u200b% 😀 overnight.',
    'The café reopened.',
    'Officials — citing “safety” — waited.',
    'Second paragraph here.',
  ]);
});

test('segmentSentences only looks inside the given paragraphs', () => {
  const text = 'Ignored lead. First kept sentence. Second kept one. Ignored tail.';
  const start = text.indexOf('First');
  const end = text.indexOf(' Ignored tail');
  const got = segmentSentences(text, [{ start, end }]).map((r) => text.slice(r.start, r.end));
  assert.deepEqual(got, ['First kept sentence.', 'Second kept one.']);
  assert.deepEqual(segmentSentences(text, []), []);
});

test('scraped text that lost the space between sentences', () => {
  assert.deepEqual(split('The agency denied it.Officials, however, were silent.'), ['The agency denied it.', 'Officials, however, were silent.']);
  assert.deepEqual(split('The vote is on Jan. 16.A number of groups object.'), ['The vote is on Jan. 16.', 'A number of groups object.']);
  // Not addresses, domains or abbreviations.
  assert.deepEqual(split('Write to Jane.Doe@example.com or visit CREATORS.COM today.'), ['Write to Jane.Doe@example.com or visit CREATORS.COM today.']);
  assert.deepEqual(split('He earned a Ph.D. in Boston and moved to St.Louis later.'), ['He earned a Ph.D. in Boston and moved to St.Louis later.']);
});

test('a straight quote glued to both sides closes or opens by the quotes before it', () => {
  assert.deepEqual(split('He praised "the deep ties to the state."Rubio lived there for years.'), [
    'He praised "the deep ties to the state."',
    'Rubio lived there for years.',
  ]);
  assert.deepEqual(split('"It was the best of times. " Then the rain came.'), ['"It was the best of times. "', 'Then the rain came.']);
});

test('an ellipsis between sentences opens the next one', () => {
  assert.deepEqual(split('I do not know. … We will see what happens.'), ['I do not know.', '… We will see what happens.']);
  assert.deepEqual(split('The plan failed. [...] Nobody was surprised.'), ['The plan failed.', '[...] Nobody was surprised.']);
  assert.deepEqual(split('It was over. . . . The crowd went home.'), ['It was over.', '. . . The crowd went home.']);
  assert.deepEqual(split('He paused. “... They have no idea,” he said.'), ['He paused.', '“... They have no idea,” he said.']);
});

test('a.m. and p.m. end a sentence unless a day, month, time zone or lowercase word follows', () => {
  assert.deepEqual(split('The vote began at 9 a.m. and ended at 4 p.m. Tuesday. Results came late.'), [
    'The vote began at 9 a.m. and ended at 4 p.m. Tuesday.',
    'Results came late.',
  ]);
  assert.deepEqual(split('The store opened at 9 a.m. Shoppers had lined up all night.'), [
    'The store opened at 9 a.m.',
    'Shoppers had lined up all night.',
  ]);
  assert.deepEqual(split('Update at 2:35 p.m. ET. The talks resumed at 5 p.m. Friday. Nothing changed by 10 P.M. FEB. 4 either.'), [
    'Update at 2:35 p.m. ET.',
    'The talks resumed at 5 p.m. Friday.',
    'Nothing changed by 10 P.M. FEB. 4 either.',
  ]);
});

test('a party and state after a name end a sentence before any capitalized word', () => {
  assert.deepEqual(split('“We will vote,” said Rep. Ana Ruiz, D-Calif. President Hale disagreed.'), [
    '“We will vote,” said Rep. Ana Ruiz, D-Calif.',
    'President Hale disagreed.',
  ]);
  // Without the party, the state abbreviation goes on into a name.
  assert.deepEqual(split('They met in Fresno, Calif. Governor Hale spoke first.'), ['They met in Fresno, Calif. Governor Hale spoke first.']);
});

test('an abbreviation before a quotation or a negated auxiliary ends the sentence', () => {
  assert.deepEqual(split('She lives in Fresno, Calif. "It is too hot," she said.'), ['She lives in Fresno, Calif.', '"It is too hot," she said.']);
  assert.deepEqual(split('He moved to the U.S. Don’t tell his family.'), ['He moved to the U.S.', 'Don’t tell his family.']);
  // `Don` the name is no sentence opener.
  assert.deepEqual(split('Police Const. Tim Ford and Sgt. Don Lee arrived first.'), ['Police Const. Tim Ford and Sgt. Don Lee arrived first.']);
});

test('names ending in an exclamation mark, dashes and all-caps dates', () => {
  assert.deepEqual(split('She told Yahoo! News that the plan was dead.'), ['She told Yahoo! News that the plan was dead.']);
  assert.deepEqual(split('Our thoughts are with the families. - Office of the Mayor'), ['Our thoughts are with the families. - Office of the Mayor']);
  assert.deepEqual(split('Teen shot by police MAR. 14, 2013, 8:12 PM'), ['Teen shot by police MAR. 14, 2013, 8:12 PM']);
});

test('every range is well formed on messy input', () => {
  const pieces = [
    'U.S.', '...', '…', '. . .', '[…]', '“', '”', '‘', '’', '"', "'", ' ', ' ', '\n', '\n\n', '\u00a0', 'Mr.', 'No.', 'a.m.', 'D-Calif.',
    '5', 'said', 'He', 'iPhone', 'the', '?', '!', '—', '-', '.', 'A.', '(', ')', '[', ']', 'x', 'Yahoo!', 'Obama', '😀',
  ];
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let n = 0; n < 2000; n++) {
    let text = '';
    const len = 1 + Math.floor(rand() * 60);
    for (let i = 0; i < len; i++) text += pieces[Math.floor(rand() * pieces.length)] + (rand() < 0.5 ? ' ' : '');
    split(text); // asserts the invariants
  }
});

test('adversarial paragraphs take linear time', () => {
  // Every glued quote here is ambiguous, so each looks back for one whose direction is clear.
  const quotes = 'a."b'.repeat(50000);
  const dots = 'Ab.'.repeat(60000);
  const t0 = performance.now();
  assert.equal(segmentSentences(quotes, [{ start: 0, end: quotes.length }]).length, 1);
  assert.equal(segmentSentences(dots, [{ start: 0, end: dots.length }]).length, 60000);
  // Linear work is well under a second; the quadratic version took over ten.
  assert.ok(performance.now() - t0 < 5000, `took ${Math.round(performance.now() - t0)} ms`);
});

test('nlp: one shared instance; its/as are wink’s helpers', () => {
  assert.equal(getNlp(), getNlp());
  assert.equal(its, getNlp().its);
  assert.equal(as, getNlp().as);
  const doc = getNlp().readDoc('Dr. Ruiz arrived in Paris on Monday. She met the mayor.');
  assert.equal(doc.sentences().length(), 2);
  assert.equal(doc.tokens().itemAt(3).out(its.pos), 'ADP');
});
