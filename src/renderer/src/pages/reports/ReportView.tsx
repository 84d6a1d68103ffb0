import './reports.css';
import { todayIso } from '@shared/dates';
import { formatMoney, UNIT_LABEL, type Unit } from '@shared/money';
import { chineseDate, DASH, formatCell, REPORT_MONEY_DECIMALS } from '@shared/reports/format';
import type { ReportData, ReportFigure, ReportName, ReportRow } from '@shared/reports/types';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../../api';
import { UnitSwitch } from '../../components/UnitSwitch';
import { navigate } from '../../lib/router';
import { ExportButtons } from './ExportButtons';
import { ReportChart } from './ReportChart';
import { ReportGrid } from './ReportGrid';

/** The as-of date is kept while moving between reports. */
let lastAsOf = todayIso();
export function useAsOf(): [string, (d: string) => void] {
  const [asOf, set] = useState(lastAsOf);
  return [
    asOf,
    (d) => {
      lastAsOf = d;
      set(d);
    },
  ];
}

export function AsOfPicker(props: { value: string; onChange: (d: string) => void }) {
  // One dayjs object per date: rc-picker resets a typed, not yet confirmed date whenever its `value` is another
  // object, so a page re-rendering between the typing and the Enter (a query answering) lost the date.
  const value = useMemo(() => dayjs(props.value), [props.value]);
  return (
    <Space size={6}>
      <Typography.Text type="secondary">截至日期</Typography.Text>
      <DatePicker
        allowClear={false}
        value={value}
        onChange={(d) => d && props.onChange(d.format('YYYY-MM-DD'))}
        disabledDate={(d) => d.year() < 1990 || d.year() > 2100}
        data-testid="as-of"
      />
    </Space>
  );
}

/** A figure's text, rounded the way the tables and exports round it (antd Statistic would truncate). */
function figureProps(f: ReportFigure, unit: Unit): { value: string; suffix?: string | undefined } {
  if (f.value === null) return { value: DASH };
  switch (f.kind) {
    case 'money':
      return {
        value: formatMoney(f.value, unit, { decimals: REPORT_MONEY_DECIMALS }),
        suffix: UNIT_LABEL[unit],
      };
    case 'int':
      return { value: formatCell('int', f.value, unit), suffix: f.suffix };
    case 'percent':
      return { value: (f.value * 100).toFixed(2), suffix: '%' };
    case 'multiple':
      return { value: f.value.toFixed(2), suffix: '倍' };
    default:
      return { value: f.value.toFixed(2) };
  }
}

export function Figures(props: { figures: ReportFigure[]; unit: Unit }) {
  if (!props.figures.length) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} className="fd-report-figs">
      {props.figures.map((f) => {
        const p = figureProps(f, props.unit);
        const card = (
          <Card size="small" className="fd-stat" data-testid={`figure-${f.key}`}>
            <Statistic title={f.label} value={p.value} suffix={p.suffix} formatter={() => p.value} />
          </Card>
        );
        return (
          <Col key={f.key} xs={12} md={8} xl={4}>
            {f.note ? <Tooltip title={f.note}>{card}</Tooltip> : card}
          </Col>
        );
      })}
    </Row>
  );
}

export function Brief(props: { text: string | null }) {
  if (!props.text) return null;
  return (
    <Card size="small" className="fd-brief" title="情况简报" style={{ marginBottom: 12 }} data-testid="brief">
      <Typography.Paragraph style={{ margin: 0, textIndent: '2em', lineHeight: 1.9, fontSize: 14 }} copyable>
        {props.text}
      </Typography.Paragraph>
    </Card>
  );
}

