import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffWords, type DiffPart } from '../src/output/diff.js';

/** The parts as text with changed runs in [brackets]. */
const show = (parts: DiffPart[]) => parts.map((p) => (p.changed ? `[${p.text}]` : p.text)).join('');
const join = (parts: DiffPart[]) => parts.map((p) => p.text).join('');

describe('diffWords', () => {
  it('marks a changed number on both sides and nothing else', () => {
    const source = 'Fourteen workers were taken to hospital in Lake Charles on Tuesday.';
    const copy = '41 workers were taken to hospital in Lake Charles on Tuesday.';
    const d = diffWords(source, copy);
    assert.equal(show(d.source), '[Fourteen] workers were taken to hospital in Lake Charles on Tuesday.');
    assert.equal(show(d.copy), '[41] workers were taken to hospital in Lake Charles on Tuesday.');
  });

  it('keeps numbers with separators whole', () => {
    const d = diffWords('About 1,500 people left the valley.', 'About 15,000 people left the valley.');
    assert.equal(show(d.source), 'About [1,500] people left the valley.');
    assert.equal(show(d.copy), 'About [15,000] people left the valley.');
  });

  it('shows deletions only in the source and insertions only in the copy', () => {
    const source = 'The mayor reportedly approved the plan after a long debate.';
    const copy = 'The mayor approved the new plan after a debate on Monday.';
    const d = diffWords(source, copy);
    assert.equal(show(d.source), 'The mayor [reportedly] approved the plan after a [long] debate.');
    assert.equal(show(d.copy), 'The mayor approved the [new] plan after a debate [on Monday].');
  });

  it('joins a replaced phrase into one run, spaces included', () => {
    const d = diffWords('Police said the fire was not deliberate.', 'Officials at the scene said the fire was deliberate.');
    assert.equal(show(d.source), '[Police] said the fire was [not] deliberate.');
    assert.equal(show(d.copy), '[Officials at the scene] said the fire was deliberate.');
  });

  it('ignores case and typographic quotes but not punctuation', () => {
    const d = diffWords('“We will rebuild,” she said. Engineers agree.', '"we will rebuild," she said; engineers agree.');
    assert.equal(show(d.source), '“We will rebuild,” she said[.] Engineers agree.');
    assert.equal(show(d.copy), '"we will rebuild," she said[;] engineers agree.');
  });

  it('finds the longest common run when words move', () => {
    const d = diffWords('On Monday the council voted to close the pool.', 'The council voted on Monday to close the pool.');
    // Either move is a valid answer; what matters is that only one side of the move is marked.
    const changedWords = (parts: DiffPart[]) => parts.filter((p) => p.changed).map((p) => p.text.trim()).join(' ');
    assert.equal(changedWords(d.source), 'On Monday');
    assert.equal(changedWords(d.copy), 'on Monday');
  });

  it('reproduces both texts exactly, whitespace and all', () => {
    const source = '  Rain  fell\tall night;\nroads closed. ';
    const copy = 'Heavy rain fell all night, and roads  were closed.';
    const d = diffWords(source, copy);
    assert.equal(join(d.source), source);
    assert.equal(join(d.copy), copy);
    for (const parts of [d.source, d.copy]) {
      for (let i = 1; i < parts.length; i++) assert.notEqual(parts[i].changed, parts[i - 1].changed, 'adjacent parts merge');
    }
  });

  it('handles identical, empty and entirely different sentences', () => {
    const same = 'The bridge reopened at noon.';
    assert.deepEqual(diffWords(same, same), { source: [{ text: same, changed: false }], copy: [{ text: same, changed: false }] });
    assert.deepEqual(diffWords('', ''), { source: [], copy: [] });
    assert.deepEqual(diffWords('', 'New text.'), { source: [], copy: [{ text: 'New text.', changed: true }] });
    assert.equal(show(diffWords('Snow closed schools.', 'Markets rallied today!').copy), '[Markets rallied today!]');
  });

  it('stays fast and correct on very long inputs', () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    const source = `Start ${words(1500, 'a')} end.`;
    const copy = `Start ${words(1500, 'b')} end.`;
    const t0 = performance.now();
    const d = diffWords(source, copy);
    assert.ok(performance.now() - t0 < 1000, 'under a second');
    assert.equal(d.source[0].text, 'Start ');
    assert.equal(d.source[d.source.length - 1].text, ' end.');
    assert.equal(join(d.copy), copy);
  });
});
