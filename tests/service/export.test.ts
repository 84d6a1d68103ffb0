// Every report exported to xlsx, CSV and PDF and read back: exceljs (cells are real numbers in the unit,
// Chinese headers, frozen header, totals row), headless LibreOffice (the same numbers again), pdftotext and
// pdffonts (Chinese title, as-of date, figures, page numbers, an embedded Noto Sans SC). Needs `soffice`,
// poppler-utils and Chromium; FUNDDESK_NO_LIBREOFFICE=1 skips the LibreOffice part.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { exportReport } from '../../src/main/export';
import { renderCsv } from '../../src/main/export/csv';
import { renderXlsx } from '../../src/main/export/xlsx';
import { createChromiumPdfPrinter, findChromium } from '../../src/main/host/chromium-pdf';
import { buildReport } from '../../src/main/services/reports';
import { FEN_PER_UNIT, formatMoney, type Unit } from '../../src/shared/money';
import { chineseDate, columnHeader } from '../../src/shared/reports/format';
import type { CellValue, ReportColumn, ReportData, ReportTable } from '../../src/shared/reports/types';
import { REPORT_NAMES } from '../../src/shared/reports/types';
import { tempDb } from '../helpers/temp-db';

const onPath = (bin: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, bin)));
const hasLibreOffice = onPath('soffice') && process.env.FUNDDESK_NO_LIBREOFFICE !== '1';
const hasPoppler = onPath('pdftotext') && onPath('pdffonts');
const hasChromium = findChromium() !== null;

const AS_OF = '2025-12-31';
/** Each report in a unit (all three units are covered). */
const UNIT_OF: Record<string, Unit> = {
  overview: 'yi',
  'sub-funds': 'wan',
  'direct-funds': 'wan',
  reinvestment: 'yi',
  'landed-projects': 'wan',
  financing: 'yuan',
  performance: 'wan',
  fund: 'wan',
};
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'report-pdf-pages');

let t: Awaited<ReturnType<typeof tempDb>>;
let dir: string;
const reports: ReportData[] = [];
const files = new Map<string, string>(); // report key → xlsx path

const keyOf = (r: ReportData) => (r.fund ? `fund-${r.fund.id}` : r.name);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** What a cell should hold in the unit: numbers for money/int/ratios, Date for dates. */
function expected(c: ReportColumn, v: CellValue, unit: Unit): number | string | null {
  if (v === null || v === undefined) return null;
  if (c.kind === 'money' && typeof v === 'number') return v / FEN_PER_UNIT[unit];
  return v;
}

