// `npm run bench -- NAME [args]`: runs bench/NAME.ts (see eval/lib/runner.ts).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNamed } from '../eval/lib/runner.js';

await runNamed('bench', dirname(fileURLToPath(import.meta.url)), process.argv.slice(2), existsSync);
