import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Row shapes of the SQLite tables (migrations/0001). Money columns are integer fen. */
/** Every ledger table: stamps and the optimistic-concurrency version (migration 0009). */
type Stamps = {
  created_at: Generated<string>;
  updated_at: Generated<string>;
  row_version: Generated<number>;
};

export interface MetaTable {
  key: string;
  value: string;
}

export interface ManagerTable extends Stamps {
  id: Generated<number>;
  name: string;
  uscc: string | null;
  amac_code: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  notes: string | null;
}

export interface FundTable extends Stamps {
  id: Generated<number>;
  kind: string;
  name: string;
  manager_id: number | null;
  uscc: string | null;
  amac_code: string | null;
  established_date: string | null;
  total_size_fen: Generated<number>;
  guidance_commitment_fen: Generated<number>;
  other_lp_commitment_fen: Generated<number>;
  collective_assets_fen: Generated<number>;
  industries: Generated<string>;
  district: string | null;
  invest_end_date: string | null;
  exit_end_date: string | null;
  extension_end_date: string | null;
  status: Generated<string>;
  reinvest_multiple: number | null;
  reinvest_base: Generated<string>;
  reinvest_deadline: string | null;
  fee_terms: string | null;
  carry_terms: string | null;
  notes: string | null;
}

export interface CashFlowTable extends Stamps {
  id: Generated<number>;
  fund_id: number;
  date: string;
  type: string;
  amount_fen: number;
  doc_no: string | null;
  note: string | null;
}

/** Kept by triggers (migration 0003): per fund, type and calendar year, the sum and count of the cash flows. */
export interface CashFlowYearTotalTable {
  fund_id: number;
  type: string;
  year: number;
  amount_fen: number;
  flows: number;
}

export interface ValuationTable extends Stamps {
  id: Generated<number>;
  fund_id: number;
  as_of_date: string;
  nav_fen: number;
  source: Generated<string>;
  note: string | null;
}

export interface EnterpriseTable extends Stamps {
  id: Generated<number>;
  name: string;
  uscc: string | null;
  industry: Generated<string>;
  district: string | null;
  in_district: Generated<number>;
  founded_date: string | null;
  contact_person: string | null;
  contact_phone: string | null;
  notes: string | null;
}

export interface InvestmentTable extends Stamps {
  id: Generated<number>;
  fund_id: number;
  enterprise_id: number;
  date: string;
  amount_fen: number;
  round: string | null;
  stake_pct: number | null;
  post_money_fen: number | null;
  status: Generated<string>;
  exit_date: string | null;
  exit_proceeds_fen: number | null;
  current_value_fen: number | null;
  reinvest_category: string | null;
  reinvest_recognised_fen: number | null;
  notes: string | null;
}

export interface LandedProjectTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  name: string | null;
  fund_id: number | null;
  landed_date: string;
  amount_fen: number;
  kind: Generated<string>;
  industry: Generated<string>;
  status: Generated<string>;
  reinvest_category: string | null;
  reinvest_recognised_fen: number | null;
  notes: string | null;
}

export interface InstitutionTable extends Stamps {
  id: Generated<number>;
  name: string;
  kind: Generated<string>;
  contact_person: string | null;
  contact_phone: string | null;
  notes: string | null;
}

export interface FinancingDealTable extends Stamps {
  id: Generated<number>;
  enterprise_id: number;
  institution_id: number;
  stage: Generated<string>;
  first_contact_date: string | null;
  amount_sought_fen: number | null;
  amount_closed_fen: number | null;
  closed_date: string | null;
  round: string | null;
  notes: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<string>;
  action: string;
  entity: string;
  entity_id: number;
  summary: string | null;
  before_json: string | null;
  after_json: string | null;
  source: Generated<string>;
  /** Who made the change ('' before migration 0009: 「（未记录）」). */
  user_name: Generated<string>;
}

export interface Database {
  meta: MetaTable;
  managers: ManagerTable;
  funds: FundTable;
  cash_flows: CashFlowTable;
  cash_flow_year_totals: CashFlowYearTotalTable;
  valuations: ValuationTable;
  enterprises: EnterpriseTable;
  investments: InvestmentTable;
  landed_projects: LandedProjectTable;
  institutions: InstitutionTable;
  financing_deals: FinancingDealTable;
  audit_log: AuditLogTable;
}

export type TableName = keyof Database;
export type Row<T extends TableName> = Selectable<Database[T]>;
export type NewRow<T extends TableName> = Insertable<Database[T]>;
export type RowPatch<T extends TableName> = Updateable<Database[T]>;
