import type { LinkEntity } from '../contract/ledger';

type CodeSet = { codes: readonly string[]; label: Record<string, string> };

/** One column of a ledger grid, described once: the grid, the add form and paste all use it. */
export type ColumnSpec = {
  field: string;
  header: string;
  width?: number;
  pinned?: 'left';
  /** Must be filled when adding. */
  required?: boolean;
  /** Not editable (computed or linked names). */
  readOnly?: boolean;
  /** Hidden in the grid unless the user shows it (still in the add form). */
  hidden?: boolean;
  /** Left out of the add form. */
  noForm?: boolean;
  /** Money columns summed in the totals row. */
  total?: boolean;
  /** An optional code that may be cleared (stored as NULL); other codes fall back to their default. */
  nullable?: boolean;
  /**
   * Left empty, the field still changes a figure: the add form says so under it and again on saving. A money
   * column with one is stored as 0 when left empty (its schema, schemas/ledger-field.ts).
   */
  emptyWarning?: string;
} & (
  | { kind: 'text'; multiline?: boolean }
  | { kind: 'money' }
  | { kind: 'date' }
  | { kind: 'enum'; set: CodeSet }
  | { kind: 'multiEnum'; set: CodeSet }
  | { kind: 'link'; link: LinkEntity; nameField: string }
  | { kind: 'number'; digits?: number; suffix?: string; min?: number; max?: number }
  | { kind: 'ratio' }
  | { kind: 'bool' }
);

export type Kind = ColumnSpec['kind'];

/** The largest multiple a 'ratio' column takes (返投倍数): paste, import and the schema all stop here. */
export const RATIO_MAX = 100;
