#!/usr/bin/env node
// FundDesk command line in a checkout: runs the built CLI (out/main/cli.js, plain JavaScript, no TypeScript
// loader). When the sources changed since the last build, or there is none yet, it builds first (once, under a
// lock; scripts/build.mjs): a newcomer's `npx funddesk …` just works. The notice goes to stderr only on a
// terminal, so scripts and tests reading stdout/stderr see the command's own output alone.
// In the installed app the launcher runs out/main/cli.js directly through the app's executable.
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from '../scripts/build.mjs';

const r = ensureBuilt({
  show: false,
  say: (m) => {
    if (process.stderr.isTTY) process.stderr.write(`${m}\n`);
  },
});
if (!r.ok) {
  process.stderr.write(`错误：FundDesk 构建失败，请运行 npm run build 查看原因。\n${r.output}\n`);
  process.exit(1);
}
await import(pathToFileURL(`${root}/out/main/cli.js`).href);
