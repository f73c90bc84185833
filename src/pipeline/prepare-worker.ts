// Worker thread: runs `prepare` (cleaning, identity, document stages) on
// chunks of raw articles sent by `PreparePool`.
import { parentPort } from 'node:worker_threads';
import type { RawArticle } from '../model/document.js';
import { prepareInline } from './pool.js';

parentPort!.on('message', (msg: { id: number; raws: RawArticle[] }) => {
  parentPort!.postMessage({ id: msg.id, results: prepareInline(msg.raws) });
});
