import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * exceljs, loaded on the first xlsx written: it is a large CommonJS package (hundreds of modules) that every
 * start of the CLI and the preview paid for while importing the handlers, most of them never writing xlsx.
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then(
    (m) => (m as { default?: typeof ExcelJS }).default ?? (m as typeof ExcelJS),
  );
  return loading;
}
