/**
 * A report as an A4 PDF holding every row of every table.
 *
 * One page of HTML printed at once takes time and memory that grow with the rows without bound (97,063 rows
 * would be one 30 MB page for Chromium to lay out and paginate). So a report of more than `partRows` rows is
 * printed in parts of about that many rows (pdf-html.ts PdfPart: the first holds the head, figures and charts,
 * the last the notes; a table cut between parts repeats its header), one at a time, with progress and a
 * chance to cancel between parts. The parts are then joined with pdf-lib (a well-kept PDF library: Chromium
 * cannot append to a PDF, and writing PDF objects by hand would be our own PDF parser). Chromium's page
 * counter restarts in every part, so the parts are printed without running header and page numbers; those
 * are printed once for the whole file (pageFurnitureHtml: as many empty pages, same size and margins, same
 * embedded font) and each of its pages is laid over the page of the same number.
 */
import { availableParallelism } from 'node:os';
import type { Unit } from '../../shared/money';
import type { ReportData } from '../../shared/reports/types';
import type { Progress } from './common';
import { type PdfPart, pageFurnitureHtml, renderPdfHtml } from './pdf-html';

/**
 * Rows printed at once, at most. Chromium's CPU time per row grows with the rows of one print (10x 落地项目台账,
 * load average ~22, CPU time of Chromium's processes: 3.3 ms a row for parts of 500 or 2,000 rows, 4.0–4.5 ms
 * for parts of 5,000), while each print also costs about 1 s to load its embedded fonts. 2,000 balances both.
 */
export const PDF_PART_ROWS = 2000;
/**
 * A report of more rows than this is printed in at least as many parts as prints run at once: one print keeps
 * only one core busy (2,831 rows printed at once kept the other core idle for the whole ~5 s of the print).
 */
export const PDF_SPLIT_ROWS = 1500;

/** Rows per part: PDF_PART_ROWS, or fewer so that a report over PDF_SPLIT_ROWS rows keeps every print lane busy. */
export function partRowsFor(total: number, parallel: number, partRows = PDF_PART_ROWS): number {
  if (total <= PDF_SPLIT_ROWS || parallel <= 1) return partRows;
  return Math.min(partRows, Math.ceil(total / parallel));
}
/**
 * pdf-lib yields to the event loop with a setTimeout(0) (at least 1 ms) every 100 objects it parses and every
 * 50 it writes by default: 1,023 such waits for the 97,063-row report (20 parts of ~660 objects, a 53 MB file).
 * A part's objects are parsed in one go and the file written 5,000 objects at a time: 10 waits.
 */
const OBJECTS_PER_TICK = 5000;

/** The report's tables cut into parts of at most `partRows` rows (a part may hold the end of one table and the start of the next). */
export function planParts(r: ReportData, partRows: number): PdfPart[] {
  const groups: PdfPart['slices'][] = [];
  let cur: PdfPart['slices'] = [];
  let n = 0;
  r.tables.forEach((t, table) => {
    let from = 0;
    do {
      const to = Math.min(t.rows.length, from + (partRows - n));
      cur.push({ table, from, to });
      n += to - from;
      from = to;
      if (n >= partRows) {
        groups.push(cur);
        cur = [];
        n = 0;
      }
    } while (from < t.rows.length);
  });
  if (cur.length || !groups.length) groups.push(cur);
  return groups.map((slices, i) => ({ slices, first: i === 0, last: i === groups.length - 1 }));
}

export interface RenderPdfOptions {
  printPdf: (html: string) => Promise<Uint8Array>;
  /** Rows printed so far of all; it may throw (the user cancelled): the print stops there. */
  progress?: Progress | undefined;
  partRows?: number | undefined;
  /** Aborted when the user cancels: the export stops at once (progress then throws the cancel error). */
  signal?: AbortSignal | undefined;
  /** Parts printed at once (each keeps one Chromium renderer busy): by default 2 where there are 2 cores. */
  parallel?: number | undefined;
}

/** The PDF's bytes (the report's amounts already rounded for showing). */
export async function renderPdf(r: ReportData, unit: Unit, opts: RenderPdfOptions): Promise<Uint8Array> {
  const total = r.tables.reduce((s, t) => s + t.rows.length, 0);
  const parallel = Math.max(1, opts.parallel ?? Math.min(2, availableParallelism()));
  const partRows = opts.partRows ?? partRowsFor(total, parallel);
  opts.progress?.(0, total);
  let done = 0;
  // A cancel does not wait for what is being printed: it finishes unseen and is dropped.
  const untilCancel = <T>(p: Promise<T>): Promise<T> => {
    const signal = opts.signal;
    if (!signal) return p;
    return new Promise<T>((ok, bad) => {
      const stop = () => {
        try {
          opts.progress?.(done, total);
        } catch (e) {
          bad(e);
          return;
        }
        bad(new Error('已取消导出 PDF'));
      };
      if (signal.aborted) return stop();
      signal.addEventListener('abort', stop, { once: true });
      p.then(ok, bad).finally(() => signal.removeEventListener('abort', stop));
    });
  };
  if (total <= partRows) {
    const bytes = await untilCancel(opts.printPdf(renderPdfHtml(r, unit)));
    opts.progress?.(total, total);
    return bytes;
  }
  const { PDFDocument } = await import('pdf-lib');
  const load = (b: Uint8Array) =>
    PDFDocument.load(b, { parseSpeed: OBJECTS_PER_TICK, updateMetadata: false });
  const out = await PDFDocument.create();
  const parts = planParts(r, partRows);
  // The next parts print while this one is joined; a cancel (progress throws) starts no more.
  const jobs: Promise<Uint8Array>[] = [];
  const launch = (i: number) => {
    if (i >= parts.length || jobs[i]) return;
    jobs[i] = opts.printPdf(renderPdfHtml(r, unit, parts[i]!));
    jobs[i]!.catch(() => {}); // awaited below, unless a cancel came first
  };
  for (let i = 0; i < parallel; i++) launch(i);
  for (let i = 0; i < parts.length; i++) {
    const src = await load(await untilCancel(jobs[i]!));
    for (const page of await out.copyPages(src, src.getPageIndices())) out.addPage(page);
    for (const s of parts[i]!.slices) done += s.to - s.from;
    opts.progress?.(done, total);
    launch(i + parallel);
  }
  // The page numbers, in as many pieces as parts print at once (a 97,063-row report has ~2,800 pages).
  const pages = out.getPages();
  const size = Math.ceil(pages.length / parallel);
  const pieces: { from: number; n: number }[] = [];
  for (let from = 0; from < pages.length; from += size) {
    pieces.push({ from, n: Math.min(size, pages.length - from) });
  }
  const printed = await untilCancel(
    Promise.all(pieces.map((p) => opts.printPdf(pageFurnitureHtml(r, p.n, p.from + 1, pages.length)))),
  );
  for (const [k, p] of pieces.entries()) {
    const furniture = await out.embedPdf(
      await load(printed[k]!),
      Array.from({ length: p.n }, (_, i) => i),
    );
    furniture.forEach((f, i) => {
      pages[p.from + i]!.drawPage(f, { x: 0, y: 0 });
    });
  }
  out.setTitle(r.title);
  out.setCreator('FundDesk 基金台账');
  return out.save({ objectsPerTick: OBJECTS_PER_TICK });
}
