import type { LinkEntity } from '../contract/ledger';
import { parseDate } from '../dates';
import { codeOf } from '../domain';
import { formatMoney, parseMoney, type Unit } from '../money';
import { normalizeInput, toHalfWidth } from '../text';
import { type ColumnSpec, RATIO_MAX } from './spec';

export type CellResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Finds a linked record's id from the name a user typed or pasted. */
export type LinkResolver = (entity: LinkEntity, text: string) => CellResult;

const LINK_LABEL: Record<LinkEntity, string> = {
  fund: '基金',
  enterprise: '企业',
  manager: '基金管理人',
  institution: '投资机构',
};

/** Resolve names against a list of options: exact name first, then a unique partial match. */
export function resolveByName(
  entity: LinkEntity,
  options: readonly { id: number; name: string }[],
  text: string,
): CellResult {
  // Names are compared with full-width and half-width forms alike: （有限合伙） = (有限合伙).
  const t = normalizeInput(text);
  const shown = text.trim();
  if (t === '') return { ok: false, error: `请选择${LINK_LABEL[entity]}` };
  const names = options.map((o) => ({ id: o.id, key: normalizeInput(o.name) }));
  const exact = names.filter((o) => o.key === t);
  if (exact.length === 1) return { ok: true, value: exact[0]!.id };
  if (exact.length > 1)
    return { ok: false, error: `有 ${exact.length} 个${LINK_LABEL[entity]}名为“${shown}”，请在下拉框中选择` };
  const partial = names.filter((o) => o.key.includes(t));
  if (partial.length === 1) return { ok: true, value: partial[0]!.id };
  if (partial.length > 1)
    return { ok: false, error: `“${shown}”对应多个${LINK_LABEL[entity]}，请输入完整名称` };
  return { ok: false, error: `找不到名为“${shown}”的${LINK_LABEL[entity]}` };
}

/**
 * A code from its code or label; failing that, from the label without its bracketed part
 * (智能网联汽车 for 智能网联汽车（新能源汽车）), or the one label that contains the text.
 */
export function enumCode(set: { codes: readonly string[]; label: Record<string, string> }, text: string) {
  if (text.trim() === '') return undefined;
  const exact = codeOf(set as never, text) as string | undefined;
  if (exact) return exact;
  const t = toHalfWidth(text).replace(/\s+/g, '').toLowerCase();
  if (t === '') return undefined;
  const plain = (k: string) =>
    toHalfWidth(set.label[k] ?? '')
      .replace(/\s+/g, '')
      .toLowerCase();
  const base = set.codes.filter((k) => plain(k).replace(/\(.*\)$/, '') === t);
  if (base.length === 1) return base[0];
  const inner = set.codes.filter((k) => plain(k).match(/\((.*)\)$/)?.[1] === t);
  if (inner.length === 1) return inner[0];
  const part = set.codes.filter((k) => plain(k).includes(t));
  return part.length === 1 ? part[0] : undefined;
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '区内']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '×', '区外']);

/**
 * Turn what a user typed or pasted into the stored value of a column. Money is read in `unit` when the
 * text has no unit of its own; empty text is null (a required column says so).
 */
