import { parseCell } from '../../../shared/columns/convert';
import type { ColumnSpec } from '../../../shared/columns/spec';
import type { ImportIssue } from '../../../shared/contract/data';
import { parseDate } from '../../../shared/dates';
import { FEN_PER_UNIT, parseMoney, UNIT_LABEL, type Unit } from '../../../shared/money';
import { controlCharIn, withoutControlChars } from '../../../shared/schemas/strings';
import { normalizeInput } from '../../../shared/text';
import type { LinkResolver } from './links';
import { type Cell, cellText, tidyNumber } from './table';

/**
 * One file cell → one stored value, the way a fund manager means it: money in the column's unit
 * unless the cell says otherwise ("1.5亿"), Excel dates and date text in every common form, percent
 * cells as percent, enum labels, linked records by name. Problems become Chinese messages naming the
 * column; nothing here touches the database.
 */

/** Cells that mean "nothing here" in hand-kept ledgers. */
const BLANK = new Set(['-', '--', '—', '——', '–', '/', '无', 'n/a', 'na', '#n/a', '不适用']);

export type Converted = { ok: true; value: unknown; warning?: string } | { ok: false; error: string };

/** A number in `unit` → fen, rounded half away from zero to the fen (for numeric cells, which Excel rounds on screen). */
function roundedFen(n: number, unit: Unit): { fen: number; rounded: boolean } | null {
  const s = String(Math.abs(tidyNumber(n)));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return null;
  const digits = BigInt(`${m[1]}${m[2] ?? ''}`);
  const scale = (m[2]?.length ?? 0) - Number(m[3] ?? 0);
  let num = digits * BigInt(FEN_PER_UNIT[unit]);
  let rounded = false;
  if (scale > 0) {
    const den = 10n ** BigInt(scale);
    const q = num / den;
    const r = num % den;
    rounded = r !== 0n;
    num = q + (r * 2n >= den ? 1n : 0n);
  } else {
    num *= 10n ** BigInt(-scale);
  }
  if (num > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { fen: (n < 0 ? -1 : 1) * Number(num), rounded };
}

export function convertCell(spec: ColumnSpec, cell: Cell, unit: Unit, links: LinkResolver): Converted {
  if (cell != null && typeof cell === 'object' && cell.kind === 'error') {
    return { ok: false, error: `${spec.header}：${cell.message}` };
  }
  const text = normalizeInput(cellText(cell));
  if (spec.kind !== 'text' && BLANK.has(text.toLowerCase())) return parseCell(spec, '', unit);
  if (text === '') return parseCell(spec, '', unit);

  switch (spec.kind) {
    case 'money': {
      if (typeof cell === 'number' || (cell && typeof cell === 'object' && cell.kind === 'percent')) {
        const n = typeof cell === 'number' ? cell : cell.value;
        if (n < 0) return { ok: false, error: `${spec.header}：金额不能为负数` };
        const r = roundedFen(n, unit);
        if (!r) return { ok: false, error: `${spec.header}：金额过大` };
        return r.rounded
          ? {
              ok: true,
              value: r.fen,
              warning: `${spec.header}“${tidyNumber(n)}${UNIT_LABEL[unit]}”按分四舍五入`,
            }
          : { ok: true, value: r.fen };
      }
      if (cell && typeof cell === 'object' && cell.kind === 'date') {
        return { ok: false, error: `${spec.header}：单元格是日期（${cell.iso}），不是金额` };
      }
      const r = parseMoney(text, unit);
      return r.ok ? { ok: true, value: r.fen } : { ok: false, error: `${spec.header}：${r.error}` };
    }
    case 'date': {
      if (cell && typeof cell === 'object' && cell.kind === 'date') return { ok: true, value: cell.iso };
      const r = typeof cell === 'number' ? parseDate(cell) : parseDate(text);
      return r.ok ? { ok: true, value: r.date } : { ok: false, error: `${spec.header}：${r.error}` };
    }
    case 'number':
    case 'ratio': {
      if (cell && typeof cell === 'object' && cell.kind === 'percent') {
        // A percent cell holds 0.15 for 15%: a percentage column wants 15, a multiple wants 0.15.
        const v =
          spec.kind === 'number' && spec.suffix === '%'
            ? tidyNumber(cell.value * 100)
            : tidyNumber(cell.value);
        return parseCell(spec, String(v), unit);
      }
      const t = text.replace(/[％%]$/, '').replace(/倍$/, '');
      return parseCell(spec, typeof cell === 'number' ? String(tidyNumber(cell)) : t, unit);
    }
    case 'link': {
      const r = links.resolve(spec.link, text);
      if (!r.ok) return { ok: false, error: `${spec.header}：${r.error}` };
      if ('pending' in r) return { ok: true, value: links.pendingId(spec.link, r.name) };
      return r.warning ? { ok: true, value: r.id, warning: r.warning } : { ok: true, value: r.id };
    }
    case 'text': {
      if (spec.field === 'uscc' && typeof cell === 'number') {
        return {
          ok: false,
          error: `${spec.header}被 Excel 存成了数字（${cellText(cell)}），已丢失位数；请把该列设为“文本”格式后重新录入`,
        };
      }
      // Text keeps what the file says (full-width brackets in company names, line breaks in notes), as the
      // schema stores it (shared/schemas/fields.ts). An invisible control character (a \x0b Excel kept from
      // a copied cell) cannot be stored: it is removed, and the row says so.
      const written = cellText(cell);
      const control = controlCharIn(written);
      const raw = (control ? withoutControlChars(written) : written).trim();
      const value = spec.multiline ? raw.replace(/\r\n?/g, '\n') : raw.replace(/[\r\n\t]+/g, ' ');
      return control
        ? { ok: true, value, warning: `${spec.header}含有不可见的控制字符（${control}），已删除` }
        : { ok: true, value };
    }
    default:
      return parseCell(spec, text, unit);
  }
}

/** False when `text` cannot normalise to `header`: a CJK character of the header is missing from it. */
function couldBe(text: string, header: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c >= 0x3400 && c < 0xff00 && text.indexOf(header[i]!) < 0) return false;
  }
  return true;
}

