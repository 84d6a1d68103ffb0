import { z } from 'zod';
import {
  CASH_FLOW_FIELDS,
  ENTERPRISE_FIELDS,
  FINANCING_DEAL_FIELDS,
  FUND_FIELDS,
  INSTITUTION_FIELDS,
  INVESTMENT_FIELDS,
  LANDED_PROJECT_FIELDS,
  MANAGER_FIELDS,
  VALUATION_FIELDS,
} from '../columns/ledgers';
import type { Entity } from '../domain';
import type { FieldIssue } from './issue';
import { shapeOf } from './ledger-field';

export type { FieldIssue, IssueCode } from './issue';

/**
 * The input schema of every ledger, keyed by column name (snake_case, as stored): each field's own rule comes
 * from its declaration (columns/ledgers.ts, built by ledger-field.ts); the cross-field rules are here and
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

export const managerSchema = z.object(shapeOf(MANAGER_FIELDS));

export const fundSchema = z
  .object(shapeOf(FUND_FIELDS))
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

export const cashFlowSchema = z.object(shapeOf(CASH_FLOW_FIELDS));

export const valuationSchema = z.object(shapeOf(VALUATION_FIELDS));

export const enterpriseSchema = z.object(shapeOf(ENTERPRISE_FIELDS));

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
  .object(shapeOf(INVESTMENT_FIELDS))
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
  .object(shapeOf(LANDED_PROJECT_FIELDS))
  .superRefine(reinvestPairRule, whenParsed(...REINVEST_PAIR))
  .superRefine(
    (r, ctx) => {
      if (r.reinvest_category != null && r.fund_id == null) flag(ctx, 'fund_id', '返投认定需要选择引荐基金');
    },
    whenParsed('reinvest_category', 'fund_id'),
  );

export const institutionSchema = z.object(shapeOf(INSTITUTION_FIELDS));

export const financingDealSchema = z
  .object(shapeOf(FINANCING_DEAL_FIELDS))
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
