/**
 * One ECharts option per report chart, shared by the screen (echarts/core in the renderer) and the PDF
 * (server-side SVG rendering), so the printed chart is the chart on screen.
 */
import type { EChartsOption } from 'echarts';
import { fenToUnit, UNIT_DECIMALS, UNIT_LABEL, type Unit } from '../money';
import type { ChartSeries, ReportChart } from './types';

export const CHART_COLORS = ['#1f5fbf', '#2f9e8f', '#f0a33a', '#8a63d2', '#e0605e', '#4aa3df', '#7b8794'];
export const CHART_FONT = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

function seriesValue(s: ChartSeries, v: number | null, unit: Unit): number | null {
  if (v === null) return null;
  if (s.kind === 'money') return Number(fenToUnit(v, unit).toFixed(UNIT_DECIMALS[unit]));
  if (s.kind === 'percent') return Number((v * 100).toFixed(2));
  return v;
}

function axisName(kind: ChartSeries['kind'], unit: Unit): string {
  if (kind === 'money') return UNIT_LABEL[unit];
  if (kind === 'percent') return '%';
  return '个数';
}

function valueText(kind: ChartSeries['kind'], v: number, unit: Unit): string {
  if (kind === 'percent') return `${v.toFixed(1)}%`;
  if (kind === 'money') {
    const d = unit === 'yi' ? 2 : 0;
    return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  return v.toLocaleString('en-US');
}

/** The option of one chart in `unit`. `print` drops interaction and animation (PDF). */
export function chartOption(chart: ReportChart, unit: Unit, opts: { print?: boolean } = {}): EChartsOption {
  const base: EChartsOption = {
    color: CHART_COLORS,
    animation: !opts.print,
    textStyle: { fontFamily: CHART_FONT, color: '#3a4654' },
  };
  if (!opts.print)
    base.tooltip = { trigger: chart.type === 'pie' || chart.type === 'funnel' ? 'item' : 'axis' };
  const first = chart.series[0];
  if (!first) return base;

  // Pie and funnel: the first series as one named value per category.
  const data = () =>
    chart.categories.map((name, i) => ({
      name,
      value: seriesValue(first, first.values[i] ?? null, unit) ?? 0,
    }));

  if (chart.type === 'pie') {
    return {
      ...base,
      legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle', textStyle: { fontSize: 11 } },
      series: [
        {
          type: 'pie',
          name: first.name,
          radius: ['38%', '68%'],
          center: ['36%', '52%'],
          avoidLabelOverlap: true,
          label: { formatter: '{d}%', fontSize: 11 },
          data: data(),
        },
      ],
    };
  }

  if (chart.type === 'funnel') {
    return {
      ...base,
      series: [
        {
          type: 'funnel',
          name: first.name,
          left: '12%',
          width: '76%',
          top: 12,
          bottom: 12,
          sort: 'none',
          minSize: '32%',
          gap: 3,
          label: {
            position: 'inside',
            color: '#fff',
            fontSize: 12,
            formatter: (p) => `${p.name}  ${valueText(first.kind, Number(p.value), unit)}`,
          },
          data: data(),
        },
      ],
    };
  }

  const horizontal = chart.type === 'hbar';
  const bars = chart.series.filter((s) => !s.line);
  const lines = chart.series.filter((s) => s.line);
  const leftKind = (bars[0] ?? first).kind;
  const rightKind = lines[0]?.kind;
  const many = chart.categories.length > 6;
  const categoryAxis = {
    type: 'category' as const,
    data: chart.categories,
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: horizontal
      ? { fontSize: 11, interval: 0, width: 150, overflow: 'truncate' as const }
      : {
          fontSize: 10,
          interval: 0,
          rotate: many || chart.categories.join('').length > 24 ? 35 : 0,
          width: 84,
          overflow: 'truncate' as const,
        },
  };
  const valueAxes = [
    {
      type: 'value' as const,
      name: axisName(leftKind, unit),
      splitNumber: horizontal ? 4 : 5,
      nameTextStyle: { fontSize: 11 },
      axisLabel: { fontSize: 11 },
      splitLine: { lineStyle: { color: '#e8ebf0' } },
    },
    ...(rightKind
      ? [
          {
            type: 'value' as const,
            name: axisName(rightKind, unit),
            nameTextStyle: { fontSize: 11 },
            axisLabel: { fontSize: 11 },
            splitLine: { show: false },
          },
        ]
      : []),
  ];
  const showLabels =
    chart.series.length === 1
      ? chart.categories.length <= 16
      : chart.categories.length * chart.series.length <= 10;
  return {
    ...base,
    legend: chart.series.length > 1 ? { top: 0, textStyle: { fontSize: 11 } } : undefined,
    grid: {
      left: 12,
      right: rightKind ? 12 : 24,
      top: chart.series.length > 1 ? 40 : 28,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: horizontal ? valueAxes[0] : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxes,
    series: chart.series.map((s) => ({
      type: chart.type === 'line' || s.line ? ('line' as const) : ('bar' as const),
      name: s.name,
      yAxisIndex: !horizontal && s.line && rightKind ? 1 : 0,
      barMaxWidth: 28,
      smooth: false,
      symbolSize: 6,
      data: s.values.map((v) => seriesValue(s, v, unit)),
      label: {
        show: showLabels,
        position: horizontal ? ('right' as const) : ('top' as const),
        fontSize: 10,
        color: '#5b6673',
        formatter: (p: { value: unknown }) =>
          p.value == null ? '' : valueText(s.kind, Number(p.value), unit),
      },
    })),
  };
}
