/**
 * What a file reader hands on: the rows of one sheet as cells, whatever the file format was.
 * A cell keeps what the spreadsheet knew about it (a date format, a percent format, a formula with no
 * value, an error value), so conversion can read it the way the user sees it in Excel.
 */
export type Cell =
  | null
  | string
  | number
  | boolean
  | { kind: 'date'; iso: string; serial: number }
  | { kind: 'percent'; value: number }
  | { kind: 'error'; message: string };

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it (CSV: the record number). */
  rowNumber: number;
  cells: Cell[];
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface ReadResult {
  format: 'xlsx' | 'csv';
  /** CSV: the encoding the text was read in. */
  encoding: string | null;
  sheets: SheetInfo[];
  /** The sheet read (null for CSV). */
  sheet: string | null;
  /** Rows that hold at least one value, in order. */
  rows: SheetRow[];
  /** Highest column index (0-based) holding a value, plus one. */
  width: number;
}

/** Excel shows numbers with 15 significant digits: drop binary noise such as 0.30000000000000004. */
export function tidyNumber(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return n;
  return Number(n.toPrecision(15));
}

/** A cell as text, the way a user reads it (for the preview and for text columns). */
export function cellText(c: Cell): string {
  if (c == null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(tidyNumber(c));
  if (typeof c === 'boolean') return c ? '是' : '否';
  switch (c.kind) {
    case 'date':
      return c.iso;
    case 'percent':
      return `${tidyNumber(c.value * 100)}%`;
    case 'error':
      return '#错误';
  }
}

export function isEmptyCell(c: Cell): boolean {
  return c == null || (typeof c === 'string' && c.trim() === '');
}
