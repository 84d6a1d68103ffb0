import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { validateEntity } from '../../src/shared/schemas/entities';
import {
  date,
  id,
  money,
  oneOf,
  optDate,
  optMoney,
  optText,
  ratio,
  requiredText,
  text,
  uscc,
} from '../../src/shared/schemas/fields';
import { completeUscc } from '../../src/shared/uscc';

/** The messages a value gets, by field ('' for a whole-record message); {} when valid. */
function issues(entity: Parameters<typeof validateEntity>[0], values: Record<string, unknown>) {
  const r = validateEntity(entity, values);
  if (r.ok) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.issues) {
    const k = i.field ?? '';
    out[k] = [...(out[k] ?? []), i.message];
  }
  return out;
}
const messages = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const ok = (schema: z.ZodType, v: unknown) => schema.safeParse(v);

const USCC = completeUscc('91440310MA5TPX903');
const WRONG = `${USCC.slice(0, 17)}${USCC[17] === '0' ? '1' : '0'}`;

describe('field validators', () => {
  it('id: a positive integer, else 请选择…', () => {
    expect(ok(id('基金'), 3).success).toBe(true);
    expect(messages(id('基金'), undefined)).toEqual(['请选择基金']);
    expect(messages(id('基金'), 0)).toEqual(['请选择基金']);
    expect(messages(id('基金'), 1.5)).toEqual(['基金无效']);
    expect(messages(id('基金'), '3')).toEqual(['请选择基金']);
  });

  it('text / requiredText / optText: trimmed, bounded, empty optional text is null', () => {
    expect(ok(text('名称'), '  甲  ').data).toBe('甲');
    expect(messages(text('名称', 3), '一二三四')).toEqual(['名称不能超过3个字']);
    expect(messages(text('名称'), 12)).toEqual(['名称必须是文字']);
    expect(messages(requiredText('企业名称'), '   ')).toEqual(['企业名称不能为空']);
    expect(ok(optText('备注'), '   ').data).toBeNull();
    expect(ok(optText('备注'), undefined).data).toBeUndefined();
    expect(messages(optText('联系人', 5), '一二三四五六')).toEqual(['联系人不能超过5个字']);
  });

  it('money: whole fen, never negative', () => {
    expect(ok(money('金额'), 0).success).toBe(true);
    expect(ok(money('金额'), 123_456).success).toBe(true);
    expect(messages(money('金额'), -1)).toEqual(['金额不能为负数']);
    expect(messages(money('金额'), 1.5)).toEqual(['金额最多精确到分']);
    expect(messages(money('金额'), '100')).toEqual(['金额必须是金额']);
    expect(messages(money('金额'), Number.MAX_SAFE_INTEGER + 2)).toContain('金额过大');
    expect(ok(optMoney('退出回款'), null).success).toBe(true);
    expect(messages(optMoney('退出回款'), -5)).toEqual(['退出回款不能为负数']);
  });

  it('date / optDate: a real calendar date as YYYY-MM-DD', () => {
    expect(ok(date('日期'), '2024-02-29').success).toBe(true);
    expect(messages(date('日期'), '2023-02-29')).toEqual(['日期不是有效日期（格式 YYYY-MM-DD）']);
    expect(messages(date('日期'), '2023/8/1')).toEqual(['日期不是有效日期（格式 YYYY-MM-DD）']);
    expect(messages(date('日期'), undefined)).toEqual(['请填写日期']);
    expect(ok(optDate('退出日期'), '').data).toBeNull();
    expect(ok(optDate('退出日期'), null).data).toBeNull();
    expect(messages(optDate('退出日期'), '2025-13-01')).toEqual(['退出日期不是有效日期（格式 YYYY-MM-DD）']);
  });

  it('oneOf: only the codes of the list', () => {
    const s = oneOf('阶段', ['contact', 'closed']);
    expect(ok(s, 'closed').success).toBe(true);
    expect(messages(s, '已完成')).toEqual(['阶段不在可选范围内']);
  });

  it('uscc (GB 32100-2015): the check character is verified and the expected one named', () => {
    expect(ok(uscc(), USCC).data).toBe(USCC);
    expect(ok(uscc(), ` ${USCC.toLowerCase()} `).data).toBe(USCC);
    expect(ok(uscc(), '').data).toBeNull();
    expect(messages(uscc(), WRONG)).toEqual([
      `统一社会信用代码：校验位错误：应为“${USCC[17]}”，实际为“${WRONG[17]}”`,
    ]);
    expect(messages(uscc(), '91440300MA5')).toEqual([
      '统一社会信用代码：统一社会信用代码应为18位，当前为11位',
    ]);
    expect(messages(uscc(), '91440300MA5TPX9O30')[0]).toContain('第16位字符“O”不是有效字符');
  });

  it('ratio: non-negative and bounded', () => {
    expect(ok(ratio('返投倍数', 100), 1.5).success).toBe(true);
    expect(messages(ratio('返投倍数', 100), -1)).toEqual(['返投倍数不能为负数']);
    expect(messages(ratio('持股比例(%)', 100), 101)).toEqual(['持股比例(%)不能超过100']);
  });
});

