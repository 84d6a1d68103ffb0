import { FEN_PER_UNIT, fenToUnit, formatMoney, UNIT_DECIMALS, UNIT_LABEL, type Unit } from '@shared/money';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { UnitSwitch } from '../components/UnitSwitch';
import { TopAlerts } from './compliance/TopAlerts';
import { ExportButtons } from './reports/ExportButtons';
import { AsOfPicker, Brief, Charts, Notes, Tables, useAsOf, useReport } from './reports/ReportView';

/**
 * 引导基金总览: the headline figures of the guidance fund for any as-of date, the brief in the style of the
 * news report, charts (by industry, by year, 返投 progress, financing funnel) and the tables behind them.
 */
export function OverviewPage() {
  const [asOf, setAsOf] = useAsOf();
  const [unit, setUnit] = useState<Unit>('yi');
  const q = useQuery({ queryKey: ['overview', asOf], queryFn: () => api('overview.get', { asOf }) });
  const report = useReport('overview', asOf);
  const o = q.data;
  const money = (fen: number | undefined) => (fen == null ? 0 : fenToUnit(fen, unit));
  const precision = UNIT_DECIMALS[unit];
  const u = UNIT_LABEL[unit];

  const cards: {
    title: string;
    value: number;
    suffix: string;
    precision?: number;
    testid: string;
    note?: string;
  }[] = o
    ? [
        { title: '子基金（只）', value: o.subFunds.count, suffix: '只', precision: 0, testid: 'sub-count' },
        { title: '子基金总规模', value: money(o.subFunds.totalSizeFen), suffix: u, testid: 'sub-size' },
        {
          title: '引导基金认缴',
          value: money(o.subFunds.guidanceCommitmentFen),
          suffix: u,
          testid: 'sub-commit',
        },
        { title: '引导基金实缴', value: money(o.subFunds.paidInFen), suffix: u, testid: 'sub-paid' },
        {
          title: '直投基金（只）',
          value: o.directFunds.count,
          suffix: '只',
          precision: 0,
          testid: 'direct-count',
        },
        {
          title: '直投基金管理规模',
          value: money(o.directFunds.totalSizeFen),
          suffix: u,
          testid: 'direct-size',
        },
        {
          title: '撬动集体资产',
          value: money(o.directFunds.collectiveAssetsFen),
          suffix: u,
          testid: 'collective',
        },
        {
          title: '落地项目（个）',
          value: o.landedProjects.count,
          suffix: '个',
          precision: 0,
          testid: 'landed-count',
        },
        { title: '落户金额', value: money(o.landedProjects.amountFen), suffix: u, testid: 'landed-amount' },
        {
          title: '对接企业（家）',
          value: o.financing.enterprisesMatched,
          suffix: '家',
          precision: 0,
          testid: 'matched',
        },
        {
          title: '完成融资企业（家）',
          value: o.financing.enterprisesFinanced,
          suffix: '家',
          precision: 0,
          testid: 'financed',
        },
        {
          title: '完成融资金额',
          value: money(o.financing.amountClosedFen),
          suffix: u,
          testid: 'closed-amount',
        },
      ]
    : [];

  return (
    <div className="fd-page">
      <div className="fd-toolbar">
        <Space size={16} wrap>
          <AsOfPicker value={asOf} onChange={setAsOf} />
          <UnitSwitch value={unit} onChange={setUnit} />
        </Space>
        <ExportButtons name="overview" asOf={asOf} unit={unit} disabled={!report.data} />
      </div>
      {q.error ? <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text> : null}
      <TopAlerts asOf={asOf} />
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.testid} xs={12} md={8} xl={6}>
            <Card size="small" className="fd-stat" data-testid={`stat-${c.testid}`}>
              <Statistic
                title={c.title}
                value={c.value}
                precision={c.precision ?? precision}
                suffix={c.suffix}
                groupSeparator=","
                formatter={
                  c.precision === 0
                    ? undefined
                    : (v) => formatMoney(Math.round(Number(v) * FEN_PER_UNIT[unit]), unit) // rounds, never truncates
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      {report.error ? (
        <Typography.Text type="danger">{(report.error as Error).message}</Typography.Text>
      ) : null}
      {report.data ? (
        <div style={{ marginTop: 12 }}>
          <Brief text={report.data.brief} />
          <Charts report={report.data} unit={unit} />
          <Tables report={report.data} unit={unit} />
          <Notes notes={report.data.notes} />
        </div>
      ) : null}
    </div>
  );
}
