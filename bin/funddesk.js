#!/usr/bin/env node
// FundDesk command line: the same services as the app, under plain Node (TypeScript run through tsx).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main/cli/main.ts');
const code = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
process.exitCode = code;