export function parseCell(spec: ColumnSpec, input: unknown, unit: Unit, resolve?: LinkResolver): CellResult {
  const raw =
    input == null ? '' : input instanceof Date ? input : typeof input === 'number' ? input : String(input);
  const text = typeof raw === 'string' ? normalizeInput(raw) : raw;
  if (text === '') {
    if (spec.required) return { ok: false, error: `${spec.header}不能为空` };
    if (spec.kind === 'bool') return { ok: true, value: 0 };
    if (spec.kind === 'multiEnum') return { ok: true, value: '' };
    return { ok: true, value: null };
  }
  switch (spec.kind) {
    case 'text': {
      // Text is kept as written (full-width brackets in names, commas in notes); only spacing is tidied.
      const kept = typeof raw === 'string' ? raw : String(raw);
      const value = spec.multiline ? kept.replace(/\r\n?/g, '\n').trim() : kept.replace(/\s+/g, ' ').trim();
      return { ok: true, value };
    }
    case 'money': {
      const r = parseMoney(text as string | number, unit);
      return r.ok ? { ok: true, value: r.fen } : { ok: false, error: `${spec.header}：${r.error}` };
    }
    case 'date': {
      const r = parseDate(text);
      return r.ok ? { ok: true, value: r.date } : { ok: false, error: `${spec.header}：${r.error}` };
    }
    case 'enum': {
      const c = enumCode(spec.set, String(text));
      return c
        ? { ok: true, value: c }
        : {
            ok: false,
            error: `${spec.header}应为：${spec.set.codes.map((k) => spec.set.label[k]).join('、')}`,
          };
    }
    case 'multiEnum': {
      const parts = String(text)
        .split(/[,，、;；/\s]+/)
        .filter(Boolean);
      const codes: string[] = [];
      for (const p of parts) {
        const c = enumCode(spec.set, p);
        if (!c) return { ok: false, error: `${spec.header}中的“${p}”无法识别` };
        if (!codes.includes(c)) codes.push(c);
      }
      return { ok: true, value: codes.join(',') };
    }
    case 'link': {
      if (typeof text === 'number') return { ok: true, value: text };
      if (!resolve) return { ok: false, error: `请选择${spec.header}` };
      return resolve(spec.link, String(raw).trim());
    }
    case 'number':
    case 'ratio': {
      const s = String(text)
        .replace(/[%％倍xX×]$/, '')
        .replace(/,/g, '');
      const n = Number(s);
      if (s === '' || !Number.isFinite(n)) return { ok: false, error: `${spec.header}应为数字` };
      const min = spec.kind === 'number' ? (spec.min ?? 0) : 0;
      const max = spec.kind === 'number' ? (spec.max ?? Number.MAX_SAFE_INTEGER) : RATIO_MAX;
      if (n < min) return { ok: false, error: `${spec.header}不能小于${min}` };
      if (n > max) return { ok: false, error: `${spec.header}不能大于${max}` };
      return { ok: true, value: n };
    }
    case 'bool': {
      const t = String(text).toLowerCase();
      if (TRUE.has(t)) return { ok: true, value: 1 };
      if (FALSE.has(t)) return { ok: true, value: 0 };
      return { ok: false, error: `${spec.header}应为“是”或“否”` };
    }
  }
}

/** The label of an enum cell, or the labels of a multi-enum cell joined by 、 (unknown codes as they are). */
export function codesText(spec: ColumnSpec & { kind: 'enum' | 'multiEnum' }, value: unknown): string {
  if (spec.kind === 'enum') return spec.set.label[String(value)] ?? String(value);
  return String(value)
    .split(',')
    .filter(Boolean)
    .map((c) => spec.set.label[c] ?? c)
    .join('、');
}
/** The text a cell shows (and an export writes) for a stored value. */
export function formatCell(
  spec: ColumnSpec,
  value: unknown,
  unit: Unit,
  row?: Record<string, unknown>,
): string {
  if (value == null || value === '') {
    if (spec.kind === 'link' && row) return String(row[spec.nameField] ?? '');
    return '';
  }
  switch (spec.kind) {
    case 'money':
      return formatMoney(value as number, unit);
    case 'enum':
    case 'multiEnum':
      return codesText(spec, value);
    case 'link':
      return String(row?.[spec.nameField] ?? value);
    case 'number':
      return `${(value as number).toLocaleString('zh-CN', { maximumFractionDigits: spec.digits ?? 2 })}${spec.suffix ?? ''}`;
    case 'ratio':
      return `${(value as number).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}倍`;
    case 'bool':
      return value ? '是' : '否';
    default:
      return String(value);
  }
}

/** A column's header with its unit, e.g. "认缴规模（亿元）". */
export function headerWithUnit(spec: ColumnSpec, unitLabel: string) {
  return spec.kind === 'money' ? `${spec.header}（${unitLabel}）` : spec.header;
}
