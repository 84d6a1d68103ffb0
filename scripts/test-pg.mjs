#!/usr/bin/env node
// The PostgreSQL leg (#17): the service test files that run on both engines, plus tests/postgres, against the
// server in FUNDDESK_TEST_PG (each test gets a fresh schema: tests/helpers/temp-db.ts). `npm run test:pg`
// starts a throw-away server for it (scripts/pg-test-cluster.mjs). Grow BOTH_ENGINES as services are ported.
import { spawnSync } from 'node:child_process';

const BOTH_ENGINES = [
  'tests/service/ledger-crud.test.ts',
  'tests/service/ledger-bulk-audit.test.ts',
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
  'tests/service/null-order.test.ts',
  'tests/postgres',
];

if (!process.env.FUNDDESK_TEST_PG) {
  console.error('需要 FUNDDESK_TEST_PG=postgres://…（或运行 npm run test:pg，它会临时启动一个 PostgreSQL）');
  process.exit(2);
}
const r = spawnSync('npx', ['vitest', 'run', ...BOTH_ENGINES], { stdio: 'inherit' });
process.exit(r.status ?? 1);
