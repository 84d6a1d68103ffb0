import { posix } from 'node:path';
import { parseDate } from '../../../shared/dates';
import { LIMITS, refuse } from './limits';
import type { Cell, ReadResult, SheetInfo, SheetRow } from './table';
import { extractEntry, readZipDirectory, type ZipEntry } from './zip';

/**
 * Reads the values of an .xlsx workbook (as saved by Excel, WPS, LibreOffice or exceljs) without
 * loading it whole: the zip is checked first (see zip.ts), then only the parts needed are inflated and
 * scanned in slices, row by row, with the row and column caps applied as it goes. Formula cells give
 * their saved result; a formula without one, and error values, become cells that explain themselves.
 */

const NS = '(?:[A-Za-z_][\\w.-]*:)?';
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) {
    const name = m[1]!;
    const value = decodeXml(m[2] ?? m[3] ?? '');
    out[name] = value;
    const i = name.indexOf(':');
    if (i >= 0) out[`:${name.slice(i + 1)}`] = value; // prefixed attributes by local name, e.g. ':id'
  }
  return out;
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  let out = s;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
      if (e[0] !== '#') return ENTITY[e]!;
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }
  // OOXML escapes characters XML cannot hold as _xHHHH_.
  if (out.includes('_x')) {
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  }
  return out;
}

/** Text of a shared string item or inline string: its runs, without phonetic guides. */
function richText(xml: string): string {
  const body = xml.replace(new RegExp(`<${NS}rPh\\b[\\s\\S]*?</${NS}rPh>`, 'g'), '');
  let out = '';
  for (const m of body.matchAll(new RegExp(`<${NS}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}t>)`, 'g'))) {
    out += m[1] ?? '';
  }
  return decodeXml(out);
}

/** Slices of a part's text, each ending right after a closing tag, so no element is cut in two. */
function* slices(buf: Buffer, closeTag: string, size = 4 * 1024 * 1024): Generator<string> {
  const close = Buffer.from(closeTag);
  let pos = 0;
  while (pos < buf.length) {
    let end = buf.length;
    if (pos + size < buf.length) {
      const i = buf.indexOf(close, pos + size);
      end = i < 0 ? buf.length : i + close.length;
    }
    yield buf.toString('utf8', pos, end);
    pos = end;
  }
}

function prefixOf(buf: Buffer, root: string): string {
  const head = buf.toString('utf8', 0, Math.min(buf.length, 4096));
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}\\b`).exec(head);
  return m?.[1] ?? '';
}

// ---- number formats -------------------------------------------------------------------------------

/**
 * Built-in format ids that are dates, incl. those Chinese Excel and WPS use (27–31, 36, 50–54, 57, 58:
 * yyyy"年"m"月"d"日" and the like; 32–35 and 55–56 are times of day).
 */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_PERCENT = new Set([9, 10]);

function stripFormat(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
}

export function isDateFormat(code: string): boolean {
  const s = stripFormat(code.split(';')[0] ?? '');
  if (/general/i.test(s)) return false;
  return /[ymd]/i.test(s) || /[年月日]/.test(code.split(';')[0] ?? '');
}

export function isPercentFormat(code: string): boolean {
  return stripFormat(code.split(';')[0] ?? '').includes('%');
}

interface Styles {
  date: boolean[];
  percent: boolean[];
}

function readStyles(xml: string): Styles {
  const fmts = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${NS}numFmt\\b([^>]*?)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    if (a.numFmtId != null && a.formatCode != null) fmts.set(Number(a.numFmtId), a.formatCode);
  }
  const date: boolean[] = [];
  const percent: boolean[] = [];
  const xfs = new RegExp(`<${NS}cellXfs\\b[^>]*>([\\s\\S]*?)</${NS}cellXfs>`).exec(xml)?.[1] ?? '';
  for (const m of xfs.matchAll(new RegExp(`<${NS}xf\\b([^>]*?)/?>`, 'g'))) {
    const id = Number(attrs(m[1]!).numFmtId ?? 0);
    const code = fmts.get(id);
    date.push(code != null ? isDateFormat(code) : BUILTIN_DATE.has(id));
    percent.push(code != null ? isPercentFormat(code) : BUILTIN_PERCENT.has(id));
  }
  return { date, percent };
}

// ---- workbook -------------------------------------------------------------------------------------

interface SheetRef extends SheetInfo {
  path: string;
}

interface Workbook {
  buf: Buffer;
  entries: Map<string, ZipEntry>;
  sheets: SheetRef[];
  date1904: boolean;
  stylesPath: string | null;
  sharedStringsPath: string | null;
}

function entryOf(wb: { entries: Map<string, ZipEntry> }, path: string): ZipEntry | undefined {
  return wb.entries.get(path) ?? wb.entries.get(path.toLowerCase());
}

function readPart(wb: Pick<Workbook, 'buf' | 'entries'>, path: string): Buffer | null {
  const e = entryOf(wb, path);
  return e ? extractEntry(wb.buf, e) : null;
}

function relsOf(wb: Pick<Workbook, 'buf' | 'entries'>, partPath: string) {
  const dir = posix.dirname(partPath);
  const relsPath = posix.join(dir, '_rels', `${posix.basename(partPath)}.rels`);
  const xml = readPart(wb, relsPath)?.toString('utf8') ?? '';
  const out: { id: string; type: string; target: string }[] = [];
  for (const m of xml.matchAll(new RegExp(`<${NS}Relationship\\b([^>]*?)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    if (!a.Id || !a.Target) continue;
    const target = a.Target.startsWith('/')
      ? a.Target.slice(1)
      : posix.normalize(posix.join(dir === '.' ? '' : dir, a.Target));
    out.push({ id: a.Id, type: a.Type ?? '', target });
  }
  return out;
}

