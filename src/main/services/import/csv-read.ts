import Papa from 'papaparse';
import { unguardFormula } from '../../export/formula-guard';
import { decodeText } from './decode';
import { LIMITS, refuse } from './limits';
import type { Cell, ReadResult, SheetRow } from './table';

/**
 * Reads a CSV (or tab-separated "Unicode text") file: decodes it (decode.ts), splits it with
 * papaparse, and applies the row and column caps while splitting. Every cell is text; a cell that
 * is a formula (CSV keeps the formula, never its value) becomes a cell that says so.
 */
const FORMULA = /^=\s*[A-Za-z_\u4e00-\u9fa5(+\-\d"']/;

function csvCell(raw: string): Cell {
  if (raw.length > LIMITS.maxCellChars) {
    return { kind: 'error', message: `单元格内容超过 ${LIMITS.maxCellChars} 个字符` };
  }
  const s = raw.trim();
  if (s === '') return null;
  if (FORMULA.test(s)) {
    return {
      kind: 'error',
      message: `单元格是公式（${s.slice(0, 40)}），CSV 文件不保存公式的结果；请在 Excel/WPS 中把公式转换为数值，或导入 .xlsx 文件`,
    };
  }
  // A leading apostrophe keeps Excel from reading text as a number or formula (and our export writes it).
  const unguarded = unguardFormula(s);
  return unguarded === s ? raw : unguarded;
}

/**
 * Columns in the first line (up to its last value), before papaparse spends time guessing delimiters. Counted
 * in place: splitting a line of a million columns four times made 4 million strings (190 ms and most of the
 * garbage collection of refusing such a file).
 */
function firstLineWidth(text: string): number {
  const end = text.indexOf('\n');
  const lineEnd = end < 0 ? text.length : end;
  let widest = 0;
  for (const d of [',', '\t', ';', '|']) {
    // The last value: the last character that is neither this delimiter nor blank (what trim() removes).
    let last = lineEnd - 1;
    while (last >= 0 && (text[last] === d || /\s/.test(text[last]!))) last--;
    if (last < 0) continue;
    let columns = 1;
    for (let i = text.indexOf(d); i >= 0 && i < last; i = text.indexOf(d, i + 1)) columns++;
    widest = Math.max(widest, columns);
  }
  return widest;
}

export function readCsv(bytes: Buffer): ReadResult {
  const { text, encoding } = decodeText(bytes);
  const first = firstLineWidth(text);
  if (first > LIMITS.maxColumns && !text.slice(0, text.indexOf('\n') >>> 0).includes('"')) {
    refuse(
      `文件第 1 行有 ${first.toLocaleString('en-US')} 列，超过上限 ${LIMITS.maxColumns} 列；请确认选择的是台账文件，并删除多余的列后再导入`,
    );
  }
  const rows: SheetRow[] = [];
  let width = 0;
  let record = 0;
  let tooWide: { record: number; columns: number } | null = null;
  let tooLong = false;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: false,
    step: (result, parser) => {
      record++;
      const data = result.data;
      let last = data.length - 1;
      while (last >= 0 && (data[last] ?? '').trim() === '') last--;
      if (last < 0) return;
      if (last >= LIMITS.maxColumns) {
        tooWide = { record, columns: last + 1 };
        parser.abort();
        return;
      }
      const cells = data.slice(0, last + 1).map(csvCell);
      rows.push({ rowNumber: record, cells });
      width = Math.max(width, cells.length);
      if (rows.length > LIMITS.maxRows + 1) {
        tooLong = true;
        parser.abort();
      }
    },
  });
  if (tooWide) {
    const w = tooWide as { record: number; columns: number };
    refuse(
      `文件第 ${w.record} 行有 ${w.columns.toLocaleString('en-US')} 列，超过上限 ${LIMITS.maxColumns} 列；请确认选择的是台账文件，并删除多余的列后再导入`,
    );
  }
  if (tooLong) {
    refuse(
      `文件超过 ${LIMITS.maxRows.toLocaleString('en-US')} 行，超出一次导入的上限；请拆分为多个文件后分别导入`,
    );
  }
  return { format: 'csv', encoding, sheets: [], sheet: null, rows, width };
}
