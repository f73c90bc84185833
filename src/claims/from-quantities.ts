// What the measures of a story assert: the radius of an evacuation zone, the
// length of a truce, the size of a burned area. A measure qualifying a noun
// ("a 2-mile radius", "a 30-day truce") states a property of that thing, and
// another outlet giving the same thing another size on the same day
// disagrees. Bare distances ("about half a mile from the plant") say where
// someone was, not what something is, and are left out; so are ages.
import type { Document } from '../model/document.js';
import { fromSpans } from '../extract/index.js';
import type { Assertion } from './reconcile.js';

export function assertionsFromQuantities(
  documents: Document[],
  storyOf: (doc: string) => string | undefined,
  /** Publication date of a document; for undated ones, the date inferred from their story. */
  dateOf: (doc: Document) => string | undefined,
): Assertion[] {
  const out: Assertion[] = [];
  for (const d of documents) {
    const date = dateOf(d)?.slice(0, 10);
    for (const q of fromSpans(d).quantities) {
      if ((q.kind !== 'measure' && q.kind !== 'duration') || !q.modifies || q.per) continue;
      const thing = q.modifies.toLowerCase().split(/\s+/).pop()!;
      const unit = q.normalized?.unit ?? q.unit ?? '';
      const sentence = d.sentences.find((r) => r.start <= q.start && q.start < r.end);
      out.push({
        subject: `measure|${storyOf(d.id) ?? d.id}|${thing}|${unit}`,
        slot: `measure:${thing}`,
        value: `${format(q.value)} ${q.unit ?? ''}`.trim(),
        amount: q.normalized?.value ?? q.value,
        ...(q.approx ? { approx: q.approx } : {}),
        trend: 'any',
        statement: `${thing}: ${q.text}`,
        doc: d.id,
        start: q.start,
        end: q.end,
        text: sentence ? d.text.slice(sentence.start, sentence.end) : q.text,
        ...(date ? { date } : {}),
      });
    }
  }
  return out;
}

function format(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}