beforeAll(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
  dir = mkdtempSync(join(tmpdir(), 'funddesk-export-'));
  for (const name of REPORT_NAMES) {
    if (name === 'fund') {
      reports.push(await buildReport(t.opened, 'fund', { asOf: AS_OF, fundId: 1 }));
      reports.push(await buildReport(t.opened, 'fund', { asOf: AS_OF, fundId: 12 }));
    } else reports.push(await buildReport(t.opened, name, { asOf: AS_OF }));
  }
  for (const r of reports) {
    const file = join(dir, `${keyOf(r)}.xlsx`);
    writeFileSync(file, await renderXlsx(r, UNIT_OF[r.name]!));
    files.set(keyOf(r), file);
  }
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('xlsx read back with exceljs', () => {
  it('has a sheet per table: title, as-of date, Chinese headers, frozen header, numbers in the unit, totals', async () => {
    for (const r of reports) {
      const unit = UNIT_OF[r.name]!;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(files.get(keyOf(r))!);
      const summary = Boolean(r.brief || r.figures.length);
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        ...(summary ? ['摘要'] : []),
        ...r.tables.map((x) => x.title.slice(0, 28)),
      ]);
      r.tables.forEach((table, k) => {
        const ws = wb.worksheets[k + (summary ? 1 : 0)]!;
        const where = `${keyOf(r)}/${table.key}`;
        expect(String(ws.getCell(1, 1).value)).toContain(r.title);
        expect(String(ws.getCell(2, 1).value)).toContain(`截至日期：${chineseDate(AS_OF)}`);
        expect(String(ws.getCell(2, 1).value)).toContain(
          unit === 'yuan' ? '元' : unit === 'wan' ? '万元' : '亿元',
        );
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
        table.columns.forEach((c, i) => {
          expect(ws.getCell(3, i + 1).value, where).toBe(columnHeader(c, unit));
          expect(ws.getCell(3, i + 1).font?.bold).toBe(true);
        });
        const rows = [...table.rows, ...(table.totals ? [table.totals] : [])];
        rows.forEach((row, j) => {
          table.columns.forEach((c, i) => {
            const cell = ws.getCell(4 + j, i + 1);
            const want = expected(c, row[c.key] ?? null, unit);
            const at = `${where} r${4 + j} ${c.key}`;
            if (want === null) {
              expect([null, '—'], at).toContain(cell.value);
            } else if (typeof want === 'number') {
              expect(typeof cell.value, at).toBe('number');
              expect(close(cell.value as number, want), `${at}: ${cell.value} vs ${want}`).toBe(true);
              if (c.kind === 'money') expect(cell.numFmt, at).toBe('#,##0.00');
              if (c.kind === 'percent') expect(cell.numFmt).toBe('0.00%');
            } else if (c.kind === 'date') {
              expect(cell.value, at).toBeInstanceOf(Date);
              expect((cell.value as Date).toISOString().slice(0, 10), at).toBe(want);
            } else {
              expect(cell.value, at).toBe(want);
            }
          });
        });
        if (table.totals) {
          const last = ws.getRow(3 + rows.length);
          expect(last.values.toString()).toContain('合计');
          expect(last.getCell(1).font?.bold).toBe(true);
        }
      });
    }
  });

  it('the summary sheet holds the brief and the key figures', async () => {
    const r = reports.find((x) => x.name === 'overview')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files.get('overview')!);
    const ws = wb.getWorksheet('摘要')!;
    const texts: string[] = [];
    ws.eachRow((row) => {
      row.eachCell((c) => {
        texts.push(String(c.value));
      });
    });
    expect(texts).toContain(r.brief);
    const size = r.figures.find((f) => f.key === 'sub-size')!;
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === size.label) {
        expect(row.getCell(2).value).toBeCloseTo(size.value! / FEN_PER_UNIT.yi, 9);
        found = true;
      }
    });
    expect(found).toBe(true);
  });
});

