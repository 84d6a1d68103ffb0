import { describe, expect, it } from 'vitest';
import { csvValue } from '../../src/main/export/csv';
import { codePoints, fontFaceCss } from '../../src/main/export/fonts';
import { xlsxValue } from '../../src/main/export/xlsx';
import { writeBrief } from '../../src/main/services/reports/brief';
import type { FundMetrics } from '../../src/shared/metrics/fund';
import { chartOption } from '../../src/shared/reports/charts';
import {
  briefMoney,
  chineseDate,
  columnHeader,
  fenToUnitString,
  formatCell,
  numberFormat,
  quarterLabel,
  safeFileName,
  shortFundName,
} from '../../src/shared/reports/format';
import type { ReportChart } from '../../src/shared/reports/types';

describe('report cell formats', () => {
  it('shows money in the unit, counts grouped, ratios and percentages, — where no value exists', () => {
    expect(formatCell('money', 496_300_000_000, 'yi')).toBe('49.6300');
    expect(formatCell('money', 496_300_000_000, 'wan')).toBe('496,300.00');
    expect(formatCell('money', 12_345_67, 'yuan')).toBe('12,345.67');
    expect(formatCell('int', 12345, 'wan')).toBe('12,345');
    expect(formatCell('percent', 0.841496598, 'wan')).toBe('84.15%');
    expect(formatCell('percent', -0.0167, 'wan')).toBe('-1.67%');
    expect(formatCell('ratio', 1.2934, 'wan')).toBe('1.29');
    expect(formatCell('multiple', 3.3762, 'wan')).toBe('3.38倍');
    expect(formatCell('date', '2025-12-31', 'wan')).toBe('2025-12-31');
    expect(formatCell('percent', null, 'wan')).toBe('—');
    expect(formatCell('ratio', null, 'wan')).toBe('—');
    expect(formatCell('money', null, 'wan')).toBe('');
    expect(formatCell('text', '合计（11只）', 'wan')).toBe('合计（11只）');
  });

  it('labels money headers with the unit', () => {
    expect(columnHeader({ header: '认缴规模', kind: 'money' }, 'wan')).toBe('认缴规模（万元）');
    expect(columnHeader({ header: '认缴规模', kind: 'money' }, 'yi')).toBe('认缴规模（亿元）');
    expect(columnHeader({ header: 'DPI', kind: 'ratio' }, 'yi')).toBe('DPI');
  });

  it('converts fen to exact decimals for CSV', () => {
    expect(fenToUnitString(123_456_789, 'wan')).toBe('123.456789');
    expect(fenToUnitString(496_300_000_000, 'yi')).toBe('49.63');
    expect(fenToUnitString(30, 'yuan')).toBe('0.3');
    expect(fenToUnitString(-5, 'yuan')).toBe('-0.05');
    expect(fenToUnitString(0, 'yi')).toBe('0');
    expect(fenToUnitString(Number.MAX_SAFE_INTEGER, 'yuan')).toBe('90071992547409.91');
  });

  it('gives Excel number formats per kind and unit', () => {
    expect(numberFormat('money', 'yi')).toBe('#,##0.0000');
    expect(numberFormat('money', 'wan')).toBe('#,##0.00');
    expect(numberFormat('percent', 'wan')).toBe('0.00%');
    expect(numberFormat('multiple', 'wan')).toBe('0.00"倍"');
    expect(numberFormat('text', 'wan')).toBeUndefined();
  });

  it('writes dates, quarters, brief amounts, short fund names and file names the Chinese way', () => {
    expect(chineseDate('2025-12-31')).toBe('2025年12月31日');
    expect(chineseDate('2023-08-01')).toBe('2023年8月1日');
    expect(quarterLabel('2025-12-31')).toBe('2025年第四季度');
    expect(quarterLabel('2024-01-01')).toBe('2024年第一季度');
    expect(briefMoney(496_300_000_000)).toBe('49.63亿元');
    expect(briefMoney(9_600_000_000)).toBe('9,600万元');
    expect(briefMoney(1_234_500_000)).toBe('1,234.5万元');
    expect(shortFundName('深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）')).toBe(
      '坪山新能源汽车产业投资基金',
    );
    expect(shortFundName('深圳市启航生物医药创业投资合伙企业（有限合伙）')).toBe('启航生物医药创业投资');
    expect(shortFundName('某某基金')).toBe('某某基金');
    expect(safeFileName('a/b:c 基金?')).toBe('a_b_c_基金_');
  });
});

describe('cells as exported', () => {
  it('xlsx: money as a number in the unit, dates as dates, — for a missing ratio', () => {
    expect(xlsxValue('money', 496_300_000_000, 'wan')).toBe(496_300);
    expect(xlsxValue('money', 496_300_000_000, 'yi')).toBeCloseTo(49.63, 12);
    expect(xlsxValue('date', '2025-12-31', 'wan')).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(xlsxValue('percent', null, 'wan')).toBe('—');
    expect(xlsxValue('money', null, 'wan')).toBeNull();
    expect(xlsxValue('percent', 0.5, 'wan')).toBe(0.5);
  });

  it('csv: exact money, percentages Excel reads as numbers, formula-like text kept as text', () => {
    expect(csvValue('money', 123_456_789, 'wan')).toBe('123.456789');
    expect(csvValue('percent', 0.8414965986, 'wan')).toBe('84.1497%');
    expect(csvValue('ratio', 1.4500000000000002, 'wan')).toBe('1.45');
    expect(csvValue('text', '基金,甲', 'wan')).toBe('"基金,甲"');
    expect(csvValue('text', '=1+1', 'wan')).toBe("'=1+1");
    expect(csvValue('text', '-5', 'wan')).toBe("'-5");
    expect(csvValue('money', null, 'wan')).toBe('');
  });
});