const FUND = {
  kind: 'sub',
  name: '深圳坪山测试基金合伙企业（有限合伙）',
  total_size_fen: 100_000,
  guidance_commitment_fen: 30_000,
};

describe('基金 (fund) rules', () => {
  it('a minimal fund is valid, with its defaults', () => {
    const r = validateEntity('fund', FUND);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.status).toBe('investing');
      expect(r.value.other_lp_commitment_fen).toBe(0);
      expect(r.value.reinvest_base).toBe('commitment');
    }
  });
  it('needs a name, a kind and the two amounts', () => {
    expect(issues('fund', { kind: 'sub' })).toMatchObject({
      name: ['基金名称必须是文字'],
      total_size_fen: ['认缴规模必须是金额'],
      guidance_commitment_fen: ['引导基金认缴必须是金额'],
    });
    expect(issues('fund', { ...FUND, kind: 'other' })).toEqual({ kind: ['基金类型不在可选范围内'] });
  });
  it('date-order mistakes are reported together with a bad amount; a rule on a bad field stays silent', () => {
    const r = issues('fund', {
      ...FUND,
      total_size_fen: -1,
      established_date: '2022-01-01',
      invest_end_date: '2021-12-31',
    });
    expect(r).toEqual({
      total_size_fen: [expect.any(String)],
      invest_end_date: ['投资期结束日应晚于成立日期'],
    });
  });
  it('the guidance fund commits no more than the fund size; LPs together no more than the size', () => {
    expect(issues('fund', { ...FUND, guidance_commitment_fen: 100_001 })).toEqual({
      guidance_commitment_fen: ['引导基金认缴不能大于基金认缴规模'],
    });
    expect(issues('fund', { ...FUND, other_lp_commitment_fen: 80_000 })).toEqual({
      other_lp_commitment_fen: ['引导基金与其他LP认缴合计超过基金认缴规模'],
    });
    expect(
      issues('fund', { ...FUND, other_lp_commitment_fen: 10_000, collective_assets_fen: 20_000 }),
    ).toEqual({
      collective_assets_fen: ['集体资产出资不能大于其他LP认缴合计'],
    });
  });
  it('periods end after establishment, in order', () => {
    const base = { ...FUND, established_date: '2020-06-30' };
    expect(issues('fund', { ...base, invest_end_date: '2020-06-30' })).toEqual({
      invest_end_date: ['投资期结束日应晚于成立日期'],
    });
    expect(issues('fund', { ...base, invest_end_date: '2025-06-30', exit_end_date: '2025-06-29' })).toEqual({
      exit_end_date: ['退出期结束日不能早于投资期结束日'],
    });
    expect(
      issues('fund', {
        ...base,
        invest_end_date: '2025-06-30',
        exit_end_date: '2027-06-30',
        extension_end_date: '2027-01-01',
      }),
    ).toEqual({ extension_end_date: ['延长期结束日不能早于退出期结束日'] });
    expect(issues('fund', { ...base, reinvest_deadline: '2019-12-31' })).toEqual({
      reinvest_deadline: ['返投截止日应晚于成立日期'],
    });
    expect(issues('fund', { ...base, established_date: '2020-02-30' })).toEqual({
      established_date: ['成立日期不是有效日期（格式 YYYY-MM-DD）'],
    });
  });
  it('industries are codes of the focus industries; the 返投 multiple is a sane number', () => {
    expect(validateEntity('fund', { ...FUND, industries: 'auto,bio' }).ok).toBe(true);
    expect(issues('fund', { ...FUND, industries: 'auto,cars' })).toEqual({
      industries: ['重点产业包含无效的代码'],
    });
    expect(issues('fund', { ...FUND, reinvest_multiple: -1 })).toEqual({
      reinvest_multiple: ['返投倍数不能为负数'],
    });
  });
  it('a wrong USCC check character names the expected one', () => {
    expect(issues('fund', { ...FUND, uscc: WRONG })).toEqual({
      uscc: [`统一社会信用代码：校验位错误：应为“${USCC[17]}”，实际为“${WRONG[17]}”`],
    });
  });
});

