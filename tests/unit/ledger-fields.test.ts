import { describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../src/shared/columns/ledgers';
import type { ColumnSpec } from '../../src/shared/columns/spec';
import { ENTITY, type Entity } from '../../src/shared/domain';
import { ENTITY_SCHEMAS, validateEntity } from '../../src/shared/schemas/entities';

/**
 * The grid's columns and the input schemas are built from one declaration per field (columns/ledgers.ts):
 * here, for every ledger and every field, what the column says is what the schema does.
 */

/** A value the column's kind accepts (the first code of a code set). */
function sample(c: ColumnSpec): unknown {
  switch (c.kind) {
    case 'money':
    case 'link':
      return 100;
    case 'date':
      return '2024-01-01';
    case 'enum':
    case 'multiEnum':
      return c.set.codes[0];
    case 'number':
    case 'ratio':
      return 1;
    case 'bool':
      return 1;
    default:
      return '名称';
  }
}

const input = (e: Entity) => LEDGER_COLUMNS[e].filter((c) => !c.readOnly);
/** A record with only the required fields filled. */
const minimal = (e: Entity) =>
  Object.fromEntries(input(e).flatMap((c) => (c.required ? [[c.field, sample(c)]] : [])));
/** The messages one field gets when the minimal record carries `value` in it. */
function messagesOf(e: Entity, c: ColumnSpec, value: unknown): string[] {
  const r = validateEntity(e, { ...minimal(e), [c.field]: value });
  return r.ok ? [] : r.issues.filter((i) => i.field === c.field).map((i) => i.message);
}

describe.each(ENTITY.codes)('ledger %s: its columns and its schema agree', (e) => {
  it('takes input for exactly the editable columns (computed columns take none)', () => {
    expect(Object.keys(ENTITY_SCHEMAS[e].shape).sort()).toEqual(
      input(e)
        .map((c) => c.field)
        .sort(),
    );
  });

  it('accepts a record with only the required columns, and refuses it without any one of them', () => {
    expect(validateEntity(e, minimal(e)).ok).toBe(true);
    for (const c of input(e)) {
      const { [c.field]: _, ...rest } = minimal(e);
      const r = validateEntity(e, rest);
      const named = r.ok ? [] : r.issues.filter((i) => i.field === c.field);
      expect(named.length > 0, `${c.header} ${c.required ? '必填' : '选填'}`).toBe(!!c.required);
    }
  });

  it('refuses a wrong value in every column with a message naming the column', () => {
    const wrong: Record<ColumnSpec['kind'], unknown> = {
      text: 123,
      money: 1.5,
      date: '2024-02-30',
      enum: '不存在的代码',
      multiEnum: 'nope',
      link: 0,
      number: -1,
      ratio: -1,
      bool: 2,
    };
    for (const c of input(e)) {
      const got = messagesOf(e, c, wrong[c.kind]);
      expect(got.length, c.header).toBeGreaterThan(0);
      for (const m of got) expect(m, c.header).toContain(c.header);
    }
  });

  it('takes every code of a coded column, and clears only the nullable ones', () => {
    for (const c of input(e)) {
      if (c.kind !== 'enum') continue;
      for (const code of c.set.codes) expect(messagesOf(e, c, code), `${c.header} ${code}`).toEqual([]);
      expect(messagesOf(e, c, null).length === 0, `${c.header} 可清空`).toBe(!!c.nullable);
    }
  });

  it("stops a number column at the column's own bound", () => {
    for (const c of input(e)) {
      if (c.kind !== 'number' || c.max === undefined) continue;
      expect(messagesOf(e, c, c.max)).toEqual([]);
      expect(messagesOf(e, c, c.max + 1).length).toBeGreaterThan(0);
    }
  });

  it('stores a money column with an empty-field warning as 0 when it is left empty', () => {
    for (const c of input(e)) {
      if (c.kind !== 'money' || !c.emptyWarning) continue;
      const r = validateEntity(e, { ...minimal(e), [c.field]: '' });
      expect(r.ok && (r.value as Record<string, unknown>)[c.field]).toBe(0);
    }
  });
});
