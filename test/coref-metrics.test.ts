import { test } from 'node:test';
import assert from 'node:assert/strict';
import { b3, ceafe, corefScores, hungarian, muc } from '../eval/lib/coref-metrics.js';

const close = (actual: number, expected: number, what: string): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} != ${expected}`);

// Key {a} {b c} {d e f}; response {a} {d e}: b, c and f are missing from the response.
//
// MUC recall: {b c} splits into 2 parts (0 links kept of 1), {d e f} into {d e}
// and {f} (1 of 2): 1/3. Precision: {d e} lies in one key cluster: 1/1.
// B³ recall: a 1; b, c 0; d, e 2/3 each; f 0: (1 + 4/3) / 6 = 7/18.
// B³ precision: a 1; d, e 2/2 each: 3/3.
// CEAF-e: {a}~{a} φ4 = 1, {d e f}~{d e} φ4 = 2·2/(3+2) = 0.8: total 1.8;
// recall 1.8/3 = 0.6, precision 1.8/2 = 0.9, F1 = 0.72.
const key = [['a'], ['b', 'c'], ['d', 'e', 'f']];
const response = [['a'], ['d', 'e']];

test('MUC on a hand-computed example', () => {
  const s = muc(key, response);
  close(s.recall, 1 / 3, 'recall');
  close(s.precision, 1, 'precision');
  close(s.f1, 0.5, 'F1');
});

test('B³ on a hand-computed example', () => {
  const s = b3(key, response);
  close(s.recall, 7 / 18, 'recall');
  close(s.precision, 1, 'precision');
  close(s.f1, (2 * (7 / 18)) / (1 + 7 / 18), 'F1');
});

test('CEAF-e on a hand-computed example', () => {
  const s = ceafe(key, response);
  close(s.recall, 0.6, 'recall');
  close(s.precision, 0.9, 'precision');
  close(s.f1, 0.72, 'F1');
});

// Two gold events {1 2 3} {4 5}; the system merges everything except 5.
// MUC recall: {1 2 3} one part (2/2), {4 5} two parts (0/1): 2/3;
// precision: {1 2 3 4} splits into two key clusters (4-2 = 2 links of 3), {5} has none: 2/3.
// B³ recall: 1,2,3 → 3/3 each; 4 → 1/2; 5 → 1/2: (3 + 1)/5 = 0.8;
// precision: 1,2,3 → 3/4 each; 4 → 1/4; 5 → 1/1: (9/4 + 1/4 + 1)/5 = 0.7.
// CEAF-e: {1 2 3}~{1 2 3 4} 2·3/7, {4 5}~{5} 2·1/3: total 6/7 + 2/3 = 32/21 over 2 and 2.
test('an over-merging response, all three metrics and the CoNLL mean', () => {
  const s = corefScores(
    [
      ['1', '2', '3'],
      ['4', '5'],
    ],
    [['1', '2', '3', '4'], ['5']],
  );
  close(s.muc.recall, 2 / 3, 'MUC recall');
  close(s.muc.precision, 2 / 3, 'MUC precision');
  close(s.b3.recall, 0.8, 'B³ recall');
  close(s.b3.precision, 0.7, 'B³ precision');
  close(s.ceafe.recall, 32 / 21 / 2, 'CEAF-e recall');
  close(s.ceafe.precision, 32 / 21 / 2, 'CEAF-e precision');
  close(s.conll, (s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3, 'CoNLL');
});

test('a perfect response scores 1 everywhere; all singletons score 0 on MUC', () => {
  const k = [['a', 'b'], ['c']];
  const s = corefScores(k, [['c'], ['b', 'a']]);
  assert.equal(s.conll, 1);
  const single = corefScores(k, [['a'], ['b'], ['c']]);
  assert.equal(single.muc.f1, 0);
  close(single.b3.precision, 1, 'singleton B³ precision');
  close(single.b3.recall, (1 / 2 + 1 / 2 + 1) / 3, 'singleton B³ recall');
});

test('the assignment solver finds the best one-to-one alignment, not the greedy one', () => {
  // Greedy takes 0.9 (row 0, col 0) and then 0.1: 1.0; the best is 0.8 + 0.8.
  close(
    hungarian([
      [0.9, 0.8],
      [0.8, 0.1],
    ]),
    1.6,
    'assignment',
  );
  close(hungarian([[0.5, 0.2, 0.7]]), 0.7, 'rectangular');
});
