import type { LedgerColumns } from '../../../shared/metrics/fund';
import type { OpenedDb } from '../../db/open';
import { PgError } from '../../db/pg-sync';
import { FUND_ORDER, type FundRow, fundsSql } from './funds-sql';
import { ledgerIn, parseFlows } from './parse-flows';

type Raw = OpenedDb['raw'];
type Row = [
  number | null,
  'call' | 'distribution' | 'nav' | 'funds',
  string | null,
  string | null,
  number | null,
];

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
 * - with `funds` (loadFundsAndLedgersPg), loadFunds' rows too, as one JSON array in a row of their own: the
 *   metrics of all funds in one round trip instead of two.
 * - the date and the fund ids are written into the text as literals (`v`, when checked to be a date and whole
 *   numbers): a statement without parameters is planned once for the values it holds and its plan kept by the
 *   server (pg-worker.ts names it on its second run), where with parameters PostgreSQL plans the first five
 *   runs anew (1x: 0.5 ms of planning, more than the reading) and may then settle on a generic plan.
 */
function ledgerRows(raw: Raw, v: Values, funds: string | null): Row[] {
  const { asOf, only } = v;
  const fundsPart = funds
    ? `SELECT NULL::bigint, 'funds', (SELECT json_agg(x ORDER BY ${FUND_ORDER('x')})::text FROM (${funds}) AS x),
         NULL, NULL
       UNION ALL `
    : '';
  return raw
    .prepare(
      `${fundsPart}SELECT fund_id, type, string_agg(date, ''), string_agg(amount_fen::text, ','), NULL::bigint
       FROM (SELECT fund_id, type, date, amount_fen FROM cash_flows
             WHERE type IN ('call', 'distribution') AND date <= ${asOf} ${only ? `AND fund_id = ANY(${only})` : ''}
             ORDER BY fund_id, type, date, amount_fen) AS s
       GROUP BY fund_id, type
       UNION ALL
       SELECT f.id, 'nav', v.as_of_date, NULL, v.nav_fen FROM funds f CROSS JOIN LATERAL
         (SELECT as_of_date, nav_fen FROM valuations WHERE fund_id = f.id AND as_of_date <= ${asOf}
          ORDER BY as_of_date DESC LIMIT 1) AS v
       ${only ? `WHERE f.id = ANY(${only})` : ''}`,
    )
    .raw(true)
    .all(...v.params) as Row[];
}

/** What ledgerRows writes for the date, the fund ids (or null: all funds) and one fund's id, and its parameters. */
interface Values {
  asOf: string;
  only: string | null;
  id: string;
  params: unknown[];
}

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Literals when the values are a date and whole numbers (nothing else can be in them), else parameters. */
function valuesOf(asOf: string, ids: ReadonlySet<number> | undefined): Values {
  const only = ids ? [...ids] : null;
  if (ISO_DATE.test(asOf) && (only ?? []).every(Number.isSafeInteger)) {
    return {
      asOf: `'${asOf}'`,
      only: only && `ARRAY[${only.join(',')}]::bigint[]`,
      id: String(only?.[0] ?? 'NULL'),
      params: [],
    };
  }
  return { asOf: '@asOf', only: only && '@only', id: '@id', params: [{ asOf, only, id: only?.[0] }] };
}

function ledgersOf(rows: Row[]): Map<number, LedgerColumns> {
  const ledgers = new Map<number, LedgerColumns>();
  const get = (id: number) => ledgerIn(ledgers, id);
  for (const [id, type, dates, fens, navFen] of rows) {
    if (type === 'funds') continue;
    if (type === 'nav') {
      get(id!).valuations.push({ date: dates!, navFen: navFen! });
      continue;
    }
    const parsed = parseFlows(Buffer.from(dates!, 'latin1'), Buffer.from(fens!, 'latin1'));
    if (type === 'call') get(id!).calls = parsed;
    else get(id!).distributions = parsed;
  }
  return ledgers;
}

export function loadLedgersPg(raw: Raw, asOf: string, ids?: ReadonlySet<number>): Map<number, LedgerColumns> {
  return ledgersOf(ledgerRows(raw, valuesOf(asOf, ids), null));
}

/**
 * loadFundsAndLedgers (load.ts) on PostgreSQL: the funds as JSON, whose whole numbers (bigint money) JSON.parse
 * reads as JS numbers; one outside the safe integers is refused, as the worker refuses it in a column.
 */
export function loadFundsAndLedgersPg(raw: Raw, asOf: string, fundId?: number) {
  const v = valuesOf(asOf, fundId === undefined ? undefined : new Set([fundId]));
  const filter = fundId === undefined ? {} : { id: fundId };
  const rows = ledgerRows(
    raw,
    v,
    fundsSql(filter, (name) => (name === 'kind' ? '@kind' : v[name])),
  );
  const json = rows.find((r) => r[1] === 'funds')?.[2];
  const funds = (json ? JSON.parse(json) : []) as FundRow[];
  for (const f of funds) {
    for (const v of Object.values(f)) {
      if (typeof v === 'number' && !Number.isSafeInteger(v) && Number.isInteger(v)) {
        throw new PgError({ code: 'FD_UNSAFE_INTEGER', message: `integer out of the safe range: ${v}` });
      }
    }
  }
  return { funds, ledgers: ledgersOf(rows) };
}
