/**
 * The funds a report lists (loadFunds in load.ts): their row and statement, on their own so that both
 * engines' loaders (load.ts, load-pg.ts) take them without importing each other.
 */

export interface FundRow {
  id: number;
  kind: 'sub' | 'direct';
  name: string;
  manager_name: string | null;
  uscc: string | null;
  amac_code: string | null;
  established_date: string | null;
  total_size_fen: number;
  guidance_commitment_fen: number;
  other_lp_commitment_fen: number;
  collective_assets_fen: number;
  industries: string;
  district: string | null;
  invest_end_date: string | null;
  exit_end_date: string | null;
  extension_end_date: string | null;
  status: string;
  reinvest_multiple: number | null;
  reinvest_base: 'commitment' | 'paid_in';
  reinvest_deadline: string | null;
  fee_terms: string | null;
  carry_terms: string | null;
  notes: string | null;
}

/**
 * loadFunds' statement (parameters @asOf, @kind, @id, or what `value` writes in their place: load-pg.ts writes
 * checked literals); `f` is the funds table.
 */
export function fundsSql(
  filter: { kind?: 'sub' | 'direct'; id?: number },
  value: (name: 'asOf' | 'kind' | 'id') => string = (name) => `@${name}`,
) {
  const where = [`(f.established_date IS NULL OR f.established_date <= ${value('asOf')})`];
  if (filter.kind) where.push(`f.kind = ${value('kind')}`);
  if (filter.id !== undefined) where.push(`f.id = ${value('id')}`);
  return `SELECT f.id, f.kind, f.name, m.name AS manager_name, f.uscc, f.amac_code, f.established_date,
        f.total_size_fen, f.guidance_commitment_fen, f.other_lp_commitment_fen, f.collective_assets_fen,
        f.industries, f.district, f.invest_end_date, f.exit_end_date, f.extension_end_date, f.status,
        f.reinvest_multiple, f.reinvest_base, f.reinvest_deadline, f.fee_terms, f.carry_terms, f.notes
       FROM funds f LEFT JOIN managers m ON m.id = f.manager_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${FUND_ORDER('f')}`;
}

/** loadFunds' order, of the funds table or of a row of its result named `alias`. */
export const FUND_ORDER = (alias: string) =>
  `CASE ${alias}.kind WHEN 'sub' THEN 0 ELSE 1 END, ${alias}.established_date NULLS FIRST, ${alias}.id`;
