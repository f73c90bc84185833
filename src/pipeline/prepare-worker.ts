// Worker thread: runs `prepare` (cleaning, identity, document stages) on
// chunks of raw articles sent by `PreparePool`.
import { parentPort } from 'node:worker_threads';
import type { RawArticle } from '../model/document.js';
import { prepare } from './stages.js';

parentPort!.on('message', (msg: { id: number; raws: RawArticle[] }) => {
  const results = msg.raws.map((raw) => {
    try {
      return { ok: prepare(raw) };
    } catch (err) {
      return { error: { input: raw.origin, message: (err as Error).message } };
    }
  });
  parentPort!.postMessage({ id: msg.id, results });
});
