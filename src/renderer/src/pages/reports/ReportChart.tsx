import type { Unit } from '@shared/money';
import { chartOption } from '@shared/reports/charts';
import type { ReportChart as Chart } from '@shared/reports/types';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the charts and components the reports use.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  FunnelChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export function chartHeightPx(c: Chart): number {
  if (c.type === 'hbar')
    return Math.max(240, Math.min(560, 70 + c.categories.length * (c.series.length > 1 ? 30 : 24)));
  return 280;
}

/** One report chart (the same ECharts option as in the PDF). */
export function ReportChart(props: { chart: Chart; unit: Unit }) {
  const el = useRef<HTMLDivElement>(null);
  const inst = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = el.current;
    if (!box) return;
    const c = echarts.init(box, undefined, { renderer: 'canvas' });
    inst.current = c;
    // Not while the page is out of the document (a page just left, App.tsx PageView): drawing the chart
    // again at no size there is work in the way of the page on screen.
    const ro = new ResizeObserver(() => {
      if (box.isConnected) c.resize();
    });
    ro.observe(box);
    return () => {
      ro.disconnect();
      c.dispose();
      inst.current = null;
    };
  }, []);

  useEffect(() => {
    inst.current?.setOption(chartOption(props.chart, props.unit), { notMerge: true });
  }, [props.chart, props.unit]);

  return (
    <div
      ref={el}
      style={{ width: '100%', height: chartHeightPx(props.chart) }}
      data-testid={`chart-${props.chart.key}`}
    />
  );
}
