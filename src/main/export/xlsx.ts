import type ExcelJS from 'exceljs';
import { FEN_PER_UNIT, UNIT_LABEL, type Unit } from '../../shared/money';
import { columnHeader, DASH, formatCell, numberFormat } from '../../shared/reports/format';
import type {
  CellValue,
  ColumnKind,
  ReportData,
  ReportFigure,
  ReportTable,
} from '../../shared/reports/types';
import { breathe, displayWidth, type Progress, subtitleLine } from './common';
import { streamedWorkbook } from './exceljs';
import { rawRows } from './xlsx-rows';

const FONT = 'Microsoft YaHei';
const BORDER_COLOR = { argb: 'FFC9D1DB' };
const thin = { style: 'thin' as const, color: BORDER_COLOR };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };
const TOTAL_BOX = { ...BOX, top: { style: 'medium' as const, color: { argb: 'FF7B8794' } } };
const FONT_BODY = { name: FONT, size: 10 };
const FONT_BOLD = { name: FONT, size: 10, bold: true };
const HEADER_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFE8EEF7' },
};
const TOTAL_FILL = {
  type: 'pattern' as const,
  pattern: 'solid' as const,
  fgColor: { argb: 'FFF3F6FB' },
};

/** The value of one cell as stored: numbers in the unit, dates as dates, '—' where no ratio exists. */
export function xlsxValue(kind: ColumnKind, v: CellValue, unit: Unit): string | number | Date | null {
  if (v === null || v === undefined) {
    return kind === 'percent' || kind === 'ratio' || kind === 'multiple' ? DASH : null;
  }
  if (typeof v === 'string') {
    if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      return new Date(Date.UTC(Number(v.slice(0, 4)), Number(v.slice(5, 7)) - 1, Number(v.slice(8, 10))));
    }
    return v;
  }
  if (kind === 'money') return v / FEN_PER_UNIT[unit];
  return v;
}

function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || '表';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}

/** Column widths from the header and the first rows' shown text. */
function widths(t: ReportTable, unit: Unit): number[] {
  const sample = t.rows.length > 2000 ? t.rows.slice(0, 2000) : t.rows;
  return t.columns.map((c) => {
    // A header wraps before its unit: “引导基金认缴 / （万元）” — wide enough for its longer part.
    let w = Math.min(
      18,
      Math.max(
        ...columnHeader(c, unit)
          .split(/(?=（)/)
          .map(displayWidth),
      ),
    );
    for (const r of sample) w = Math.max(w, displayWidth(formatCell(c.kind, r[c.key] ?? null, unit)));
    if (t.totals) w = Math.max(w, displayWidth(formatCell(c.kind, t.totals[c.key] ?? null, unit)));
    return Math.max(6, Math.min(w + 2, c.kind === 'text' ? 36 : 24));
  });
}

