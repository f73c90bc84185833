import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLine, lineStarts } from '../src/util/sorted-lines.js';

describe('findLine', () => {
  it('finds every key of a sorted table and no other, prefixes and non-ASCII keys included', () => {
    const keys = ['al', 'al-qaeda', 'al qaeda', 'ala', 'bamako', 'bamakó', 'herat', 'herat province', 'z', 'ḥerāt', 'رات'];
    const sorted = [...new Set(keys)].sort();
    const header = '# comment\n';
    const text = header + sorted.map((k, i) => `${k}\t${i}\n`).join('');
    const starts = lineStarts(text, header.length, text.length);
    for (const [i, k] of sorted.entries()) {
      const line = findLine(text, starts, k);
      assert.ok(line, k);
      assert.equal(text.slice(line.tab + 1, line.end), String(i));
      assert.equal(text[line.tab], '\t');
    }
    for (const k of ['', 'a', 'al-', 'alb', 'herat ', 'herat provinces', 'zz', 'ḥer']) assert.equal(findLine(text, starts, k), undefined, k);
  });
});
