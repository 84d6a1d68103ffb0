/**
 * The reports' reads: one query per table (never one per row), on the better-sqlite3 handle with
 * prepared statements, so a 1,000-fund, 1,000,000-cash-flow database is read in well under a second.
 * Everything is as of a date D: records dated after D do not exist yet.
 */
import type { AnyLedger, FundMetrics, LedgerColumns } from '../../../shared/metrics/fund';
import { fundMetrics, NO_FLOWS, portfolioMetrics } from '../../../shared/metrics/fund';
import { isPostgresRaw } from '../../db/engine';
import type { OpenedDb } from '../../db/open';
import { type FundRow, fundsSql } from './funds-sql';
import { loadFundsAndLedgersPg, loadLedgersPg } from './load-pg';
import { ledgerIn, parseFlows } from './parse-flows';

export { FUND_ORDER, type FundRow, fundsSql } from './funds-sql';

type Raw = OpenedDb['raw'];

/** Funds established on or before asOf (or without a date): sub-funds first, then by date. */
export function loadFunds(raw: Raw, asOf: string, filter: { kind?: 'sub' | 'direct'; id?: number } = {}) {
  return raw.prepare(fundsSql(filter)).all({ asOf, ...filter }) as FundRow[];
}

/**
 * The funds of loadFunds (all of them, or the one `fundId`) with the metric ledgers of loadLedgers (of every
 * fund, or of that one). On PostgreSQL in one statement (load-pg.ts): each statement is a round trip through
 * the connection's worker thread, which at 1x costs as much as the reading.
 */
export function loadFundsAndLedgers(raw: Raw, asOf: string, fundId?: number) {
  if (isPostgresRaw(raw)) return loadFundsAndLedgersPg(raw, asOf, fundId);
  return oneRead(raw, () => {
    const funds = loadFunds(raw, asOf, fundId === undefined ? {} : { id: fundId });
    const ledgers = readLedgers(raw, asOf, fundId === undefined ? undefined : new Set([fundId]));
    return { funds, ledgers };
  });
}

/**
 * `read` in one read transaction (a savepoint inside one already open): the statements see one snapshot, and
 * SQLite takes its lock and checks the file once instead of per statement. loadLedgers runs 2,000 statements
 * at 100x the demo: their SQL CPU 121 → 100 ms (load ~26).
 */
function oneRead<T>(raw: Raw, read: () => T): T {
  return raw.transaction(read)();
}

/**
 * The metric ledgers of every fund (calls, distributions, latest NAV on or before asOf). Only funds in
 * `ids` are kept when given.
 *
 * The flows of each fund and type are one range of the covering index cash_flows(fund_id, type, date,
 * amount_fen) (migration 0002), read as two BLOBs: the dates end to end ("2021-03-042021-06-11…"; the
 * schema CHECKs every date against [12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9], so each is 10 bytes) and the
 * amounts in fen ("45000000,1520000000,…"), parsed straight into the ledger's columns (Flows: yyyymmdd, day
 * number and fen). At 100x the demo data (1,000 funds, 870,000 calls and distributions):
 * - the ranges read only calls and distributions up to asOf (no fees or other flows, no later flows; a
 *   past asOf reads only its part): SQLite time 190–250 → 135 ms. The funds are found in the same index by
 *   a loose scan (one seek per fund), so flows of a fund id missing from funds still count, as they did;
 * - BLOBs arrive as Buffers outside the JS heap: 18 MB of text a call that the garbage collector never copies;
 * - no string or object per flow: an object per flow {date, amountFen} (with one shared string per day) cost
 *   ~270 ms of allocation and garbage collection, more than the query (metrics for all funds 498 → see the
 *   commit adding Flows).
 */
export function loadLedgers(raw: Raw, asOf: string, ids?: ReadonlySet<number>): Map<number, LedgerColumns> {
  if (isPostgresRaw(raw)) return loadLedgersPg(raw, asOf, ids);
  return oneRead(raw, () => readLedgers(raw, asOf, ids));
}

