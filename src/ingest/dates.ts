// Publication dates from metadata: accept the many shapes feeds and scrapers
// use, return ISO 8601 (date only when no time was given), or undefined.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A full ISO date-time is kept as written: its offset is the publisher's
// local time, which a reader of the report wants to see.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

export function toIsoDate(value: string | Date | undefined | null): string | undefined {
  if (value == null) return undefined;
  if (value instanceof Date) return isNaN(value.getTime()) ? undefined : value.toISOString();
  const s = value.trim();
  if (!s) return undefined;
  const d = ISO_DATE.exec(s);
  if (d) {
    const [y, m, day] = [+d[1], +d[2], +d[3]];
    if (m < 1 || m > 12 || day < 1 || day > 31 || y < 1900 || y > 2200) return undefined;
    return s;
  }
  if (ISO_DATE_TIME.test(s) && !isNaN(Date.parse(s))) return s;
  // Date-only strings beyond ISO, or full timestamps: let Date parse them
  // (RFC 2822 pubDates, ISO with offsets), but only when they contain a year.
  if (!/\b(19|20|21)\d{2}\b/.test(s)) return undefined;
  const t = Date.parse(s);
  if (isNaN(t)) return undefined;
  const date = new Date(t);
  if (/\d{1,2}:\d{2}/.test(s)) return date.toISOString();
  // Without a time, Date parsed local midnight: read the calendar date back
  // in local time so no time zone shifts it by a day.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
