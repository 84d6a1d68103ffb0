#!/usr/bin/env node
// `npm run bench`: FundDesk's benchmarks (bench/main.ts, TypeScript run through tsx). See bench/README.md.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { register } from 'tsx/esm/api';

// A full GC between timed runs keeps one run's garbage out of the next run's time.
if (typeof globalThis.gc !== 'function') {
  setFlagsFromString('--expose-gc');
  globalThis.gc = runInNewContext('gc');
}
register();
const { main } = await import('../bench/main.ts');
process.exitCode = await main(process.argv.slice(2));
