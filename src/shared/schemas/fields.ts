import { z } from 'zod';
import { isIsoDate } from '../dates';
import { checkUscc } from '../uscc';

/** Field builders with the Chinese messages users see at the cell. */

export const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int({ error: `${label}无效` })
    .positive({ error: `请选择${label}` });

export const text = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过${max}个字` });

export const requiredText = (label: string, max = 200) =>
  text(label, max).min(1, { error: `${label}不能为空` });

export const optText = (label: string, max = 2000) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(label, max).nullable())
    .optional();

export const money = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}最多精确到分` })
    .min(0, { error: `${label}不能为负数` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}过大` });

export const optMoney = (label: string) => money(label).nullable().optional();

export const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .refine(isIsoDate, { error: `${label}不是有效日期（格式 YYYY-MM-DD）` });

export const optDate = (label: string) =>
  z.preprocess((v) => (v === '' ? null : v), date(label).nullable()).optional();

export const oneOf = <K extends string>(label: string, codes: readonly [K, ...K[]]) =>
  z.enum(codes, { error: `${label}不在可选范围内` });

export const uscc = (label = '统一社会信用代码') =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z
      .string({ error: `${label}必须是文字` })
      .transform((v, ctx) => {
        const r = checkUscc(v);
        if (r.ok) return r.code;
        ctx.addIssue({ code: 'custom', message: `${label}：${r.error}` });
        return z.NEVER;
      })
      .nullable()
      .optional(),
  );

export const ratio = (label: string, max: number) =>
  z
    .number({ error: `${label}必须是数字` })
    .min(0, { error: `${label}不能为负数` })
    .max(max, { error: `${label}不能超过${max}` });
