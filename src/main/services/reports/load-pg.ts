import { type Flow, flowsOf, type LedgerColumns } from '../../../shared/metrics/fund';
import type { OpenedDb } from '../../db/open';

/**
 * loadLedgers on PostgreSQL (team mode, #17): the SQLite version reads each fund's flows as two BLOBs built by
 * group_concat (a SQLite speed measure, load.ts); here one ordered query returns the calls and distributions
 * up to asOf in the same order (the covering index's: fund, type, date, amount), and DISTINCT ON picks each
 * fund's latest valuation (SQLite's bare columns of max()).
 */
export function loadLedgersPg(
  raw: OpenedDb['raw'],
  asOf: string,
  ids?: ReadonlySet<number>,
): Map<number, LedgerColumns> {
  type Lists = { calls: Flow[]; distributions: Flow[]; valuations: { date: string; navFen: number }[] };
  const lists = new Map<number, Lists>();
  const get = (id: number): Lists =>
    lists.get(id) ?? lists.set(id, { calls: [], distributions: [], valuations: [] }).get(id)!;
  const only = ids ? 'AND fund_id = ANY(?)' : '';
  const args = (...a: unknown[]) => (ids ? [...a, [...ids]] : a);
  const flows = raw
    .prepare(
      `SELECT fund_id, type, date, amount_fen FROM cash_flows
       WHERE type IN ('call', 'distribution') AND date <= ? ${only}
       ORDER BY fund_id, type, date, amount_fen`,
    )
    .raw(true)
    .all(...args(asOf)) as [number, 'call' | 'distribution', string, number][];
  for (const [id, type, date, amountFen] of flows) {
    const l = get(id);
    (type === 'call' ? l.calls : l.distributions).push({ date, amountFen });
  }
  const navs = raw
    .prepare(
      `SELECT DISTINCT ON (fund_id) fund_id, as_of_date, nav_fen FROM valuations
       WHERE as_of_date <= ? ${only} ORDER BY fund_id, as_of_date DESC`,
    )
    .raw(true)
    .all(...args(asOf)) as [number, string, number][];
  for (const [id, date, navFen] of navs) get(id).valuations.push({ date, navFen });
  // The same columns as on SQLite (LedgerColumns).
  return new Map(
    [...lists].map(([id, l]) => [
      id,
      { calls: flowsOf(l.calls), distributions: flowsOf(l.distributions), valuations: l.valuations },
    ]),
  );
}
