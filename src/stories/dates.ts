// Publication dates for undated documents, from their story: documents that
// report the same events were published about when the dated ones were.
import type { Document } from '../model/document.js';
import type { Story } from '../model/collection.js';

export interface InferredDate {
  /** Earliest and latest day of the story's dated documents. */
  start: string;
  end: string;
  /**
   * The day relative expressions are resolved against: the latest. A report
   * seldom comes out before the coverage it matches, and "on Thursday" in
   * a late report still names the Thursday the earlier ones meant.
   */
  anchor: string;
}

/** Undated documents of stories that have dated ones, with their inferred dates. */
export function inferPublication(stories: Story[], docs: Map<string, Pick<Document, 'published'>>): Map<string, InferredDate> {
  const out = new Map<string, InferredDate>();
  for (const s of stories) {
    if (!s.firstDate || !s.lastDate) continue;
    const start = s.firstDate.slice(0, 10);
    const end = s.lastDate.slice(0, 10);
    for (const id of s.documentIds) {
      const d = docs.get(id);
      if (d && !d.published) out.set(id, { start, end, anchor: end });
    }
  }
  return out;
}
