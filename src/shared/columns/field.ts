import type { ColumnSpec } from './spec';

/**
 * One ledger field, declared once (columns/ledgers.ts): the grid's column (a ColumnSpec) and the field's input
 * schema (schemas/ledger-field.ts) are both read from it, so a header, a requirement, a code set or a bound is
 * written in one place. The few facts only the schema needs sit next to the column's own.
 */
export type LedgerField = ColumnSpec & {
  /** The field's name in messages when the header alone is too short (状态 → 基金状态); default: the header. */
  label?: string;
  /** Longest text accepted, in characters (default: 200 for a required text, 2000 otherwise). */
  maxLength?: number;
  /** Text checked and stored as a 统一社会信用代码 (shared/uscc.ts). */
  format?: 'uscc';
  /** An amount that must be more than 0 (a cash flow, an investment). */
  positive?: true;
  /** The code stored when an optional code column is left empty. */
  default?: string;
};

/** The grid's view of a field: its declaration without what only the schema reads. */
export function columnOf(field: LedgerField): ColumnSpec {
  const { label: _l, maxLength: _m, format: _f, positive: _p, default: _d, ...column } = field;
  return column as ColumnSpec;
}
