// A publication date stated in the text itself: a "Published: 15 August 2021"
// line that cleaning removed, or a full date in the dateline of the first
// paragraph. Only complete dates (day, month, year) count; relative dates are
// the time-normalization stage's business.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const PATTERNS: [RegExp, (m: RegExpExecArray) => [number, number, number]][] = [
  [/\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/, (m) => [+m[1], +m[2], +m[3]]],
  [new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i'), (m) => [+m[3], month(m[1]), +m[2]]],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+((?:19|20)\\d{2})\\b`, 'i'), (m) => [+m[3], month(m[2]), +m[1]]],
];

function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function findDate(s: string): string | undefined {
  for (const [re, parts] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const [y, mo, d] = parts(m);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}

/** An explicit publication date from removed timestamp lines or the opening dateline. */
export function dateFromText(text: string, removedLines: string[] = []): string | undefined {
  for (const line of removedLines) {
    if (/^(updated|published|last updated|posted|date)\b/i.test(line.trim())) {
      const d = findDate(line);
      if (d) return d;
    }
  }
  // A dateline: the date must open the first paragraph ("KABUL, Aug 15, 2021 —",
  // "15 August 2021:"), not sit anywhere in it, where it may be any past date.
  const first = text.slice(0, Math.min(text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'), 200));
  const head = /^.{0,80}?(?:\s[—–-]\s|[—–]|:\s|\)\s*[—–-])/.exec(first)?.[0] ?? '';
  return head ? findDate(head) : undefined;
}
