/**
 * The body rows of a streamed exceljs sheet, written as the sheet's XML directly. Own code because exceljs
 * (4.4.0, pinned) builds a Row, a Cell per value, a cell model, a style lookup and an XML node tree for every
 * cell it writes: in a CPU profile of the 落地项目台账 export at 100x (97,063 rows × 11 columns) that was
 * ~75 % of the file's time, while the XML of a row is one short string. Everything else about the workbook
 * (styles.xml, shared strings, title rows, merges, views, page setup, the zip) stays exceljs's: the rows
 * written here ask exceljs's own style registry and shared-string table for their ids, exactly as its cell
 * writer does (stream/xlsx/worksheet-writer.js _writeRow, xlsx/xform/sheet/cell-xform.js), so the file is the
 * same cell for cell. tests/service/export-xlsx-rows.test.ts reads such a sheet back with exceljs.
 *
 * Uses three internals of exceljs's WorksheetWriter (its output `stream`, `_rowZero` — the number of the next
 * row — and `startedData`) and two of its WorkbookWriter (`styles`, `sharedStrings`); a later exceljs that
 * renames them fails that test, not silently.
 */
import type ExcelJS from 'exceljs';

/** A cell as written: text (a shared string), a number, a date (a serial day number), or empty. */
export type RawCell = string | number | Date | null;

// exceljs Enums.ValueType, as its style registry expects it.
const NULL = 0;
const NUMBER = 2;
const STRING = 3;
const DATE = 4;

interface SheetInternals {
  stream: { write(chunk: string | Buffer): void; bufSize?: number };
  _rowZero: number;
  _rows: unknown[];
  startedData?: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
}
interface BookInternals {
  styles: { addStyleModel(model: Partial<ExcelJS.Style>, type: number): number };
  sharedStrings: { add(s: string): number };
}

/**
 * Rows go to the sheet's stream, and on to zlib, in pieces of this size: 256 KB is ~550 rows of a ledger, one
 * job on zlib's thread while the next piece is written (see `write`'s result).
 */
export const CHUNK = 1 << 18;

/** “A”, “B”, … “AA”: a column's letters from its 0-based index. */
function letters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A date as Excel's serial day number (1900 system), as exceljs utils.dateToExcel computes it. */
const serial = (d: Date) => 25569 + d.getTime() / (24 * 3600 * 1000);

// The writers below take the buffer and the position and return the position after what they wrote: plain
// functions V8 inlines into the row loop, which then keeps both in registers (as closures over `out` and
// `pos` they were loaded and stored through the closure's context for every byte).
function put(o: Uint8Array, p: number, b: Uint8Array, length = b.length): number {
  for (let k = 0; k < length; k++) o[p++] = b[k]!;
  return p;
}

/** The digits of the row being written. */
const rowNumber = new Uint8Array(24);

