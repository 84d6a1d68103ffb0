import { z } from 'zod';
import { isoDateProblem } from '../dates';
import { checkUscc } from '../uscc';
import { controlCharIn, hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from './strings';

/** Field builders with the Chinese messages users see at the cell. */

export const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int({ error: `${label}无效` })
    .positive({ error: `请选择${label}` });

/**
 * Text as stored: trimmed; a single-line field (names, codes) holds no line breaks or tabs (each run becomes
 * one space, as the grid and the import make them); a multi-line one (notes, terms) keeps its line breaks
 * as \n. A lone UTF-16 surrogate or an invisible control character is refused, never stored altered.
 */
export const text = (label: string, max = 200, multiline = false) =>
  z
    .string({ error: `${label}必须是文字` })
    .overwrite((s) => (multiline ? s.replace(/\r\n?/g, '\n') : s.replace(/[\r\n\t]+/g, ' ')))
    .trim()
    .refine((s) => !hasLoneSurrogate(s), { error: `${label}${LONE_SURROGATE_MESSAGE}` })
    .superRefine((s, ctx) => {
      const c = controlCharIn(s);
      if (c)
        ctx.addIssue({ code: 'custom', message: `${label}含有不可见的控制字符（${c}），请删除后再保存` });
    })
    .max(max, { error: `${label}不能超过${max}个字` });

export const requiredText = (label: string, max = 200) =>
  text(label, max).min(1, { error: `${label}不能为空` });

export const optText = (label: string, max = 2000, multiline = false) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
      text(label, max, multiline).nullable(),
    )
    .optional();

/** Notes and terms: many lines. */
export const optLongText = (label: string) => optText(label, 2000, true);

export const money = (label: string) =>
  z
    .number({ error: `${label}必须是金额` })
    .int({ error: `${label}最多精确到分` })
    .min(0, { error: `${label}不能为负数` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${label}过大` });

export const optMoney = (label: string) => money(label).nullable().optional();

/** A date as stored and as every channel takes it: YYYY-MM-DD in a year 1900–2100 (shared/dates.ts). */
export const date = (label: string) =>
  z.string({ error: `请填写${label}` }).superRefine((s, ctx) => {
    const problem = isoDateProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}` });
  });

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
