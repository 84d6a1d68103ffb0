// Shown figures add up: rounded parts equal the rounded total; a pie's percentages equal the table's 占比.
import { describe, expect, it } from 'vitest';
import { chartOption } from '../../src/shared/reports/charts';
import { formatCell } from '../../src/shared/reports/format';
import { largestRemainder, roundedTable, sharesPercent } from '../../src/shared/reports/rounding';
import type { ReportTable } from '../../src/shared/reports/types';

const YI = 10_000_000_000;

describe('amounts in 亿元 and 万元', () => {
  it('show 2 decimals, as Chinese reports do', () => {
    expect(formatCell('money', 4_963_000_000_00, 'yi')).toBe('49.63');
    expect(formatCell('money', 123_456_789, 'wan')).toBe('123.46');
  });
});

describe('largest remainder', () => {
  it('three thirds of 1.00 shown as parts that add up to 1.00', () => {
    const parts = largestRemainder([YI / 3, YI / 3, YI / 3 + 1], YI / 100);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(YI);
    expect(parts.map((p) => formatCell('money', p, 'yi')).sort()).toEqual(['0.33', '0.33', '0.34']);
  });

  it('negative amounts too', () => {
    const parts = largestRemainder([-15, -15, 31], 10);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('shares add up to exactly 100', () => {
    const p = sharesPercent([1, 1, 1], 2);
    expect(p).toEqual([33.34, 33.33, 33.33]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });
});

describe('a report table as shown', () => {
  const table: ReportTable = {
    key: 't',
    title: '按行业汇总',
    columns: [
      { key: 'name', header: '行业', kind: 'text' },
      { key: 'amount', header: '落户金额', kind: 'money' },
      { key: 'share', header: '占比', kind: 'percent' },
    ],
    // 0.333… 亿 each: shown independently they would be 0.33 + 0.33 + 0.33 ≠ 1.00.
    rows: [
      { name: '甲', amount: 3_333_333_334, share: 3_333_333_334 / YI },
      { name: '乙', amount: 3_333_333_333, share: 3_333_333_333 / YI },
      { name: '丙', amount: 3_333_333_333, share: 3_333_333_333 / YI },
    ],
    totals: { name: '合计', amount: YI, share: 1 },
  };

  it('its shown rows add up to its shown 合计', () => {
    const t = roundedTable(table, 'yi');
    const shown = t.rows.map((r) => Number(formatCell('money', r.amount ?? null, 'yi')));
    expect(formatCell('money', t.totals!.amount ?? null, 'yi')).toBe('1.00');
    expect(shown.reduce((a, b) => a + b, 0).toFixed(2)).toBe('1.00');
    const shares = t.rows.map((r) => formatCell('percent', r.share ?? null, 'yi'));
    expect(shares).toEqual(['33.34%', '33.33%', '33.33%']);
  });

  it('its pie shows the same percentages as its 占比 column', () => {
    const option = chartOption(
      {
        key: 'pie',
        title: '按行业',
        type: 'pie',
        categories: table.rows.map((r) => String(r.name)),
        series: [{ name: '落户金额', kind: 'money', values: table.rows.map((r) => r.amount as number) }],
      },
      'yi',
    );
    const series = (option.series as { label: { formatter: (p: { dataIndex: number }) => string } }[])[0]!;
    const labels = [0, 1, 2].map((i) => series.label.formatter({ dataIndex: i }));
    const t = roundedTable(table, 'yi');
    expect(labels).toEqual(t.rows.map((r) => formatCell('percent', r.share ?? null, 'yi')));
  });
});
