import { formatCell } from '@shared/columns/convert';
import { LEDGER_COLUMNS } from '@shared/columns/ledgers';
import type { ColumnSpec } from '@shared/columns/spec';
import type { AuditEntry } from '@shared/contract/app';
import type { LinkEntity, LinkOption } from '@shared/contract/ledger';
import { ENTITY, type Entity, labelOf } from '@shared/domain';
import { formatMoney } from '@shared/money';

/** Names of linked records, to show 基金“…” rather than an id. */
export type NameLookup = Partial<Record<LinkEntity, LinkOption[]>>;

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const SKIP = new Set(['id', 'created_at', 'updated_at']);
const EXTRA_LABELS: Record<string, string> = { kind: '类型' };

/** The column spec that labels and formats a stored field of a ledger. */
export function specFor(entity: string, field: string): ColumnSpec | undefined {
  const cols = LEDGER_COLUMNS[entity as Entity];
  return cols?.find((c) => c.field === field);
}

/** A stored value as a user reads it: labels for codes, names for links, money in 万元. */
export function auditValue(entity: string, field: string, value: unknown, names: NameLookup): string {
  if (value == null || value === '') return '（空）';
  const spec = specFor(entity, field);
  if (!spec) return String(value);
  if (spec.kind === 'money' && typeof value === 'number')
    return formatMoney(value, 'wan', { withUnit: true });
  if (spec.kind === 'link') {
    const o = (names[spec.link] ?? []).find((x) => x.id === value);
    return o ? o.name : `编号 ${String(value)}`;
  }
  return formatCell(spec, value, 'wan') || '（空）';
}

export function auditLabel(entity: string, field: string): string {
  return specFor(entity, field)?.header ?? EXTRA_LABELS[field] ?? field;
}

/** The fields an entry touched: before → after for a change, the values of a created or deleted record. */
export function auditChanges(e: AuditEntry, names: NameLookup): FieldChange[] {
  const out: FieldChange[] = [];
  const cols = LEDGER_COLUMNS[e.entity as Entity] ?? [];
  const order = (f: string) => {
    const i = cols.findIndex((c) => c.field === f);
    return i < 0 ? 999 : i;
  };
  const fields = new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})]);
  for (const f of [...fields].sort((a, b) => order(a) - order(b))) {
    if (SKIP.has(f)) continue;
    const b = e.before?.[f];
    const a = e.after?.[f];
    if (e.action !== 'update' && (e.action === 'create' ? a : b) == null) continue;
    if (e.action !== 'update' && (e.action === 'create' ? a : b) === '') continue;
    out.push({
      field: f,
      label: auditLabel(e.entity, f),
      before: e.action === 'create' ? '' : auditValue(e.entity, f, b, names),
      after: e.action === 'delete' ? '' : auditValue(e.entity, f, a, names),
    });
  }
  return out;
}

export const ENTITY_OPTIONS = ENTITY.codes.map((c) => ({ value: c, label: labelOf(ENTITY, c) }));

export const SOURCE_LABEL: Record<string, string> = {
  ui: '手工录入',
  import: '导入',
  cli: '命令行',
  demo: '示例数据',
  undo: '撤销',
  paste: '粘贴导入',
};

/** '2025-03-01T02:03:04.567Z' → local '2025-03-01 10:03:04'. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
