/** Report charts as SVG, rendered server-side by ECharts (the same options as on screen). */
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Unit } from '../../shared/money';
import { chartOption } from '../../shared/reports/charts';
import type { ReportChart } from '../../shared/reports/types';
import { PDF_FONT_FAMILY } from './fonts';

echarts.use([BarChart, LineChart, PieChart, FunnelChart, GridComponent, LegendComponent, SVGRenderer]);

export function chartHeight(chart: ReportChart): number {
  if (chart.type === 'hbar')
    return Math.max(220, Math.min(520, 60 + chart.categories.length * (chart.series.length > 1 ? 30 : 22)));
  if (chart.type === 'pie' || chart.type === 'funnel') return 240;
  return 260;
}

/** One chart as an SVG string of the given size (CSS pixels). */
export function chartSvg(chart: ReportChart, unit: Unit, width: number, height = chartHeight(chart)): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const option = chartOption(chart, unit, { print: true });
    option.textStyle = { ...(option.textStyle as object), fontFamily: `'${PDF_FONT_FAMILY}', sans-serif` };
    c.setOption(option);
    return c.renderToSVGString();
  } finally {
    c.dispose();
  }
}
