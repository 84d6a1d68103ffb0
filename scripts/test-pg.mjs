#!/usr/bin/env node
// The PostgreSQL leg (#17): the service test files that run on both engines, plus tests/postgres, then the e2e
// specs that run on both, against the server in FUNDDESK_TEST_PG (each service test gets a fresh schema, each
// e2e test a copy of a database the demo was loaded into once per worker: tests/helpers/pg-schema.ts). `npm run test:pg` starts a throw-away server for it
// (scripts/pg-test-cluster.mjs). Every file not listed is named in SQLITE_ONLY / NOT_YET / E2E_SQLITE_ONLY with the reason.
//   node scripts/test-pg.mjs [--service-only | --e2e-only]
import { spawnSync } from 'node:child_process';

const BOTH_ENGINES = [
  'tests/service/ledger-crud.test.ts',
  'tests/service/ledger-bulk-audit.test.ts',
  'tests/service/ledger-page.test.ts',
  'tests/service/audit-log.test.ts',
  'tests/service/audit-user.test.ts',
  'tests/service/ledger-versions.test.ts',
  'tests/service/migration-0009.test.ts',
  'tests/service/demo.test.ts',
  'tests/service/overview-report.test.ts',
  'tests/service/reports.test.ts',
  'tests/service/compliance-reinvest.test.ts',
  'tests/service/evaluation.test.ts',
  'tests/service/import-roundtrip.test.ts',
  'tests/service/compliance-alerts.test.ts',
  'tests/service/annual-pack.test.ts',
  'tests/service/export.test.ts',
  'tests/service/pdf-parts.test.ts',
  'tests/service/fuzz.test.ts',
  'tests/service/import-formats.test.ts',
  'tests/service/null-order.test.ts',
  'tests/service/insert-rows.test.ts',
  'tests/service/reports-libreoffice.test.ts',
  'tests/service/demo-clear.test.ts',
  'tests/service/import-control-chars.test.ts',
  'tests/service/input-edges.test.ts',
  'tests/service/report-csv-sections.test.ts',
  'tests/service/preview-server.test.ts',
  'tests/service/export-import-property.test.ts',
  'tests/service/import-hostile.test.ts',
  'tests/postgres',
];

/**
 * Service files of SQLite alone, and why (run against a server on 2026-12-05; the figures are under a load
 * average of ~25 on 2 cores). Files without tempDb() open SQLite files by design and would only repeat the
 * SQLite leg here.
 */
export const SQLITE_ONLY = {
  'tests/service/backup.test.ts':
    'file backups (online backup API, a folder beside the file); on a server: copy/pg_dump',
  'tests/service/backup-worker.test.ts': 'the backup copy made by a worker thread from the SQLite file',
  'tests/service/restore-safety.test.ts': 'restores a file over damaged/truncated SQLite files',
  'tests/service/serve-recovery.test.ts': 'funddesk serve on a truncated SQLite file shows the restore page',
  'tests/service/serve-shutdown.test.ts':
    'funddesk serve quitting on SIGTERM (the HTTP side is the same on a server); the SQLite -wal file shows the clean close',
  'tests/service/concurrent-writers.test.ts': "SQLite's one-writer lock and WAL readers across processes",
  'tests/service/integrity.test.ts':
    'integrity_check / foreign_key_check of damaged SQLite files (no tempDb)',
  'tests/service/db-open.test.ts':
    'opening SQLite files: header, application id, WAL, read-only files (no tempDb)',
  'tests/service/db-odd-files.test.ts': 'odd files given as a SQLite database (no tempDb)',
  'tests/service/data-host.test.ts':
    'the data host and its reader lane on a SQLite file (no tempDb; tests/postgres/data-host.test.ts covers the server)',
  'tests/service/data-host-restart.test.ts': 'restart of the data host thread on a SQLite file (no tempDb)',
  'tests/service/data-host-long-tasks.test.ts':
    'the reader lane answering during a long write on a SQLite file (no tempDb)',
  'tests/service/cli-args.test.ts': 'argument parsing and file paths of the CLI (no tempDb)',
  'tests/service/cli-report.test.ts': 'the CLI on SQLite files (no tempDb)',
  'tests/service/import-cli.test.ts': 'funddesk import on SQLite files (no tempDb)',
  'tests/service/import-skip-invalid.test.ts': 'funddesk import --skip-invalid on SQLite files (no tempDb)',
  'tests/service/load-ledgers.test.ts':
    "rows a SQLite file can hold and a server refuses: flows of a missing fund written with foreign_keys = OFF, and SQLite's CHECK messages",
  'tests/service/import-analysis-cache.test.ts':
    'the cached analysis dropped when another program writes the SQLite file (a second better-sqlite3 connection)',
  'tests/service/cash-flow-year-totals.test.ts':
    'two of its three cases restore a SQLite file and open a previous-version SQLite file; the 300 random edits pass on PostgreSQL given time (migration 0010)',
  'tests/service/migration-0007.test.ts':
    'a version-6 SQLite file upgraded in place, checked through sqlite_master',
};

