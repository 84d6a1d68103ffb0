// Rows written as XML into a streamed exceljs sheet (src/main/export/xlsx-rows.ts) read back with exceljs as
// a spreadsheet shows them: text, numbers, dates and empty cells in place, each column's number format, font
// and border, the row heights, and the rows exceljs writes afterwards (a totals row) numbered on from them.

import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { streamedWorkbook } from '../../src/main/export/exceljs';
import { rawRows } from '../../src/main/export/xlsx-rows';
import { sharedStringsXml } from '../../src/main/export/xlsx-shared-strings';

// exceljs's own renderer of the shared-string table, which sharedStringsXml replaces.
const SharedStringsXform = createRequire(import.meta.url)(
  'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js',
) as new () => {
  toXml(model: { values: string[]; count: number }): string;
};
const TEXTS = [
  '',
  '名称',
  ' 前有空格',
  '后有空格 ',
  '两行\n文字',
  'a<b>&"c\'',
  'tab\there',
  'bell\u0007gone',
  '_x0041_',
];

const STYLES: Partial<ExcelJS.Style>[] = [
  { font: { name: 'Microsoft YaHei', size: 10 }, alignment: { wrapText: true } },
  { numFmt: '#,##0.00', border: { top: { style: 'thin' } } },
  { numFmt: 'yyyy-mm-dd' },
  {},
];

async function sheetOf(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter, ws: ExcelJS.Worksheet) => void) {
  const { wb, bytes } = await streamedWorkbook();
  const ws = wb.addWorksheet('表') as unknown as ExcelJS.Worksheet;
  write(wb, ws);
  await (ws as unknown as { commit(): Promise<void> }).commit();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await bytes()) as unknown as ArrayBuffer);
  return back.worksheets[0]!;
}

describe('rows written as XML into a streamed sheet', () => {
  it('reads back as the cells, formats and heights written, and exceljs rows continue after them', async () => {
    const ws = await sheetOf((wb, ws) => {
      ws.addRow(['名称', '金额', '日期', '备注']).commit();
      const body = rawRows(wb, ws, STYLES);
      body.write(['深圳市<某>&“基金”', 1234.5, new Date(Date.UTC(2025, 11, 31)), null]);
      body.write(['深圳市<某>&“基金”', -0.01, null, '备注'], 44);
      body.flush();
      const total = ws.addRow(['合计', 1234.49]);
      total.getCell(1).font = { bold: true };
      total.commit();
    });
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).values).toEqual([undefined, '名称', '金额', '日期', '备注']);
    expect(ws.getCell('A2').value).toBe('深圳市<某>&“基金”');
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('B2').border.top?.style).toBe('thin');
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D2').value).toBeNull();
    expect(ws.getCell('A3').value).toBe('深圳市<某>&“基金”');
    expect(ws.getCell('A3').font.name).toBe('Microsoft YaHei');
    expect(ws.getCell('A3').alignment.wrapText).toBe(true);
    expect(ws.getCell('B3').value).toBe(-0.01);
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('D3').value).toBe('备注');
    expect(ws.getRow(3).height).toBe(44);
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.getCell('A4').value).toBe('合计');
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(ws.getCell('B4').value).toBe(1234.49);
  });

  it('writes the shared-string table as exceljs does, and texts read back as written', async () => {
    expect(sharedStringsXml(TEXTS).toString('utf8')).toBe(
      new SharedStringsXform().toXml({ values: TEXTS, count: TEXTS.length }),
    );
    // Texts longer than the table's first guess of their size (48 bytes each).
    const long = [...TEXTS, '长名称'.repeat(400), 'x'.repeat(5000), '<&>'.repeat(300)];
    expect(sharedStringsXml(long).toString('utf8')).toBe(
      new SharedStringsXform().toXml({ values: long, count: long.length }),
    );
    const ws = await sheetOf((wb, ws) => {
      const body = rawRows(wb, ws, STYLES.slice(0, 1));
      for (const t of TEXTS) body.write([t]);
      body.flush();
    });
    // A control character XML cannot hold is left out; exceljs reads _x0041_ back as the character it escapes.
    expect(TEXTS.map((_, i) => ws.getCell(`A${i + 1}`).value)).toEqual(
      TEXTS.map((t) => t.replace('\u0007', '').replace('_x0041_', 'A')),
    );
  });

  it('refuses rows while an exceljs row before them is not yet written', async () => {
    await expect(
      sheetOf((wb, ws) => {
        ws.addRow(['名称']);
        rawRows(wb, ws, STYLES).write(['x']);
      }),
    ).rejects.toThrow(/not committed/);
  });
});
