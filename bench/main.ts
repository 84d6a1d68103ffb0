/**
 * `npm run bench`: FundDesk at 1x, 10x and 100x the demo data, and against the alternatives, in one run.
 * Prints one table and saves it to bench/results/ (latest.json, latest.md and a dated copy of each).
 *
 *   npm run bench                        everything (about 10 minutes on 2 cores)
 *   npm run bench -- --scales 1x,10x     fewer scales
 *   npm run bench -- --only core,xirr    some suites: core, reports, io, host, xirr, browser, cli, evaluation, compliance, pg
 *   npm run bench -- --runs 3            fewer (or more) timed runs everywhere (default 5 ≈ each suite's own)
 *   npm run bench -- --no-save           print only
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchDb, type DbScale } from './generate';
import type { BenchContext } from './lib/context';
import { Results, type RunInfo, saveResults, summaryOf, textTable } from './lib/results';
import { browserSuite } from './suites/browser';
import { cliSuite } from './suites/cli';
import { complianceSuite } from './suites/compliance';
import { coreSuite } from './suites/core';
import { evaluationSuite } from './suites/evaluation';
import { hostSuite } from './suites/host';
import { ioSuite } from './suites/io';
import { pgSuite } from './suites/pg';
import { reportsSuite } from './suites/reports';
import { xirrSuite } from './suites/xirr';

// XIRR first: its implementations are compared on a small heap and a fresh JIT, before the 100x suites leave
// hundreds of megabytes behind (with them, a 4 ms pass of FundDesk's took 3.7–10 ms, the peers' passes less
// affected; bench/README.md).
const SUITES = [
  'xirr',
  'core',
  'reports',
  'io',
  'host',
  'browser',
  'cli',
  'evaluation',
  'compliance',
  'pg',
] as const;
type Suite = (typeof SUITES)[number];
const ALL_SCALES: DbScale[] = ['1x', '10x', '100x'];

const root = join(import.meta.dirname, '..');

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scales: { type: 'string' },
      only: { type: 'string' },
      runs: { type: 'string' },
      'no-save': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(
      `${(await import('node:fs')).readFileSync(import.meta.filename, 'utf8').split('*/')[0]}*/\n`,
    );
    return 0;
  }
  const scales = values.scales ? (values.scales.split(',') as DbScale[]) : ALL_SCALES;
  for (const s of scales) if (!ALL_SCALES.includes(s)) throw new Error(`unknown scale ${s} (1x, 10x, 100x)`);
  const only = values.only ? (values.only.split(',') as Suite[]) : [...SUITES];
  for (const s of only) if (!SUITES.includes(s)) throw new Error(`unknown suite ${s} (${SUITES.join(', ')})`);
  const runFactor = values.runs ? Number(values.runs) / 5 : 1;
  if (!(runFactor > 0)) throw new Error('--runs must be a positive number');

  const started = new Date();
  const t0 = performance.now();
  const log = (s: string) =>
    process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);
  const results = new Results();
  const ctx: BenchContext = {
    results,
    dbs: {},
    scales,
    export50k: null,
    asOf: '2025-12-31',
    runFactor,
    log,
  };

  log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  const generated: Record<string, unknown> = {};
  for (const s of scales) {
    const g = await benchDb(s, log);
    ctx.dbs[s] = g.path;
    generated[s] = { counts: g.counts, builtSeconds: g.builtSeconds };
  }
  if (only.includes('io') || only.includes('host') || only.includes('pg')) {
    const g = await benchDb('export50k', log);
    ctx.export50k = g.path;
    generated.export50k = { counts: g.counts, builtSeconds: g.builtSeconds };
  }

  const suites: Record<Suite, (c: BenchContext) => Promise<void>> = {
    core: coreSuite,
    reports: reportsSuite,
    io: ioSuite,
    host: hostSuite,
    xirr: xirrSuite,
    browser: browserSuite,
    cli: cliSuite,
    evaluation: evaluationSuite,
    compliance: complianceSuite,
    pg: pgSuite,
  };
  for (const s of only) {
    log(`suite ${s}`);
    try {
      await suites[s](ctx);
    } catch (e) {
      log(`suite ${s} failed: ${(e as Error).stack ?? e}`);
      results.missing(`${s}.error`, `suite ${s}`, '—', `crashed: ${(e as Error).message.split('\n')[0]}`);
    }
  }

  const totalSeconds = (performance.now() - t0) / 1000;
  const table = textTable(results.rows);
  const summary = summaryOf(results.rows);
  process.stdout.write(`\n${table}\n\n`);
  process.stdout.write(
    `${summary.passed}/${summary.withTarget} targets met${
      summary.failed.length ? `; missed: ${summary.failed.join(', ')}` : ''
    } · ${totalSeconds.toFixed(0)} s in all\n`,
  );
  if (!values['no-save']) {
    const info: RunInfo = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      totalSeconds,
      options: { scales, only, runFactor, asOf: ctx.asOf },
      env: envInfo(generated),
    };
    const files = saveResults(join(root, 'bench', 'results'), results.rows, info);
    process.stdout.write(`saved ${files.map((f) => f.slice(root.length + 1)).join(', ')}\n`);
  }
  return 0;
}

function envInfo(generated: Record<string, unknown>): Record<string, unknown> {
  const tryRun = (cmd: string, args: string[]) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    node: process.versions.node,
    v8: process.versions.v8,
    sqlite: (() => {
      try {
        return tryRun(process.execPath, [
          '-e',
          "const D=require('better-sqlite3');console.log(new D(':memory:').prepare('select sqlite_version()').pluck().get())",
        ]);
      } catch {
        return null;
      }
    })(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtEnd: loadavg(),
    commit: tryRun('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
    datasets: generated,
  };
}
