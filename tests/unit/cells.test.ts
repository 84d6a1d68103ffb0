import { describe, expect, it } from 'vitest';
import {
  enumCode,
  formatCell,
  headerWithUnit,
  parseCell,
  resolveByName,
} from '../../src/shared/columns/convert';
import {
  CASH_FLOW_COLUMNS,
  ENTERPRISE_COLUMNS,
  FUND_COLUMNS,
  INVESTMENT_COLUMNS,
  LEDGER_COLUMNS,
} from '../../src/shared/columns/ledgers';
import type { ColumnSpec } from '../../src/shared/columns/spec';
import { CASH_FLOW_TYPE, INDUSTRY, REINVEST_CATEGORY } from '../../src/shared/domain';

const col = (cols: ColumnSpec[], field: string) => cols.find((c) => c.field === field)!;
const amount = col(CASH_FLOW_COLUMNS, 'amount_fen');
const date = col(CASH_FLOW_COLUMNS, 'date');
const type = col(CASH_FLOW_COLUMNS, 'type');
const fund = col(CASH_FLOW_COLUMNS, 'fund_id');
const note = col(INVESTMENT_COLUMNS, 'notes');
const stake = col(INVESTMENT_COLUMNS, 'stake_pct');
const industries = col(FUND_COLUMNS, 'industries');
const multiple = col(FUND_COLUMNS, 'reinvest_multiple');
const inDistrict = col(ENTERPRISE_COLUMNS, 'in_district');
const name = col(ENTERPRISE_COLUMNS, 'name');
const contact = col(ENTERPRISE_COLUMNS, 'contact_person');

const FUNDS = [
  { id: 1, name: '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）' },
  { id: 2, name: '深圳坪山天使投资基金合伙企业（有限合伙）' },
  { id: 3, name: '深圳坪山新兴产业直投基金合伙企业（有限合伙）' },
];
const resolve = (_e: 'fund' | 'enterprise' | 'manager' | 'institution', t: string) =>
  resolveByName('fund', FUNDS, t);

describe('parseCell: money', () => {
  it('reads units, thousands separators and full-width digits; bare numbers in the unit given', () => {
    expect(parseCell(amount, '1.5亿', 'wan')).toEqual({ ok: true, value: 15_000_000_000 });
    expect(parseCell(amount, '3000万', 'yuan')).toEqual({ ok: true, value: 3_000_000_000 });
    expect(parseCell(amount, '12,345.67', 'yuan')).toEqual({ ok: true, value: 1_234_567 });
    expect(parseCell(amount, '12,345.67', 'wan')).toEqual({ ok: true, value: 12_345_670_000 });
    expect(parseCell(amount, '０.５', 'yi')).toEqual({ ok: true, value: 5_000_000_000 });
    expect(parseCell(amount, 2500, 'wan')).toEqual({ ok: true, value: 2_500_000_000 });
  });
  it('refuses negatives, words and empty required cells, in Chinese', () => {
    expect(parseCell(amount, '-100', 'wan')).toEqual({ ok: false, error: '金额：金额不能为负数' });
    expect(parseCell(amount, '两千万', 'wan')).toMatchObject({ ok: false });
    expect((parseCell(amount, '两千万', 'wan') as { error: string }).error).toContain('无法识别的金额');
    expect(parseCell(amount, '  ', 'wan')).toEqual({ ok: false, error: '金额不能为空' });
    expect(parseCell(amount, '0.001', 'yuan')).toEqual({ ok: false, error: '金额：金额最多精确到分' });
  });
});

