import { DeleteOutlined } from '@ant-design/icons';
import { ApiError } from '@shared/contract/define';
import { EXAMPLE_TEMPLATE } from '@shared/evaluation/example';
import { METRIC_CODES, METRICS } from '@shared/evaluation/metrics';
import { checkTemplate, type Indicator, type TemplateBody } from '@shared/evaluation/template';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { navigate, useRoute } from '../../lib/router';

const tableText = (i: Indicator) => i.scoring.map((p) => `${p.value}:${p.points}`).join('; ');
const parseTable = (s: string) =>
  s
    .split(/[;；]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [v, p] = x.split(/[:：]/).map((y) => Number(y?.trim()));
      return { value: v ?? Number.NaN, points: p ?? Number.NaN };
    });

/** 编辑评价模板: saving makes a new version (or a new template); evaluations keep their version. */
export function TemplateEditPage() {
  const { params } = useRoute();
  const id = Number(params.get('id')) || undefined;
  const q = useQuery({
    queryKey: ['evaluation', 'template', id],
    queryFn: () => api('evaluation.template', { id: id! }),
    enabled: Boolean(id),
  });
  if (id && !q.data) {
    return q.error ? <Alert type="error" showIcon title={(q.error as Error).message} /> : <Card loading />;
  }
  const body: TemplateBody = q.data
    ? { name: q.data.name, note: q.data.note, indicators: q.data.indicators, grades: q.data.grades }
    : { ...EXAMPLE_TEMPLATE, name: '新评价模板', note: null };
  return <Editor key={id ?? 'new'} initial={body} source={q.data ?? null} />;
}

