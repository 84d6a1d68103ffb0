/** One entry for every format: a report's data → the bytes of an xlsx, PDF or CSV file. */
import type { Unit } from '../../shared/money';
import { roundedReport } from '../../shared/reports/rounding';
import { EXPORT_MIME, type ExportFormat, type ReportData } from '../../shared/reports/types';
import { fail } from '../services/ledger/errors';
import { exportFileName, type Progress } from './common';
import { renderCsv } from './csv';
import { renderXlsx } from './xlsx';

export interface ExportOptions {
  /** HTML → PDF bytes (Electron printToPDF or headless Chromium). Required for 'pdf'. */
  printPdf?: ((html: string) => Promise<Uint8Array>) | undefined;
  progress?: Progress | undefined;
  /** Aborted when the user cancels (a PDF in parts stops at once; others at their next progress). */
  signal?: AbortSignal | undefined;
  /** Above this many rows a PDF's tables are drawn by pdf-lib (pdf.ts PDF_DRAW_ROWS); tests set fewer. */
  pdfDrawRows?: number | undefined;
}

export interface ExportResult {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

export async function exportReport(
  report: ReportData,
  format: ExportFormat,
  unit: Unit,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  let bytes: Uint8Array;
  if (format === 'xlsx') bytes = await renderXlsx(report, unit, opts.progress);
  else if (format === 'csv') bytes = await renderCsv(report, unit, opts.progress);
  else {
    if (!opts.printPdf) fail('internal', '当前环境无法生成 PDF（缺少打印组件）');
    // Loaded on demand: ECharts' server-side renderer and pdf-lib are only needed for PDFs.
    const { renderPdf } = await import('./pdf');
    // The PDF shows rounded amounts whose parts add up to the shown 合计 (as the screen). The xlsx and the CSV
    // keep exact amounts: a spreadsheet's own SUM then equals the 合计 cell.
    bytes = await renderPdf(roundedReport(report, unit), unit, {
      printPdf: opts.printPdf,
      progress: opts.progress,
      drawRows: opts.pdfDrawRows,
      signal: opts.signal,
    });
  }
  return { fileName: exportFileName(report, format), mime: EXPORT_MIME[format], bytes };
}
