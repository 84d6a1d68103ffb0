/**
 * A report as one CSV file in sections (title, 截至日期 and unit, then each table with its header, rows and
 * 合计 row, then the notes). UTF-8 with a BOM and CRLF line ends, so Excel and WPS open it with the Chinese
 * intact. Money is the exact decimal in the chosen unit (no grouping, so it reads back as a number).
 */
import { UNIT_LABEL, type Unit } from '../../shared/money';
import { columnHeader, fenToUnitString } from '../../shared/reports/format';
import type { CellValue, ColumnKind, ReportData } from '../../shared/reports/types';
import { breathe, type Progress, subtitleLine } from './common';
import { guardFormula } from './formula-guard';

export const BOM = '\uFEFF';

function quote(s: string): string {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvValue(kind: ColumnKind, v: CellValue, unit: Unit): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return quote(kind === 'text' ? guardFormula(v) : v);
  switch (kind) {
    case 'money':
      return fenToUnitString(v, unit);
    case 'percent':
      return `${Number((v * 100).toFixed(4))}%`;
    case 'ratio':
    case 'multiple':
      return String(Number(v.toFixed(4)));
    default:
      return String(v);
  }
}

export async function renderCsv(report: ReportData, unit: Unit, progress?: Progress): Promise<Buffer> {
  const lines: string[] = [quote(report.title), quote(subtitleLine(report, unit))];
  if (report.brief) lines.push(quote(report.brief));
  // The figures section, unless a table already lists them under the same title (the overview's 核心指标).
  if (report.figures.length && !report.tables.some((t) => t.title === '核心指标')) {
    lines.push('', '核心指标', '指标,数值');
    for (const f of report.figures) {
      const kind: ColumnKind = f.kind;
      const v = f.value === null ? '—' : csvValue(kind, f.value, unit);
      lines.push(`${quote(f.label + (f.kind === 'money' ? `（${UNIT_LABEL[unit]}）` : ''))},${v}`);
    }
  }
  const total = report.tables.reduce((s, t) => s + t.rows.length, 0) || 1;
  let done = 0;
  for (const t of report.tables) {
    lines.push('', quote(t.title), t.columns.map((c) => quote(columnHeader(c, unit))).join(','));
    const write = (r: Record<string, CellValue>) =>
      lines.push(t.columns.map((c) => csvValue(c.kind, r[c.key] ?? null, unit)).join(','));
    for (const r of t.rows) {
      write(r);
      if (++done % 10_000 === 0) {
        progress?.(done, total);
        await breathe();
      }
    }
    if (t.totals) write(t.totals);
    if (t.note) lines.push(quote(`注：${t.note}`));
  }
  if (report.notes.length) {
    lines.push('');
    for (const n of report.notes) lines.push(quote(`注：${n}`));
  }
  progress?.(total, total);
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}