function pageSetup(columns: number, landscape = false) {
  return {
    paperSize: 9, // A4
    orientation: (landscape || columns > 8 ? 'landscape' : 'portrait') as 'landscape' | 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

const FOOTER = { oddFooter: '&C&9第 &P 页 / 共 &N 页' };

/** A merged text row: no borders from the columns below. */
function plain(row: ExcelJS.Row, span: number) {
  for (let i = 1; i <= span; i++) row.getCell(i).style = {};
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, span: number) {
  const t = ws.addRow([title]);
  plain(t, span);
  t.height = 26;
  t.getCell(1).font = { name: FONT, size: 15, bold: true, color: { argb: 'FF1F2D3D' } };
  t.getCell(1).alignment = { vertical: 'middle' };
  if (span > 1) ws.mergeCells(t.number, 1, t.number, span);
  t.commit();
  const s = ws.addRow([subtitle]);
  plain(s, span);
  s.getCell(1).font = { name: FONT, size: 10, color: { argb: 'FF5B6673' } };
  if (span > 1) ws.mergeCells(s.number, 1, s.number, span);
  s.commit();
}

function noteRows(ws: ExcelJS.Worksheet, notes: string[], span: number) {
  if (notes.length === 0) return;
  ws.addRow([]).commit();
  notes.forEach((n, i) => {
    const r = ws.addRow([`${notes.length > 1 ? `注${i + 1}：` : '注：'}${n}`]);
    plain(r, span);
    r.getCell(1).font = { name: FONT, size: 9, color: { argb: 'FF5B6673' } };
    r.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (span > 1) ws.mergeCells(r.number, 1, r.number, span);
    // Wrapped merged cells do not grow by themselves: give long notes room.
    const perLine = Math.max(40, span * 12);
    r.height = Math.max(1, Math.ceil(displayWidth(n) / perLine)) * 14 + 2;
    r.commit();
  });
}

async function writeTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  report: ReportData,
  t: ReportTable,
  unit: Unit,
  name: string,
  notes: string[],
  tick: () => Promise<void>,
) {
  const cols = t.columns;
  const headerRow = 3;
  const freezeCol = cols.length > 10 && cols[1]?.kind === 'text' && cols[0]?.key === 'seq' ? 2 : 0;
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: freezeCol, showGridLines: false }],
    // The header row is printed again at the top of every page.
    pageSetup: {
      ...pageSetup(cols.length, report.layout?.landscape),
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: FOOTER,
  });
  const colWidths = widths(t, unit);
  ws.columns = colWidths.map((width) => ({ width }));
  const textCols = cols.flatMap((c, i) => (c.kind === 'text' ? [i] : []));
  titleRows(
    ws,
    t.title === report.title ? report.title : `${report.title}：${t.title}`,
    subtitleLine(report, unit),
    cols.length,
  );

  const h = ws.addRow(cols.map((c) => columnHeader(c, unit)));
  h.height = 30;
  h.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true, color: { argb: 'FF1F2D3D' } };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  h.commit();

  // One shared style object per column (and per column of the totals row): exceljs recognises an object it has
  // seen, so 50,000 rows cost no style work.
  const styleOf = (c: (typeof cols)[number], total: boolean): Partial<ExcelJS.Style> => {
    const numFmt = numberFormat(c.kind, unit);
    const center = c.kind === 'date' || c.key === 'seq';
    const numeric = c.kind !== 'text' && c.kind !== 'date';
    return {
      ...(numFmt ? { numFmt } : {}),
      font: total ? FONT_BOLD : FONT_BODY,
      border: total ? TOTAL_BOX : BOX,
      ...(total ? { fill: TOTAL_FILL } : {}),
      alignment: {
        horizontal: center ? 'center' : numeric ? 'right' : 'left',
        vertical: 'top',
        // Long names wrap within the column width instead of running into the next cell.
        ...(c.kind === 'text' ? { wrapText: true } : {}),
      },
    };
  };
  const bodyStyles = cols.map((c) => styleOf(c, false));
  const totalStyles = cols.map((c) => styleOf(c, true));
  // Spreadsheets do not grow a row for wrapped text when they open a file: say how tall it is.
  const heightOf = (values: Record<string, CellValue>) => {
    let lines = 1;
    for (const i of textCols) {
      const v = values[cols[i]!.key];
      if (typeof v === 'string' && v.length * 2 > colWidths[i]! - 1) {
        // A CJK character is about 1.8 width units at 10 pt.
        lines = Math.max(lines, Math.ceil((displayWidth(v) * 0.9) / (colWidths[i]! - 1)));
      }
    }
    return lines > 1 ? 14 * lines + 2 : undefined;
  };
  // A date's cell once per distinct day (a large ledger repeats them), and plain loops over the columns.
  const keys = cols.map((c) => c.key);
  const kinds = cols.map((c) => c.kind);
  const days = new Map<string, ReturnType<typeof xlsxValue>>();
  const cellsOf = (values: Record<string, CellValue>) => {
    const out = new Array<ReturnType<typeof xlsxValue>>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const v = values[keys[i]!] ?? null;
      const kind = kinds[i]!;
      if (kind === 'date' && typeof v === 'string') {
        let d = days.get(v);
        if (d === undefined) {
          d = xlsxValue(kind, v, unit);
          days.set(v, d);
        }
        out[i] = d;
      } else out[i] = xlsxValue(kind, v, unit);
    }
    return out;
  };
  const writeRow = (values: Record<string, CellValue>, total: boolean) => {
    const row = ws.addRow(cellsOf(values));
    const styles = total ? totalStyles : bodyStyles;
    for (let i = 0; i < cols.length; i++) row.getCell(i + 1).style = styles[i]!;
    const height = heightOf(values);
    if (height) row.height = height;
    row.commit();
  };
  // The body rows as XML straight into the sheet (xlsx-rows.ts): exceljs's per-cell objects were most of
  // the time of a large export.
  const body = rawRows(wb, ws as unknown as ExcelJS.Worksheet, bodyStyles);
  for (let i = 0; i < t.rows.length; i++) {
    const values = t.rows[i]!;
    if (body.write(cellsOf(values), heightOf(values))) await breathe();
    if (i % 5000 === 4999) {
      body.flush();
      await tick();
    }
  }
  body.flush();
  if (t.totals) writeRow(t.totals, true);
  noteRows(ws, [...(t.note ? [t.note] : []), ...notes], cols.length);
  await ws.commit();
}

