/**
 * The command line as a user starts it: `node bin/funddesk.js …` in a new process, wall time from spawn to
 * exit (Node's own start included), after the build is known to be up to date (untimed). Issue #12 §2:
 * `funddesk --help` ≤ 0.3 s, `funddesk report overview --json` on the demo ≤ 1 s.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with bin/funddesk.js
import { ensureBuilt } from '../../scripts/build.mjs';
import type { BenchContext } from '../lib/context';
import { runsOf } from '../lib/context';
import { measure } from '../lib/measure';

const root = join(import.meta.dirname, '..', '..');

function funddesk(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'funddesk.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`funddesk ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export async function cliSuite(ctx: BenchContext) {
  const { results: R } = ctx;
  const built = (ensureBuilt as (o: object) => { ok: boolean; output: string })({
    show: false,
    say: ctx.log,
  });
  if (!built.ok) throw new Error(`build failed: ${built.output}`);

  // The floor: Node starting and exiting, timed the same way (on a busy machine this alone takes long).
  const floor = await measure({
    run: () => spawnSync(process.execPath, ['-e', '0']),
    runs: runsOf(ctx, 11),
  });
  R.add('cli.node-floor', 'CLI floor: node -e 0', '—', floor, {
    note: 'a new Node process that does nothing',
  });

  const help = await measure({ run: () => funddesk(['--help']), runs: runsOf(ctx, 11) });
  R.add('cli.help', 'CLI: funddesk --help', '—', help, {
    target: { kind: 'max', value: 300, text: '≤ 300 ms' },
    note: 'node bin/funddesk.js --help, spawn to exit (build hash checked, built CLI)',
  });

  const demo = ctx.dbs['1x'];
  if (!demo) {
    R.missing(
      'cli.overview',
      'CLI: funddesk report overview --json',
      '1x',
      'the 1x database is not in this run',
    );
    return;
  }
  const args = ['report', 'overview', '--db', demo, '--as-of', ctx.asOf, '--json'];
  const overview = await measure({ run: () => JSON.parse(funddesk(args)), runs: runsOf(ctx, 11) });
  R.add('cli.overview', 'CLI: funddesk report overview --json', '1x', overview, {
    target: { kind: 'max', value: 1000, text: '≤ 1000 ms' },
    note: 'spawn to exit: open the database (integrity checks), the headline figures, JSON out',
  });
}
