// A large PDF (head printed by headless Chromium, tables drawn by pdf-lib) holds every row of every table, in
// order, with the column header on every page of a table, the running header and “第 N 页 / 共 M 页” right on
// every page, and the bundled font embedded; a cancel stops it. Read back with poppler (pdfinfo, pdftotext,
// pdffonts) on the demo's 落地项目台账 (four tables).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { exportReport } from '../../src/main/export';
import { createChromiumPdfPrinter, findChromium } from '../../src/main/host/chromium-pdf';
import { buildReport } from '../../src/main/services/reports';
import { chineseDate } from '../../src/shared/reports/format';
import type { ReportData } from '../../src/shared/reports/types';
import { tempDb } from '../helpers/temp-db';

const onPath = (bin: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, bin)));
const canPrint = findChromium() !== null && onPath('pdftotext') && onPath('pdfinfo');
const AS_OF = '2025-12-31';

let t: Awaited<ReturnType<typeof tempDb>>;
let report: ReportData;
beforeAll(async () => {
  t = await tempDb();
  await loadDemo(t.opened.db, { replace: false });
  report = await buildReport(t.opened, 'landed-projects', { asOf: AS_OF });
});
afterAll(() => t.cleanup());

describe.skipIf(!canPrint)('PDF with drawn tables', () => {
  const printer = createChromiumPdfPrinter({ idleMs: 0 });
  afterAll(() => printer.close());

  const pageText = (pdf: string, n: number) =>
    execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, '');

  it('lists every row, with the header and page numbers of the whole file on every page', {
    timeout: 300_000,
  }, async () => {
    const rows = report.tables.reduce((s, x) => s + x.rows.length, 0);
    expect(rows).toBeGreaterThan(80);
    const done: number[] = [];
    const printed: string[] = [];
    const file = await exportReport(report, 'pdf', 'wan', {
      printPdf: (html) => {
        printed.push(html);
        return printer.printPdf(html);
      },
      pdfDrawRows: 40,
      progress: (d, total) => {
        expect(total).toBe(rows);
        done.push(d);
      },
    });
    // Chromium printed only the head (its first table is long: drawn); progress from none to every row.
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toContain('<table');
    expect(done[0]).toBe(0);
    expect(done.at(-1)).toBe(rows);
    const pdf = join(t.dir, 'drawn.pdf');
    writeFileSync(pdf, file.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    const texts = Array.from({ length: pages }, (_, i) => pageText(pdf, i + 1));
    const running = `${report.title}截至${chineseDate(AS_OF)}`;
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`第${i + 1}页/共${pages}页`);
      if (i > 0) expect(text, `page ${i + 1}`).toContain(running);
    });
    expect(texts[0]).not.toContain(running);
    // The first and the last row of every table (a name column), in order through the file.
    const all = texts.join('');
    let at = 0;
    for (const tbl of report.tables) {
      const col = tbl.columns.find((c) => c.kind === 'text')!;
      for (const row of [tbl.rows[0]!, tbl.rows.at(-1)!]) {
        const name = String(row[col.key]).replace(/\s/g, '');
        const found = all.indexOf(name.slice(0, 8), at);
        expect(found, `${tbl.title}: ${name}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
    }
    expect(texts.at(-1)).toContain('FundDesk基金台账生成');
    // Each table's header on every page it spans (the first table: from page 2 to where the second starts).
    const second = texts.findIndex((x) => x.includes(report.tables[1]!.title));
    expect(second).toBeGreaterThan(1);
    for (let i = 1; i < second; i++) expect(texts[i], `page ${i + 1}`).toContain('项目名称企业名称');
    // Every table ends with its 合计 row; the font is the bundled Noto Sans SC, embedded as subsets.
    expect(all.match(/合计/g)?.length ?? 0).toBeGreaterThanOrEqual(
      report.tables.filter((x) => x.totals).length,
    );
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.filter((f) => /NotoSansSC.* yes +yes +yes/.test(f)).length).toBeGreaterThan(1);
    for (const f of fonts) expect(f, 'every font embedded').toMatch(/ yes +(yes|no) +yes +\d+/);
  });

  it('stops when the user cancels, without waiting for the part being printed: no file', {
    timeout: 300_000,
  }, async () => {
    const printed: string[] = [];
    const cancelled = new Error('已取消导出落地项目台账');
    const user = new AbortController();
    const run = exportReport(report, 'pdf', 'wan', {
      printPdf: (html) => {
        printed.push(html);
        const p = printer.printPdf(html);
        user.abort(); // the user clicks 取消 while the first parts print
        return p;
      },
      pdfDrawRows: 40,
      signal: user.signal,
      progress: () => {
        if (user.signal.aborted) throw cancelled;
      },
    });
    await expect(run).rejects.toBe(cancelled);
    expect(printed).toHaveLength(1);
  });

  it('stops drawing a long table when the user cancels', { timeout: 300_000 }, async () => {
    // The first table repeated to 3,000 rows; the user cancels at the first progress past the start.
    const big = report.tables[0]!;
    const rows = Array.from({ length: 3000 }, (_, i) => big.rows[i % big.rows.length]!);
    const long: ReportData = { ...report, tables: [{ ...big, rows }] };
    const cancelled = new Error('已取消导出落地项目台账');
    const seen: number[] = [];
    const run = exportReport(long, 'pdf', 'wan', {
      printPdf: printer.printPdf,
      progress: (d) => {
        seen.push(d);
        if (d > 0) throw cancelled;
      },
    });
    await expect(run).rejects.toBe(cancelled);
    expect(seen.at(-1)).toBeLessThan(rows.length);
  });
});

describe('cancel', () => {
  it('does not wait for a print that never ends, whether printed at once or in parts', async () => {
    for (const pdfDrawRows of [10_000, 40]) {
      const cancelled = new Error('已取消导出落地项目台账');
      const user = new AbortController();
      const run = exportReport(report, 'pdf', 'wan', {
        printPdf: () => {
          user.abort(); // the user clicks 取消 while the printer is stuck
          return new Promise<Uint8Array>(() => {});
        },
        signal: user.signal,
        pdfDrawRows,
        progress: () => {
          if (user.signal.aborted) throw cancelled;
        },
      });
      await expect(run).rejects.toBe(cancelled);
    }
  });
});
