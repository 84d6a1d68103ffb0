/**
 * The built command line's entry (out/main/cli.js): plain JavaScript run by bin/funddesk.js under Node, or
 * by the installed app's own executable with ELECTRON_RUN_AS_NODE=1 (the `funddesk` launcher).
 */
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
