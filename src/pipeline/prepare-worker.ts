// Worker thread: runs `prepare` (cleaning, identity, document stages) on
// chunks of raw articles sent by `PreparePool`, or named stages again on
// prepared documents.
import { parentPort } from 'node:worker_threads';
import { prepareInline, rerunInline, stagesNamed, type WorkerJob } from './pool.js';
import { DOCUMENT_STAGES } from './stages.js';

parentPort!.on('message', (msg: { id: number } & WorkerJob) => {
  const results = 'raws' in msg ? prepareInline(msg.raws, msg.stages ? stagesNamed(msg.stages) : DOCUMENT_STAGES) : rerunInline(msg.pending, msg.stages);
  parentPort!.postMessage({ id: msg.id, results });
});
