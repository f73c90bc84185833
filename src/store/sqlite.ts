// The embedded store: one SQLite file (or memory), WAL journal, one
// transaction per committed batch.
import Database from 'better-sqlite3';
import type { Document } from '../model/document.js';
import type { Batch, Store } from './store.js';

const SCHEMA_VERSION = 1;

export class SqliteStore implements Store {
  private db: Database.Database;
  private stmts;

  constructor(file = ':memory:') {
    this.db = new Database(file, { timeout: 0 });
    if (file !== ':memory:') {
      // One run at a time per database: stages keep corpus state in memory
      // between batches, so two writers would overwrite each other's counts.
      // The lock dies with the process, so a killed run never leaves it held.
      this.db.pragma('locking_mode = EXCLUSIVE');
      try {
        this.db.pragma('journal_mode = WAL');
        this.db.exec('BEGIN IMMEDIATE; COMMIT');
      } catch (err) {
        this.db.close();
        if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new Error(`${file}: the database is in use by another sitrep run`);
        throw err;
      }
    }
    // NORMAL is durable against process kills in WAL mode (only an OS crash
    // can lose the last transactions, never corrupt the file).
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS records (
        kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      ) WITHOUT ROWID;
    `);
    const version = this.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get('schema') as string | undefined;
    if (version === undefined) this.db.prepare('INSERT INTO meta VALUES (?, ?)').run('schema', String(SCHEMA_VERSION));
    else if (Number(version) > SCHEMA_VERSION)
      throw new Error(`${file}: database written by a newer sitrep (schema ${version}, this one knows ${SCHEMA_VERSION})`);
    this.stmts = {
      has: this.db.prepare('SELECT id FROM documents WHERE id = ?').pluck(),
      count: this.db.prepare('SELECT count(*) FROM documents').pluck(),
      all: this.db.prepare('SELECT body FROM documents ORDER BY seq').pluck(),
      get: this.db.prepare('SELECT body FROM documents WHERE id = ?').pluck(),
      insertDoc: this.db.prepare('INSERT OR IGNORE INTO documents (id, body) VALUES (?, ?)'),
      records: this.db.prepare('SELECT key, value FROM records WHERE kind = ?'),
      record: this.db.prepare('SELECT value FROM records WHERE kind = ? AND key = ?').pluck(),
      upsert: this.db.prepare('INSERT INTO records (kind, key, value) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value'),
      del: this.db.prepare('DELETE FROM records WHERE kind = ? AND key = ?'),
    };
  }

  async hasDocuments(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const id of ids) if (this.stmts.has.get(id) !== undefined) found.add(id);
    return found;
  }

  async countDocuments(): Promise<number> {
    return this.stmts.count.get() as number;
  }

  async documents(): Promise<Document[]> {
    return (this.stmts.all.all() as string[]).map((b) => JSON.parse(b) as Document);
  }

  async getDocuments(ids: string[]): Promise<Document[]> {
    const out: Document[] = [];
    for (const id of ids) {
      const b = this.stmts.get.get(id) as string | undefined;
      if (b !== undefined) out.push(JSON.parse(b) as Document);
    }
    return out;
  }

  async records<T>(kind: string): Promise<Map<string, T>> {
    const m = new Map<string, T>();
    for (const row of this.stmts.records.all(kind) as { key: string; value: string }[]) m.set(row.key, JSON.parse(row.value) as T);
    return m;
  }

  async getRecords<T>(kind: string, keys: string[]): Promise<Map<string, T>> {
    const m = new Map<string, T>();
    for (const key of keys) {
      const v = this.stmts.record.get(kind, key) as string | undefined;
      if (v !== undefined) m.set(key, JSON.parse(v) as T);
    }
    return m;
  }

  async commit(batch: Batch): Promise<void> {
    const tx = this.db.transaction((b: Batch) => {
      for (const d of b.documents) this.stmts.insertDoc.run(d.id, JSON.stringify(d));
      for (const r of b.records) {
        if (r.value === null) this.stmts.del.run(r.kind, r.key);
        else this.stmts.upsert.run(r.kind, r.key, JSON.stringify(r.value));
      }
    });
    tx(batch);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