function Editor(props: {
  initial: TemplateBody;
  source: {
    id: number;
    family_id: number;
    version: number;
    latest: boolean;
    is_example: boolean;
    versions: { id: number; version: number; evaluations: number }[];
  } | null;
}) {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [t, setT] = useState<TemplateBody>(() => structuredClone(props.initial));
  const [tables, setTables] = useState<Record<string, string>>({});
  // The server's messages, shown while the template is the one that was sent.
  const [sent, setSent] = useState<{ body: string; errors: string[] }>({ body: '', errors: [] });
  const [saving, setSaving] = useState(false);
  const s = props.source;

  const indicators = t.indicators.map((i) =>
    tables[i.key] === undefined ? i : { ...i, scoring: parseTable(tables[i.key]!) },
  );
  const body: TemplateBody = { ...t, indicators };
  const problems = checkTemplate(body);
  const errors = sent.body === JSON.stringify(body) ? sent.errors : [];
  const tops = indicators.filter((i) => i.parent === null);
  const topSum = tops.reduce((a, i) => a + i.weight, 0);
  const set = (k: number, patch: Partial<Indicator>) =>
    setT((x) => ({ ...x, indicators: x.indicators.map((i, j) => (j === k ? { ...i, ...patch } : i)) }));
  const nextKey = (parent: string | null) => {
    const keys = new Set(t.indicators.map((i) => i.key));
    for (let n = 1; ; n++) {
      const k = parent ? `${parent}${n}` : String.fromCharCode(64 + n);
      if (!keys.has(k)) return k;
    }
  };
  const add = (parent: string | null) =>
    setT((x) => {
      const item: Indicator = {
        key: nextKey(parent),
        name: parent ? '新二级指标' : '新一级指标',
        parent,
        weight: 5,
        method: 'manual',
        metric: null,
        scoring: [],
        guide: null,
      };
      const list = [...x.indicators];
      let at = list.length;
      if (parent) {
        const last = list
          .map((i, k) => (i.key === parent || i.parent === parent ? k : -1))
          .filter((k) => k >= 0)
          .pop();
        at = (last ?? list.length - 1) + 1;
      }
      list.splice(at, 0, item);
      return { ...x, indicators: list };
    });

  const save = async () => {
    setSaving(true);
    try {
      const saved = await api('evaluation.template.save', { familyId: s?.family_id ?? null, body });
      message.success(`已保存“${saved.name}”第${saved.version}版`);
      void qc.invalidateQueries({ queryKey: ['evaluation'] });
      navigate('/evaluation/template', { id: saved.id });
    } catch (e) {
      setSent({
        body: JSON.stringify(body),
        errors:
          e instanceof ApiError && e.issues.length ? e.issues.map((i) => i.message) : [(e as Error).message],
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="fd-page" data-testid="template-editor">
      <div className="fd-toolbar">
        <Space>
          <Button onClick={() => navigate('/evaluation/templates')}>返回模板列表</Button>
          {s ? (
            <Select
              value={s.id}
              style={{ width: 200 }}
              onChange={(v: number) => navigate('/evaluation/template', { id: v })}
              options={s.versions.map((v) => ({
                value: v.id,
                label: `第${v.version}版${v.evaluations ? `（${v.evaluations}份评价）` : ''}`,
              }))}
            />
          ) : null}
        </Space>
        <Space>
          <Typography.Text type={problems.length ? 'danger' : 'success'} data-testid="weight-sum">
            {`一级指标权重合计 ${Math.round(topSum * 100) / 100} / 100`}
          </Typography.Text>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="save-template">
            {s ? `保存为第${Math.max(...s.versions.map((v) => v.version)) + 1}版` : '保存新模板'}
          </Button>
        </Space>
      </div>
      {s && !s.latest ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`正在查看第${s.version}版（不是最新版）；保存将以此为基础生成新版本。`}
        />
      ) : null}
      {errors.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="模板未保存"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
          data-testid="template-errors"
        />
      ) : problems.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`尚有${problems.length}处需要修改：${problems[0]}`}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={16}>
          <Space>
            <Typography.Text type="secondary">模板名称</Typography.Text>
            <Input
              value={t.name}
              maxLength={60}
              style={{ width: 320 }}
              onChange={(e) => setT({ ...t, name: e.target.value })}
              data-testid="template-name"
            />
            {s?.is_example ? <Tag color="orange">示例</Tag> : null}
          </Space>
          <Space>
            <Typography.Text type="secondary">说明</Typography.Text>
            <Input
              value={t.note ?? ''}
              maxLength={500}
              style={{ width: 520 }}
              onChange={(e) => setT({ ...t, note: e.target.value || null })}
            />
          </Space>
        </Space>
      </Card>
      <Card
        size="small"
        title="指标（一级指标权重合计为100；有二级指标的一级指标，其权重等于二级指标权重之和）"
        extra={
          <Button size="small" onClick={() => add(null)}>
            添加一级指标
          </Button>
        }
        style={{ marginBottom: 12 }}
        styles={{ body: { padding: 0 } }}
      >
        <Table<Indicator>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={t.indicators}
          columns={[
            { title: '编号', dataIndex: 'key', width: 70 },
            {
              title: '指标名称',
              key: 'name',
              width: 220,
              render: (_: unknown, i, k) => (
                <Input
                  size="small"
                  value={i.name}
                  style={{ marginLeft: i.parent ? 16 : 0, width: i.parent ? 180 : 196 }}
                  onChange={(e) => set(k, { name: e.target.value })}
                />
              ),
            },
            {
              title: '权重',
              key: 'weight',
              width: 90,
              render: (_: unknown, i, k) => (
                <InputNumber
                  size="small"
                  min={0}
                  max={100}
                  precision={2}
                  value={i.weight}
                  onChange={(v) => set(k, { weight: v ?? 0 })}
                  style={{ width: 78 }}
                  data-testid={`weight-${i.key}`}
                />
              ),
            },
            {
              title: '评分方式',
              key: 'method',
              width: 220,
              render: (_: unknown, i, k) =>
                t.indicators.some((x) => x.parent === i.key) ? (
                  <Space>
                    <Typography.Text type="secondary">二级指标之和</Typography.Text>
                    <Button size="small" onClick={() => add(i.key)}>
                      添加二级
                    </Button>
                  </Space>
                ) : (
                  <Space size={4}>
                    <Select
                      size="small"
                      value={i.method}
                      style={{ width: 92 }}
                      onChange={(v) =>
                        set(k, {
                          method: v,
                          metric: v === 'manual' ? null : (i.metric ?? 'paid_in_progress'),
                        })
                      }
                      options={[
                        { value: 'computed', label: '自动计算' },
                        { value: 'manual', label: '手工评分' },
                      ]}
                    />
                    {i.parent === null ? (
                      <Button size="small" onClick={() => add(i.key)}>
                        添加二级
                      </Button>
                    ) : null}
                  </Space>
                ),
            },
            {
              title: '计算指标 / 评分表（阈值:得分; …，其间线性插值）或评分标准',
              key: 'rule',
              render: (_: unknown, i, k) => {
                if (t.indicators.some((x) => x.parent === i.key)) return null;
                if (i.method === 'manual') {
                  return (
                    <Input
                      size="small"
                      placeholder="评分标准"
                      value={i.guide ?? ''}
                      onChange={(e) => set(k, { guide: e.target.value || null })}
                    />
                  );
                }
                const unit = i.metric ? METRICS[i.metric].unit : '';
                return (
                  <Space size={4} style={{ width: '100%' }}>
                    <Select
                      size="small"
                      value={i.metric}
                      style={{ width: 140 }}
                      onChange={(v) => set(k, { metric: v })}
                      options={METRIC_CODES.map((c) => ({ value: c, label: METRICS[c].label }))}
                    />
                    <Input
                      size="small"
                      value={tables[i.key] ?? tableText(i)}
                      onChange={(e) => setTables({ ...tables, [i.key]: e.target.value })}
                      style={{ width: 240 }}
                      suffix={<Typography.Text type="secondary">{`阈值单位：${unit}`}</Typography.Text>}
                      data-testid={`table-${i.key}`}
                    />
                  </Space>
                );
              },
            },
            {
              title: '',
              key: 'del',
              width: 44,
              render: (_: unknown, i) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除指标"
                  onClick={() =>
                    setT((x) => ({
                      ...x,
                      indicators: x.indicators.filter((y) => y.key !== i.key && y.parent !== i.key),
                    }))
                  }
                />
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="评价等级（总分不低于下限即为该等级）"
        extra={
          <Button
            size="small"
            onClick={() => setT({ ...t, grades: [...t.grades, { name: '新等级', min: 50 }] })}
          >
            添加等级
          </Button>
        }
      >
        <Space wrap size={16}>
          {t.grades.map((g, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: grades have no id (names may repeat while typed); the inputs are controlled
            <Space key={k} size={4}>
              <Input
                size="small"
                value={g.name}
                style={{ width: 90 }}
                onChange={(e) =>
                  setT({
                    ...t,
                    grades: t.grades.map((x, j) => (j === k ? { ...x, name: e.target.value } : x)),
                  })
                }
              />
              <Typography.Text type="secondary">≥</Typography.Text>
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={g.min}
                style={{ width: 70 }}
                onChange={(v) =>
                  setT({ ...t, grades: t.grades.map((x, j) => (j === k ? { ...x, min: v ?? 0 } : x)) })
                }
              />
              <Typography.Text type="secondary">分</Typography.Text>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label="删除等级"
                onClick={() => setT({ ...t, grades: t.grades.filter((_, j) => j !== k) })}
              />
            </Space>
          ))}
        </Space>
      </Card>
    </div>
  );
}
