// A sorted text table searched in place: lines "key<TAB>rest", sorted by key
// in JavaScript string order, every line ending with a newline. The name list
// and the gazetteer ship this way, so loading one is a gunzip and an array of
// line offsets, not a million objects.

/** Offsets of the lines starting in [from, to), plus `to`. */
export function lineStarts(text: string, from: number, to: number): Int32Array {
  const starts: number[] = [];
  for (let i = from; i < to; i = text.indexOf('\n', i) + 1) starts.push(i);
  starts.push(to);
  return Int32Array.from(starts);
}

/** The line whose key is `key`, by binary search: where its tab is and where it ends (before the newline). */
export function findLine(text: string, starts: Int32Array, key: string): { tab: number; end: number } | undefined {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKey(text, starts[mid], key);
    if (c < 0) lo = mid + 1;
    else if (c > 0) hi = mid - 1;
    else return { tab: starts[mid] + key.length, end: starts[mid + 1] - 1 };
  }
  return undefined;
}

/**
 * The key of the line at `s` against `key`, in JavaScript string order
 * (UTF-16 code units), read in place: a binary search over a million lines
 * would otherwise cut a string at every step.
 */
function compareKey(text: string, s: number, key: string): number {
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(s + i);
    if (i === key.length) return c === TAB ? 0 : 1;
    if (c === TAB) return -1;
    const d = c - key.charCodeAt(i);
    if (d !== 0) return d;
  }
}

const TAB = 9;
