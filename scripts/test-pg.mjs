#!/usr/bin/env node
// The PostgreSQL leg (#17): the service test files that run on both engines, plus tests/postgres, then the e2e
// specs that run on both, against the server in FUNDDESK_TEST_PG (each service test and each e2e test gets a
// fresh schema: tests/helpers/pg-schema.ts). `npm run test:pg` starts a throw-away server for it
// (scripts/pg-test-cluster.mjs). Every file not listed is named in a SQLITE_ONLY list with the reason.
//   node scripts/test-pg.mjs [--service-only | --e2e-only]
import { spawnSync } from 'node:child_process';

const BOTH_ENGINES = [
  'tests/service/ledger-crud.test.ts',
  'tests/service/ledger-bulk-audit.test.ts',
  'tests/service/audit-log.test.ts',
  'tests/service/demo.test.ts',
  'tests/service/overview-report.test.ts',
  'tests/service/reports.test.ts',
  'tests/service/compliance-reinvest.test.ts',
  'tests/service/evaluation.test.ts',
  'tests/service/import-roundtrip.test.ts',
  'tests/service/compliance-alerts.test.ts',
  'tests/service/annual-pack.test.ts',
  'tests/postgres',
];

/** e2e specs that run on PostgreSQL too (the built `funddesk serve` on a fresh schema loaded by `funddesk demo`). */
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
