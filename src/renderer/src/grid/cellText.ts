import { formatCell } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import { FEN_PER_UNIT, formatMoney, UNIT_DECIMALS, type Unit } from '@shared/money';

/**
 * formatCell for grid cells, with the same text, made fast enough to run on every cell of 100,000 rows
 * (the quick search reads them all): numbers through one Intl.NumberFormat per column instead of a
 * toLocaleString call (which builds one each time), money with plain integer arithmetic where it is exact.
 */
export function cellTextOf(spec: ColumnSpec, unit: Unit) {
  if (spec.kind === 'number' || spec.kind === 'ratio') {
    const nf = new Intl.NumberFormat('zh-CN', {
      maximumFractionDigits: spec.kind === 'ratio' ? 2 : (spec.digits ?? 2),
    });
    const suffix = spec.kind === 'ratio' ? '倍' : (spec.suffix ?? '');
    return (value: unknown, row?: Record<string, unknown>) =>
      typeof value === 'number' ? `${nf.format(value)}${suffix}` : formatCell(spec, value, unit, row);
  }
  if (spec.kind === 'money') return (value: unknown) => moneyText(value, unit);
  return (value: unknown, row?: Record<string, unknown>) => formatCell(spec, value, unit, row);
}

/** formatMoney(fen, unit) without BigInt when every step is an exact integer in a double. */
export function moneyText(fen: unknown, unit: Unit): string {
  if (typeof fen !== 'number' || !Number.isFinite(fen))
    return fen == null ? '' : formatMoney(fen as number, unit);
  const decimals = UNIT_DECIMALS[unit];
  const scale = 10 ** decimals;
  const per = FEN_PER_UNIT[unit];
  const abs = Math.abs(Math.round(fen));
  if (per % scale !== 0 || abs > Number.MAX_SAFE_INTEGER) return formatMoney(fen, unit);
  const div = per / scale;
  let q = Math.floor(abs / div);
  if ((abs - q * div) * 2 >= div) q += 1;
  const digits = String(q).padStart(decimals + 1, '0');
  const int = digits.slice(0, digits.length - decimals);
  const sign = fen < 0 && q !== 0 ? '-' : '';
  return `${sign}${groupThousands(int)}${decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : ''}`;
}

function groupThousands(int: string): string {
  if (int.length <= 3) return int;
  let out = '';
  const head = int.length % 3;
  if (head > 0) out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += (out ? ',' : '') + int.slice(i, i + 3);
  return out;
}
