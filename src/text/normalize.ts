// Canonical forms of text for hashing and comparison.
import { createHash } from 'node:crypto';

/**
 * Lowercase, NFKC, letters and digits only, single spaces. Two texts that differ
 * only in punctuation, quotes style, case or spacing normalize the same.
 */
export function normalizeForHash(text: string): string {
  // Compatibility forms (ligatures, full-width letters) only exist outside
  // ASCII; most text needs no NFKC pass, which costs more than the rest.
  const t = (NON_ASCII_LETTERLIKE.test(text) ? text.normalize('NFKC') : text).toLowerCase();
  // One pass over char codes: a Unicode-property regex replace over the whole
  // text was a tenth of ingest time. Non-ASCII characters, rare in English
  // news, go through the regex one at a time.
  let out = '';
  let runStart = -1;
  let pendingSpace = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    let word: boolean;
    if (c < 128) word = ASCII_WORD[c] === 1;
    else {
      const hi = c >= 0xd800 && c <= 0xdbff && i + 1 < t.length;
      word = WORD_CHAR.test(hi ? t.slice(i, i + 2) : t[i]);
    }
    if (word) {
      if (runStart < 0) {
        if (pendingSpace && out.length) out += ' ';
        pendingSpace = false;
        runStart = i;
      }
      if (c >= 0xd800 && c <= 0xdbff) i++;
    } else {
      if (runStart >= 0) out += t.slice(runStart, i);
      runStart = -1;
      pendingSpace = true;
      if (c >= 0xd800 && c <= 0xdbff) i++;
    }
  }
  if (runStart >= 0) out += t.slice(runStart);
  return out;
}
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
const WORD_CHAR = /^[\p{L}\p{N}]/u;
// Characters NFKC can change: beyond Latin-1 punctuation, quotes and dashes.
const NON_ASCII_LETTERLIKE = /[^\x00-\xff\u2010-\u2027\u2030-\u205e]/;

export function shortHash(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex').slice(0, 16);
}

/** Word tokens (lowercase letters/digits runs) of a text, in order. */
export function words(text: string): string[] {
  return normalizeForHash(text).split(' ').filter(Boolean);
}
