/** How report values are shown: the same text on screen, in the PDF and in the brief. */
import { FEN_PER_UNIT, formatMoney, UNIT_LABEL, type Unit } from '../money';
import type { CellValue, ColumnKind, ReportColumn } from './types';

export const DASH = '—';

/** Chinese reports show money with 2 decimals in every unit (元、万元、亿元). */
export const REPORT_MONEY_DECIMALS = 2;

/** Column header with the unit where the column is money: “认缴规模（万元）”. */
export function columnHeader(col: Pick<ReportColumn, 'header' | 'kind'>, unit: Unit): string {
  return col.kind === 'money' ? `${col.header}（${UNIT_LABEL[unit]}）` : col.header;
}

export function formatPercent(v: number, decimals = 2): string {
  return `${(v * 100).toFixed(decimals)}%`;
}

function groupInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** One cell as text. null → '' for money, counts, dates and text; '—' for ratios (no value exists). */
export function formatCell(kind: ColumnKind, v: CellValue, unit: Unit): string {
  if (v === null || v === undefined || v === '') {
    return kind === 'percent' || kind === 'ratio' || kind === 'multiple' ? DASH : '';
  }
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'money':
      return formatMoney(v, unit, { decimals: REPORT_MONEY_DECIMALS });
    case 'int':
      return groupInt(v);
    case 'percent':
      return formatPercent(v);
    case 'ratio':
      return v.toFixed(2);
    case 'multiple':
      return `${v.toFixed(2)}倍`;
    default:
      return String(v);
  }
}

/**
 * fen in `unit` as an exact decimal string without grouping (for CSV): 123456789 fen in 万元 → '123.456789'.
 * Never goes through float multiplication, so no 0.30000000000000004.
 */
export function fenToUnitString(fen: number, unit: Unit): string {
  const neg = fen < 0;
  const abs = BigInt(Math.abs(Math.round(fen)));
  const den = BigInt(FEN_PER_UNIT[unit]);
  const scale = String(FEN_PER_UNIT[unit]).length - 1;
  const int = abs / den;
  const frac = (abs % den).toString().padStart(scale, '0').replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : `${int}`;
  return neg && body !== '0' ? `-${body}` : body;
}

/** Excel/LibreOffice number format of a column in `unit`. */
export function numberFormat(kind: ColumnKind, _unit: Unit): string | undefined {
  switch (kind) {
    case 'money':
      return `#,##0.${'0'.repeat(REPORT_MONEY_DECIMALS)}`;
    case 'int':
      return '#,##0';
    case 'percent':
      return '0.00%';
    case 'ratio':
      return '0.00';
    case 'multiple':
      return '0.00"倍"';
    case 'date':
      return 'yyyy-mm-dd';
    default:
      return undefined;
  }
}

/** '2025-12-31' → '2025年12月31日'. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2025-12-31' → '2025年第四季度'. */
export function quarterLabel(iso: string): string {
  const y = iso.slice(0, 4);
  const q = Math.floor((Number(iso.slice(5, 7)) - 1) / 3);
  return `${y}年第${['一', '二', '三', '四'][q]}季度`;
}

/** Amount in the style of a news report: ≥ 1亿 in 亿元 (2 decimals), else in 万元. */
export function briefMoney(fen: number): string {
  if (Math.abs(fen) >= FEN_PER_UNIT.yi) return `${formatMoney(fen, 'yi', { decimals: 2 })}亿元`;
  const wan = formatMoney(fen, 'wan', { decimals: 2 }).replace(/\.?0+$/, '');
  return `${wan}万元`;
}

/**
 * A fund's short name for charts and narrow columns: “深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）” →
 * “坪山新能源汽车产业投资基金”.
 */
export function shortFundName(name: string): string {
  let s = name.replace(/(合伙企业)?[（(]有限合伙[）)]$/, '').replace(/合伙企业$/, '');
  s = s.replace(/^深圳市?/, '');
  return s || name;
}

/** File-name-safe text (Windows forbids \ / : * ? " < > |). */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 120);
}
