/**
 * The rows an import refused, as a file the user can fix and import again: the file's own header and
 * cells (as read), plus a 错误原因 column. xlsx through exceljs, CSV as UTF-8 with a BOM (Excel and WPS
 * open it as Chinese text).
 */
import type { DuplicatePolicy } from '../../../shared/contract/data';
import { loadExcelJS } from '../../export/exceljs';
import type { Analysis } from './service';

export const REJECT_REASON_HEADER = '错误原因';

/** Every row the import refuses under a duplicate policy, with its messages (the commit, the CLI's stderr). */
export function refusedRows(a: Analysis, duplicates: DuplicatePolicy): { row: number; messages: string[] }[] {
  return a.rows
    .filter(
      (r) =>
        r.status === 'error' ||
        (r.status === 'duplicate' &&
          (duplicates === 'refuse' || (duplicates === 'import' && r.hardDuplicate))),
    )
    .map((r) => ({
      row: r.rowNumber,
      messages:
        r.issues.length > 0 ? r.issues.map((i) => i.message) : [`与${r.duplicateOf ?? '已有记录'}重复`],
    }));
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The refused rows: their cells in file order and the reasons, one line each. */
export function rejectedTable(a: Analysis, duplicates: DuplicatePolicy) {
  const refused = new Map(refusedRows(a, duplicates).map((r) => [r.row, r.messages]));
  const rows = a.rows
    .filter((r) => refused.has(r.rowNumber))
    .map((r) => ({
      row: r.rowNumber,
      cells: a.headers.map((_, i) => r.cells[i] ?? ''),
      reason: `第 ${r.rowNumber} 行：${refused.get(r.rowNumber)!.join('；')}`,
    }));
  return { headers: [...a.headers, REJECT_REASON_HEADER], rows };
}

export async function rejectsFile(
  a: Analysis,
  duplicates: DuplicatePolicy,
  format: 'xlsx' | 'csv',
): Promise<{ rows: number; data: Buffer }> {
  const t = rejectedTable(a, duplicates);
  if (format === 'csv') {
    const lines = [t.headers, ...t.rows.map((r) => [...r.cells, r.reason])].map((l) =>
      l.map(quote).join(','),
    );
    return { rows: t.rows.length, data: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }
  const wb = new (await loadExcelJS()).Workbook();
  const ws = wb.addWorksheet('未导入的行');
  ws.addRow(t.headers).font = { bold: true };
  for (const r of t.rows) ws.addRow([...r.cells, r.reason]);
  ws.columns.forEach((c, i) => {
    c.width = i === t.headers.length - 1 ? 60 : 18;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { rows: t.rows.length, data: Buffer.from(await wb.xlsx.writeBuffer()) };
}
