/**
 * The command line as a user starts it: `node bin/funddesk.js …` in a new process, wall time from spawn to
 * exit (Node's own start included), after the build is known to be up to date (untimed: no row ever
 * includes a rebuild). Issue #12 §2: `funddesk --help` ≤ 0.3 s, `funddesk report overview --json` on the
 * demo ≤ 1 s; issue #13: every other command on the demo ≤ 1 s; issue #12 §4: the second start of the
 * browser preview prints its URL in ≤ 3 s. Commands that write work on a fresh copy of the demo database
 * (made untimed before each run).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with bin/funddesk.js
import { ensureBuilt } from '../../scripts/build.mjs';
import type { BenchContext } from '../lib/context';
import { copyDb, runsOf, workDir } from '../lib/context';
import { measure, type Timing } from '../lib/measure';
import type { Target } from '../lib/results';

const root = join(import.meta.dirname, '..', '..');
const SECOND: Target = { kind: 'max', value: 1000, text: '≤ 1000 ms' };
const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';

function funddesk(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'funddesk.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`funddesk ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** `npm run start:browser` (scripts/start-browser.mjs) from spawn until it prints the URL; then stopped. */
function previewUrlMs(db: string): Promise<number> {
  return new Promise((ok, bad) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, [join(root, 'scripts', 'start-browser.mjs'), '--no-open', '--db', db], {
      cwd: root,
    });
    let out = '';
    let err = '';
    let ms = 0;
    p.stdout.on('data', (d) => {
      out += d;
      if (!ms && /http:\/\/127\.0\.0\.1:\d+\//.test(out)) {
        ms = performance.now() - t0;
        p.kill('SIGTERM');
      }
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('exit', () => (ms ? ok(ms) : bad(new Error(`the preview did not start: ${out}${err}`))));
  });
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
    note: 'node bin/funddesk.js --help, spawn to exit (build stamp checked, built CLI)',
  });

  const demo = ctx.dbs['1x'];
  if (!demo) {
    R.missing(
      'cli.overview',
      'CLI: every command on the demo',
      '1x',
      'the 1x database is not in this run',
      SECOND,
    );
    return;
  }
  const w = workDir('cli');
  try {
    const asOf = ['--as-of', ctx.asOf];
    const runs = runsOf(ctx, 5);
    const add = (id: string, name: string, t: Timing, note: string, target: Target = SECOND) =>
      R.add(id, name, '1x', t, { target, note });
    /** A command timed on a fresh copy of the demo database (copied untimed before each run). */
    const onCopy = (args: (db: string) => string[]) =>
      measure({ setup: () => copyDb(demo, w.dir), run: (db) => funddesk(args(db)), runs });

    const overview = await measure({
      run: () => JSON.parse(funddesk(['report', 'overview', '--db', demo, ...asOf, '--json'])),
      runs: runsOf(ctx, 11),
    });
    add(
      'cli.overview',
      'CLI: funddesk report overview --json',
      overview,
      'spawn to exit: open the database (its checks), the headline figures, JSON out',
    );
    add(
      'cli.reports',
      'CLI: funddesk reports',
      await measure({ run: () => funddesk(['reports']), runs }),
      'the list of reports',
    );
    add(
      'cli.report-json',
      'CLI: funddesk report sub-funds --json',
      await measure({
        run: () => JSON.parse(funddesk(['report', 'sub-funds', '--db', demo, ...asOf, '--json'])),
        runs,
      }),
      '子基金台账 as JSON on stdout',
    );
    add(
      'cli.report-xlsx',
      'CLI: funddesk report landed-projects --format xlsx',
      await measure({
        run: () =>
          funddesk(['report', 'landed-projects', '--db', demo, ...asOf, '--format', 'xlsx', '--out', w.dir]),
        runs,
      }),
      '落地项目台账 written as xlsx (exceljs)',
    );
    add(
      'cli.alerts',
      'CLI: funddesk alerts --json',
      await measure({ run: () => JSON.parse(funddesk(['alerts', '--db', demo, ...asOf, '--json'])), runs }),
      'every compliance alert as JSON',
    );
    add(
      'cli.export-ledger',
      'CLI: funddesk export-ledger cash_flow (xlsx)',
      await measure({
        run: () => funddesk(['export-ledger', 'cash_flow', '--db', demo, '--out', join(w.dir, 'flows.xlsx')]),
        runs,
      }),
      'the cash-flow ledger written as xlsx',
    );
    add(
      'cli.template',
      'CLI: funddesk template cash_flow',
      await measure({
        run: () => funddesk(['template', 'cash_flow', '--out', join(w.dir, 'tpl.xlsx')]),
        runs,
      }),
      'the import template as xlsx',
    );
    const csv = join(w.dir, 'flows.csv');
    const lines = ['基金,日期,类型,金额（元）'];
    for (let i = 0; i < 200; i++)
      lines.push(`${FUND},2024-0${1 + (i % 9)}-1${i % 10},实缴出资,${9_000_000 + i}.25`);
    writeFileSync(csv, `${lines.join('\n')}\n`);
    add(
      'cli.import',
      'CLI: funddesk import cash_flow (200 rows)',
      await onCopy((db) => ['import', 'cash_flow', csv, '--db', db]),
      'a 200-row CSV into a copy of the demo: read, check, backup before import, one transaction',
    );
    add(
      'cli.backup',
      'CLI: funddesk backup',
      await onCopy((db) => ['backup', '--db', db, '--out', join(w.dir, `b-${Math.random()}.sqlite`)]),
      'online backup of the demo and its verification',
    );
    const backupFile = join(w.dir, 'restore-from.sqlite');
    funddesk(['backup', '--db', demo, '--out', backupFile]);
    if (!existsSync(backupFile)) throw new Error('the backup to restore from was not written');
    add(
      'cli.restore',
      'CLI: funddesk restore',
      await onCopy((db) => ['restore', '--db', db, '--from', backupFile]),
      'check the backup, back up the present data, replace it',
    );
    add(
      'cli.demo',
      'CLI: funddesk demo (new file)',
      await measure({
        setup: () => join(w.dir, `demo-${Math.random().toString(36).slice(2)}.sqlite`),
        run: (db) => funddesk(['demo', '--db', db]),
        runs,
      }),
      'create a database (migrations) and write the demo data',
    );

    // The preview's second start: the build is up to date (checked above), the database exists.
    const previewDb = copyDb(demo, w.dir, 'preview.sqlite');
    await previewUrlMs(previewDb); // the first start (untimed)
    add(
      'cli.preview-second-start',
      'preview: second start prints its URL',
      await measure({ run: () => previewUrlMs(previewDb), runs: runsOf(ctx, 3) }),
      'npm run start:browser --no-open: spawn until the URL is printed (build stamp, data host opened)',
      { kind: 'max', value: 3000, text: '≤ 3000 ms' },
    );
  } finally {
    w.cleanup();
  }
}