function openWorkbook(buf: Buffer): Workbook {
  const list = readZipDirectory(buf);
  const entries = new Map<string, ZipEntry>();
  for (const e of list) {
    entries.set(e.name, e);
    if (!entries.has(e.name.toLowerCase())) entries.set(e.name.toLowerCase(), e);
  }
  const base = { buf, entries };
  const root = relsOf(base, '').find((r) => r.type.endsWith('/officeDocument'));
  const wbPath = root?.target ?? 'xl/workbook.xml';
  const wbXml = readPart(base, wbPath)?.toString('utf8');
  if (!wbXml) {
    if (entries.has('word/document.xml'))
      refuse('这是 Word 文档，不是 Excel 工作簿；请导入 .xlsx 或 CSV 文件');
    if (entries.has('ppt/presentation.xml')) refuse('这是 PowerPoint 文件，不是 Excel 工作簿');
    if (entries.has('content.xml') && entries.has('mimetype')) {
      refuse('这是 OpenDocument（.ods）文件，请在 WPS/LibreOffice 中另存为 .xlsx 后再导入');
    }
    refuse('文件是压缩包，但不是 Excel 工作簿（.xlsx）；请导入 .xlsx 或 CSV 文件');
  }
  const rels = new Map(relsOf(base, wbPath).map((r) => [r.id, r]));
  const sheets: SheetRef[] = [];
  for (const m of wbXml.matchAll(new RegExp(`<${NS}sheet\\b([^>]*?)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    const rel = rels.get(a[':id'] ?? a.id ?? '');
    if (!rel || !/\/worksheet$/.test(rel.type)) continue; // chart sheets, dialog sheets
    sheets.push({
      name: a.name ?? `Sheet${sheets.length + 1}`,
      hidden: !!a.state && a.state !== 'visible',
      path: rel.target,
    });
  }
  if (sheets.length === 0) refuse('工作簿中没有工作表');
  const pr = new RegExp(`<${NS}workbookPr\\b([^>]*?)/?>`).exec(wbXml);
  const d1904 = pr ? attrs(pr[1]!).date1904 : undefined;
  const allRels = [...rels.values()];
  return {
    buf,
    entries,
    sheets,
    date1904: d1904 === '1' || d1904 === 'true',
    stylesPath: allRels.find((r) => r.type.endsWith('/styles'))?.target ?? null,
    sharedStringsPath: allRels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? null,
  };
}

function readSharedStrings(wb: Workbook): string[] {
  if (!wb.sharedStringsPath) return [];
  const buf = readPart(wb, wb.sharedStringsPath);
  if (!buf) return [];
  const p = prefixOf(buf, 'sst');
  const out: string[] = [];
  const re = new RegExp(`<${NS}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${NS}si>)`, 'g');
  for (const s of slices(buf, `</${p}si>`)) {
    for (const m of s.matchAll(re)) out.push(m[1] ? richText(m[1]) : '');
  }
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function serialToIso(serial: number, date1904: boolean): string | null {
  const r = parseDate(date1904 ? serial + 1462 : serial);
  return r.ok ? r.date : null;
}

const V_RE = new RegExp(`<${NS}v\\b[^>]*>([\\s\\S]*?)</${NS}v>`);
const F_RE = new RegExp(`<${NS}f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}f>)`);
const IS_RE = new RegExp(`<${NS}is\\b[^>]*>([\\s\\S]*?)</${NS}is>`);

function cellValue(
  a: Record<string, string>,
  inner: string,
  sst: string[],
  styles: Styles | null,
  date1904: boolean,
): Cell {
  const t = a.t ?? 'n';
  const v = V_RE.exec(inner)?.[1];
  const f = inner.includes('<') ? F_RE.exec(inner) : null;
  const noValue = (): Cell => {
    const text = decodeXml(f?.[2] ?? '').slice(0, 40);
    return {
      kind: 'error',
      message: `单元格是公式${text ? `（=${text}）` : ''}但没有保存计算结果；请在 Excel/WPS 中打开并保存后再导入，或把公式转换为数值`,
    };
  };
  switch (t) {
    case 's': {
      if (v == null) return null;
      const s = sst[Number(v)];
      return s ?? { kind: 'error', message: '单元格引用的共享文本不存在（文件可能已损坏）' };
    }
    case 'inlineStr': {
      const is = IS_RE.exec(inner)?.[1];
      return is != null ? richText(is) : v != null ? decodeXml(v) : null;
    }
    case 'str':
      if (v == null) return f ? noValue() : null;
      return decodeXml(v);
    case 'b':
      if (v == null) return f ? noValue() : null;
      return v.trim() === '1' || v.trim().toLowerCase() === 'true';
    case 'e':
      return {
        kind: 'error',
        message: `单元格是错误值 ${decodeXml(v ?? '#N/A')}，请在 Excel/WPS 中修正后再导入`,
      };
    case 'd': {
      if (v == null) return f ? noValue() : null;
      const iso = /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0];
      const r = iso ? parseDate(iso) : null;
      return r?.ok && r.date ? { kind: 'date', iso: r.date, serial: Number.NaN } : decodeXml(v);
    }
    default: {
      if (v == null) return f ? noValue() : null;
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n))
        return { kind: 'error', message: `单元格的数值无效：${v.slice(0, 40)}` };
      const s = Number(a.s ?? 0);
      if (styles?.date[s]) {
        const iso = serialToIso(n, date1904);
        if (iso) return { kind: 'date', iso, serial: n };
      }
      if (styles?.percent[s]) return { kind: 'percent', value: n };
      return n;
    }
  }
}

function readSheet(wb: Workbook, sheet: SheetRef, sst: string[], styles: Styles | null): SheetRow[] {
  const buf = readPart(wb, sheet.path);
  if (!buf) refuse(`工作表“${sheet.name}”缺失（文件可能已损坏）`);
  const p = prefixOf(buf, 'worksheet');
  const rowRe = new RegExp(`<${NS}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}row>)`, 'g');
  const cellRe = new RegExp(`<${NS}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${NS}c>)`, 'g');
  const rows: SheetRow[] = [];
  let nextRow = 1;
  for (const s of slices(buf, `</${p}row>`)) {
    for (const rm of s.matchAll(rowRe)) {
      const ra = attrs(rm[1]!);
      const rowNumber = ra.r ? Number(ra.r) : nextRow;
      nextRow = rowNumber + 1;
      const body = rm[2];
      if (!body) continue;
      const cells: Cell[] = [];
      let nextCol = 0;
      let any = false;
      for (const cm of body.matchAll(cellRe)) {
        const ca = attrs(cm[1]!);
        const col = ca.r ? columnIndex(ca.r) : nextCol;
        nextCol = col + 1;
        if (!cm[2]) continue;
        const value = cellValue(ca, cm[2], sst, styles, wb.date1904);
        if (value == null || (typeof value === 'string' && value.trim() === '')) continue;
        if (col >= LIMITS.maxColumns) {
          refuse(
            `工作表“${sheet.name}”的第 ${rowNumber} 行在第 ${col + 1} 列（${columnName(col)} 列）还有数据，超过上限 ${LIMITS.maxColumns} 列；请删除多余的列后再导入`,
          );
        }
        cells[col] =
          typeof value === 'string' && value.length > LIMITS.maxCellChars
            ? { kind: 'error', message: `单元格内容超过 ${LIMITS.maxCellChars} 个字符` }
            : value;
        any = true;
      }
      if (!any) continue;
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows.push({ rowNumber, cells });
      // +1: the header row is not a data row.
      if (rows.length > LIMITS.maxRows + 1) {
        refuse(
          `工作表“${sheet.name}”超过 ${LIMITS.maxRows.toLocaleString('en-US')} 行，超出一次导入的上限；请拆分为多个文件后分别导入`,
        );
      }
    }
  }
  return rows;
}

/** Reads one sheet of an xlsx file: the named one, else the first visible sheet that holds data. */
export function readXlsx(bytes: Buffer, sheetName?: string | null): ReadResult {
  const wb = openWorkbook(bytes);
  const sheets = wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  let candidates: SheetRef[];
  if (sheetName != null && sheetName !== '') {
    const s = wb.sheets.find((x) => x.name === sheetName);
    if (!s) refuse(`工作簿中没有名为“${sheetName}”的工作表`);
    candidates = [s];
  } else {
    candidates = [...wb.sheets.filter((s) => !s.hidden), ...wb.sheets.filter((s) => s.hidden)];
  }
  const sst = readSharedStrings(wb);
  const stylesXml = wb.stylesPath ? readPart(wb, wb.stylesPath)?.toString('utf8') : null;
  const styles = stylesXml ? readStyles(stylesXml) : null;
  let chosen = candidates[0]!;
  let rows: SheetRow[] = [];
  for (const s of candidates) {
    const r = readSheet(wb, s, sst, styles);
    if (r.length > 0) {
      chosen = s;
      rows = r;
      break;
    }
  }
  return {
    format: 'xlsx',
    encoding: null,
    sheets,
    sheet: chosen.name,
    rows,
    width: rows.reduce((w, r) => Math.max(w, r.cells.length), 0),
  };
}
