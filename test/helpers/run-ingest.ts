// Child process for the crash test: ingest inputs into a SQLite file in small
// batches, printing "committed N" after each batch so the parent knows when to kill.
import { SqliteStore } from '../../src/store/sqlite.js';
import { ingestInto } from '../../src/pipeline/analyze.js';
import type { Batch } from '../../src/store/store.js';

class Announcing extends SqliteStore {
  override async commit(b: Batch): Promise<void> {
    await super.commit(b);
    process.stdout.write(`committed ${b.documents.length}\n`);
  }
}

const [db, ...inputs] = process.argv.slice(2);
const store = new Announcing(db);
await ingestInto(store, inputs, { batchSize: 25 });
await store.close();
process.stdout.write('done\n');
