// `npm run eval -- NAME [args]`: runs eval/NAME.ts. Each evaluation module
// default-exports `async (args: string[]) => Record<string, unknown>`; progress
// goes to stderr and the figures are printed as one JSON line, last on stdout.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNamed } from './lib/runner.js';

const here = dirname(fileURLToPath(import.meta.url));
await runNamed('eval', here, process.argv.slice(2), existsSync);

