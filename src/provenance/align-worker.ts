// Worker thread of `AlignPool`: relates documents to their candidates, keeping
// the features of the documents the pool says it holds.
import { parentPort } from 'node:worker_threads';
import type { AlignMessage, AlignReply } from './align-pool.js';
import { featured, relate, type Featured } from './copies.js';

const held = new Map<string, Featured>();

parentPort!.on('message', (m: AlignMessage) => {
  let reply: AlignReply;
  try {
    for (const id of m.drop) held.delete(id);
    for (const d of m.docs) held.set(d.id, featured(d));
    reply = { id: m.id, related: { ...relate(m.job, (id) => held.get(id)), featured: m.docs.length } };
  } catch (err) {
    reply = { id: m.id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});
