import { z } from 'zod';
import {
  CASH_FLOW_TYPE,
  DEAL_STAGE,
  type Entity,
  FUND_KIND,
  FUND_STATUS,
  INDUSTRY,
  INSTITUTION_KIND,
  INVESTMENT_STATUS,
  LANDED_KIND,
  LANDED_STATUS,
  REINVEST_BASE,
  REINVEST_CATEGORY,
  VALUATION_SOURCE,
} from '../domain';
import {
  date,
  id,
  money,
  oneOf,
  optDate,
  optLongText,
  optMoney,
  optText,
  ratio,
  requiredText,
  uscc,
} from './fields';

/**
 * The input schema of every ledger, keyed by column name (snake_case, as stored). Cross-field rules
 * attach their message to the field the user must change.
 */

/**
 * Cross-field rules run whenever the fields they compare parsed, even if some other field failed: by
 * default zod skips an object's refinements as soon as any field fails, so a form would report its
 * errors in waves (fix one, save, meet the next). Only the fields' own issues count here, not those of
 * other cross-field rules (marked by `flag`), so every rule that can run does.
 */
const whenParsed = (...fields: string[]): z.core.$ZodSuperRefineParams => ({
  when: (p) =>
    typeof p.value === 'object' &&
    p.value !== null &&
    !p.issues.some(
      (i) =>
        i.path !== undefined &&
        fields.includes(String(i.path[0])) &&
        !(i.code === 'custom' && i.params?.[CROSS_FIELD]),
    ),
});

const CROSS_FIELD = 'crossField';

/** A cross-field rule's issue, on the field the user must change. */
const flag = (ctx: z.RefinementCtx, path: string, message: string) =>
  ctx.addIssue({ code: 'custom', path: [path], message, params: { [CROSS_FIELD]: true } });

const contact = {
  contact_person: optText('联系人', 50),
  contact_phone: optText('联系电话', 50),
  notes: optLongText('备注'),
};

export const managerSchema = z.object({
  name: requiredText('管理人名称'),
  uscc: uscc(),
  amac_code: optText('协会登记编号', 50),
  ...contact,
});

/** An optional amount stored as 0 when left empty. */
const zeroIfEmpty = (schema: z.ZodNumber) => z.preprocess((v) => (v == null || v === '' ? 0 : v), schema);

const industries = z
  .string()
  .default('')
  .refine((s) => s === '' || s.split(',').every((c) => (INDUSTRY.codes as string[]).includes(c)), {
    error: '重点产业包含无效的代码',
  });

export const fundSchema = z
  .object({
    kind: oneOf('基金类型', FUND_KIND.codes),
    name: requiredText('基金名称'),
    manager_id: id('基金管理人').nullable().optional(),
    uscc: uscc(),
    amac_code: optText('备案编号', 50),
    established_date: optDate('成立日期'),
    total_size_fen: money('认缴规模'),
    guidance_commitment_fen: money('引导基金认缴'),
    other_lp_commitment_fen: zeroIfEmpty(money('其他LP认缴')),
    collective_assets_fen: zeroIfEmpty(money('集体资产出资')),
    industries,
    district: optText('注册区域', 50),
    invest_end_date: optDate('投资期结束日'),
    exit_end_date: optDate('退出期结束日'),
    extension_end_date: optDate('延长期结束日'),
    status: oneOf('基金状态', FUND_STATUS.codes).default('investing'),
    reinvest_multiple: ratio('返投倍数', 100).nullable().optional(),
    reinvest_base: oneOf('返投基数', REINVEST_BASE.codes).default('commitment'),
    reinvest_deadline: optDate('返投截止日'),
    fee_terms: optLongText('管理费条款'),
    carry_terms: optLongText('业绩报酬条款'),
    notes: optLongText('备注'),
  })
  .superRefine(
    (f, ctx) => {
      if (f.guidance_commitment_fen > f.total_size_fen)
        flag(ctx, 'guidance_commitment_fen', '引导基金认缴不能大于基金认缴规模');
    },
    whenParsed('guidance_commitment_fen', 'total_size_fen'),
  )
  .superRefine(
    (f, ctx) => {
      if (
        f.collective_assets_fen > 0 &&
        f.other_lp_commitment_fen > 0 &&
        f.collective_assets_fen > f.other_lp_commitment_fen
      )
        flag(ctx, 'collective_assets_fen', '集体资产出资不能大于其他LP认缴合计');
    },
    whenParsed('collective_assets_fen', 'other_lp_commitment_fen'),
  )
  .superRefine(
    (f, ctx) => {
      if (
        f.guidance_commitment_fen + f.other_lp_commitment_fen > f.total_size_fen &&
        f.other_lp_commitment_fen > 0
      )
        flag(ctx, 'other_lp_commitment_fen', '引导基金与其他LP认缴合计超过基金认缴规模');
    },
    whenParsed('guidance_commitment_fen', 'other_lp_commitment_fen', 'total_size_fen'),
  )
  .superRefine(
    (f, ctx) => {
      if (f.established_date && f.invest_end_date && f.invest_end_date <= f.established_date)
        flag(ctx, 'invest_end_date', '投资期结束日应晚于成立日期');
    },
    whenParsed('established_date', 'invest_end_date'),
  )
  .superRefine(
    (f, ctx) => {
      if (f.invest_end_date && f.exit_end_date && f.exit_end_date < f.invest_end_date)
        flag(ctx, 'exit_end_date', '退出期结束日不能早于投资期结束日');
    },
    whenParsed('invest_end_date', 'exit_end_date'),
  )
  .superRefine(
    (f, ctx) => {
      if (f.exit_end_date && f.extension_end_date && f.extension_end_date < f.exit_end_date)
        flag(ctx, 'extension_end_date', '延长期结束日不能早于退出期结束日');
    },
    whenParsed('exit_end_date', 'extension_end_date'),
  )
  .superRefine(
    (f, ctx) => {
      if (f.established_date && f.reinvest_deadline && f.reinvest_deadline <= f.established_date)
        flag(ctx, 'reinvest_deadline', '返投截止日应晚于成立日期');
    },
    whenParsed('established_date', 'reinvest_deadline'),
  );

