// A PDF printed in parts holds every row of every table, in order, with the running header and
// “第 N 页 / 共 M 页” right on every page; a cancel between parts stops the print. Read back with poppler
// (pdfinfo, pdftotext) from PDFs printed by headless Chromium, on the demo's 落地项目台账 (three tables).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { exportReport } from '../../src/main/export';
import { PDF_PART_ROWS, partRowsFor, planParts } from '../../src/main/export/pdf';
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

describe('planParts', () => {
  it('puts every row of every table in exactly one part, in order, at most partRows a part', () => {
    for (const partRows of [1, 7, 40, 78, 10_000]) {
      const parts = planParts(report, partRows);
      const seen = report.tables.map(() => [] as number[]);
      for (const p of parts) {
        let n = 0;
        for (const s of p.slices) {
          for (let i = s.from; i < s.to; i++) seen[s.table]!.push(i);
          n += s.to - s.from;
        }
        expect(n).toBeLessThanOrEqual(partRows);
      }
      report.tables.forEach((tbl, i) => {
        expect(seen[i], `table ${i}, ${partRows} a part`).toEqual(tbl.rows.map((_, k) => k));
      });
      expect(parts.filter((p) => p.first)).toEqual([parts[0]]);
      expect(parts.filter((p) => p.last)).toEqual([parts.at(-1)]);
    }
  });
});

describe('partRowsFor', () => {
  it('keeps both print lanes busy for a mid-sized report and never prints more than PDF_PART_ROWS at once', () => {
    // Printed at once when small; 2,831 rows (直投基金台账 at 10x) in two parts on two lanes, one on one lane.
    expect(partRowsFor(1175, 2)).toBeGreaterThanOrEqual(1175);
    expect(Math.ceil(2831 / partRowsFor(2831, 2))).toBe(2);
    expect(Math.ceil(2831 / partRowsFor(2831, 1))).toBe(Math.ceil(2831 / PDF_PART_ROWS));
    for (const total of [1501, 2831, 9703, 97_063]) {
      const rows = partRowsFor(total, 2);
      expect(rows).toBeLessThanOrEqual(PDF_PART_ROWS);
      expect(Math.ceil(total / rows)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.skipIf(!canPrint)('PDF in parts', () => {
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
    const file = await exportReport(report, 'pdf', 'wan', {
      printPdf: printer.printPdf,
      pdfPartRows: 40,
      progress: (d, total) => {
        expect(total).toBe(rows);
        done.push(d);
      },
    });
    // Three parts: progress after each, up to every row.
    expect(done).toEqual([0, 40, 80, rows]);
    const pdf = join(t.dir, 'parts.pdf');
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
      pdfPartRows: 40,
      signal: user.signal,
      progress: () => {
        if (user.signal.aborted) throw cancelled;
      },
    });
    await expect(run).rejects.toBe(cancelled);
    // Of the three parts, the first and (printing beside it) at most the second; never the page numbers.
    expect(printed.length).toBeGreaterThanOrEqual(1);
    expect(printed.length).toBeLessThanOrEqual(2);
    for (const html of printed) expect(html).toContain('<table');
  });
});

describe('cancel', () => {
  it('does not wait for a print that never ends, whether printed at once or in parts', async () => {
    for (const pdfPartRows of [10_000, 40]) {
      const cancelled = new Error('已取消导出落地项目台账');
      const user = new AbortController();
      const run = exportReport(report, 'pdf', 'wan', {
        printPdf: () => {
          user.abort(); // the user clicks 取消 while the printer is stuck
          return new Promise<Uint8Array>(() => {});
        },
        signal: user.signal,
        pdfPartRows,
        progress: () => {
          if (user.signal.aborted) throw cancelled;
        },
      });
      await expect(run).rejects.toBe(cancelled);
    }
  });
});
