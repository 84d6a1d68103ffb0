/**
 * The same reads and import on PostgreSQL beside SQLite (#17): headline figures, metrics of every fund, a page of
 * 投资 grid rows (ledger.table, as the grid asks it) and a 50,000-row cash-flow import, at each scale. A
 * throw-away cluster is started for the suite (scripts/pg-test-cluster.mjs) and stopped after it; each scale's
 * SQLite benchmark file is copied into a database of its own there with `funddesk copy`'s service
 * (services/copy.ts, checked by row counts and money sums). A read's target is computed: PostgreSQL's median
 * ≤ 3× SQLite's. Without PostgreSQL (no initdb) every row is recorded as not measured, never as passed.
 * The interactive rows of #13 (menu click, sort, quick search, app start; ids pg.grid.*) are measured on the same
 * PostgreSQL copy by the browser suite's own functions (browser.ts), the preview server opened on its URL, and
 * judged against the same targets as SQLite's grid.* rows.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { type OpenedDb, openDatabase } from '../../src/main/db/open';
import { dispatch, type HandlerContext } from '../../src/main/handlers';
import { copyDatabase } from '../../src/main/services/copy';
import { getOverview } from '../../src/main/services/overview';
import { performanceMetrics } from '../../src/main/services/reports/performance';
import type { DbScale } from '../generate';
import { type BenchContext, copyDb, fmtInt, runsOf, workDir } from '../lib/context';
import { measure, timingOf } from '../lib/measure';
import type { Target } from '../lib/results';
import { gridFacts, gridRuns, serve, startUi, type Ui } from './browser';
import { must } from './io';

const root = join(import.meta.dirname, '..', '..');
const CLUSTER = join(root, 'scripts', 'pg-test-cluster.mjs');
const WITHIN_3X: Target = { kind: 'max', value: 3, text: '≤ 3× SQLite' };
const FIVE_S: Target = { kind: 'max', value: 5000, text: '< 5000 ms' };

interface Read {
  id: string;
  name: string;
  runs: number;
  run: (opened: OpenedDb) => unknown;
}

const GRID_PAGE = { entity: 'investment', where: {}, limit: 100 };
/**
 * Each read waits this long after its run's GC, on both engines alike. The forced GC (bench/lib/measure.ts) returns
 * with V8's sweeper threads still at work; a PostgreSQL call needs the caller's thread and the server's process
 * at once, and on 2 cores one of them then waited for a core: the grid page's samples fell in two clusters
 * (1x, a 3M-object heap, 15 runs each: ~2 ms and 4–7.9 ms, a third of the runs slow; with
 * `--single-threaded-gc` or `--no-concurrent-sweeping` ~2 ms in all but one). 20 ms after the GC: one slow
 * run in 15. SQLite's calls need no second process and were not in two clusters.
 */
const SETTLE_MS = 20;
const hctx = (opened: OpenedDb): HandlerContext => ({ opened, host: 'test', version: 'bench' });

function readsOf(asOf: string): Read[] {
  return [
    {
      id: 'pg.overview',
      name: 'headline figures (getOverview)',
      runs: 11,
      run: (o) => getOverview(o.db, asOf),
    },
    {
      id: 'pg.metrics',
      name: 'metrics for all funds (+ portfolio total)',
      runs: 5,
      run: (o) => performanceMetrics(o, asOf),
    },
    {
      id: 'pg.grid-page',
      name: 'a page of 投资 grid rows (ledger.table, 100)',
      runs: 11,
      run: async (o) => must(await dispatch(hctx(o), 'ledger.table', GRID_PAGE)),
    },
  ];
}

/** `start` of the cluster script: its URL and folder, or why there is none. */
function startCluster(): { url: string; dir: string } | { why: string } {
  const r = spawnSync(process.execPath, [CLUSTER, 'start'], { encoding: 'utf8' });
  const m = r.stdout.match(/FUNDDESK_TEST_PG='([^']+)' FUNDDESK_PG_CLUSTER='([^']+)'/);
  if (r.status === 0 && m) return { url: m[1]!, dir: m[2]! };
  if (/找不到 PostgreSQL/.test(r.stderr)) return { why: 'not measured: no PostgreSQL (initdb not found)' };
  return { why: `not measured: the PostgreSQL cluster did not start (${r.stderr.trim().split('\n')[0]})` };
}

async function createDatabase(url: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE DATABASE ${name}`);
  } finally {
    await c.end();
  }
  return url.replace(/\/postgres$/, `/${name}`);
}

export async function pgSuite(ctx: BenchContext) {
  const { results: R } = ctx;
  const reads = readsOf(ctx.asOf);
  const cluster = startCluster();
  if ('why' in cluster) {
    for (const scale of ctx.scales) {
      for (const r of reads) R.missing(r.id, `PostgreSQL: ${r.name}`, scale, cluster.why, WITHIN_3X);
      R.missing('pg.import', 'PostgreSQL: import commit, 50,000 cash flows', scale, cluster.why, FIVE_S);
    }
    return;
  }
  ctx.log(`PostgreSQL cluster at ${cluster.url}`);
  const ui = await startUi(ctx);
  try {
    const file = ctx.export50k ? await importFile(ctx.export50k) : null;
    for (const scale of ctx.scales) {
      try {
        await onScale(ctx, scale, reads, file, cluster.url, ui);
      } catch (e) {
        // One scale's failure is its row, not the end of the suite (the other scale is still measured).
        R.missing('pg.error', 'PostgreSQL suite', scale, `crashed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    if ('browser' in ui) await ui.browser.close();
    execFileSync(process.execPath, [CLUSTER, 'stop', cluster.dir], { stdio: 'ignore' });
  }
}

