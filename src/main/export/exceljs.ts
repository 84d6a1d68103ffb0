import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { writeSharedStringsFast } from './xlsx-shared-strings';

let loading: Promise<typeof ExcelJS> | undefined;

/** zlib's output buffer for the workbook's entries. */
const ZIP_CHUNK = 1 << 18;

/**
 * exceljs, loaded on the first xlsx written: it is a large CommonJS package (hundreds of modules) that every
 * start of the CLI and the preview paid for while importing the handlers, most of them never writing xlsx.
 */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then(
    (m) => (m as { default?: typeof ExcelJS }).default ?? (m as typeof ExcelJS),
  );
  return loading;
}

/**
 * A streamed workbook (rows committed as they are written, deflated by zlib) collected into memory:
 * `bytes()` commits the workbook and returns the file. The in-memory Workbook took seconds of model building
 * and pure-JS compression for a 50,000-row ledger (bench/README.md).
 */
export async function streamedWorkbook(): Promise<{
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  bytes: () => Promise<Buffer>;
}> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((ok, bad) => {
    out.on('end', ok);
    out.on('error', bad);
  });
  const wb = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
    // archiver's own level (fastest), and room for what zlib makes of a whole chunk of sheet XML
    // (xlsx-rows.ts CHUNK) so one trip to zlib's thread deflates it, not one per 16 KB of output.
    zip: { zlib: { level: 1, chunkSize: ZIP_CHUNK } },
  });
  writeSharedStringsFast(wb);
  const bytes = async () => {
    await wb.commit();
    await ended;
    return Buffer.concat(chunks);
  };
  return { wb, bytes };
}