describe('基金管理人, 企业, 投资机构', () => {
  it('manager: name required, USCC checked', () => {
    expect(issues('manager', { name: '' })).toEqual({ name: ['管理人名称不能为空'] });
    expect(validateEntity('manager', { name: '某某管理有限公司', uscc: USCC }).ok).toBe(true);
    expect(Object.keys(issues('manager', { name: '某某', uscc: WRONG }))).toEqual(['uscc']);
  });
  it('enterprise: industry code, in-district flag 0/1, founded date real', () => {
    const e = { name: '深圳市某某科技有限公司' };
    const r = validateEntity('enterprise', e);
    expect(r.ok && r.value.industry).toBe('other');
    expect(issues('enterprise', { ...e, industry: 'cars' })).toEqual({
      industry: ['所属产业不在可选范围内'],
    });
    expect(issues('enterprise', { ...e, in_district: 2 })).toEqual({
      in_district: ['是否区内企业应为是或否'],
    });
    expect(issues('enterprise', { ...e, founded_date: '2021-04-31' })).toEqual({
      founded_date: ['成立日期不是有效日期（格式 YYYY-MM-DD）'],
    });
  });
  it('institution: name required, kind a code', () => {
    expect(issues('institution', { name: ' ' })).toEqual({ name: ['机构名称不能为空'] });
    expect(issues('institution', { name: '某创投', kind: 'angel' })).toEqual({
      kind: ['机构类型不在可选范围内'],
    });
  });
});

describe('现金流, 估值', () => {
  const cf = { fund_id: 1, date: '2024-03-01', type: 'call', amount_fen: 100 };
  it('cash flow: a fund, a real date, a known type, an amount above zero', () => {
    expect(validateEntity('cash_flow', cf).ok).toBe(true);
    expect(issues('cash_flow', { ...cf, amount_fen: 0 })).toEqual({ amount_fen: ['金额必须大于0'] });
    expect(issues('cash_flow', { ...cf, amount_fen: -100 }).amount_fen).toContain('金额不能为负数');
    expect(issues('cash_flow', { ...cf, type: 'loan' })).toEqual({ type: ['类型不在可选范围内'] });
    expect(issues('cash_flow', { ...cf, fund_id: null })).toEqual({ fund_id: ['请选择基金'] });
    expect(issues('cash_flow', { ...cf, date: '2024-02-30' })).toEqual({
      date: ['日期不是有效日期（格式 YYYY-MM-DD）'],
    });
  });
  it('valuation: NAV not negative (zero allowed), source defaults to the GP report', () => {
    const v = { fund_id: 1, as_of_date: '2024-12-31', nav_fen: 0 };
    const r = validateEntity('valuation', v);
    expect(r.ok && r.value.source).toBe('gp_report');
    expect(issues('valuation', { ...v, nav_fen: -1 })).toEqual({ nav_fen: ['引导基金份额净值不能为负数'] });
  });
});

