// Word-level differences between an aligned source sentence and its copy, so
// a reader can see at a glance what a rewrite changed. Only differences that
// could matter to a reader count: words are compared ignoring case and curly
// versus straight quotes, which copies change freely.

/** A run of a sentence's text; `changed` runs are missing from the other sentence. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

export interface WordDiff {
  /** The source sentence: changed parts were deleted by the copy. */
  source: DiffPart[];
  /** The copy sentence: changed parts were inserted by it. */
  copy: DiffPart[];
}

interface Token {
  key: string;
  start: number;
  end: number;
}

// A word keeps its inner hyphens, apostrophes and number separators ("1,500",
// "3.5", "well-known"); every other non-space character is a token of its own.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-'’.,][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

// The LCS table is n×m; past this the middle of two long, very different
// sentences is simply marked changed as a whole.
const MAX_CELLS = 1_000_000;

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN), (m) => ({
    key: m[0].toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"'),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

/** Which tokens of `a` and `b` are outside a longest common subsequence of the two. */
function changedTokens(a: Token[], b: Token[]): [boolean[], boolean[]] {
  const delA = a.map(() => true);
  const insB = b.map(() => true);
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo].key === b[lo].key) delA[lo] = insB[lo++] = false;
  let hiA = a.length;
  let hiB = b.length;
  while (hiA > lo && hiB > lo && a[hiA - 1].key === b[hiB - 1].key) delA[--hiA] = insB[--hiB] = false;
  const n = hiA - lo;
  const m = hiB - lo;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) return [delA, insB];

  // len[i][j]: LCS length of a[lo+i..hiA) and b[lo+j..hiB).
  const w = m + 1;
  const len = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i * w + j] =
        a[lo + i].key === b[lo + j].key ? len[(i + 1) * w + j + 1] + 1 : Math.max(len[(i + 1) * w + j], len[i * w + j + 1]);
    }
  }
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[lo + i].key === b[lo + j].key) {
      delA[lo + i++] = insB[lo + j++] = false;
    } else if (len[(i + 1) * w + j] >= len[i * w + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return [delA, insB];
}

function toParts(text: string, tokens: Token[], changed: boolean[]): DiffPart[] {
  const parts: DiffPart[] = [];
  let pos = 0;
  const take = (end: number, isChanged: boolean) => {
    if (end <= pos) return;
    const last = parts[parts.length - 1];
    if (last && last.changed === isChanged) last.text += text.slice(pos, end);
    else parts.push({ text: text.slice(pos, end), changed: isChanged });
    pos = end;
  };
  tokens.forEach((t, i) => {
    // The space between two changed words belongs to the change, so a
    // replaced phrase reads as one run rather than word by word.
    take(t.start, changed[i] && i > 0 && changed[i - 1]);
    take(t.end, changed[i]);
  });
  take(text.length, false);
  return parts;
}

/** Word-level differences between `source` and `copy`; the parts of each side concatenate to its text. */
export function diffWords(source: string, copy: string): WordDiff {
  const a = tokenize(source);
  const b = tokenize(copy);
  const [deleted, inserted] = changedTokens(a, b);
  return { source: toParts(source, a, deleted), copy: toParts(copy, b, inserted) };
}