export const cashFlowSchema = z.object({
  fund_id: id('基金'),
  date: date('日期'),
  type: oneOf('类型', CASH_FLOW_TYPE.codes),
  amount_fen: money('金额').refine((v) => v > 0, { error: '金额必须大于0' }),
  doc_no: optText('通知书/单据编号', 100),
  note: optText('备注'),
});

export const valuationSchema = z.object({
  fund_id: id('基金'),
  as_of_date: date('估值日'),
  nav_fen: money('引导基金份额净值'),
  source: oneOf('来源', VALUATION_SOURCE.codes).default('gp_report'),
  note: optText('备注'),
});

export const enterpriseSchema = z.object({
  name: requiredText('企业名称'),
  uscc: uscc(),
  industry: oneOf('所属产业', INDUSTRY.codes).default('other'),
  district: optText('注册区域', 50),
  in_district: z.union([z.literal(0), z.literal(1)], { error: '是否区内企业应为是或否' }).default(0),
  founded_date: optDate('成立日期'),
  ...contact,
});

const reinvestFields = {
  reinvest_category: oneOf('返投认定类别', REINVEST_CATEGORY.codes).nullable().optional(),
  reinvest_recognised_fen: optMoney('返投认定金额'),
};

const REINVEST_PAIR = ['reinvest_category', 'reinvest_recognised_fen'];

function reinvestPairRule(
  r: { reinvest_category?: string | null; reinvest_recognised_fen?: number | null },
  ctx: z.RefinementCtx,
) {
  const hasCat = r.reinvest_category != null;
  const hasAmt = r.reinvest_recognised_fen != null;
  if (hasCat && !hasAmt) flag(ctx, 'reinvest_recognised_fen', '已选认定类别，请填写返投认定金额');
  if (hasAmt && !hasCat) flag(ctx, 'reinvest_category', '已填认定金额，请选择返投认定类别');
}

export const investmentSchema = z
  .object({
    fund_id: id('基金'),
    enterprise_id: id('被投企业'),
    date: date('投资日期'),
    amount_fen: money('投资金额').refine((v) => v > 0, { error: '投资金额必须大于0' }),
    round: optText('轮次', 30),
    stake_pct: ratio('持股比例(%)', 100).nullable().optional(),
    post_money_fen: optMoney('投后估值'),
    status: oneOf('状态', INVESTMENT_STATUS.codes).default('held'),
    exit_date: optDate('退出日期'),
    exit_proceeds_fen: optMoney('退出回款'),
    current_value_fen: optMoney('当前估值'),
    ...reinvestFields,
    notes: optLongText('备注'),
  })
  .superRefine(
    (r, ctx) => {
      if (r.exit_date && r.exit_date < r.date) flag(ctx, 'exit_date', '退出日期不能早于投资日期');
    },
    whenParsed('date', 'exit_date'),
  )
  .superRefine(
    (r, ctx) => {
      if (r.status === 'exited' && !r.exit_date) flag(ctx, 'exit_date', '已退出的投资请填写退出日期');
      if (r.status === 'held' && r.exit_date) flag(ctx, 'status', '已填写退出日期，状态应为“已退出”');
    },
    whenParsed('status', 'exit_date'),
  )
  .superRefine(reinvestPairRule, whenParsed(...REINVEST_PAIR));

