// Storage behind one interface. The embedded SQLite store implements it now; a
// PostgreSQL store will implement the same contract. Methods are async so a
// networked store can satisfy them.
//
// Besides documents, collection stages keep their incremental state as typed
// records (`kind`, `key`) -> JSON value: MinHash signatures, story centroids,
// corpus line counts, copy relations. `commit` writes one batch atomically: a
// run killed at any moment leaves either all of a batch or none of it.
import type { Document } from '../model/document.js';

export interface RecordWrite {
  kind: string;
  key: string;
  /** `null` deletes the record. */
  value: unknown;
}

export interface Batch {
  documents: Document[];
  records: RecordWrite[];
}

export interface Store {
  /** Which of these document ids are already stored. */
  hasDocuments(ids: string[]): Promise<Set<string>>;
  countDocuments(): Promise<number>;
  /** All documents, in the order they were stored. */
  documents(): Promise<Document[]>;
  getDocuments(ids: string[]): Promise<Document[]>;
  records<T = unknown>(kind: string): Promise<Map<string, T>>;
  getRecords<T = unknown>(kind: string, keys: string[]): Promise<Map<string, T>>;
  commit(batch: Batch): Promise<void>;
  close(): Promise<void>;
}