/** Rows that are not records: totals, notes and signatures under the table, a repeated header. */
export function skipReason(cells: Cell[], headerNorms: string[], norm: (s: string) => string): string | null {
  const texts = cells.map((c) => normalizeInput(cellText(c)));
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return '空行';
  const first = filled[0]!.replace(/\s+/g, '').replace(/[:：]$/, '');
  if (/^(合计|总计|小计|总合计|合\s*计|汇总)$/.test(first)) return '合计行，已跳过';
  if (
    filled.length <= 2 &&
    /^(注|说明|备注|填表说明|制表|制表人|填报单位|审核|审核人|负责人|填报人|数据来源)[:：]/.test(filled[0]!)
  ) {
    return '表格下方的说明文字，已跳过';
  }
  // A repeated header: most cells read as their column's header once normalised. The normalisation only
  // deletes characters, narrows full-width ones and lower-cases, so a header's Chinese characters must all be
  // in the cell already: data cells (amounts, dates, names) fail that cheap test and are not normalised, and
  // the count stops as soon as the row can no longer reach the threshold.
  const named = headerNorms.filter(Boolean).length;
  const need = Math.max(2, Math.ceil(named * 0.6));
  let same = 0;
  let left = named;
  for (let i = 0; i < headerNorms.length && same < need && same + left >= need; i++) {
    const h = headerNorms[i];
    if (!h) continue;
    left--;
    const t = texts[i] ?? '';
    if (!couldBe(t, h)) continue;
    if (norm(t) === h) same++;
  }
  if (same >= need) return '重复的表头行，已跳过';
  return null;
}

export type { ImportIssue };