describe('投资 (investment) rules', () => {
  const inv = { fund_id: 1, enterprise_id: 2, date: '2022-05-01', amount_fen: 5_000 };
  it('amount above zero; stake within 0–100', () => {
    expect(validateEntity('investment', inv).ok).toBe(true);
    expect(issues('investment', { ...inv, amount_fen: 0 })).toEqual({ amount_fen: ['投资金额必须大于0'] });
    expect(issues('investment', { ...inv, stake_pct: 120 })).toEqual({
      stake_pct: ['持股比例(%)不能超过100'],
    });
  });
  it('exit after the investment; exited needs an exit date; an exit date means exited', () => {
    expect(issues('investment', { ...inv, status: 'exited', exit_date: '2022-04-30' })).toEqual({
      exit_date: ['退出日期不能早于投资日期'],
    });
    expect(issues('investment', { ...inv, status: 'exited' })).toEqual({
      exit_date: ['已退出的投资请填写退出日期'],
    });
    expect(issues('investment', { ...inv, exit_date: '2024-01-01' })).toEqual({
      status: ['已填写退出日期，状态应为“已退出”'],
    });
    expect(validateEntity('investment', { ...inv, status: 'exited', exit_date: '2022-05-01' }).ok).toBe(true);
  });
  it('a bad amount and an exit date before the investment are both reported at once', () => {
    expect(
      issues('investment', { ...inv, amount_fen: 0, status: 'exited', exit_date: '2022-04-30' }),
    ).toEqual({ amount_fen: ['投资金额必须大于0'], exit_date: ['退出日期不能早于投资日期'] });
    // One rule's finding does not hide another's.
    expect(issues('investment', { ...inv, amount_fen: 0, exit_date: '2022-04-30' })).toEqual({
      amount_fen: ['投资金额必须大于0'],
      exit_date: ['退出日期不能早于投资日期'],
      status: ['已填写退出日期，状态应为“已退出”'],
    });
    expect(issues('investment', { ...inv, amount_fen: 'abc', exit_date: '2024-01-01' })).toEqual({
      amount_fen: [expect.any(String)],
      status: ['已填写退出日期，状态应为“已退出”'],
    });
  });
  it('a 返投 recognition has both its category and its amount', () => {
    expect(issues('investment', { ...inv, reinvest_category: 'registered' })).toEqual({
      reinvest_recognised_fen: ['已选认定类别，请填写返投认定金额'],
    });
    expect(issues('investment', { ...inv, reinvest_recognised_fen: 100 })).toEqual({
      reinvest_category: ['已填认定金额，请选择返投认定类别'],
    });
    expect(
      validateEntity('investment', { ...inv, reinvest_category: 'registered', reinvest_recognised_fen: 100 })
        .ok,
    ).toBe(true);
  });
});

describe('落地项目 (landed project) rules', () => {
  const lp = { enterprise_id: 2, landed_date: '2023-07-01', amount_fen: 1_000 };
  it('landed date real, amount not negative', () => {
    expect(validateEntity('landed_project', lp).ok).toBe(true);
    expect(issues('landed_project', { ...lp, amount_fen: -1 })).toEqual({
      amount_fen: ['落户金额不能为负数'],
    });
    expect(issues('landed_project', { ...lp, landed_date: '' })).toEqual({
      landed_date: ['落地日期不是有效日期（格式 YYYY-MM-DD）'],
    });
  });
  it('a 返投 recognition needs the introducing fund', () => {
    expect(
      issues('landed_project', { ...lp, reinvest_category: 'introduced', reinvest_recognised_fen: 500 }),
    ).toEqual({ fund_id: ['返投认定需要选择引荐基金'] });
  });
});

describe('融资对接 (financing deal) stages', () => {
  const d = { enterprise_id: 2, institution_id: 3, first_contact_date: '2024-01-10' };
  it('已完成 needs a closed amount and a closed date', () => {
    expect(issues('financing_deal', { ...d, stage: 'closed' })).toEqual({
      amount_closed_fen: ['阶段为“已完成”时须填写完成融资金额'],
      closed_date: ['阶段为“已完成”时须填写完成日期'],
    });
    expect(
      issues('financing_deal', { ...d, stage: 'closed', amount_closed_fen: 0, closed_date: '2024-06-01' }),
    ).toEqual({ amount_closed_fen: ['阶段为“已完成”时须填写完成融资金额'] });
    expect(
      validateEntity('financing_deal', {
        ...d,
        stage: 'closed',
        amount_closed_fen: 100,
        closed_date: '2024-06-01',
      }).ok,
    ).toBe(true);
  });
  it('a closed amount on a deal not 已完成 is refused; closing before first contact is refused', () => {
    expect(issues('financing_deal', { ...d, stage: 'dd', amount_closed_fen: 100 })).toEqual({
      stage: ['已填写完成融资金额，阶段应为“已完成”'],
    });
    expect(
      issues('financing_deal', { ...d, stage: 'closed', amount_closed_fen: 100, closed_date: '2024-01-09' }),
    ).toEqual({ closed_date: ['完成日期不能早于首次对接日期'] });
    expect(issues('financing_deal', { ...d, stage: 'won' })).toEqual({ stage: ['阶段不在可选范围内'] });
  });
});
