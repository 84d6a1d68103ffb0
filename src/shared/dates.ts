/**
 * Calendar dates as 'YYYY-MM-DD' strings. Arithmetic is done on UTC day numbers, so there are
 * no time-zone or daylight-saving surprises.
 */
import { toHalfWidth } from './text';

export type IsoDate = string;
export type ParseDateResult = { ok: true; date: IsoDate | null } | { ok: false; error: string };

const MS_PER_DAY = 86_400_000;
/** The years FundDesk stores: the API, the grid and the import all accept exactly these (one rule). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31
const EXAMPLES = '示例：2023-08-01、2023/8/1、2023年8月1日';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const toIso = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Milliseconds since the epoch of UTC midnight of y-m-d (works for years below 100 too). */
function utcMs(y: number, m: number, d: number): number {
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return dt.getTime();
}

/** Validates year/month/day and builds the ISO string, or returns a Chinese error message. */
function fromParts(y: number, m: number, d: number): ParseDateResult {
  if (y < MIN_YEAR || y > MAX_YEAR)
    return { ok: false, error: `年份应在${MIN_YEAR}–${MAX_YEAR}之间，实际为${y}年` };
  if (m < 1 || m > 12) return { ok: false, error: `日期无效：月份应为1–12，实际为${m}月` };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, error: `日期无效：${y}年${m}月没有${d}日` };
  return { ok: true, date: toIso(y, m, d) };
}

function fromUtcMs(ms: number): ParseDateResult {
  const dt = new Date(ms);
  return fromParts(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Excel 1900 date system: 1 = 1900-01-01, 60 = the non-existent 1900-02-29 (Lotus bug), 61 = 1900-03-01. */
function fromExcelSerial(serial: number): ParseDateResult {
  const day = Math.floor(serial); // a fraction is the time of day
  if (day < 1 || day > MAX_EXCEL_SERIAL)
    return { ok: false, error: `无法识别的日期：${serial}，${EXAMPLES}` };
  if (day === 60) return { ok: false, error: '日期无效：Excel日期序号60对应不存在的1900年2月29日' };
  const dt = new Date((day < 60 ? utcMs(1899, 12, 31) : utcMs(1899, 12, 30)) + day * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return {
      ok: false,
      error: `日期超出范围：Excel日期序号${serial}对应${y}年，年份应在${MIN_YEAR}–${MAX_YEAR}之间`,
    };
  }
  return fromParts(y, dt.getUTCMonth() + 1, dt.getUTCDate());
}

// A date with '-', '/' or '.' separators, optionally followed by a time (ISO or Excel-export style).
const SEPARATED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Excel serials as text: 5 digits (1927-05-18 … 2173). Shorter ("2023") is more likely a bare year,
// longer ("2023080") a mistyped 20230801; both are rejected rather than read as a wrong date.
const SERIAL = /^\d{5}(?:\.\d+)?$/;

/**
 * Parses a date typed by a user or read from a spreadsheet: 2023-08-01, 2023-8-1, 2023/8/1, 2023.8.1,
 * 2023年8月1日, 20230801 (text or number), ISO datetimes (date part taken as written), Excel serial numbers, and JS Dates
 * (read in UTC, as exceljs produces UTC-midnight dates). Years must be 1900–2100.
 */
export function parseDate(
  input: string | number | Date | null | undefined,
  opts: { allowEmpty?: boolean } = {},
): ParseDateResult {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, error: '日期无效' };
    return fromUtcMs(input.getTime());
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: `无法识别的日期：${input}，${EXAMPLES}` };
    // An 8-digit integer cannot be a serial (max 2958465): it is a date typed as 20230801.
    if (Number.isInteger(input) && input >= 10_000_000 && input <= 99_999_999)
      return parseDate(String(input));
    return fromExcelSerial(input);
  }
  const s = toHalfWidth(input ?? '').trim();
  if (s === '') return opts.allowEmpty ? { ok: true, date: null } : { ok: false, error: '请输入日期' };
  const m = SEPARATED.exec(s) ?? CHINESE.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const parts = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
    const [y, mo, d] = parts.map(Number) as [number, number, number];
    return fromParts(y, mo, d);
  }
  if (SERIAL.test(s)) return fromExcelSerial(Number(s));
  return { ok: false, error: `无法识别的日期：${s}，${EXAMPLES}` };
}

/** True for a real calendar date written exactly as YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * What is wrong with a stored date value, or null when it is one: a real calendar date written exactly as
 * YYYY-MM-DD in a year 1900–2100. The schemas (API) use it; parseDate (grid, paste, import) applies the
 * same years.
 */
export function isoDateProblem(s: unknown): string | null {
  if (!isIsoDate(s)) return '不是有效日期（格式 YYYY-MM-DD）';
  const y = Number(s.slice(0, 4));
  if (y < MIN_YEAR || y > MAX_YEAR) return `的年份应在${MIN_YEAR}–${MAX_YEAR}之间，实际为${y}年`;
  return null;
}

function dayNumber(d: IsoDate): number {
  if (!isIsoDate(d)) throw new RangeError(`不是有效的日期（YYYY-MM-DD）：${String(d)}`);
  return utcMs(Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))) / MS_PER_DAY;
}

/** Today's date in the computer's local time zone. */
export function todayIso(now: Date = new Date()): IsoDate {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** -1, 0 or 1, for sorting. */
export function compareDate(a: IsoDate, b: IsoDate): number {
  const diff = dayNumber(a) - dayNumber(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date n days after d (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  const dt = new Date((dayNumber(d) + n) * MS_PER_DAY);
  return toIso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** '2023-08-01' → '2023年8月1日'; null, undefined or '' → ''. */
export function formatDateCn(d: IsoDate | null | undefined): string {
  if (d === null || d === undefined || d === '') return '';
  dayNumber(d); // validates
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

/** Calendar quarter 1–4. */
export function quarterOf(d: IsoDate): 1 | 2 | 3 | 4 {
  dayNumber(d);
  return (Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

export function yearOf(d: IsoDate): number {
  dayNumber(d);
  return Number(d.slice(0, 4));
}
