/**
 * A report as an A4 PDF holding every row of every table.
 *
 * A small report is one page of HTML printed by Chromium (pdf-html.ts). Chromium's print costs 1.5–4 ms of CPU
 * a table row plus ~1 s to load the embedded fonts, so a larger report is made in two parts at once: Chromium
 * prints its head (title, figures, brief, charts, and the short tables before the first long one), while
 * pdf-lib (a well-kept PDF library) draws the rest of the tables, the notes, and the running header and page
 * numbers of the whole file (pdf-table.ts); the head's pages are then put in front.
 */
import type { Unit } from '../../shared/money';
import type { ReportData } from '../../shared/reports/types';
import type { Progress } from './common';
import { isLandscape, renderPdfHtml } from './pdf-html';
import { deflateWithNodeZlib, PdfTableWriter } from './pdf-table';
import { PdfGlyphs } from './pdf-table-fonts';

/** A report of more rows than this has its tables drawn by pdf-lib (fewer: Chromium prints all in ~1 s). */
export const PDF_DRAW_ROWS = 100;
/** Tables before the first one longer than this stay in the head that Chromium prints (none: all of them). */
export const PDF_HEAD_TABLE_ROWS = 50;
/**
 * pdf-lib yields to the event loop with a setTimeout(0) (at least 1 ms) every 100 objects it parses and every
 * 50 it writes by default: the file is written 5,000 objects at a time.
 */
const OBJECTS_PER_TICK = 5000;

export interface RenderPdfOptions {
  printPdf: (html: string) => Promise<Uint8Array>;
  /** Rows done so far of all; it may throw (the user cancelled): the export stops there. */
  progress?: Progress | undefined;
  /** Above this many rows the tables are drawn by pdf-lib (PDF_DRAW_ROWS); tests set fewer. */
  drawRows?: number | undefined;
  /** Aborted when the user cancels: the export stops at once (progress then throws the cancel error). */
  signal?: AbortSignal | undefined;
}

/** The PDF's bytes (the report's amounts already rounded for showing). */
export async function renderPdf(r: ReportData, unit: Unit, opts: RenderPdfOptions): Promise<Uint8Array> {
  const total = r.tables.reduce((s, t) => s + t.rows.length, 0);
  opts.progress?.(0, total);
  let done = 0;
  const cancelled = () => {
    opts.progress?.(done, total);
    return new Error('已取消导出 PDF');
  };
  // A cancel does not wait for what is being printed: it finishes unseen and is dropped.
  const untilCancel = <T>(p: Promise<T>): Promise<T> => {
    const signal = opts.signal;
    if (!signal) return p;
    p.catch(() => {}); // a print dropped by a cancel may still fail later, unseen
    return new Promise<T>((ok, bad) => {
      const stop = () => {
        try {
          bad(cancelled());
        } catch (e) {
          bad(e);
        }
      };
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop, { once: true });
      p.then(ok, bad).finally(() => signal.removeEventListener('abort', stop));
    });
  };
  // The tables from the first long one on are drawn (none long: Chromium prints all in one go).
  const first = r.tables.findIndex((t) => t.rows.length > PDF_HEAD_TABLE_ROWS);
  if (first < 0 || total <= (opts.drawRows ?? PDF_DRAW_ROWS)) {
    const bytes = await untilCancel(opts.printPdf(renderPdfHtml(r, unit)));
    opts.progress?.(total, total);
    return bytes;
  }
  const slices = r.tables.slice(0, first).map((t, table) => ({ table, from: 0, to: t.rows.length }));
  const printed = untilCancel(opts.printPdf(renderPdfHtml(r, unit, { slices, first: true, last: false })));
  printed.catch(() => {}); // awaited below, unless a cancel came first
  const headRows = slices.reduce((s, x) => s + x.to, 0);

  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  deflateWithNodeZlib(doc);
  const writer = new PdfTableWriter(doc, new PdfGlyphs(doc), isLandscape(r));
  await writer.drawTables(r, unit, first, async (rows) => {
    done = headRows + rows;
    if (opts.signal?.aborted) throw cancelled();
    opts.progress?.(done, total);
    // The printer's replies and a cancel get their turn.
    await new Promise((ok) => setImmediate(ok));
  });
  await writer.drawEnd(r);
  const head = await PDFDocument.load(await printed, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
  const pages = await doc.copyPages(head, head.getPageIndices());
  pages.forEach((p, i) => {
    doc.insertPage(i, p);
  });
  await writer.drawFurniture(r, pages);
  writer.nameFonts(pages);
  done = total;
  opts.progress?.(total, total);
  doc.setTitle(r.title);
  doc.setCreator('FundDesk 基金台账');
  // No object streams: pdf-lib would deflate every 50 objects in a stream of their own (the pages' contents and
  // fonts are deflated already).
  return doc.save({ objectsPerTick: OBJECTS_PER_TICK, useObjectStreams: false });
}
