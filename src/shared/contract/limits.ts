import { z } from 'zod';
import { utf8Bytes } from '../schemas/strings';

/**
 * Size limits of channel inputs that are free-form (settings values, a record's values, filters): a call
 * can no longer hand the database 100 MB in one value. Import files have their own limit (data.ts).
 */

/** A settings value (grid layouts, units): its JSON at most 64 KB. */
export const SETTINGS_VALUE_MAX_BYTES = 64 * 1024;
/** One record's values as sent by the grid, a form or a paste row. */
export const RECORD_MAX_BYTES = 64 * 1024;
const RECORD_MAX_KEYS = 100;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/** Bytes of a value written as JSON (undefined and functions count as nothing). */
function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : utf8Bytes(s);
}

/** Any JSON value up to `max` bytes. */
export const jsonValue = (label: string, max: number) =>
  z.unknown().superRefine((v, ctx) => {
    const n = jsonBytes(v);
    if (n > max) ctx.addIssue({ code: 'custom', message: `${label}过大（${kb(n)}），上限 ${kb(max)}` });
  });

/** A field name as sent by callers: the SQLite column names are short snake_case words. */
export const fieldKey = z.string().max(64, { error: '字段名过长' });

/** A record's values (column → value). */
export const recordValues = z
  .record(fieldKey, z.unknown())
  .refine((r) => Object.keys(r).length <= RECORD_MAX_KEYS, {
    error: `字段过多（上限 ${RECORD_MAX_KEYS} 个）`,
  })
  .superRefine((r, ctx) => {
    const n = jsonBytes(r);
    if (n > RECORD_MAX_BYTES)
      ctx.addIssue({
        code: 'custom',
        message: `一条记录的内容过大（${kb(n)}），上限 ${kb(RECORD_MAX_BYTES)}`,
      });
  });

/** Filters of a list: column = value, a few of them. */
export const whereFilter = z
  .record(fieldKey, z.union([z.number(), z.string().max(200, { error: '筛选值过长' })]))
  .refine((r) => Object.keys(r).length <= 20, { error: '筛选条件过多' });

/** Rows of a paste or bulk add: up to 200,000, together at most 64 MB. */
export const recordRows = z
  .array(recordValues)
  .max(200_000, { error: '一次最多 200,000 行' })
  .superRefine((rows, ctx) => {
    const n = jsonBytes(rows);
    if (n > 64 * 1024 * 1024) ctx.addIssue({ code: 'custom', message: `内容过大（${kb(n)}），上限 64 MB` });
  });
