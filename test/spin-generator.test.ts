import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentWords, mulberry32, spin, SPIN_RECIPES, type SpinResult } from '../eval/lib/spin.js';

// A news-style article written for these tests.
const ARTICLE = `Floodwaters rose across the Varna valley on Tuesday after three days of heavy rain, forcing about 4,000 people from their homes, regional officials said. Rescue teams used boats to reach villages cut off by the river.

The regional governor, Elena Marsh, said the dam upstream was holding but engineers would inspect it again overnight. "We are not taking any chances," she told reporters in the town of Kelso. Police closed two bridges and the main road to the coast.

Army helicopters evacuated 120 patients from a hospital in Brandt. A second hospital was damaged by the floods, and its staff moved equipment to the upper floors. The agency warned that more rain could fall on Thursday, according to the national weather service.

Farmers said the water destroyed much of the wheat harvest. Insurance companies estimated the damage at $35 million, although the final figure may be higher. Officials have not yet said when schools will reopen.

After the water began to recede, volunteers cleared mud from the streets of the old town. The government approved an emergency fund of 12 million euros on Wednesday. Aid groups praised the quick response but said many families had lost everything.`;

const PARAGRAPHS = ARTICLE.split('\n\n');
const paragraphs = (r: SpinResult): string[] => r.text.split('\n\n');
const WORD = /[\p{L}\p{N}'’-]+/gu;

/** Share of the source's content words that differ, position by position, in the copy. */
function changedShare(r: SpinResult): number {
  let changed = 0;
  let content = 0;
  for (const { sourceSentence, copySentence } of r.alignment) {
    const a = sourceSentence.match(WORD) ?? [];
    const b = copySentence.match(WORD) ?? [];
    assert.equal(b.length, a.length, `a synonym replaces one word with one word:\n  ${sourceSentence}\n  ${copySentence}`);
    // "a" -> "an" before a new synonym is not a substitution.
    changed += a.filter((w, i) => w !== b[i] && !/^an?$/i.test(w)).length;
    content += contentWords(sourceSentence).length;
  }
  return changed / content;
}

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(
      Array.from({ length: 1000 }, () => b()),
      xs,
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notEqual(mulberry32(43)(), xs[0]);
    assert.ok(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5) < 0.05);
  });
});