/** The grid rows (browser.ts) through the preview server on the PostgreSQL database `url`. */
async function gridOnPg(ctx: BenchContext, scale: DbScale, url: string, litePath: string, ui: Ui) {
  if ('why' in ui) {
    ctx.results.missing('pg.grid.sort', 'PostgreSQL: grid: sort by a column', scale, ui.why);
    return;
  }
  const { rows, needle } = gridFacts(litePath);
  const server = await serve(url, ui.rendererDir);
  try {
    await gridRuns(ctx, ui.browser, server.url, scale, rows, needle, {
      id: 'pg.',
      name: 'PostgreSQL: ',
    });
  } finally {
    server.proc.kill('SIGTERM');
    await new Promise((ok) => server.proc.once('exit', ok));
  }
}

type ImportFile = { fileName: string; data: string; rows: number };

/** The cash-flow ledger of the 50,000-row database as CSV (as the io and host suites import it). */
async function importFile(src: string): Promise<ImportFile> {
  const opened = await openDatabase(src, { mustExist: true, skipIntegrityCheck: true });
  try {
    return must(
      await dispatch(hctx(opened), 'ledger.export', { ledger: 'cash_flow', format: 'csv', unit: 'wan' }),
    );
  } finally {
    await opened.close();
  }
}

async function onScale(
  ctx: BenchContext,
  scale: DbScale,
  reads: Read[],
  file: ImportFile | null,
  clusterUrl: string,
  ui: Ui,
) {
  const { results: R } = ctx;
  const w = workDir(`pg-${scale}`);
  const litePath = copyDb(ctx.dbs[scale]!, w.dir);
  const lite = await openDatabase(litePath, { skipIntegrityCheck: true });
  let pgDb: OpenedDb | null = null;
  try {
    const url = await createDatabase(clusterUrl, `bench_${scale}`);
    pgDb = await openDatabase(url);
    const t0 = performance.now();
    const checks = await copyDatabase(lite, pgDb);
    const copyMs = performance.now() - t0;
    const rows = checks.reduce((a, c) => a + c.rows, 0);
    R.add('pg.copy', 'PostgreSQL: funddesk copy of the benchmark file', scale, timingOf([copyMs]), {
      note: `${fmtInt(rows)} rows in ${checks.length} tables, checked by row counts and money sums`,
    });
    // The copy leaves its tables vacuumed and analysed (services/copy.ts: planner statistics, and the
    // visibility map index-only scans need to skip the table), as a user's copy is: measured in that state.

    for (const r of reads) {
      const time = (o: OpenedDb) =>
        measure({
          run: () => r.run(o),
          warmup: 2,
          runs: runsOf(ctx, r.runs),
          budgetMs: 30_000,
          settleMs: SETTLE_MS,
        });
      const sqlite = await time(lite);
      const onPg = await time(pgDb);
      const ratio = onPg.median / sqlite.median;
      R.add(`${r.id}.sqlite`, `SQLite: ${r.name}`, scale, sqlite, {
        note: 'the same call on the SQLite file',
      });
      R.add(r.id, `PostgreSQL: ${r.name}`, scale, onPg, {
        target: WITHIN_3X,
        figure: ratio,
        note: `PostgreSQL/SQLite = ${ratio.toFixed(2)}× (SQLite ${sqlite.median.toFixed(1)} ms)`,
      });
    }

    await gridOnPg(ctx, scale, url, litePath, ui);

    if (file) {
      const input = { ledger: 'cash_flow', fileName: file.fileName, bytes: file.data };
      const commit = async (o: OpenedDb) => {
        let created = 0;
        const t = await measure({
          setup: async () => must(await dispatch(hctx(o), 'import.preview', input)),
          run: async () => {
            created = must<{ created: number }>(
              await dispatch(hctx(o), 'import.commit', { ...input, duplicates: 'skip', remember: false }),
            ).created;
          },
          warmup: 0,
          runs: 1,
        });
        return { t, created };
      };
      const a = await commit(lite);
      const b = await commit(pgDb);
      R.add('pg.import.sqlite', `SQLite: import commit, ${fmtInt(file.rows)} cash flows`, scale, a.t, {
        target: FIVE_S,
        note: `after its preview: backup, ${fmtInt(a.created)} rows + audit in one transaction`,
      });
      R.add('pg.import', `PostgreSQL: import commit, ${fmtInt(file.rows)} cash flows`, scale, b.t, {
        target: FIVE_S,
        note: `after its preview: ${fmtInt(b.created)} rows + audit in one transaction (no file backup on a server); ${(b.t.median / a.t.median).toFixed(2)}× SQLite`,
      });
    }
  } finally {
    await pgDb?.close();
    await lite.close();
    w.cleanup();
  }
}