describe('parseCell: dates, codes, links, numbers, flags, text', () => {
  it('dates in the forms people type', () => {
    expect(parseCell(date, '2023/8/1', 'wan')).toEqual({ ok: true, value: '2023-08-01' });
    expect(parseCell(date, '2023年8月1日', 'wan')).toEqual({ ok: true, value: '2023-08-01' });
    expect(parseCell(date, '2023-02-29', 'wan')).toEqual({
      ok: false,
      error: '日期：日期无效：2023年2月没有29日',
    });
  });
  it('codes from labels, codes, or a unique part of a label', () => {
    expect(parseCell(type, '收益分配', 'wan')).toEqual({ ok: true, value: 'distribution' });
    expect(parseCell(type, 'call', 'wan')).toEqual({ ok: true, value: 'call' });
    expect(parseCell(type, '分配', 'wan')).toEqual({ ok: true, value: 'distribution' });
    expect(parseCell(type, '借款', 'wan')).toEqual({
      ok: false,
      error: '类型应为：实缴出资、收益分配、管理费、其他',
    });
    expect(parseCell(industries, '生物医药、新型储能，生物医药', 'wan')).toEqual({
      ok: true,
      value: 'bio,storage',
    });
    expect(parseCell(industries, '生物医药、造船', 'wan')).toEqual({
      ok: false,
      error: '重点产业中的“造船”无法识别',
    });
  });
  it('linked records by name, full-width or half-width brackets alike; never an unknown name', () => {
    expect(parseCell(fund, '深圳坪山天使投资基金合伙企业(有限合伙)', 'wan', resolve)).toEqual({
      ok: true,
      value: 2,
    });
    expect(parseCell(fund, '天使投资', 'wan', resolve)).toEqual({ ok: true, value: 2 });
    expect(parseCell(fund, '深圳坪山', 'wan', resolve)).toEqual({
      ok: false,
      error: '“深圳坪山”对应多个基金，请输入完整名称',
    });
    expect(parseCell(fund, '不存在的基金', 'wan', resolve)).toEqual({
      ok: false,
      error: '找不到名为“不存在的基金”的基金',
    });
    expect(parseCell(fund, 7, 'wan', resolve)).toEqual({ ok: true, value: 7 });
    expect(parseCell(fund, '天使', 'wan')).toEqual({ ok: false, error: '请选择基金' });
    expect(parseCell(fund, '', 'wan', resolve)).toEqual({ ok: false, error: '基金不能为空' });
  });
  it('two records of the same name must be told apart in the list', () => {
    const twins = [
      { id: 1, name: '同名基金' },
      { id: 2, name: '同名基金' },
    ];
    expect(resolveByName('fund', twins, '同名基金')).toEqual({
      ok: false,
      error: '有 2 个基金名为“同名基金”，请在下拉框中选择',
    });
  });
  it('numbers and ratios with their marks and bounds', () => {
    expect(parseCell(stake, '12.5%', 'wan')).toEqual({ ok: true, value: 12.5 });
    expect(parseCell(stake, '101', 'wan')).toEqual({ ok: false, error: '持股比例不能大于100' });
    expect(parseCell(stake, '-1', 'wan')).toEqual({ ok: false, error: '持股比例不能小于0' });
    expect(parseCell(multiple, '1.5倍', 'wan')).toEqual({ ok: true, value: 1.5 });
    expect(parseCell(multiple, '一倍半', 'wan')).toEqual({ ok: false, error: '返投倍数应为数字' });
  });
  it('yes/no flags', () => {
    expect(parseCell(inDistrict, '是', 'wan')).toEqual({ ok: true, value: 1 });
    expect(parseCell(inDistrict, '区外', 'wan')).toEqual({ ok: true, value: 0 });
    expect(parseCell(inDistrict, '', 'wan')).toEqual({ ok: true, value: 0 });
    expect(parseCell(inDistrict, '也许', 'wan')).toEqual({ ok: false, error: '区内企业应为“是”或“否”' });
  });
  it('text is kept as written (full-width brackets, Chinese commas); only spacing is tidied', () => {
    expect(parseCell(name, '  深圳市某某科技有限公司（筹）  ', 'wan')).toEqual({
      ok: true,
      value: '深圳市某某科技有限公司（筹）',
    });
    expect(parseCell(contact, '张　三', 'wan')).toEqual({ ok: true, value: '张 三' });
    expect(parseCell(note, '第一行\r\n第二行，补充', 'wan')).toEqual({
      ok: true,
      value: '第一行\n第二行，补充',
    });
    expect(parseCell(name, '', 'wan')).toEqual({ ok: false, error: '企业名称不能为空' });
    expect(parseCell(contact, '', 'wan')).toEqual({ ok: true, value: null });
  });
});

describe('enumCode', () => {
  it('matches a short name, the bracketed part or a unique part of a label', () => {
    expect(enumCode(INDUSTRY, '智能网联汽车')).toBe('auto');
    expect(enumCode(INDUSTRY, '新能源汽车')).toBe('auto');
    expect(enumCode(INDUSTRY, '储能')).toBe('storage');
    expect(enumCode(INDUSTRY, '其他')).toBe('other');
    expect(enumCode(REINVEST_CATEGORY, '迁入区内')).toBe('relocated');
    expect(enumCode(CASH_FLOW_TYPE, '')).toBeUndefined();
    expect(enumCode(CASH_FLOW_TYPE, '利息')).toBeUndefined();
  });
});

describe('formatCell', () => {
  it('shows money in the unit chosen, codes as labels, links by name, flags and ratios in words', () => {
    expect(formatCell(amount, 15_000_000_000, 'yi')).toBe('1.5000');
    expect(formatCell(amount, 15_000_000_000, 'wan')).toBe('15,000.00');
    expect(formatCell(amount, 123_456, 'yuan')).toBe('1,234.56');
    expect(formatCell(type, 'fee', 'wan')).toBe('管理费');
    expect(formatCell(industries, 'bio,storage', 'wan')).toBe('生物医药、新型储能');
    expect(formatCell(fund, 2, 'wan', { fund_name: '深圳坪山天使投资基金合伙企业（有限合伙）' })).toBe(
      '深圳坪山天使投资基金合伙企业（有限合伙）',
    );
    expect(formatCell(inDistrict, 1, 'wan')).toBe('是');
    expect(formatCell(inDistrict, 0, 'wan')).toBe('否');
    expect(formatCell(stake, 8.375, 'wan')).toBe('8.375%');
    expect(formatCell(multiple, 1.5, 'wan')).toBe('1.5倍');
    expect(formatCell(amount, null, 'wan')).toBe('');
  });
  it('round-trips: what a cell shows reads back as the same value (amounts exact in the unit shown)', () => {
    for (const [spec, v, unit] of [
      [amount, 1_234_560_000, 'wan'],
      [amount, 1_234_500_000_000, 'yi'],
      [date, '2024-02-29', 'wan'],
      [type, 'distribution', 'wan'],
      [industries, 'auto,semi', 'wan'],
      [inDistrict, 1, 'wan'],
    ] as const) {
      expect(parseCell(spec, formatCell(spec, v, unit), unit)).toEqual({ ok: true, value: v });
    }
  });
  it('headers carry the unit of money columns only', () => {
    expect(headerWithUnit(amount, '万元')).toBe('金额（万元）');
    expect(headerWithUnit(date, '万元')).toBe('日期');
  });
});

describe('column specs', () => {
  it('every ledger has a required first column, unique fields and Chinese headers', () => {
    for (const [entity, cols] of Object.entries(LEDGER_COLUMNS)) {
      const fields = cols.map((c) => c.field);
      expect(new Set(fields).size, entity).toBe(fields.length);
      for (const c of cols) expect(c.header, `${entity}.${c.field}`).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
