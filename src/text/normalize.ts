// Canonical forms of text for hashing and comparison.
import { createHash } from 'node:crypto';

/**
 * Lowercase, NFKC, letters and digits only, single spaces. Two texts that differ
 * only in punctuation, quotes style, case or spacing normalize the same.
 */
export function normalizeForHash(text: string): string {
  // Compatibility forms (ligatures, full-width letters) only exist outside
  // ASCII; most text needs no NFKC pass, which costs more than the rest.
  const t = NON_ASCII_LETTERLIKE.test(text) ? text.normalize('NFKC') : text;
  return t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
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
