import type { Kysely } from 'kysely';
import { runAll } from './engine';

/**
 * Covering indexes for the aggregates over the big ledgers. The headline figures sum every capital call of
 * the sub-funds, count landed projects and matched enterprises as of a date; through 0001's indexes SQLite
 * visited one table row per cash flow, project or deal, which at 1,000,000 cash flows took seconds. These
 * indexes hold every column those queries read, so they are answered from the index alone (before and after
 * in bench/README.md). Each replaces an index of 0001 that it extends, so writes cost about the same.
 */
const up_ = [
  // Per fund and type, dated: a fund's paid-in (per-fund sums, the fund list's paid-in column) from the index.
  `DROP INDEX IF EXISTS cash_flows_fund_date`,
  `DROP INDEX IF EXISTS cash_flows_type_date`,
  `CREATE INDEX cash_flows_fund_type_date ON cash_flows(fund_id, type, date, amount_fen)`,
  `DROP INDEX IF EXISTS landed_projects_date`,
  `CREATE INDEX landed_projects_date_status ON landed_projects(landed_date, status, amount_fen)`,
  `DROP INDEX IF EXISTS financing_deals_enterprise`,
  `CREATE INDEX financing_deals_enterprise_dates ON financing_deals(enterprise_id, first_contact_date, stage, closed_date, amount_closed_fen)`,
];

const down_ = [
  `DROP INDEX IF EXISTS cash_flows_fund_type_date`,
  `CREATE INDEX cash_flows_fund_date ON cash_flows(fund_id, date)`,
  `CREATE INDEX cash_flows_type_date ON cash_flows(type, date)`,
  `DROP INDEX IF EXISTS landed_projects_date_status`,
  `CREATE INDEX landed_projects_date ON landed_projects(landed_date)`,
  `DROP INDEX IF EXISTS financing_deals_enterprise_dates`,
  `CREATE INDEX financing_deals_enterprise ON financing_deals(enterprise_id)`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await runAll(db, up_);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await runAll(db, down_);
}
