/**
 * Money is an integer number of 分 (fen) held in a JS number (always Number.isSafeInteger).
 * All conversions between text and fen use exact decimal (BigInt) arithmetic, never float multiplication.
 */
import { toHalfWidth } from './text';

export type Unit = 'yuan' | 'wan' | 'yi';
export const UNITS: Unit[] = ['yuan', 'wan', 'yi'];
export const UNIT_LABEL: Record<Unit, string> = { yuan: '元', wan: '万元', yi: '亿元' };
export const FEN_PER_UNIT: Record<Unit, number> = { yuan: 100, wan: 1_000_000, yi: 10_000_000_000 };
export const UNIT_DECIMALS: Record<Unit, number> = { yuan: 2, wan: 2, yi: 4 };

export type ParseMoneyResult = { ok: true; fen: number | null } | { ok: false; error: string };

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);
const EXAMPLES = '示例：1.5亿、3000万、12,345.67';
/** Unit words a user may type after the number, longest first. */
const UNIT_SUFFIXES: [string, Unit][] = [
  ['亿元', 'yi'],
  ['万元', 'wan'],
  ['亿', 'yi'],
  ['万', 'wan'],
  ['元', 'yuan'],
];

/** An exact decimal: value = digits / 10^scale (scale may be negative). */
interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses an unsigned plain or exponent-form decimal string (as produced by String(number)). */
function parseDecimal(s: string): Decimal | null {
  const m = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m) return null;
  const int = m[1] ?? '';
  const frac = m[2] ?? '';
  if (int === '' && frac === '') return null;
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  return { negative: false, digits: BigInt(int + frac || '0'), scale: frac.length - exp };
}

/** Converts a decimal amount in `unit` to fen; null when it has a fraction of a fen. */
function decimalToFen(d: Decimal, unit: Unit): bigint | null {
  let num = d.digits * BigInt(FEN_PER_UNIT[unit]);
  if (d.scale > 0) {
    const den = pow10(d.scale);
    if (num % den !== 0n) return null;
    num /= den;
  } else {
    num *= pow10(-d.scale);
  }
  return d.negative ? -num : num;
}

/** Splits typed text into sign, number and unit; a string is an error message. */
function parseText(raw: string, defaultUnit: Unit): { dec: Decimal; unit: Unit } | string {
  const shown = raw.trim();
  const unrecognized = `无法识别的金额：${shown}，${EXAMPLES}`;
  let s = toHalfWidth(raw).replace(/\s+/g, '');
  let negative = false;
  let signed = false;
  // One sign and a currency symbol, in either order: -¥100, ¥-100, +100.
  for (let i = 0; i < 2; i++) {
    if (!signed && /^[-\u2212+]/.test(s)) {
      signed = true;
      negative = s[0] !== '+';
      s = s.slice(1);
    }
    if (/^[¥￥]/.test(s)) s = s.slice(1);
  }
  let unit = defaultUnit;
  const suffix = UNIT_SUFFIXES.find(([word]) => s.endsWith(word));
  if (suffix) {
    unit = suffix[1];
    s = s.slice(0, -suffix[0].length);
  }
  if (/[亿万元]/.test(s)) return suffix ? `金额只能有一个单位：${shown}，${EXAMPLES}` : unrecognized;
  // Thousands separators are accepted loosely in the integer part, never in the fraction.
  const m = /^(\d[\d,]*)?(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === undefined && !m[2])) return unrecognized;
  const dec = parseDecimal(`${(m[1] ?? '').replace(/,/g, '')}.${m[2] ?? ''}`);
  if (!dec) return unrecognized;
  dec.negative = negative;
  return { dec, unit };
}

/**
 * Parses a money amount typed by a user or read from a spreadsheet cell into fen.
 * Text may carry a unit (元/万/万元/亿/亿元), a currency sign, thousands separators and full-width
 * characters; a bare number is in `defaultUnit`. JS numbers are read through their shortest decimal form.
 */
