// Claims of a collection: what the events' reports and the documents'
// measures assert, reconciled across independence groups.
import type { Document } from '../model/document.js';
import type { Story } from '../model/collection.js';
import type { EventReport } from '../events/collect.js';
import type { EntityIn } from '../extract/collect.js';
import { assertionsFromEvents } from './from-events.js';
import { assertionsFromQuantities } from './from-quantities.js';
import { reconcile, type Claim, type ReconcileOptions } from './reconcile.js';

export interface ClaimsInput {
  reports: EventReport[];
  documents: Document[];
  stories: Story[];
  /** The entity a span of a document names. */
  entityIn: EntityIn;
  /** A document's independence group. */
  groupOf: (doc: string) => string | undefined;
  /** When a document was published, or the date its story lends it. */
  dateOf: (doc: Document) => string | undefined;
  rangeOf?: ReconcileOptions['rangeOf'];
}

export function claimsOf({ reports, documents, stories, entityIn, groupOf, dateOf, rangeOf }: ClaimsInput): Claim[] {
  const storyOfDoc = new Map(stories.flatMap((s) => s.documentIds.map((d) => [d, s.id] as const)));
  return reconcile([...assertionsFromEvents(reports, entityIn), ...assertionsFromQuantities(documents, (d) => storyOfDoc.get(d), dateOf)], groupOf, rangeOf ? { rangeOf } : {});
}
