// Worker threads from a module beside the caller, whether sitrep runs
// compiled (.js) or from its sources under tsx (.ts), where a worker must
// register the TypeScript loader itself before importing the module.
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A worker running the module `name` (without extension) that sits beside `callerUrl`. */
export function spawnWorker(callerUrl: string, name: string, resourceLimits?: ResourceLimits): Worker {
  const ext = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./${name}${ext}`, callerUrl);
  const opts = resourceLimits ? { resourceLimits } : {};
  return ext === '.ts'
    ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, ...opts })
    : new Worker(url, opts);
}