const digits = new Uint8Array(16);
/** A number as String(v) writes it; whole numbers (ids, row numbers, days, most amounts) by their digits. */
function num(o: Uint8Array, p: number, v: number): number {
  if (Number.isInteger(v) && v > -1e15 && v < 1e15) {
    let n = v;
    if (n < 0) {
      o[p++] = 45; // '-'
      n = -n;
    }
    let d = 0;
    do {
      const q = Math.floor(n / 10);
      digits[d++] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
    while (d > 0) o[p++] = digits[--d]!;
    return p;
  }
  const s = String(v);
  for (let k = 0; k < s.length; k++) o[p++] = s.charCodeAt(k);
  return p;
}

/**
 * A writer of body rows into `ws`, every cell of column i styled `styles[i]`. Write only after every row
 * before has been committed; rows added afterwards with ws.addRow() continue the numbering.
 */
export function rawRows(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: ExcelJS.Worksheet,
  styles: readonly Partial<ExcelJS.Style>[],
) {
  const book = wb as unknown as BookInternals;
  const sheet = ws as unknown as SheetInternals;
  if (
    typeof sheet._rowZero !== 'number' ||
    !sheet.stream ||
    !book.styles ||
    typeof book.sharedStrings?.add !== 'function' ||
    typeof sheet.stream.bufSize !== 'number'
  ) {
    throw new Error('exceljs internals changed: src/main/export/xlsx-rows.ts needs updating');
  }
  // The sheet's stream (exceljs's StreamBuf) hands data on to the zip when one of its buffers is full: as
  // large as ours, a piece goes to zlib whole.
  sheet.stream.bufSize = CHUNK;
  const refs = styles.map((_, i) => letters(i));
  const span = ` spans="1:${styles.length}"`;
  // Style id per column and value type, as cell-xform's prepare asks for it (a copy per type: exceljs keeps
  // one id per style object, whichever type it saw first).
  const ids = styles.map(() => new Map<number, number>());
  const idOf = (i: number, type: number) => {
    let id = ids[i]!.get(type);
    if (id === undefined) {
      id = book.styles.addStyleModel({ ...styles[i] }, type);
      ids[i]!.set(type, id);
    }
    return id;
  };
  // The workbook's table of texts (a Map: xlsx-shared-strings.ts mapSharedStrings).
  const sharedStrings = book.sharedStrings;
  // Rows go out in CHUNK buffers, written byte by byte: every piece of a row's XML is ASCII (cell references,
  // style ids, numbers, shared-string ids), so no string is built for it. A row built as one string with +=
  // was ~50 string pieces per row for the garbage collector, then flattened and encoded (see the commits).
  let out = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  let flushed = false;
  const flush = () => {
    if (!pos) return;
    sheet.stream.write(out.subarray(0, pos));
    out = Buffer.allocUnsafe(CHUNK);
    pos = 0;
    flushed = true;
  };
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  // Per column: `<c r="B` before the row number, and per value type what follows it up to the value.
  const cellOpen = refs.map((ref) => bytes(`<c r="${ref}`));
  const cellMid = styles.map(() => new Array<Uint8Array | null | undefined>(5));
  const midOf = (i: number, type: number) => {
    let m = cellMid[i]![type];
    if (m === undefined) {
      const s = idOf(i, type);
      const attr = s ? `" s="${s}"` : '"';
      m =
        type === NULL
          ? s
            ? bytes(`${attr}/>`)
            : null
          : bytes(type === STRING ? `${attr} t="s"><v>` : `${attr}><v>`);
      cellMid[i]![type] = m;
    }
    return m;
  };
  const ROW_OPEN = bytes('<row r="');
  const HEIGHT_OPEN = bytes('" ht="');
  const HEIGHT_CLOSE = bytes('" customHeight="1');
  const ROW_REST = bytes(`"${span} x14ac:dyDescent="0.25">`);
  const CELL_CLOSE = bytes('</v></c>');
  const ROW_CLOSE = bytes('</row>');
  // The most a cell takes: its reference, a style id, a number as String() writes it (≤ 24 characters).
  const CELL_MAX = 96;
  return {
    /**
     * One row; `height` in points when the row must be taller than the default. True when a piece went to
     * the stream: the caller then lets the event loop turn (breathe()), so that zlib, on its own thread,
     * deflates it while the next piece is written. Without that turn zlib got its next piece only at a
     * progress tick (every 5,000 rows) and deflated most of a 46 MB sheet after the last row, alone.
     */
    write(values: readonly RawCell[], height?: number): boolean {
      if (sheet._rows.length) throw new Error('xlsx-rows: rows before are not committed');
      if (!sheet.startedData) {
        sheet._writeColumns();
        sheet._writeOpenSheetData();
        sheet.startedData = true;
      }
      const r = sheet._rowZero++;
      if (pos + 2 * CELL_MAX > CHUNK) flush();
      let o = out;
      let p = put(o, pos, ROW_OPEN);
      // The row's number once; each cell's reference copies it.
      const rowLen = num(rowNumber, 0, r);
      p = put(o, p, rowNumber, rowLen);
      if (height) {
        p = put(o, p, HEIGHT_OPEN);
        p = num(o, p, height);
        p = put(o, p, HEIGHT_CLOSE);
      }
      p = put(o, p, ROW_REST);
      for (let i = 0; i < values.length; i++) {
        if (p + CELL_MAX > CHUNK) {
          pos = p;
          flush();
          o = out;
          p = 0;
        }
        const v = values[i];
        const type =
          v === null || v === undefined
            ? NULL
            : typeof v === 'number'
              ? NUMBER
              : typeof v === 'string'
                ? STRING
                : DATE;
        const mid = midOf(i, type);
        if (mid === null) continue; // an empty cell without a style is left out
        p = put(o, p, cellOpen[i]!);
        p = put(o, p, rowNumber, rowLen);
        p = put(o, p, mid);
        if (type === NULL) continue;
        p = num(
          o,
          p,
          type === NUMBER
            ? (v as number)
            : type === STRING
              ? sharedStrings.add(v as string)
              : serial(v as Date),
        );
        p = put(o, p, CELL_CLOSE);
      }
      if (p + CELL_MAX > CHUNK) {
        pos = p;
        flush();
        o = out;
        p = 0;
      }
      pos = put(o, p, ROW_CLOSE);
      const sent = flushed;
      flushed = false;
      return sent;
    },
    /** Hands the rows written so far to the sheet's stream (before the next ws.addRow()). */
    flush,
  };
}