/** readLedgers' statements (ledgers-thread.cjs runs the same ones in its helper thread). */
export const LEDGER_SQL = {
  /** Every fund id with a cash flow: a loose scan of the covering index, one seek per fund. */
  fundIds: `WITH RECURSIVE f(id) AS (
      SELECT min(fund_id) FROM cash_flows
      UNION ALL
      SELECT (SELECT min(fund_id) FROM cash_flows WHERE fund_id > f.id) FROM f WHERE f.id IS NOT NULL)
    SELECT id FROM f WHERE id IS NOT NULL`,
  /** One fund's flows of one type up to asOf (parameters: fund id, type, asOf): dates and fen as two BLOBs. */
  flows: `SELECT CAST(group_concat(date, '') AS BLOB), CAST(group_concat(amount_fen) AS BLOB) FROM cash_flows
    WHERE fund_id = ? AND type = ? AND date <= ?`,
  /** SQLite returns the bare columns of the row holding max(): the latest valuation per fund (parameter: asOf). */
  navs: `SELECT fund_id, max(as_of_date), nav_fen FROM valuations WHERE as_of_date <= ? GROUP BY fund_id`,
};

function readLedgers(raw: Raw, asOf: string, ids?: ReadonlySet<number>): Map<number, LedgerColumns> {
  const ledgers = new Map<number, LedgerColumns>();
  const get = (id: number) => ledgerIn(ledgers, id);
  const funds = ids
    ? [...ids].sort((a, b) => a - b)
    : (raw.prepare(LEDGER_SQL.fundIds).pluck().all() as number[]);
  const flows = raw.prepare(LEDGER_SQL.flows).raw(true);
  for (const id of funds) {
    const calls = flows.get(id, 'call', asOf) as [Buffer | null, Buffer | null];
    if (calls[0] !== null) get(id).calls = parseFlows(calls[0], calls[1]!);
    const dists = flows.get(id, 'distribution', asOf) as [Buffer | null, Buffer | null];
    if (dists[0] !== null) get(id).distributions = parseFlows(dists[0], dists[1]!);
  }
  const navs = raw.prepare(LEDGER_SQL.navs).raw(true).all(asOf) as [number, string, number][];
  for (const [id, date, nav] of navs) {
    if (ids && !ids.has(id)) continue;
    get(id).valuations.push({ date, navFen: nav });
  }
  return ledgers;
}

/** The ledger of a fund with no flows and no NAV. */
export const EMPTY_LEDGER: LedgerColumns = { calls: NO_FLOWS, distributions: NO_FLOWS, valuations: [] };

/** §5 metrics of each fund and of all of them together (the totals row). */
export function metricsOf(
  funds: readonly { id: number }[],
  ledgers: Map<number, AnyLedger>,
  asOf: string,
): { byFund: Map<number, FundMetrics>; total: FundMetrics } {
  const byFund = new Map<number, FundMetrics>();
  const all: AnyLedger[] = [];
  for (const f of funds) {
    const l = ledgers.get(f.id) ?? EMPTY_LEDGER;
    all.push(l);
    byFund.set(f.id, fundMetrics(l, asOf));
  }
  return { byFund, total: portfolioMetrics(all, asOf) };
}

export interface InvestmentAgg {
  count: number;
  investedFen: number;
  /** Held on asOf: not exited, or exited after asOf. */
  heldCount: number;
  exitProceedsFen: number;
}

/** Per fund: investments made on or before asOf. */
export function loadInvestmentAgg(raw: Raw, asOf: string): Map<number, InvestmentAgg> {
  const rows = raw
    .prepare(
      `SELECT fund_id, count(*), coalesce(sum(amount_fen), 0),
        sum(CASE WHEN status = 'held' OR exit_date IS NULL OR exit_date > @asOf THEN 1 ELSE 0 END),
        coalesce(sum(CASE WHEN status = 'exited' AND exit_date <= @asOf THEN exit_proceeds_fen END), 0)
       FROM investments WHERE date <= @asOf GROUP BY fund_id`,
    )
    .raw(true)
    .all({ asOf }) as [number, number, number, number, number][];
  return new Map(
    rows.map(([id, count, investedFen, heldCount, exitProceedsFen]) => [
      id,
      { count, investedFen, heldCount, exitProceedsFen },
    ]),
  );
}

/** The district the guidance fund serves: the most common district of in-district enterprises. */
export function homeDistrict(raw: Raw): string | null {
  const r = raw
    .prepare(
      `SELECT district FROM enterprises WHERE in_district = 1 AND district IS NOT NULL AND district <> ''
       GROUP BY district ORDER BY count(*) DESC LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
  return r ?? null;
}