function figureValue(f: ReportFigure, unit: Unit) {
  if (f.value === null) return DASH;
  return f.kind === 'money' ? f.value / FEN_PER_UNIT[unit] : f.value;
}

async function writeSummary(wb: ExcelJS.stream.xlsx.WorkbookWriter, r: ReportData, unit: Unit, name: string) {
  const ws = wb.addWorksheet(name, {
    views: [{ showGridLines: false }],
    pageSetup: { ...pageSetup(3), orientation: r.layout?.landscape ? 'landscape' : 'portrait' },
    headerFooter: FOOTER,
  });
  ws.columns = [{ width: 26 }, { width: 22 }, { width: 10 }, { width: 40 }];
  titleRows(ws, r.title, subtitleLine(r, unit), 4);
  if (r.brief) {
    ws.addRow([]).commit();
    const b = ws.addRow([r.brief]);
    b.getCell(1).font = { name: FONT, size: 11 };
    b.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(b.number, 1, b.number, 4);
    b.height = Math.ceil(displayWidth(r.brief) / 92) * 17 + 6;
    b.commit();
  }
  if (r.figures.length) {
    ws.addRow([]).commit();
    const h = ws.addRow(['指标', '数值', '单位', '说明']);
    h.eachCell((c) => {
      c.font = { name: FONT, size: 10, bold: true };
      c.fill = HEADER_FILL;
      c.border = BOX;
      c.alignment = { horizontal: 'center' };
    });
    h.commit();
    for (const f of r.figures) {
      const row = ws.addRow([
        f.label,
        figureValue(f, unit),
        f.kind === 'money' ? UNIT_LABEL[unit] : (f.suffix ?? ''),
        f.note ?? '',
      ]);
      row.eachCell({ includeEmpty: true }, (c) => {
        c.font = { name: FONT, size: 10 };
        c.border = BOX;
      });
      const v = row.getCell(2);
      if (typeof v.value === 'number') v.numFmt = numberFormat(f.kind, unit) ?? 'General';
      else v.alignment = { horizontal: 'right' };
      row.commit();
    }
  }
  noteRows(ws, r.notes, 4);
  await ws.commit();
}

/** The workbook's bytes. */
export async function renderXlsx(report: ReportData, unit: Unit, progress?: Progress): Promise<Buffer> {
  const { wb, bytes } = await streamedWorkbook();
  wb.creator = 'FundDesk 基金台账';
  wb.title = report.title;
  wb.created = new Date(report.generatedAt);

  const used = new Set<string>();
  const totalRows = report.tables.reduce((s, t) => s + t.rows.length, 0) || 1;
  let written = 0;
  const tick = async () => {
    written += 5000;
    progress?.(Math.min(written, totalRows), totalRows);
    await breathe();
  };
  const summary = Boolean(report.brief || report.figures.length);
  if (summary) await writeSummary(wb, report, unit, sheetName(report.layout?.summarySheet ?? '摘要', used));
  for (const [i, t] of report.tables.entries()) {
    const notes = !summary && i === 0 ? report.notes : [];
    await writeTable(wb, report, t, unit, sheetName(t.title, used), notes, tick);
  }
  const data = await bytes();
  progress?.(totalRows, totalRows);
  return data;
}
