import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../src/text/nlp.js';
import { extractEntities } from '../src/extract/entities.js';

test('tokens do not depend on the text read before (wink-nlp learns unknown tokens)', () => {
  const text = 'It was Ronald Reagan’s speech in China’s capital.';
  const words = () => tokenize(text).map((t) => t.text);
  const first = words();
  assert.deepEqual(first.slice(2, 9), ['Ronald', 'Reagan', '’s', 'speech', 'in', 'China', '’s']);
  // Before a dash, wink keeps "China’s" whole and, left alone, would from then on keep it whole everywhere.
  assert.deepEqual(tokenize('China’s—and Reagan’s—legacy').map((t) => t.text).slice(0, 2), ['China’s', '—']);
  assert.deepEqual(words(), first);
  const names = extractEntities({ text }).map((m) => m.text);
  assert.ok(names.includes('China') && names.includes('Ronald Reagan'), names.join(', '));
});
