import type { LedgerColumns } from '../../../shared/metrics/fund';
import type { OpenedDb } from '../../db/open';
import { ledgerIn, parseFlows } from './parse-flows';

/**
 * loadLedgers on PostgreSQL (team mode, #17), shaped like the SQLite version (load.ts), in one statement (each
 * statement is a round trip through the worker thread, which at 1x costs as much as the reading):
 * - each fund's calls and distributions up to asOf come back as two strings, the dates end to end (10
 *   characters each) and the amounts in fen comma-separated, parsed straight into the ledger's columns. One
 *   row per fund and type instead of one per flow: at 100x (870,000 flows) a row per flow had `pg` parse, the
 *   worker thread copy and the caller rebuild 870,000 rows (38.7 s under load ~30, against SQLite's 2.3 s).
 *   string_agg reads a subquery sorted as the covering index (fund, type, date, amount), so the flows arrive
 *   in that order without a sort: an ORDER BY inside the aggregate sorts every group again (PostgreSQL 15
 *   does not see its input is sorted): server CPU of this read at 100x 676 → 226 ms (load ~16). Should a
 *   planner ever feed the rows in another order, the figures are the same (fundMetrics takes flows in any
 *   order), only slower.
 * - each fund's latest valuation on or before asOf (SQLite's bare columns of max()): one probe of the
 *   (fund_id, as_of_date) index per fund instead of sorting every valuation for DISTINCT ON.
 */
export function loadLedgersPg(
  raw: OpenedDb['raw'],
  asOf: string,
  ids?: ReadonlySet<number>,
): Map<number, LedgerColumns> {
  const ledgers = new Map<number, LedgerColumns>();
  const get = (id: number) => ledgerIn(ledgers, id);
  const only = ids ? [...ids] : null;
  const rows = raw
    .prepare(
      `SELECT fund_id, type, string_agg(date, ''), string_agg(amount_fen::text, ','), NULL::bigint
       FROM (SELECT fund_id, type, date, amount_fen FROM cash_flows
             WHERE type IN ('call', 'distribution') AND date <= ? ${only ? 'AND fund_id = ANY(?)' : ''}
             ORDER BY fund_id, type, date, amount_fen) AS s
       GROUP BY fund_id, type
       UNION ALL
       SELECT f.id, 'nav', v.as_of_date, NULL, v.nav_fen FROM funds f CROSS JOIN LATERAL
         (SELECT as_of_date, nav_fen FROM valuations WHERE fund_id = f.id AND as_of_date <= ?
          ORDER BY as_of_date DESC LIMIT 1) AS v
       ${only ? 'WHERE f.id = ANY(?)' : ''}`,
    )
    .raw(true)
    .all(...(only ? [asOf, only, asOf, only] : [asOf, asOf])) as [
    number,
    'call' | 'distribution' | 'nav',
    string,
    string | null,
    number | null,
  ][];
  for (const [id, type, dates, fens, navFen] of rows) {
    if (type === 'nav') {
      get(id).valuations.push({ date: dates, navFen: navFen! });
      continue;
    }
    const parsed = parseFlows(Buffer.from(dates, 'latin1'), Buffer.from(fens!, 'latin1'));
    if (type === 'call') get(id).calls = parsed;
    else get(id).distributions = parsed;
  }
  return ledgers;
}
