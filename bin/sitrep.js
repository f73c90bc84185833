#!/usr/bin/env -S node --v8-pool-size=1
// One V8 helper thread: with --workers, the worker threads keep the cores busy,
// and V8's own helper threads (concurrent GC, compilation) competing with them
// cost 10-15% of throughput on 2 cores (BENCHMARKS.md, extraction).
// Runs the compiled CLI (npm install builds dist/ through the prepare script).
import { main } from '../dist/src/cli/main.js';

await main();