/**
 * Not in the leg yet, with what is known (run them with FUNDDESK_TEST_PG=… npx vitest run FILE). None today:
 * export-import-property (473 s under load: 18 databases migrated over the wire) now copies the database
 * migrated once for the run (tests/helpers/pg-global-setup.ts), 49 s under a load average of 15; import-hostile's
 * million-column CSV missed its 5 s bound under load on either engine (one query before the file is read), and
 * its refusal now counts the columns without splitting the line (a third of the CPU time).
 */
export const NOT_YET = {};

/**
 * e2e specs that run on PostgreSQL too: every spec but E2E_SQLITE_ONLY (the built `funddesk serve` on a copy of a
 * database loaded by `funddesk demo`).
 */
const E2E_BOTH_ENGINES = [
  'tests/e2e/add-form-errors.spec.ts',
  'tests/e2e/audit.spec.ts',
  'tests/e2e/compliance.spec.ts',
  'tests/e2e/evaluation.spec.ts',
  'tests/e2e/first-hour-ledgers.spec.ts',
  'tests/e2e/first-hour.spec.ts',
  'tests/e2e/foundation.spec.ts',
  'tests/e2e/import-skip-invalid.spec.ts',
  'tests/e2e/import.spec.ts',
  'tests/e2e/ledgers-detail.spec.ts',
  'tests/e2e/ledgers-financing.spec.ts',
  'tests/e2e/ledgers-flows.spec.ts',
  'tests/e2e/ledgers-funds.spec.ts',
  'tests/e2e/ledgers-keyboard.spec.ts',
  'tests/e2e/ledgers-large.spec.ts',
  'tests/e2e/ledgers-layout.spec.ts',
  'tests/e2e/ledgers-managers.spec.ts',
  'tests/e2e/ledgers-portfolio.spec.ts',
  'tests/e2e/paste.spec.ts',
  'tests/e2e/reports.spec.ts',
];

/** e2e specs of SQLite alone, and why. */
export const E2E_SQLITE_ONLY = {
  'tests/e2e/backup.spec.ts':
    'file backups in a folder beside the file: on a server the 备份 page points to pg_dump',
  'tests/e2e/cancel.spec.ts':
    'cancels a file restore, and proves nothing changed by reading the SQLite file itself',
  'tests/e2e/concurrency.spec.ts':
    'two `funddesk serve` on one SQLite file; on a server tests/postgres/concurrency.test.ts and ledger-versions',
  'tests/e2e/connection.spec.ts':
    'the dialog refusing a closed port; the server side is tests/postgres/connection-dialog.test.ts',
};

if (!process.env.FUNDDESK_TEST_PG) {
  console.error('需要 FUNDDESK_TEST_PG=postgres://…（或运行 npm run test:pg，它会临时启动一个 PostgreSQL）');
  process.exit(2);
}
const only = process.argv[2];
const timed = (name, args) => {
  const t = Date.now();
  const r = spawnSync('npx', args, { stdio: 'inherit' });
  console.log(
    `=== PostgreSQL ${name}: ${r.status === 0 ? '通过 ok' : '失败 failed'} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (only !== '--e2e-only') timed('service', ['vitest', 'run', ...BOTH_ENGINES]);
// Two workers, as `npm test`'s e2e leg runs (playwright.config.ts); the build is checked by its global setup.
if (only !== '--service-only') timed('e2e', ['playwright', 'test', ...E2E_BOTH_ENGINES]);
