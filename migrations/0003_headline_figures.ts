import type { Kysely } from 'kysely';
import { isPostgres, runAll } from './engine';

/**
 * For the headline figures at 100x the demo data (75 ms → under the 50 ms target; bench/README.md):
 *
 * 1. Financing deals: the closed deals per enterprise from one index (stage, enterprise, closed date, amount):
 *    the enterprises financed and the amount closed by a date in one ordered pass over the closed deals, with
 *    no temporary b-tree, instead of grouping all 100,000 deals. It replaces 0001's (stage, closed_date).
 *
 * 2. Yearly totals of the cash flows, per fund and type, kept by triggers in the same transaction as every write
 * to cash_flows (add, edit, delete, paste, import, demo data, restore — there is no other way to write a row).
 *
 * Why: the headline figures sum every capital call of the sub-funds up to a date. Even from the covering index
 * of 0002 that reads every call row — 40 ms of the 75 ms the figures took at 100x the demo data (1,000,000
 * cash flows; bench/README.md). With these totals a paid-in as of a date is the totals of the years before
 * its year plus the calls of its own year up to the date: about a twelfth of the rows.
 *
 * A year's row disappears when its last flow does, so the table holds exactly
 * SELECT fund_id, type, year, sum(amount_fen), count(*) FROM cash_flows GROUP BY 1, 2, 3 (tested).
 */
const YEAR = (d: string) => `CAST(substr(${d}, 1, 4) AS INTEGER)`;

const add = (r: 'NEW') => `
  INSERT INTO cash_flow_year_totals (fund_id, type, year, amount_fen, flows)
  VALUES (${r}.fund_id, ${r}.type, ${YEAR(`${r}.date`)}, ${r}.amount_fen, 1)
  ON CONFLICT (fund_id, type, year) DO UPDATE
    SET amount_fen = amount_fen + excluded.amount_fen, flows = flows + 1;`;

const remove = (r: 'OLD') => `
  UPDATE cash_flow_year_totals SET amount_fen = amount_fen - ${r}.amount_fen, flows = flows - 1
    WHERE fund_id = ${r}.fund_id AND type = ${r}.type AND year = ${YEAR(`${r}.date`)};
  DELETE FROM cash_flow_year_totals
    WHERE fund_id = ${r}.fund_id AND type = ${r}.type AND year = ${YEAR(`${r}.date`)} AND flows = 0;`;

const up_ = [
  `DROP INDEX IF EXISTS financing_deals_stage`,
  `CREATE INDEX financing_deals_stage_enterprise ON financing_deals(stage, enterprise_id, closed_date, amount_closed_fen)`,
  `CREATE TABLE cash_flow_year_totals (
  fund_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  year INTEGER NOT NULL,
  amount_fen INTEGER NOT NULL,
  flows INTEGER NOT NULL,
  PRIMARY KEY (fund_id, type, year)) WITHOUT ROWID`,
  `INSERT INTO cash_flow_year_totals (fund_id, type, year, amount_fen, flows)
  SELECT fund_id, type, ${YEAR('date')}, sum(amount_fen), count(*) FROM cash_flows GROUP BY 1, 2, 3`,
  `CREATE TRIGGER cash_flows_year_totals_insert AFTER INSERT ON cash_flows BEGIN ${add('NEW')} END`,
  `CREATE TRIGGER cash_flows_year_totals_delete AFTER DELETE ON cash_flows BEGIN ${remove('OLD')} END`,
  `CREATE TRIGGER cash_flows_year_totals_update AFTER UPDATE OF fund_id, type, date, amount_fen ON cash_flows
  BEGIN ${remove('OLD')} ${add('NEW')} END`,
];

/** PostgreSQL: the same bookkeeping as one PL/pgSQL trigger function (SQLite's trigger bodies are not SQL there). */
const PG_TRIGGERS = [
  `CREATE FUNCTION cash_flows_year_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE cash_flow_year_totals SET amount_fen = amount_fen - OLD.amount_fen, flows = flows - 1
      WHERE fund_id = OLD.fund_id AND type = OLD.type AND year = CAST(substr(OLD.date, 1, 4) AS BIGINT);
    DELETE FROM cash_flow_year_totals
      WHERE fund_id = OLD.fund_id AND type = OLD.type AND year = CAST(substr(OLD.date, 1, 4) AS BIGINT) AND flows = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO cash_flow_year_totals AS t (fund_id, type, year, amount_fen, flows)
      VALUES (NEW.fund_id, NEW.type, CAST(substr(NEW.date, 1, 4) AS BIGINT), NEW.amount_fen, 1)
      ON CONFLICT (fund_id, type, year) DO UPDATE
        SET amount_fen = t.amount_fen + excluded.amount_fen, flows = t.flows + 1;
  END IF;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER cash_flows_year_totals
    AFTER INSERT OR DELETE OR UPDATE OF fund_id, type, date, amount_fen ON cash_flows
    FOR EACH ROW EXECUTE FUNCTION cash_flows_year_totals()`,
];
const PG_DROP_TRIGGERS = [
  `DROP TRIGGER IF EXISTS cash_flows_year_totals ON cash_flows`,
  `DROP FUNCTION IF EXISTS cash_flows_year_totals()`,
];

const down_ = [
  `DROP TRIGGER IF EXISTS cash_flows_year_totals_insert`,
  `DROP TRIGGER IF EXISTS cash_flows_year_totals_delete`,
  `DROP TRIGGER IF EXISTS cash_flows_year_totals_update`,
  `DROP TABLE IF EXISTS cash_flow_year_totals`,
  `DROP INDEX IF EXISTS financing_deals_stage_enterprise`,
  `CREATE INDEX financing_deals_stage ON financing_deals(stage, closed_date)`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return runAll(db, up_);
  await runAll(
    db,
    up_.filter((s) => !s.startsWith('CREATE TRIGGER')),
  );
  await runAll(db, PG_TRIGGERS);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return runAll(db, down_);
  await runAll(db, [...PG_DROP_TRIGGERS, ...down_.filter((s) => !s.startsWith('DROP TRIGGER'))]);
}
