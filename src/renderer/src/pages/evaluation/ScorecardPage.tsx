import type { HistoryRow, ScoredIndicator } from '@shared/evaluation/types';
import type { Unit } from '@shared/money';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Input,
  InputNumber,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { FundPicker } from '../../components/FundPicker';
import { ListTable } from '../../components/ListTable';
import { navigate, useRoute } from '../../lib/router';
import { ExportButtons } from '../reports/ExportButtons';
import { GradeTag, LAST_YEAR, score2, templateLabel, YearPicker } from './common';

const UNIT: Unit = 'wan';
type Draft = Record<string, { score: number | null; comment: string | null }>;

/** 评分表: one fund's evaluation of a year — computed indicators with their rule, hand scores in a form. */
export function ScorecardPage() {
  const { params } = useRoute();
  const fundId = Number(params.get('id')) || undefined;
  const year = Number(params.get('year')) || LAST_YEAR;
  const go = (id: number | undefined, y: number) =>
    navigate('/evaluation/fund', { ...(id ? { id } : {}), year: y });
  return (
    <div className="fd-page" data-testid="scorecard">
      <div className="fd-toolbar">
        <Space size={16} wrap>
          <FundPicker value={fundId} onChange={(id) => go(id, year)} />
          <YearPicker value={year} onChange={(y) => go(fundId, y)} />
          <Button onClick={() => navigate('/evaluation', { year })}>返回年度评价</Button>
        </Space>
        <ExportButtons
          name="performance"
          asOf={`${year}-12-31`}
          unit={UNIT}
          disabled={!fundId}
          exporter={(format) =>
            api('evaluation.export', { kind: 'scorecard', year, fundId, unit: UNIT, format })
          }
        />
      </div>
      {fundId ? (
        <Scorecard key={`${fundId}-${year}`} fundId={fundId} year={year} />
      ) : (
        <Empty style={{ marginTop: 48 }} description="请在上方选择一只基金" />
      )}
    </div>
  );
}