export function parseMoney(
  text: string | number,
  defaultUnit: Unit = 'yuan',
  opts: { allowNegative?: boolean; allowEmpty?: boolean } = {},
): ParseMoneyResult {
  let dec: Decimal | null;
  let unit = defaultUnit;
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return { ok: false, error: `无法识别的金额：${text}，${EXAMPLES}` };
    dec = parseDecimal(String(Math.abs(text)));
    if (!dec) return { ok: false, error: `无法识别的金额：${text}，${EXAMPLES}` };
    dec.negative = text < 0;
  } else {
    if (toHalfWidth(text).trim() === '') {
      return opts.allowEmpty ? { ok: true, fen: null } : { ok: false, error: '请输入金额' };
    }
    if (/[零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]/.test(text)) {
      return { ok: false, error: `无法识别的金额：${text.trim()}，请用阿拉伯数字输入，${EXAMPLES}` };
    }
    const parsed = parseText(text, defaultUnit);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    dec = parsed.dec;
    unit = parsed.unit;
  }
  if (dec.negative && dec.digits !== 0n && !opts.allowNegative) return { ok: false, error: '金额不能为负数' };
  const fen = decimalToFen(dec, unit);
  if (fen === null) return { ok: false, error: '金额最多精确到分' };
  if (fen > MAX_FEN || fen < -MAX_FEN) return { ok: false, error: '金额过大' };
  return { ok: true, fen: Number(fen) };
}

/** Groups the digits of a non-negative integer string with commas: 1234567 → 1,234,567. */
function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Formats fen in `unit` with thousands separators and UNIT_DECIMALS[unit] decimals (or opts.decimals),
 * rounding half away from zero on integers. null/undefined → ''. withUnit appends 元/万元/亿元.
 */
export function formatMoney(
  fen: number | null | undefined,
  unit: Unit,
  opts: { decimals?: number; withUnit?: boolean } = {},
): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const decimals = opts.decimals ?? UNIT_DECIMALS[unit];
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`formatMoney: decimals must be an integer 0–20, got ${decimals}`);
  }
  const abs = BigInt(Math.abs(Math.round(fen)));
  const num = abs * pow10(decimals);
  const den = BigInt(FEN_PER_UNIT[unit]);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  const digits = q.toString().padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  const sign = fen < 0 && q !== 0n ? '-' : '';
  const body = `${sign}${groupThousands(int)}${decimals > 0 ? `.${frac}` : ''}`;
  return opts.withUnit ? `${body}${UNIT_LABEL[unit]}` : body;
}

/** fen expressed in `unit` as a float, for charts and spreadsheet cells (not for storage). */
export function fenToUnit(fen: number, unit: Unit): number {
  return fen / FEN_PER_UNIT[unit];
}

/**
 * Converts a yuan amount (e.g. a spreadsheet cell) to fen, rounding half away from zero on its
 * shortest decimal form, so 1.005 → 101. Throws RangeError for non-finite or out-of-range values.
 */
export function yuanToFen(yuan: number): number {
  if (!Number.isFinite(yuan)) throw new RangeError(`yuanToFen: not a finite number: ${yuan}`);
  const dec = parseDecimal(String(Math.abs(yuan)));
  if (!dec) throw new RangeError(`yuanToFen: cannot read ${yuan}`);
  // value in fen = digits / 10^(scale - 2)
  const shift = dec.scale - 2;
  let fen: bigint;
  if (shift <= 0) {
    fen = dec.digits * pow10(-shift);
  } else {
    const den = pow10(shift);
    fen = dec.digits / den;
    if ((dec.digits % den) * 2n >= den) fen += 1n;
  }
  if (fen > MAX_FEN) throw new RangeError(`yuanToFen: ${yuan} is too large`);
  return yuan < 0 && fen !== 0n ? -Number(fen) : Number(fen);
}