export const landedProjectSchema = z
  .object({
    enterprise_id: id('落地企业'),
    name: optText('项目名称', 100),
    fund_id: id('引荐基金').nullable().optional(),
    landed_date: date('落地日期'),
    amount_fen: money('落户金额'),
    kind: oneOf('落地方式', LANDED_KIND.codes).default('new'),
    industry: oneOf('所属产业', INDUSTRY.codes).default('other'),
    status: oneOf('状态', LANDED_STATUS.codes).default('registered'),
    ...reinvestFields,
    notes: optLongText('备注'),
  })
  .superRefine(reinvestPairRule, whenParsed(...REINVEST_PAIR))
  .superRefine(
    (r, ctx) => {
      if (r.reinvest_category != null && r.fund_id == null) flag(ctx, 'fund_id', '返投认定需要选择引荐基金');
    },
    whenParsed('reinvest_category', 'fund_id'),
  );

export const institutionSchema = z.object({
  name: requiredText('机构名称'),
  kind: oneOf('机构类型', INSTITUTION_KIND.codes).default('vc'),
  ...contact,
});

export const financingDealSchema = z
  .object({
    enterprise_id: id('企业'),
    institution_id: id('投资机构'),
    stage: oneOf('阶段', DEAL_STAGE.codes).default('contact'),
    first_contact_date: optDate('首次对接日期'),
    amount_sought_fen: optMoney('拟融资金额'),
    amount_closed_fen: optMoney('完成融资金额'),
    closed_date: optDate('完成日期'),
    round: optText('轮次', 30),
    notes: optLongText('备注'),
  })
  .superRefine(
    (r, ctx) => {
      if (r.stage === 'closed') {
        if (r.amount_closed_fen == null || r.amount_closed_fen <= 0)
          flag(ctx, 'amount_closed_fen', '阶段为“已完成”时须填写完成融资金额');
        if (!r.closed_date) flag(ctx, 'closed_date', '阶段为“已完成”时须填写完成日期');
      } else if (r.amount_closed_fen != null && r.amount_closed_fen > 0) {
        flag(ctx, 'stage', '已填写完成融资金额，阶段应为“已完成”');
      }
    },
    whenParsed('stage', 'amount_closed_fen', 'closed_date'),
  )
  .superRefine(
    (r, ctx) => {
      if (r.first_contact_date && r.closed_date && r.closed_date < r.first_contact_date)
        flag(ctx, 'closed_date', '完成日期不能早于首次对接日期');
    },
    whenParsed('first_contact_date', 'closed_date'),
  );

export const ENTITY_SCHEMAS = {
  manager: managerSchema,
  fund: fundSchema,
  cash_flow: cashFlowSchema,
  valuation: valuationSchema,
  enterprise: enterpriseSchema,
  investment: investmentSchema,
  landed_project: landedProjectSchema,
  institution: institutionSchema,
  financing_deal: financingDealSchema,
} satisfies Record<Entity, z.ZodType>;

/** What a user enters for each ledger (before defaults). */
export type EntityInput = { [E in Entity]: z.input<(typeof ENTITY_SCHEMAS)[E]> };
/** A validated record, ready to store. */
export type EntityValues = { [E in Entity]: z.output<(typeof ENTITY_SCHEMAS)[E]> };

/**
 * What kind of problem an issue is, for code that must tell them apart (never by matching the Chinese text):
 * a value another record already has, a linked record that is not there, a second valuation on one date, a
 * 返投 recognition counted twice, a row that repeats another.
 */
export type IssueCode = 'unique' | 'missing_link' | 'valuation_date' | 'recognition' | 'duplicate';

export type FieldIssue = { field: string | null; message: string; code?: IssueCode };

/** Validate one record; issues name the field (column) they belong to. */
export function validateEntity<E extends Entity>(
  entity: E,
  values: unknown,
): { ok: true; value: EntityValues[E] } | { ok: false; issues: FieldIssue[] } {
  const r = ENTITY_SCHEMAS[entity].safeParse(values);
  if (r.success) return { ok: true, value: r.data as EntityValues[E] };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      field: i.path.length > 0 ? String(i.path[0]) : null,
      message: i.message,
    })),
  };
}