function Scorecard(props: { fundId: number; year: number }) {
  const { fundId, year } = props;
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const q = useQuery({
    queryKey: ['evaluation', 'scorecard', fundId, year],
    queryFn: () => api('evaluation.scorecard', { fundId, year }),
  });
  const [draft, setDraft] = useState<Draft>({});
  const save = useMutation({
    mutationFn: () =>
      api('evaluation.save', {
        fundId,
        year,
        scores: Object.entries(draft).map(([key, v]) => ({ key, score: v.score, comment: v.comment })),
      }),
    onSuccess: () => {
      setDraft({});
      message.success('评分已保存');
      void qc.invalidateQueries({ queryKey: ['evaluation'] });
    },
    onError: (e) => message.error((e as Error).message),
  });
  const c = q.data;
  if (q.error) return <Alert type="error" showIcon title={(q.error as Error).message} />;
  if (!c) return <Card loading />;
  const value = (i: ScoredIndicator) => draft[i.key] ?? { score: i.score, comment: i.comment };
  const edit = (i: ScoredIndicator, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [i.key]: { ...value(i), ...patch } }));
  const dirty = Object.keys(draft).length > 0;
  // The total as it will be once saved.
  const total = c.indicators.filter((i) => i.leaf).reduce((s, i) => s + (value(i).score ?? 0), 0);

  return (
    <>
      <div className="fd-report-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {`${c.fundName}　${year}年度绩效评价`}
        </Typography.Title>
        <Typography.Text type="secondary">{`模板：${templateLabel(c.template)}　指标截至${year}年12月31日`}</Typography.Text>
      </div>
      {c.evaluationId === null ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="尚未保存：按当前默认模板试算。保存后本评价固定使用该模板版本。"
        />
      ) : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} className="fd-report-figs">
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="总分" value={total.toFixed(2)} data-testid="total" />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic
              title="等级"
              value={dirty ? '（保存后更新）' : c.grade}
              formatter={() => (dirty ? '—' : <GradeTag grade={c.grade} />)}
            />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Card size="small">
            <Statistic title="待手工评分" value={c.missing} suffix="项" />
          </Card>
        </Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'card',
            label: '评分表',
            children: (
              <Card
                size="small"
                styles={{ body: { padding: 0 } }}
                extra={
                  <Space>
                    {dirty ? <Typography.Text type="warning">有未保存的修改</Typography.Text> : null}
                    <Button onClick={() => setDraft({})} disabled={!dirty}>
                      撤销修改
                    </Button>
                    <Button
                      type="primary"
                      onClick={() => save.mutate()}
                      disabled={!dirty}
                      loading={save.isPending}
                      data-testid="save"
                    >
                      保存评分
                    </Button>
                  </Space>
                }
                title={`评分明细（等级：${c.grades.map((g) => `${g.name}≥${g.min}分`).join('，')}）`}
              >
                <Table<ScoredIndicator>
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={c.indicators}
                  rowClassName={(i) => (i.leaf ? '' : 'fd-eval-group')}
                  columns={[
                    {
                      title: '指标',
                      dataIndex: 'name',
                      width: 220,
                      render: (n: string, i) =>
                        i.level === 2 ? <span style={{ paddingLeft: 18 }}>{n}</span> : <b>{n}</b>,
                    },
                    { title: '权重', dataIndex: 'weight', width: 64, align: 'right' },
                    {
                      title: '方式',
                      key: 'method',
                      width: 90,
                      render: (_: unknown, i) =>
                        !i.leaf ? null : i.computed ? <Tag color="blue">自动计算</Tag> : <Tag>手工评分</Tag>,
                    },
                    { title: '指标值', dataIndex: 'valueText', width: 170 },
                    {
                      title: '评分规则',
                      dataIndex: 'rule',
                      render: (r: string) => (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r}
                        </Typography.Text>
                      ),
                    },
                    {
                      title: '得分',
                      key: 'score',
                      width: 110,
                      align: 'right',
                      render: (_: unknown, i) =>
                        i.leaf && !i.computed ? (
                          <InputNumber
                            size="small"
                            min={0}
                            max={i.weight}
                            precision={2}
                            placeholder="待评分"
                            value={value(i).score}
                            onChange={(v) => edit(i, { score: v ?? null })}
                            style={{ width: 90 }}
                            data-testid={`score-${i.key}`}
                          />
                        ) : (
                          <b>{score2(i.score)}</b>
                        ),
                    },
                    {
                      title: '说明',
                      key: 'comment',
                      width: 240,
                      render: (_: unknown, i) =>
                        i.leaf ? (
                          <Input
                            size="small"
                            maxLength={500}
                            placeholder={i.computed ? '' : '评分依据'}
                            value={value(i).comment ?? ''}
                            onChange={(e) => edit(i, { comment: e.target.value })}
                            data-testid={`comment-${i.key}`}
                          />
                        ) : null,
                    },
                  ]}
                />
              </Card>
            ),
          },
          { key: 'history', label: '历年评价', children: <History fundId={fundId} /> },
          {
            key: 'audit',
            label: `修改记录（${c.audit.length}）`,
            children: c.audit.length ? (
              <Card size="small">
                <Timeline
                  items={c.audit.map((e) => ({
                    content: (
                      <>
                        <Typography.Text>{e.summary}</Typography.Text>
                        <br />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {`${new Date(e.at).toLocaleString('zh-CN')}　${e.after ? describe(e.before, e.after) : ''}`}
                        </Typography.Text>
                      </>
                    ),
                  }))}
                />
              </Card>
            ) : (
              <Empty description="尚无修改记录" />
            ),
          },
        ]}
      />
    </>
  );
}

/** “管理：20 → 32.5（说明：内控制度健全）”. */
function describe(before: Record<string, unknown> | null, after: Record<string, unknown>): string {
  const one = (v: unknown) => {
    const o = v as { 得分?: number | null; 说明?: string | null } | null;
    if (!o) return '未评分';
    return `${o.得分 ?? '未评分'}${o.说明 ? `（${o.说明}）` : ''}`;
  };
  return Object.keys(after)
    .filter((k) => k !== 'template')
    .map((k) => `${k}：${one(before?.[k])} → ${one(after[k])}`)
    .join('；');
}

function History(props: { fundId: number }) {
  const q = useQuery({
    queryKey: ['evaluation', 'history', props.fundId],
    queryFn: () => api('evaluation.history', { fundId: props.fundId }),
  });
  return (
    <Card size="small" styles={{ body: { padding: 0 } }}>
      <ListTable<HistoryRow>
        rowKey="year"
        loading={q.isLoading}
        rows={q.data}
        onRow={(r) => ({
          onClick: () => navigate('/evaluation/fund', { id: props.fundId, year: r.year }),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '模板', key: 't', render: (_: unknown, r) => templateLabel(r.template) },
          { title: '总分', dataIndex: 'total', width: 90, align: 'right', render: score2 },
          { title: '等级', dataIndex: 'grade', width: 90, render: (g: string) => <GradeTag grade={g} /> },
          {
            title: '状态',
            key: 's',
            width: 140,
            render: (_: unknown, r) =>
              r.evaluationId === null ? '未保存（试算）' : r.missing ? `待评分${r.missing}项` : '已完成',
          },
        ]}
      />
    </Card>
  );
}
