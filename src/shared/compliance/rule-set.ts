/**
 * 返投 rule sets (issue #15): how a fund's 返投 is recognised. Pure data + zod checks with Chinese messages;
 * the computation is in reinvest.ts. Stored in reinvest_rule_sets (migration 0005), categories as JSON.
 */
import { z } from 'zod';
import { labels, REINVEST_CATEGORY } from '../domain';
import { date } from '../schemas/fields';

/** Recognition categories of a rule set: the records' own (并购区内企业 since migration 0007). */
export const RULE_CATEGORY = REINVEST_CATEGORY;
export type RuleCategory = (typeof RULE_CATEGORY.codes)[number];

export const RULE_BASE = labels({
  fund: '按基金协议',
  commitment: '引导基金认缴出资',
  paid_in: '引导基金实缴出资',
  fund_size: '基金认缴规模',
});
export type RuleBase = (typeof RULE_BASE.codes)[number];

export interface CategoryRule {
  multiplier: number;
  /** The category counts at most this % of the requirement (null: no cap). */
  cap_pct: number | null;
  /** An enterprise that leaves the district within this many years of the investment loses its recognition. */
  lock_in_years: number | null;
}

export interface RuleSet {
  id: number;
  name: string;
  is_default: boolean;
  is_example: boolean;
  base: RuleBase;
  /** Required multiple (null with base 'fund': the fund's own). */
  multiple: number | null;
  /** Deadline: a date, or N years after the fund's establishment (first close); neither: the fund's own. */
  deadline_date: string | null;
  deadline_years: number | null;
  categories: Record<RuleCategory, CategoryRule>;
  notes: string | null;
}

const num = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${what}应为数字` })
    .refine(Number.isFinite, `${what}应为数字`)
    .refine((n) => n >= min && n <= max, `${what}应在${min}到${max}之间`);

export const categoryRuleSchema = z.object({
  multiplier: num('认定系数', 0, 10),
  cap_pct: num('上限比例', 0, 100).nullable().default(null),
  lock_in_years: num('锁定年数', 1, 30).refine(Number.isInteger, '锁定年数应为整数').nullable().default(null),
});

/** A rule set as entered (id, is_default and is_example are not the user's to set here). */
export const ruleSetInputSchema = z
  .object({
    name: z.string({ error: '请填写规则集名称' }).trim().min(1, '请填写规则集名称').max(60, '规则集名称过长'),
    base: z.enum(RULE_BASE.codes as [RuleBase, ...RuleBase[]], { error: '返投基数无效' }),
    multiple: num('返投倍数', 0, 20).nullable().default(null),
    deadline_date: date('截止日期').nullable().default(null),
    deadline_years: num('完成年限', 1, 30)
      .refine(Number.isInteger, '完成年限应为整数')
      .nullable()
      .default(null),
    categories: z.object(
      Object.fromEntries(RULE_CATEGORY.codes.map((c) => [c, categoryRuleSchema])) as Record<
        RuleCategory,
        typeof categoryRuleSchema
      >,
      { error: '认定类别规则不完整' },
    ),
    notes: z.string().trim().max(500, '说明过长').nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.base !== 'fund' && v.multiple === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['multiple'],
        message: '请填写返投倍数（基数不是“按基金协议”时必填）',
      });
    }
    if (v.deadline_date !== null && v.deadline_years !== null) {
      ctx.addIssue({ code: 'custom', path: ['deadline_years'], message: '截止日期与完成年限只能填一个' });
    }
  });
export type RuleSetInput = z.infer<typeof ruleSetInputSchema>;

/** The categories of a rule set read from its JSON column (missing ones count 1×, no cap, no lock-in). */
export function parseCategories(json: string): Record<RuleCategory, CategoryRule> {
  let raw: Record<string, Partial<CategoryRule>> = {};
  try {
    raw = JSON.parse(json) ?? {};
  } catch {
    raw = {};
  }
  const out = {} as Record<RuleCategory, CategoryRule>;
  for (const c of RULE_CATEGORY.codes) {
    const r = raw[c] ?? {};
    out[c] = {
      multiplier: typeof r.multiplier === 'number' ? r.multiplier : 1,
      cap_pct: typeof r.cap_pct === 'number' ? r.cap_pct : null,
      lock_in_years: typeof r.lock_in_years === 'number' ? r.lock_in_years : null,
    };
  }
  return out;
}

/** One line per category, for lists and exports: 1.5倍，上限30%，锁定5年. */
export function describeCategory(r: CategoryRule): string {
  const parts = [`${r.multiplier}倍`];
  if (r.cap_pct !== null) parts.push(`上限${r.cap_pct}%`);
  if (r.lock_in_years !== null) parts.push(`锁定${r.lock_in_years}年`);
  return parts.join('，');
}