export function Charts(props: { report: ReportData; unit: Unit }) {
  const { charts } = props.report;
  if (!charts.length) return null;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {charts.map((c) => (
        <Col
          key={c.key}
          xs={24}
          xl={charts.length === 1 || (c.type === 'hbar' && c.categories.length > 20) ? 24 : 12}
        >
          <Card size="small" title={c.title}>
            <ReportChart chart={c} unit={props.unit} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const OPENS_FUND: ReportName[] = ['sub-funds', 'direct-funds', 'reinvestment', 'performance'];

export function Tables(props: { report: ReportData; unit: Unit }) {
  const r = props.report;
  const openFund = (OPENS_FUND as string[]).includes(r.name)
    ? (row: ReportRow) => {
        if (typeof row.id === 'number') navigate('/reports/fund', { id: row.id });
      }
    : undefined;
  return (
    <>
      {r.tables.map((t) => (
        <Card
          key={t.key}
          size="small"
          title={r.tables.length > 1 || t.title !== r.title ? t.title : `共 ${t.rows.length} 行`}
          extra={
            <Typography.Text type="secondary">
              {`${r.tables.length > 1 || t.title !== r.title ? `${t.rows.length} 行` : ''}${
                openFund && t.rows.some((row) => typeof row.id === 'number')
                  ? '　双击一行查看单只基金报告'
                  : ''
              }`}
            </Typography.Text>
          }
          style={{ marginBottom: 12 }}
          styles={{ body: { padding: 0 } }}
        >
          <ReportGrid table={t} unit={props.unit} onOpenRow={openFund} />
          {t.note ? (
            <Typography.Paragraph type="secondary" style={{ margin: '6px 12px', fontSize: 12 }}>
              注：{t.note}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ))}
    </>
  );
}

export function Notes(props: { notes: string[] }) {
  if (!props.notes.length) return null;
  return (
    <Card size="small" title="说明" style={{ marginBottom: 12 }}>
      <ol className="fd-report-notes">
        {props.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ol>
    </Card>
  );
}

/** The report query: one call, everything in fen (the unit only changes how it is shown). */
export function useReport(name: ReportName, asOf: string, fundId?: number) {
  return useQuery({
    queryKey: ['report', name, asOf, fundId ?? null],
    queryFn: () => api('report.get', { name, asOf, ...(fundId ? { fundId } : {}) }),
    enabled: name !== 'fund' || Boolean(fundId),
    placeholderData: (prev) => (prev?.name === name ? prev : undefined),
  });
}

/**
 * A report page: 截至日期, unit switch, export buttons, then the figures, brief, charts, tables and notes.
 */
export function ReportView(props: {
  name: ReportName;
  defaultUnit?: Unit;
  fundId?: number | undefined;
  /** Shown at the left of the toolbar (the fund picker). */
  before?: ReactNode;
  /** Shown instead of the report when it cannot be built yet. */
  placeholder?: ReactNode;
}) {
  const [asOf, setAsOf] = useAsOf();
  const [unit, setUnit] = useState<Unit>(props.defaultUnit ?? 'wan');
  const q = useReport(props.name, asOf, props.fundId);
  const r = q.data;
  const ready = props.name !== 'fund' || Boolean(props.fundId);

  return (
    <div className="fd-page fd-report" data-testid={`report-${props.name}`}>
      <div className="fd-toolbar">
        <Space size={16} wrap>
          {props.before}
          <AsOfPicker value={asOf} onChange={setAsOf} />
          <UnitSwitch value={unit} onChange={setUnit} />
        </Space>
        <ExportButtons
          name={props.name}
          asOf={asOf}
          unit={unit}
          fundId={props.fundId}
          disabled={!r || !ready}
        />
      </div>
      {!ready ? (props.placeholder ?? <Empty description="请选择基金" />) : null}
      {q.error ? (
        <Alert type="error" showIcon title={(q.error as Error).message} style={{ marginBottom: 12 }} />
      ) : null}
      {ready && !r && q.isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {ready && r ? (
        <>
          <div className="fd-report-head">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
              {r.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {`截至${chineseDate(r.asOf)}　金额单位：${UNIT_LABEL[unit]}`}
            </Typography.Text>
          </div>
          <Figures figures={r.figures} unit={unit} />
          <Brief text={r.brief} />
          <Charts report={r} unit={unit} />
          <Tables report={r} unit={unit} />
          <Notes notes={r.notes} />
        </>
      ) : null}
    </div>
  );
}