describe('charts', () => {
  const bar: ReportChart = {
    key: 'x',
    title: '按年度',
    type: 'bar',
    categories: ['2024年', '2025年'],
    series: [
      { name: '落户金额', kind: 'money', values: [1_000_000_000, 2_500_000_000] },
      { name: '项目数', kind: 'int', values: [3, 5], line: true },
    ],
  };
  it('converts money to the unit and puts a line series on a second axis', () => {
    const o = chartOption(bar, 'yi', { print: true }) as Record<string, unknown>;
    const series = o.series as { type: string; data: number[]; yAxisIndex: number }[];
    expect(series[0]).toMatchObject({ type: 'bar', data: [0.1, 0.25], yAxisIndex: 0 });
    expect(series[1]).toMatchObject({ type: 'line', data: [3, 5], yAxisIndex: 1 });
    expect((o.yAxis as { name: string }[]).map((a) => a.name)).toEqual(['亿元', '个数']);
    expect(o.animation).toBe(false);
    expect(o.tooltip).toBeUndefined();
  });
  it('shows percentages in per cent and funnels and pies by category', () => {
    const pct = chartOption(
      { ...bar, type: 'hbar', series: [{ name: '完成率', kind: 'percent', values: [0.892, null] }] },
      'wan',
    ) as Record<string, unknown>;
    expect((pct.series as { data: unknown[] }[])[0]!.data).toEqual([89.2, null]);
    const funnel = chartOption(
      { ...bar, type: 'funnel', series: [{ name: '企业数', kind: 'int', values: [98, 23] }] },
      'wan',
    );
    expect((funnel.series as { data: unknown[] }[])[0]!.data).toEqual([
      { name: '2024年', value: 98 },
      { name: '2025年', value: 23 },
    ]);
  });
});

describe('brief', () => {
  const none: FundMetrics = {
    asOf: '2025-12-31',
    paidInFen: 0,
    distributedFen: 0,
    navFen: 0,
    navDate: null,
    navValuationFen: 0,
    navCallsAfterFen: 0,
    navDistributionsAfterFen: 0,
    navNote: null,
    dpi: null,
    rvpi: null,
    tvpi: null,
    irr: null,
    irrNote: '没有现金流，无法计算IRR',
  };
  it('leaves out what the data does not have', () => {
    const text = writeBrief({
      asOf: '2025-12-31',
      district: null,
      o: {
        asOf: '2025-12-31',
        subFunds: { count: 0, totalSizeFen: 0, guidanceCommitmentFen: 0, paidInFen: 0 },
        directFunds: { count: 0, totalSizeFen: 0, collectiveAssetsFen: 0 },
        landedProjects: { count: 0, amountFen: 0 },
        financing: { enterprisesMatched: 0, enterprisesFinanced: 0, amountClosedFen: 0 },
      },
      leverage: null,
      progress: null,
      topIndustry: null,
      reinvest: { required: 0, recognised: 0 },
      total: none,
    });
    expect(text).toBe('截至2025年12月31日，引导基金尚未发起设立子基金。');
  });
  it('writes the news-report sentence from the figures', () => {
    const text = writeBrief({
      asOf: '2023-08-01',
      district: '坪山区',
      o: {
        asOf: '2023-08-01',
        subFunds: { count: 11, totalSizeFen: 495_200_000_000, guidanceCommitmentFen: 0, paidInFen: 0 },
        directFunds: { count: 4, totalSizeFen: 140_000_000_000, collectiveAssetsFen: 9_600_000_000 },
        landedProjects: { count: 79, amountFen: 298_000_000_000 },
        financing: { enterprisesMatched: 98, enterprisesFinanced: 21, amountClosedFen: 78_000_000_000 },
      },
      leverage: null,
      progress: null,
      topIndustry: null,
      reinvest: { required: 0, recognised: 0 },
      total: none,
    });
    expect(text).toBe(
      '截至2023年8月1日，引导基金累计发起设立子基金11只，总规模49.52亿元；直投累计发起基金4只，管理规模14.00亿元，撬动集体资产参与股权投资9,600万元；引进落地坪山项目79个，落地金额29.80亿元；协助98家企业对接投资机构，其中21家企业成功完成融资，融资金额7.80亿元。',
    );
  });
});

describe('embedded font', () => {
  it('embeds only the Noto Sans SC subsets a page uses, both weights', () => {
    const css = fontFaceCss('子基金台账 12,345.67 第 1 页 / 共 2 页');
    const faces = css.match(/@font-face/g) ?? [];
    expect(faces.length).toBeGreaterThan(2);
    expect(faces.length).toBeLessThan(30);
    expect(css).toContain('font-weight:400');
    expect(css).toContain('font-weight:700');
    expect(css).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]{100}/);
    expect(fontFaceCss('abc').match(/@font-face/g)!.length).toBeLessThan(
      fontFaceCss('abc 基金台账').match(/@font-face/g)!.length,
    );
    expect([...codePoints('a基金𠀀')]).toEqual([0x61, 0x57fa, 0x91d1, 0x20000]);
  });
});
