import type { Range } from '../model/document.js';
import { winkStarts } from './sentences.js';
export function segmentSentences(text: string, paragraphs: Range[]): Range[] {
  const out: Range[] = [];
  for (const p of paragraphs) {
    const starts = winkStarts(text, p.start, p.end);
    if (!starts.length || starts[0] !== p.start) starts.unshift(p.start);
    for (let i = 0; i < starts.length; i++) {
      let s = starts[i];
      let e = i + 1 < starts.length ? starts[i + 1] : p.end;
      while (s < e && /\s/.test(text[s])) s++;
      while (e > s && /\s/.test(text[e - 1])) e--;
      if (e > s) out.push({ start: s, end: e });
    }
  }
  return out;
}
