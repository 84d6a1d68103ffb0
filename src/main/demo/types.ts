import type { Entity } from '../../shared/domain';
import type { Row, TableName } from '../db/schema';

/** A demo row: every column of the table with an explicit id, without the timestamps SQLite fills in. */
export type DemoRow<T extends TableName> = Omit<Row<T>, 'created_at' | 'updated_at' | 'row_version'>;

/** The whole demo dataset as plain rows per table. */
export interface DemoData {
  managers: DemoRow<'managers'>[];
  funds: DemoRow<'funds'>[];
  institutions: DemoRow<'institutions'>[];
  enterprises: DemoRow<'enterprises'>[];
  cash_flows: DemoRow<'cash_flows'>[];
  valuations: DemoRow<'valuations'>[];
  investments: DemoRow<'investments'>[];
  landed_projects: DemoRow<'landed_projects'>[];
  financing_deals: DemoRow<'financing_deals'>[];
}

export type DemoTable = keyof DemoData;

/** The ledger tables in insertion order (parents before children), with the entity each holds. */
export const DEMO_TABLES: readonly (readonly [DemoTable, Entity])[] = [
  ['managers', 'manager'],
  ['funds', 'fund'],
  ['institutions', 'institution'],
  ['enterprises', 'enterprise'],
  ['cash_flows', 'cash_flow'],
  ['valuations', 'valuation'],
  ['investments', 'investment'],
  ['landed_projects', 'landed_project'],
  ['financing_deals', 'financing_deal'],
];
