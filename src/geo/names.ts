// Place-name normalization, shared by the gazetteer build script (which
// stores normalized keys) and the loader (which normalizes queries the same
// way), so "Côte d’Ivoire", "Cote d'Ivoire" and "COTE D'IVOIRE" meet.
import { dict } from '../util/dict.js';

/** Letters NFD does not decompose into a base letter and a mark. */
const FOLD: Record<string, string> = dict({
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ß: 'ss',
  đ: 'd', Đ: 'D', ħ: 'h', ı: 'i', þ: 'th', Þ: 'Th', ð: 'd', ŋ: 'ng', ʻ: "'", ʼ: "'", ʿ: "'", ʾ: "'",
});

/** Abbreviated words of place names, expanded so "St. Louis" meets "Saint Louis". */
const WORDS: Record<string, string> = dict({ st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', pt: 'port' });

/** Diacritics removed and the letters above folded to ASCII; case kept. */
export function foldDiacritics(s: string): string {
  // Fast path: most names are plain ASCII.
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁøØæÆœŒßđĐħıþÞðŋʻʼʿʾ]/g, (c) => FOLD[c]);
}

/**
 * The lookup key of a place name. Short all-capital forms are acronyms and
 * keep their case behind a `=` ("U.S." and "US" -> "=US", while "us" stays
 * "us"), so a country code never matches an ordinary word. Everything else
 * is folded to lower-case ASCII with punctuation dropped, hyphens as spaces,
 * "the" removed and "St"/"Mt"/"Ft" spelt out.
 */
export function normalizeName(s: string): string {
  let t = foldDiacritics(s).replace(/[’‘`´]/g, "'").trim();
  const compact = t.replace(/[.\s]/g, '');
  if (/^[A-Z]{2,5}$/.test(compact) && (t.includes('.') || !t.includes(' '))) return '=' + compact;
  t = t
    .toLowerCase()
    .replace(/['.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  // "The" is dropped everywhere: "Republic of Congo" is "Republic of the Congo".
  const words = t.split(' ').filter((w, _, all) => w !== 'the' || all.length === 1);
  return words.map((w) => WORDS[w] ?? w).join(' ');
}

/** True when the name is written in Latin letters (after folding diacritics). */
export function isLatinName(s: string): boolean {
  return /^[A-Za-z][A-Za-z0-9 '’.\-&()]*$/.test(foldDiacritics(s));
}