describe('spin', () => {
  it('gives the same copy for the same seed and another for another seed', () => {
    const a = spin(ARTICLE, SPIN_RECIPES.farm, 7);
    assert.deepEqual(spin(ARTICLE, SPIN_RECIPES.farm, 7), a);
    assert.notEqual(spin(ARTICLE, SPIN_RECIPES.farm, 8).text, a.text);
    assert.notEqual(a.text, ARTICLE);
  });

  it('leaves the text as it is for the verbatim recipe', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.verbatim, 1);
    assert.equal(r.text, ARTICLE);
    assert.deepEqual(r.applied, []);
    assert.deepEqual(r.distortions, []);
    assert.equal(r.alignment.length, 14);
  });

  it('replaces about the requested share of content words with synonyms', () => {
    for (const [recipe, rate] of [
      ['syn10', 0.1],
      ['syn30', 0.3],
      ['syn60', 0.6],
    ] as const)
      for (const seed of [1, 2, 3]) {
        const r = spin(ARTICLE, SPIN_RECIPES[recipe], seed);
        const share = changedShare(r);
        assert.ok(Math.abs(share - rate) <= 0.05, `${recipe} seed ${seed}: ${share}`);
        assert.equal(r.applied[0].changed, r.applied[0].changes.length);
        assert.deepEqual(r.distortions, [], 'synonyms are not distortions');
      }
  });

  it('never swaps negations, hedges, numbers or names for synonyms', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.syn60, 5);
    for (const kept of ['not', 'may', 'could', '4,000', '$35 million', '12 million', 'Elena Marsh', 'Kelso', 'Brandt', 'Tuesday', 'said'])
      assert.ok(r.text.includes(kept), kept);
  });

  it('records a negation flip as a distortion', () => {
    for (const seed of [1, 2, 3, 4]) {
      const r = spin(ARTICLE, SPIN_RECIPES.negation, seed);
      const [op] = r.applied;
      assert.equal(op.changed, Math.max(1, Math.round(0.1 * op.eligible)));
      assert.equal(r.distortions.length, op.changed);
      for (const d of r.distortions) {
        assert.equal(d.type, 'negation');
        assert.ok(ARTICLE.includes(d.sourceSentence));
        assert.ok(r.text.includes(d.copySentence));
        const nots = (s: string): number => (s.match(/\bnot\b|n't\b/g) ?? []).length;
        assert.equal(Math.abs(nots(d.copySentence) - nots(d.sourceSentence)), 1, `${d.sourceSentence} -> ${d.copySentence}`);
      }
      // Every other sentence is untouched.
      const changed = r.alignment.filter((a) => a.sourceSentence !== a.copySentence);
      assert.equal(changed.length, r.distortions.length);
    }
  });

  it('records changed numbers as distortions', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.number, 3);
    assert.ok(r.distortions.length >= 1);
    for (const d of r.distortions) {
      assert.equal(d.type, 'number');
      assert.notEqual(d.copySentence, d.sourceSentence);
    }
    for (const c of r.applied[0].changes) assert.notEqual(c.after, c.before);
    // Years are dates, not counts: left alone.
    const dated = spin('The bridge opened in 2014 and carried 9,000 cars a day.', SPIN_RECIPES.number, 1);
    assert.match(dated.text, /^The bridge opened in 2014 and carried [\d,]+ cars a day\.$/);
    assert.doesNotMatch(dated.text, /9,000/);
  });

  it('keeps the lead paragraphs when truncating', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.truncate, 1);
    assert.deepEqual(paragraphs(r), PARAGRAPHS.slice(0, Math.round(PARAGRAPHS.length * 0.5)));
  });

  it('reorders paragraphs after the lead without losing any', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.reorder, 2);
    const out = paragraphs(r);
    assert.equal(out[0], PARAGRAPHS[0]);
    assert.deepEqual([...out].sort(), [...PARAGRAPHS].sort());
    assert.notDeepEqual(out, PARAGRAPHS);
  });

  it('drops the requested share of sentences and nothing else', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.drop, 4);
    assert.equal(r.alignment.length, 14 - Math.round(0.2 * 14));
    for (const a of r.alignment) assert.equal(a.copySentence, a.sourceSentence);
    assert.equal(r.applied[0].changes.length, 3);
  });

  it('inserts boilerplate lines between the original paragraphs', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.boilerplate, 5);
    const out = paragraphs(r);
    const inserted = r.applied[0].changes.map((c) => c.after);
    assert.ok(inserted.length >= 1);
    assert.deepEqual(
      out.filter((p) => !inserted.includes(p)),
      PARAGRAPHS,
    );
    for (const line of inserted) assert.match(line, /^(?:Read more|Related|Subscribe|Share|Follow|Advertisement|Click|Sign up|Like|Download|This article)/);
  });

  it('moves attributions and subordinate clauses to the other end', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.clause, 1);
    const moved = new Map(r.applied[0].changes.map((c) => [c.before, c.after]));
    assert.equal(
      moved.get('Farmers said the water destroyed much of the wheat harvest.'),
      'The water destroyed much of the wheat harvest, farmers said.',
    );
    assert.equal(
      moved.get('After the water began to recede, volunteers cleared mud from the streets of the old town.'),
      'Volunteers cleared mud from the streets of the old town after the water began to recede.',
    );
    assert.equal(
      moved.get('The agency warned that more rain could fall on Thursday, according to the national weather service.'),
      'According to the national weather service, the agency warned that more rain could fall on Thursday.',
    );
    // "have not yet said" is not an attribution to move.
    assert.ok(!moved.has('Officials have not yet said when schools will reopen.'));
    assert.deepEqual(r.distortions, []);
  });

  it('turns simple active sentences passive and passive ones active', () => {
    const r = spin(ARTICLE, SPIN_RECIPES.passive, 1);
    const flipped = new Map(r.applied[0].changes.map((c) => [c.before, c.after]));
    assert.equal(
      flipped.get('Army helicopters evacuated 120 patients from a hospital in Brandt.'),
      '120 patients were evacuated by army helicopters from a hospital in Brandt.',
    );
    assert.equal(
      flipped.get('A second hospital was damaged by the floods, and its staff moved equipment to the upper floors.'),
      'The floods damaged a second hospital, and its staff moved equipment to the upper floors.',
    );
    assert.deepEqual(r.distortions, []);
  });

  it('produces fluent-looking text for every recipe', () => {
    for (const [name, ops] of Object.entries(SPIN_RECIPES))
      for (const seed of [1, 2, 3]) {
        const r = spin(ARTICLE, ops, seed);
        assert.doesNotMatch(r.text, / {2}/, `${name}: doubled space`);
        assert.doesNotMatch(r.text, / [,.;:!?]/, `${name}: space before punctuation`);
        assert.doesNotMatch(r.text, /\n{3}|^\s|\s$/, `${name}: stray blank lines`);
        for (const p of paragraphs(r)) assert.match(p, /^["“]?[\p{Lu}\d]/u, `${name}: paragraph start "${p.slice(0, 40)}"`);
        for (const a of r.alignment) {
          assert.match(a.copySentence, /^["“]?[\p{Lu}\d]/u, `${name}: sentence start "${a.copySentence}"`);
          assert.ok(r.text.includes(a.copySentence), `${name}: aligned sentence missing from the text`);
        }
      }
  });
});
