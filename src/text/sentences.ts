import type { Range } from '../model/document.js';
import { getSentenceNlp, its } from './nlp.js';

const BLANK_LINE = /\n[^\S\n]*\n\s*/g;
const WS = /\s/;

/** Paragraphs of `text`: blank-line separated, whitespace-trimmed, never empty. */
export function splitParagraphs(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const push = (s: number, e: number): void => {
    const r = trim(text, s, e);
    if (r) out.push(r);
  };
  for (const m of text.matchAll(BLANK_LINE)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}

function trim(text: string, start: number, end: number): Range | undefined {
  while (start < end && WS.test(text[start])) start++;
  while (end > start && WS.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

/** Sentence start offsets wink-nlp finds in `text[from, to)`, as offsets into `text`. */
export function winkStarts(text: string, from: number, to: number): number[] {
  const chunk = text.slice(from, to);
  const doc = getSentenceNlp().readDoc(chunk);
  const sents = doc.sentences().out() as string[];
  const starts: number[] = [];
  let cursor = 0;
  for (const s of sents) {
    const i = chunk.indexOf(s, cursor);
    if (i < 0 || !isBlank(chunk, cursor, i)) return tokenWalk(chunk, doc, from);
    starts.push(from + i);
    cursor = i + s.length;
  }
  return starts;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!WS.test(s[i])) return false;
  return true;
}

// Fallback when a sentence's reconstructed text is not a verbatim slice of
// the input: locate each token from a forward cursor, skipping tokens whose
// text cannot be found, and start each sentence at its first located token.
function tokenWalk(chunk: string, doc: ReturnType<ReturnType<typeof getSentenceNlp>['readDoc']>, from: number): number[] {
  const values = doc.tokens().out() as string[];
  const spans = doc.sentences().out(its.span) as unknown as number[][];
  const starts: number[] = [];
  let cursor = 0;
  let t = 0;
  for (const [first, last] of spans) {
    let start = -1;
    for (; t <= last; t++) {
      const i = chunk.indexOf(values[t], cursor);
      if (i < 0) continue;
      if (start < 0 && t >= first) start = i;
      cursor = i + values[t].length;
    }
    if (start >= 0) starts.push(from + start);
  }
  return starts;
}
