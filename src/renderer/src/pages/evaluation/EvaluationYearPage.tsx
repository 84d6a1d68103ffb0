import { FUND_KIND, labelOf } from '@shared/domain';
import type { YearRow } from '@shared/evaluation/types';
import type { Unit } from '@shared/money';
import { shortFundName } from '@shared/reports/format';
import type { ReportChart as Chart } from '@shared/reports/types';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { navigate, useRoute } from '../../lib/router';
import { ExportButtons } from '../reports/ExportButtons';
import { ReportChart } from '../reports/ReportChart';
import { GradeTag, LAST_YEAR, score2, templateLabel, YearPicker } from './common';

const UNIT: Unit = 'wan';

/** 年度绩效评价: every fund of a year with its total, grade and rank, and the ranking chart. */
export function EvaluationYearPage() {
  const { params } = useRoute();
  const year = Number(params.get('year')) || LAST_YEAR;
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({
    queryKey: ['evaluation', 'year', year],
    queryFn: () => api('evaluation.year', { year }),
  });
  const templates = useQuery({
    queryKey: ['evaluation', 'templates'],
    queryFn: () => api('evaluation.templates', {}),
  });
  const setDefault = useMutation({
    mutationFn: (familyId: number) => api('evaluation.template.default', { familyId }),
    onSuccess: () => {
      message.success('已设置新评价使用的模板');
      void qc.invalidateQueries({ queryKey: ['evaluation'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const [hover, setHover] = useState<number | null>(null);
  const rows = q.data?.rows ?? [];
  const chart: Chart = {
    key: 'ranking',
    title: '总分排名',
    type: 'hbar',
    categories: rows.slice(0, 30).map((r) => shortFundName(r.fundName)),
    series: [{ name: '总分', kind: 'int', values: rows.slice(0, 30).map((r) => r.total) }],
  };
  const grades = new Map<string, number>();
  for (const r of rows) grades.set(r.grade, (grades.get(r.grade) ?? 0) + 1);
  const avg = rows.length ? rows.reduce((s, r) => s + r.total, 0) / rows.length : null;
  const saved = rows.filter((r) => r.evaluationId !== null).length;
  const def = templates.data?.find((t) => t.is_default);

  return (
    <div className="fd-page" data-testid="evaluation-year">
      <div className="fd-toolbar">
        <Space size={16} wrap>
          <YearPicker value={year} onChange={(y) => navigate('/evaluation', { year: y })} />
          <Space size={6}>
            <Typography.Text type="secondary">新评价使用模板</Typography.Text>
            <Select
              style={{ width: 300 }}
              value={def?.family_id}
              loading={templates.isLoading}
              onChange={(v: number) => setDefault.mutate(v)}
              options={(templates.data ?? []).map((t) => ({ value: t.family_id, label: templateLabel(t) }))}
              data-testid="default-template"
            />
          </Space>
          <Button onClick={() => navigate('/evaluation/templates')}>管理评价模板</Button>
        </Space>
        <ExportButtons
          name="performance"
          asOf={`${year}-12-31`}
          unit={UNIT}
          disabled={!q.data}
          exporter={(format) => api('evaluation.export', { kind: 'year', year, unit: UNIT, format })}
        />
      </div>
      {q.error ? (
        <Alert type="error" showIcon title={(q.error as Error).message} style={{ marginBottom: 12 }} />
      ) : null}
      <div className="fd-report-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {year}年度绩效评价
        </Typography.Title>
        <Typography.Text type="secondary">{`自动计算的指标截至${year}年12月31日`}</Typography.Text>
      </div>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} className="fd-report-figs">
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="参评基金" value={rows.length} suffix="只" />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="已保存评价" value={saved} suffix="只" />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="平均分" value={avg === null ? '—' : avg.toFixed(2)} />
          </Card>
        </Col>
        {[...grades].map(([g, n]) => (
          <Col key={g} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={g} value={n} suffix="只" />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={rows.length > 30 ? '总分排名（前30名）' : '总分排名'}
            style={{ marginBottom: 12 }}
          >
            {rows.length ? (
              <ReportChart chart={chart} unit={UNIT} />
            ) : (
              <Typography.Text type="secondary">无基金</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title="各基金评价结果"
            extra={<Typography.Text type="secondary">点击一行打开评分表</Typography.Text>}
            styles={{ body: { padding: 0 } }}
          >
            <Table<YearRow>
              size="small"
              rowKey="fundId"
              loading={q.isLoading}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              onRow={(r) => ({
                onClick: () => navigate('/evaluation/fund', { id: r.fundId, year }),
                onMouseEnter: () => setHover(r.fundId),
                style: { cursor: 'pointer', background: hover === r.fundId ? '#f3f6fb' : undefined },
              })}
              columns={[
                { title: '排名', dataIndex: 'rank', width: 60, align: 'center' },
                { title: '基金名称', dataIndex: 'fundName', ellipsis: true },
                {
                  title: '类型',
                  dataIndex: 'fundKind',
                  width: 80,
                  render: (k: string) => labelOf(FUND_KIND, k),
                },
                { title: '总分', dataIndex: 'total', width: 80, align: 'right', render: score2 },
                {
                  title: '等级',
                  dataIndex: 'grade',
                  width: 80,
                  render: (g: string) => <GradeTag grade={g} />,
                },
                {
                  title: '状态',
                  key: 'state',
                  width: 130,
                  render: (_: unknown, r: YearRow) =>
                    r.evaluationId === null ? (
                      <Typography.Text type="secondary">未保存（试算）</Typography.Text>
                    ) : r.missing ? (
                      <Typography.Text type="warning">{`待评分${r.missing}项`}</Typography.Text>
                    ) : (
                      <Typography.Text type="success">已完成</Typography.Text>
                    ),
                },
              ]}
              data-testid="evaluation-table"
            />
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        未保存的评价按“新评价使用模板”试算，手工评分项计0分；打开评分表填写手工评分并保存后，该评价固定使用当时的模板版本，以后修改模板不影响已有评分。
      </Typography.Paragraph>
    </div>
  );
}