/** Minimal RFC 4180 reader (LibreOffice quotes fields with commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
    } else cur += ch;
  }
  if (cur || row.length) {
    row.push(cur);
    rows.push(row);
  }
  return rows;
}

describe.skipIf(!hasLibreOffice)('xlsx converted by headless LibreOffice', () => {
  it('gives the same numbers as the report data', { timeout: 600_000 }, () => {
    const out = join(dir, 'lo');
    mkdirSync(out);
    // One LibreOffice run for every file; -1 writes every sheet to its own CSV; raw values, not as shown.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        out,
        ...files.values(),
      ],
      { stdio: 'pipe', timeout: 540_000 },
    );
    const produced = readdirSync(out);
    let compared = 0;
    for (const r of reports) {
      const unit = UNIT_OF[r.name]!;
      for (const table of r.tables) {
        const csv = `${keyOf(r)}-${table.title.slice(0, 28)}.csv`;
        expect(produced, csv).toContain(csv);
        const lines = parseCsv(readFileSync(join(out, csv), 'utf8'));
        expect(lines[0]![0]).toContain(r.title);
        expect(lines[2]!.slice(0, table.columns.length)).toEqual(
          table.columns.map((c) => columnHeader(c, unit)),
        );
        const rows: Record<string, CellValue>[] = [...table.rows, ...(table.totals ? [table.totals] : [])];
        rows.forEach((row, j) => {
          const line = lines[3 + j]!;
          table.columns.forEach((c, i) => {
            const want = expected(c, row[c.key] ?? null, unit);
            const got = line[i] ?? '';
            const at = `${csv} line ${4 + j} ${c.key}: ${got} vs ${want}`;
            if (typeof want === 'number') {
              const v = got.endsWith('%') ? Number(got.slice(0, -1)) / 100 : Number(got);
              expect(Number.isFinite(v), at).toBe(true);
              expect(close(v, want), at).toBe(true);
              compared++;
            } else if (want === null) {
              expect(['', '—'], at).toContain(got);
            } else {
              expect(got, at).toBe(want);
            }
          });
        });
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM, Chinese headers with the unit, exact money and a totals row', async () => {
    const r = reports.find((x) => x.name === 'sub-funds')!;
    const buf = await renderCsv(r, 'wan');
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = parseCsv(buf.toString('utf8').slice(1));
    expect(lines[0]![0]).toBe('子基金台账');
    const h = lines.findIndex((l) => l[0] === '序号');
    expect(lines[h]).toContain('认缴规模（万元）');
    const t0 = r.tables[0]!;
    const sizeCol = t0.columns.findIndex((c) => c.key === 'size');
    t0.rows.forEach((row, j) => {
      expect(lines[h + 1 + j]![sizeCol]).toBe(String(Number(row.size) / 1_000_000));
    });
    const totals = lines[h + 1 + t0.rows.length]!;
    expect(totals[1]).toMatch(/^合计/);
    expect(totals[sizeCol]).toBe('496300');
  });

  it('keeps text that looks like a formula as text', async () => {
    const table: ReportTable = {
      key: 'x',
      title: '测试',
      columns: [
        { key: 'a', header: '名称', kind: 'text' },
        { key: 'b', header: '金额', kind: 'money' },
      ],
      rows: [{ a: '=HYPERLINK("x")', b: 12345 }],
      totals: null,
    };
    const r: ReportData = { ...reports[0]!, figures: [], brief: null, tables: [table], notes: [] };
    const text = (await renderCsv(r, 'yuan')).toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")",123.45`);
  });
});

describe.skipIf(!hasChromium || !hasPoppler)('PDF', () => {
  const printer = createChromiumPdfPrinter({ idleMs: 0 });
  afterAll(() => printer.close());

  it('holds the Chinese title, the as-of date, the figures and page numbers, in an embedded Noto Sans SC', {
    timeout: 600_000,
  }, async () => {
    mkdirSync(SHOTS, { recursive: true });
    const picks = reports.filter((r) => ['overview', 'sub-funds', 'performance', 'fund'].includes(r.name));
    for (const r of picks) {
      const unit = UNIT_OF[r.name]!;
      const file = await exportReport(r, 'pdf', unit, { printPdf: printer.printPdf });
      expect(file.fileName).toBe(`${r.title.replace(/[\\/:*?"<>|\s]+/g, '_')}_截至${AS_OF}.pdf`);
      const pdf = join(dir, `${keyOf(r)}.pdf`);
      writeFileSync(pdf, file.bytes);
      expect(Buffer.from(file.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      const compact = text.replace(/\s/g, '');
      expect(compact, keyOf(r)).toContain(r.title.replace(/\s/g, ''));
      expect(text).toContain(`截至日期：${chineseDate(AS_OF)}`);
      expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
      // Key figures as printed.
      for (const f of r.figures.filter((x) => x.kind === 'money' && x.value !== null).slice(0, 4)) {
        expect(text, `${keyOf(r)} ${f.label}`).toContain(formatMoney(f.value!, unit, { decimals: 2 }));
      }
      const totals = r.tables[0]!.totals;
      if (totals) {
        const money = r.tables[0]!.columns.find((c) => c.kind === 'money')!;
        expect(text).toContain(formatMoney(Number(totals[money.key]), unit, { decimals: 2 }));
      }
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.some((l) => /NotoSansSC/.test(l))).toBe(true);
      for (const l of fonts) {
        // name type encoding emb sub uni: every font is embedded, and it is ours.
        expect(l, l).toMatch(/NotoSansSC/);
        expect(l.split(/\s+/).slice(-5, -4)[0] ?? l, l).toBe('yes');
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SHOTS, keyOf(r))]);
    }
  });
});
