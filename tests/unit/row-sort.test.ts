import { describe, expect, it } from 'vitest';
import {
  plainCompare,
  type SortBy,
  sortKeyOf,
  sortRows,
  TextRanks,
} from '../../src/renderer/src/grid/rowSort';
import { INVESTMENT_COLUMNS } from '../../src/shared/columns/ledgers';
import type { ColumnSpec } from '../../src/shared/columns/spec';

type Row = Record<string, unknown> & { id: number };

/** The comparator the grid's text columns had before (zh-CN collator, empty as ''). */
const zh = new Intl.Collator('zh-CN');
const byText = (a: unknown, b: unknown) => zh.compare(a == null ? '' : String(a), b == null ? '' : String(b));
const col = (field: string) => INVESTMENT_COLUMNS.find((c) => c.field === field)!;

/** The order AG Grid gave with the comparators the columns had before (the reference). */
function reference(rows: Row[], by: { spec: ColumnSpec; descending: boolean }[]): number[] {
  const cmpOf = (spec: ColumnSpec) => {
    if (spec.kind === 'enum') {
      const label = spec.set.label as Record<string, string>;
      return (a: Row, b: Row) => byText(label[String(a[spec.field])], label[String(b[spec.field])]);
    }
    if (spec.kind === 'link') return (a: Row, b: Row) => byText(a[spec.nameField], b[spec.nameField]);
    if (['money', 'number', 'ratio', 'date', 'multiEnum', 'bool'].includes(spec.kind))
      return (a: Row, b: Row) => plainCompare(a[spec.field], b[spec.field]);
    return (a: Row, b: Row) => byText(a[spec.field], b[spec.field]);
  };
  const cmps = by.map((b) => ({ cmp: cmpOf(b.spec), d: b.descending }));
  return [...rows]
    .sort((a, b) => {
      for (const c of cmps) {
        const r = c.cmp(a, b);
        if (r !== 0) return c.d ? -r : r;
      }
      return 0;
    })
    .map((r) => r.id);
}

function ours(rows: Row[], by: { spec: ColumnSpec; descending: boolean }[], ranks = new Map()) {
  const items = [...rows];
  const spec: SortBy[] = by.map((b) => {
    if (!ranks.has(b.spec.field)) ranks.set(b.spec.field, new TextRanks());
    return { key: sortKeyOf(b.spec), descending: b.descending, ranks: ranks.get(b.spec.field) };
  });
  sortRows(items, (r) => r, spec);
  return items.map((r) => r.id);
}

const names = ['深圳星川科技', '北京安和', '阿里云', '中关村创投', '长江资本', '重庆两江', '', null];
const statuses = ['held', 'exited', 'held', 'unknown_code', null];
let seed = 11;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const rows: Row[] = Array.from({ length: 600 }, (_, id) => ({
  id,
  fund_id: rand(9),
  fund_name: names[rand(names.length)],
  enterprise_name: names[rand(names.length)],
  date: rand(6) === 0 ? null : `202${rand(5)}-0${1 + rand(9)}-1${rand(9)}`,
  amount_fen: rand(7) === 0 ? null : (rand(50) - 10) * 1_000_000,
  stake_pct: rand(4) === 0 ? null : rand(1000) / 10,
  status: statuses[rand(statuses.length)],
  round: ['A轮', 'B轮', '天使轮', 'Pre-A', null][rand(5)],
}));

describe('grid row order on precomputed keys', () => {
  it('puts rows in the order the old comparators gave, both directions, each kind of column', () => {
    for (const field of ['amount_fen', 'stake_pct', 'date', 'status', 'fund_id', 'enterprise_id', 'round']) {
      for (const descending of [false, true]) {
        const by = [{ spec: col(field), descending }];
        expect(ours(rows, by), `${field} ${descending ? 'desc' : 'asc'}`).toEqual(reference(rows, by));
      }
    }
  });

  it('sorts by several columns (shift-click), ties in the rows’ own order', () => {
    const by = [
      { spec: col('status'), descending: false },
      { spec: col('fund_id'), descending: true },
      { spec: col('amount_fen'), descending: false },
    ];
    expect(ours(rows, by)).toEqual(reference(rows, by));
    // Equal keys keep the incoming order (AG Grid's sort is stable).
    const same = rows.map((r) => ({ ...r, amount_fen: 5 }));
    expect(ours(same, [{ spec: col('amount_fen'), descending: true }])).toEqual(same.map((r) => r.id));
  });

  it('empty amounts come first going up and last going down; names in pinyin order', () => {
    const few: Row[] = [
      { id: 1, amount_fen: 300, enterprise_name: '中关村创投' },
      { id: 2, amount_fen: null, enterprise_name: '阿里云' },
      { id: 3, amount_fen: -50, enterprise_name: '北京安和' },
    ];
    expect(ours(few, [{ spec: col('amount_fen'), descending: false }])).toEqual([2, 3, 1]);
    expect(ours(few, [{ spec: col('amount_fen'), descending: true }])).toEqual([1, 3, 2]);
    // 阿 (a), 北 (bei), 中 (zhong).
    expect(ours(few, [{ spec: col('enterprise_id'), descending: false }])).toEqual([2, 3, 1]);
  });

  it('keeps text ranks between sorts and ranks again when a new name appears', () => {
    const ranks = new Map();
    const by = [{ spec: col('enterprise_id'), descending: false }];
    expect(ours(rows, by, ranks)).toEqual(reference(rows, by));
    const edited = [...rows, { id: 999, enterprise_name: '安徽新芯', amount_fen: 1 }];
    expect(ours(edited, by, ranks)).toEqual(reference(edited, by));
    expect(ours(edited.slice(0, 50), by, ranks)).toEqual(reference(edited.slice(0, 50), by));
  });
});
