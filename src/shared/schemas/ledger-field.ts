import { z } from 'zod';
import type { LedgerField } from '../columns/field';
import { RATIO_MAX } from '../columns/spec';
import { date, id, money, oneOf, optDate, optText, ratio, requiredText, uscc } from './fields';

/**
 * A ledger field's input schema, built from its one declaration (columns/ledgers.ts): the kind, the header
 * (or `label`) its messages name, whether it is required, its code set, default and bounds. Computed columns
 * (`readOnly`) take no input and have none.
 */

type Opt<T> = T | null | undefined;
type Req<F, T> = F extends { required: true } ? T : Opt<T>;

/** What a field's schema stores, read from the declaration's type (as fieldSchema builds it). */
export type ValueOf<F> = F extends { kind: 'enum'; set: { codes: readonly (infer K)[] } }
  ? F extends { nullable: true }
    ? Opt<K>
    : K
  : F extends { kind: 'money'; emptyWarning: string }
    ? number
    : F extends { kind: 'money' | 'link' | 'number' | 'ratio' }
      ? Req<F, number>
      : F extends { kind: 'bool' }
        ? 0 | 1
        : F extends { kind: 'multiEnum' }
          ? string
          : Req<F, string>;

type Input<Fs extends readonly LedgerField[]> = Exclude<Fs[number], { readOnly: true }>;

/** The object shape of a ledger's input: one schema per field a user may set, in column order. */
export type ShapeOf<Fs extends readonly LedgerField[]> = {
  [F in Input<Fs> as F['field']]: z.ZodType<ValueOf<F>>;
};

/** An optional amount stored as 0 when left empty. */
const zeroIfEmpty = (schema: z.ZodType<number>) =>
  z.preprocess((v) => (v == null || v === '' ? 0 : v), schema);

export function fieldSchema(f: LedgerField): z.ZodType {
  const label = f.label ?? f.header;
  const optional = <T extends z.ZodType>(s: T) => (f.required ? s : s.nullable().optional());
  switch (f.kind) {
    case 'text':
      if (f.format === 'uscc') return uscc(label);
      return f.required ? requiredText(label, f.maxLength) : optText(label, f.maxLength, f.multiline);
    case 'money': {
      const m = f.positive ? money(label).refine((v) => v > 0, { error: `${label}必须大于0` }) : money(label);
      return f.emptyWarning && !f.required ? zeroIfEmpty(m) : optional(m);
    }
    case 'date':
      return f.required ? date(label) : optDate(label);
    case 'enum': {
      const e = oneOf(label, f.set.codes as [string, ...string[]]);
      if (f.required) return e;
      if (f.nullable) return e.nullable().optional();
      if (f.default === undefined) throw new Error(`“${f.header}”既非必填也不可留空，却没有默认值`);
      return e.default(f.default);
    }
    case 'multiEnum':
      return z
        .string()
        .default('')
        .refine((s) => s === '' || s.split(',').every((c) => f.set.codes.includes(c)), {
          error: `${label}包含无效的代码`,
        });
    case 'link':
      return optional(id(label));
    case 'number':
      // A number with a unit is named with it (持股比例(%)), so the bound in the message reads right.
      return optional(ratio(f.suffix ? `${label}(${f.suffix})` : label, f.max ?? Number.MAX_SAFE_INTEGER));
    case 'ratio':
      return optional(ratio(label, RATIO_MAX));
    case 'bool':
      return z.union([z.literal(0), z.literal(1)], { error: `是否${label}应为是或否` }).default(0);
  }
}

/** The input shape of a ledger from its declared fields (computed columns left out). */
export function shapeOf<const Fs extends readonly LedgerField[]>(fields: Fs): ShapeOf<Fs> {
  return Object.fromEntries(
    fields.filter((f) => !f.readOnly).map((f) => [f.field, fieldSchema(f)]),
  ) as ShapeOf<Fs>;
}
