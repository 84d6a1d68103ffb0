import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { codesText, headerWithUnit } from '../../../shared/columns/convert';
import type { ColumnSpec } from '../../../shared/columns/spec';
import { ENTITY, type Entity } from '../../../shared/domain';
import { FEN_PER_UNIT, UNIT_LABEL, type Unit } from '../../../shared/money';
import type { Db } from '../../db/open';
import { streamedWorkbook } from '../../export/exceljs';
import { guardFormula } from '../../export/formula-guard';
import { type RawCell, rawRows } from '../../export/xlsx-rows';
import { listRows } from '../ledger/service';
import { importColumns } from './headers';

/**
 * The export of one ledger, as xlsx or CSV, with exactly the headers of its import template: money
 * columns carry their unit in the header ("认缴规模（万元）") and hold exact values in that unit, dates
 * are real dates, codes are their Chinese labels, linked records their names. So an export imports
 * back unchanged (see tests/service/import-roundtrip.test.ts).
 */

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportFile {
  fileName: string;
  mime: string;
  data: Buffer;
  rows: number;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv;charset=utf-8';

/** The ledger's file name stem, e.g. "现金流台账". */
export function ledgerTitle(entity: Entity, kind?: 'sub' | 'direct'): string {
  if (entity === 'fund' && kind) return kind === 'sub' ? '子基金台账' : '直投基金台账';
  return `${ENTITY.label[entity]}台账`;
}

export function exportHeaders(entity: Entity, unit: Unit): string[] {
  return importColumns(entity).map((c) => headerWithUnit(c, UNIT_LABEL[unit]));
}

/** fen as an exact decimal in `unit`, without grouping: 123456789 fen → "123.456789" (万元). */
export function fenToDecimal(fen: number, unit: Unit): string {
  const per = BigInt(FEN_PER_UNIT[unit]);
  const neg = fen < 0;
  const abs = BigInt(Math.abs(fen));
  const int = abs / per;
  let frac = (abs % per).toString().padStart(String(FEN_PER_UNIT[unit]).length - 1, '0');
  frac = frac.replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

function isoToExcelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

type Row = Record<string, unknown>;

/** A value as the xlsx cell holds it. */
function xlsxValue(spec: ColumnSpec, row: Row, unit: Unit): RawCell {
  const v = row[spec.field];
  if (spec.kind === 'link') return (row[spec.nameField] as string | null) ?? null;
  if (v == null || v === '') return null;
  switch (spec.kind) {
    case 'money':
      return Number(fenToDecimal(v as number, unit));
    case 'date':
      return isoToExcelDate(v as string);
    case 'enum':
    case 'multiEnum':
      return codesText(spec, v);
    case 'bool':
      return v ? '是' : '否';
    case 'number':
    case 'ratio':
      return v as number;
    default:
      return String(v);
  }
}

function csvValue(spec: ColumnSpec, row: Row, unit: Unit): string {
  const v = row[spec.field];
  if (spec.kind === 'link') return guardFormula(String(row[spec.nameField] ?? ''));
  if (v == null || v === '') return '';
  switch (spec.kind) {
    case 'money':
      return fenToDecimal(v as number, unit);
    case 'date':
      return String(v);
    case 'number':
    case 'ratio':
      return String(v);
    default: {
      const x = xlsxValue(spec, row, unit);
      return guardFormula(String(x ?? ''));
    }
  }
}

function moneyFormat(unit: Unit) {
  return unit === 'yi' ? '#,##0.0000' : '#,##0.00';
}

/** Header row, widths, formats and frozen header shared by exports and templates. */
export function setUpSheet(ws: ExcelJS.Worksheet, specs: ColumnSpec[], unit: Unit) {
  setUpColumns(ws, specs, unit);
  ws.views = FROZEN_HEADER;
}

const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];

function columnStyle(s: ColumnSpec, unit: Unit): Partial<ExcelJS.Style> {
  if (s.kind === 'money') return { numFmt: moneyFormat(unit) };
  if (s.kind === 'date') return { numFmt: 'yyyy-mm-dd' };
  if (s.kind === 'number' && s.field === 'stake_pct') return { numFmt: '0.00##' };
  return {};
}

/** Header row, widths and formats (a streamed sheet takes its frozen header as an option). */
function setUpColumns(ws: ExcelJS.Worksheet, specs: ColumnSpec[], unit: Unit) {
  ws.columns = specs.map((s) => ({
    header: headerWithUnit(s, UNIT_LABEL[unit]),
    key: s.field,
    width: Math.max(10, Math.round((s.width ?? 120) / 7)),
    style: columnStyle(s, unit),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 24;
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin', color: { argb: 'FF8EA3C2' } } };
  });
}

export async function exportLedger(
  db: Db,
  entity: Entity,
  opts: { format: ExportFormat; unit: Unit; kind?: 'sub' | 'direct' | undefined },
): Promise<ExportFile> {
  const specs = importColumns(entity);
  const rows = (await listRows(
    db,
    entity,
    entity === 'fund' && opts.kind ? { kind: opts.kind } : undefined,
  )) as Row[];
  const title = ledgerTitle(entity, opts.kind);
  if (opts.format === 'csv') {
    const data = [
      exportHeaders(entity, opts.unit),
      ...rows.map((r) => specs.map((s) => csvValue(s, r, opts.unit))),
    ];
    const text = Papa.unparse(data, { newline: '\r\n' });
    return {
      fileName: `${title}.csv`,
      mime: CSV_MIME,
      data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      rows: rows.length,
    };
  }
  const { wb, bytes } = await streamedWorkbook();
  wb.creator = 'FundDesk';
  wb.created = new Date();
  const ws = wb.addWorksheet(title.replace(/台账$/, ''), { views: FROZEN_HEADER });
  setUpColumns(ws as unknown as ExcelJS.Worksheet, specs, opts.unit);
  ws.getRow(1).commit();
  // The rows as XML straight into the sheet, each cell styled as its column (export/xlsx-rows.ts).
  const body = rawRows(
    wb,
    ws as unknown as ExcelJS.Worksheet,
    specs.map((s) => columnStyle(s, opts.unit)),
  );
  for (const r of rows) body.write(specs.map((s) => xlsxValue(s, r, opts.unit)));
  body.flush();
  if (rows.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: specs.length } };
  }
  ws.commit();
  const data = await bytes();
  return { fileName: `${title}.xlsx`, mime: XLSX_MIME, data, rows: rows.length };
}
