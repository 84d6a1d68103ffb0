import type { Kysely } from 'kysely';
import { isPostgres, runAll } from './engine';

/**
 * PostgreSQL only: the yearly cash-flow totals of 0003 kept per INSERT statement instead of per row.
 *
 * Why: 0003's trigger runs FOR EACH ROW, so a 50,000-row import upserts the same few (fund, type, year) rows
 * 50,000 times in one transaction; on PostgreSQL each update leaves a row version the next one steps over, and
 * the import took 6.4 s against SQLite's 1.2 s (9.4 s of its INSERTs with the trigger, 3.8 s without). A
 * statement-level trigger with a transition table adds each statement's rows grouped: one upsert per
 * (fund, type, year) per statement. UPDATE and DELETE keep 0003's row trigger (a trigger with transition
 * tables cannot fire on several events, nor on a column list). SQLite keeps its row triggers: there an upsert
 * is an in-place b-tree write and the import is as fast as before. The totals stay exactly
 * SELECT fund_id, type, year, sum(amount_fen), count(*) FROM cash_flows GROUP BY 1, 2, 3
 * (tests/service/cash-flow-year-totals.test.ts, on both engines).
 */
const UP = [
  `DROP TRIGGER IF EXISTS cash_flows_year_totals ON cash_flows`,
  `CREATE TRIGGER cash_flows_year_totals
    AFTER DELETE OR UPDATE OF fund_id, type, date, amount_fen ON cash_flows
    FOR EACH ROW EXECUTE FUNCTION cash_flows_year_totals()`,
  `CREATE FUNCTION cash_flows_year_totals_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO cash_flow_year_totals AS t (fund_id, type, year, amount_fen, flows)
    SELECT fund_id, type, CAST(substr(date, 1, 4) AS BIGINT), sum(amount_fen), count(*)
      FROM added_rows GROUP BY 1, 2, 3
    ON CONFLICT (fund_id, type, year) DO UPDATE
      SET amount_fen = t.amount_fen + excluded.amount_fen, flows = t.flows + excluded.flows;
  RETURN NULL;
END $$`,
  `CREATE TRIGGER cash_flows_year_totals_added AFTER INSERT ON cash_flows
    REFERENCING NEW TABLE AS added_rows FOR EACH STATEMENT EXECUTE FUNCTION cash_flows_year_totals_added()`,
];

const DOWN = [
  `DROP TRIGGER IF EXISTS cash_flows_year_totals_added ON cash_flows`,
  `DROP FUNCTION IF EXISTS cash_flows_year_totals_added()`,
  `DROP TRIGGER IF EXISTS cash_flows_year_totals ON cash_flows`,
  `CREATE TRIGGER cash_flows_year_totals
    AFTER INSERT OR DELETE OR UPDATE OF fund_id, type, date, amount_fen ON cash_flows
    FOR EACH ROW EXECUTE FUNCTION cash_flows_year_totals()`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await runAll(db, UP);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await runAll(db, DOWN);
}
