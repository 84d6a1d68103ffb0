import { RECOGNITION_STATE, type Recognition } from '@shared/compliance/reinvest';
import { RULE_CATEGORY } from '@shared/compliance/rule-set';
import { formatMoney, parseMoney, UNIT_LABEL, type Unit } from '@shared/money';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { openDetail } from '../../grid/LinkCell';
import { useRefreshCompliance } from './useCompliance';

const SOURCE = { investment: '投资', landed_project: '落地项目' } as const;
const CAPPED = (s: { byCategory: Record<string, { cappedOffFen: number }> }) =>
  Object.values(s.byCategory).some((c) => c.cappedOffFen > 0);

/** A fund's 返投 by its rule set: requirement, by category (computed and overridden apart), gap, deadline,
 * days left, rate needed per year; every recognition, with a manual override (reason required). */
export function FundReinvestPanel({ fundId, asOf, unit }: { fundId: number; asOf: string; unit: Unit }) {
  const q = useQuery({
    queryKey: ['compliance', 'reinvestment', fundId, asOf],
    queryFn: () => api('compliance.reinvestment', { fundId, asOf }),
  });
  const sets = useQuery({
    queryKey: ['compliance', 'rule-sets'],
    queryFn: () => api('compliance.ruleSets', {}),
  });
  const refresh = useRefreshCompliance();
  const [editing, setEditing] = useState<Recognition | null>(null);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const s = q.data?.[0];
  const u = UNIT_LABEL[unit];
  const m = (fen: number | null | undefined) => (fen == null ? '—' : `${formatMoney(fen, unit)} ${u}`);
  if (!s)
    return q.error ? <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text> : null;

  const saveOverride = async (clear: boolean) => {
    if (!editing) return;
    try {
      let override: { fen: number; reason: string } | null = null;
      if (!clear) {
        const p = parseMoney(amount, unit);
        if (!p.ok) throw new Error(p.error);
        if (p.fen === null) throw new Error('请填写认定金额');
        override = { fen: p.fen, reason };
      }
      await api('compliance.override', { source: editing.source, id: editing.id, override });
      setEditing(null);
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="fund-reinvest">
      <Space wrap>
        <Typography.Text>返投规则集</Typography.Text>
        <Select
          style={{ width: 380 }}
          value={s.ruleSet.id}
          options={(sets.data?.ruleSets ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v: number) => {
            const def = sets.data?.ruleSets.find((r) => r.is_default)?.id;
            void api('compliance.fundRuleSet', { fundId, ruleSetId: v === def ? null : v }).then(refresh);
          }}
          data-testid="fund-ruleset"
        />
      </Space>
      <Descriptions size="small" bordered column={4}>
        <Descriptions.Item label="返投要求">{m(s.requiredFen)}</Descriptions.Item>
        <Descriptions.Item label="已认定">
          <span data-testid="fund-recognised">{m(s.recognisedFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="其中人工认定">{m(s.overriddenFen)}</Descriptions.Item>
        <Descriptions.Item label="缺口">{m(s.gapFen)}</Descriptions.Item>
        <Descriptions.Item label="截止日">{s.deadline ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="剩余天数">
          {s.daysLeft == null ? '—' : s.daysLeft < 0 ? `已逾期 ${-s.daysLeft} 天` : `${s.daysLeft} 天`}
        </Descriptions.Item>
        <Descriptions.Item label="每年需认定" span={2}>
          {s.gapFen === 0 ? '已完成' : m(s.neededPerYearFen)}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="c"
        dataSource={RULE_CATEGORY.codes.map((c) => ({ c, ...s.byCategory[c] }))}
        columns={[
          {
            title: '认定类别',
            dataIndex: 'c',
            render: (c: keyof typeof RULE_CATEGORY.label) => RULE_CATEGORY.label[c],
          },
          {
            title: `按规则计算（${u}）`,
            dataIndex: 'computedFen',
            align: 'right',
            render: (v: number) => formatMoney(v, unit),
          },
          {
            title: `人工认定（${u}）`,
            dataIndex: 'overriddenFen',
            align: 'right',
            render: (v: number) => formatMoney(v, unit),
          },
          {
            title: `合计（${u}）`,
            dataIndex: 'totalFen',
            align: 'right',
            render: (v: number) => formatMoney(v, unit),
          },
          {
            title: '超出上限未计',
            dataIndex: 'cappedOffFen',
            align: 'right',
            render: (v: number) => (v ? formatMoney(v, unit) : ''),
          },
        ]}
      />
      <Table
        size="small"
        bordered
        rowKey={(r) => `${r.source}${r.id}`}
        pagination={false}
        scroll={{ y: 360 }}
        dataSource={s.items}
        data-testid="reinvest-table"
        locale={{ emptyText: '暂无返投认定' }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row className="fd-total-row">
              <Table.Summary.Cell index={0} colSpan={6}>
                合计（{s.items.length} 项{s.items.length && CAPPED(s) ? '，未扣除超出上限部分' : ''}）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <span data-testid="reinvest-total">
                  {formatMoney(
                    s.items.reduce((t, i) => t + i.recognisedFen, 0),
                    unit,
                  )}
                </span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} colSpan={2} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
        columns={[
          { title: '来源', dataIndex: 'source', width: 80, render: (v: keyof typeof SOURCE) => SOURCE[v] },
          {
            title: '企业/项目',
            dataIndex: 'enterpriseName',
            render: (v: string, r: Recognition) => (
              <Typography.Link onClick={() => openDetail('enterprise', r.enterpriseId)}>{v}</Typography.Link>
            ),
          },
          { title: '日期', dataIndex: 'date', width: 105 },
          {
            title: '类别',
            dataIndex: 'category',
            width: 120,
            render: (c: keyof typeof RULE_CATEGORY.label) => RULE_CATEGORY.label[c],
          },
          {
            title: `认定基数（${u}）`,
            dataIndex: 'qualifyingFen',
            align: 'right',
            render: (v: number) => formatMoney(v, unit),
          },
          { title: '系数', dataIndex: 'multiplier', width: 60, render: (v: number) => `${v}倍` },
          {
            title: `认定金额（${u}）`,
            dataIndex: 'recognisedFen',
            align: 'right',
            render: (v: number) => formatMoney(v, unit),
          },
          {
            title: '认定方式',
            dataIndex: 'state',
            render: (v: Recognition['state'], r: Recognition) =>
              v === 'overridden' ? (
                <span>
                  <Tag color="purple">人工认定</Tag>
                  {r.overrideReason}
                </span>
              ) : (
                <Tag color={v === 'computed' ? 'green' : 'default'}>{RECOGNITION_STATE[v]}</Tag>
              ),
          },
          {
            title: '',
            key: 'op',
            width: 90,
            render: (_: unknown, r: Recognition) =>
              r.state === 'duplicate' ? null : (
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(r);
                    setAmount(r.overrideFen == null ? '' : formatMoney(r.overrideFen, unit));
                    setReason(r.overrideReason ?? '');
                    setError(null);
                  }}
                  data-testid="override-open"
                >
                  人工认定
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={`人工认定：${editing?.enterpriseName ?? ''}`}
        onCancel={() => setEditing(null)}
        footer={[
          editing?.overrideFen != null ? (
            <Button key="clear" onClick={() => saveOverride(true)}>
              取消人工认定，按规则计算
            </Button>
          ) : null,
          <Button key="cancel" onClick={() => setEditing(null)}>
            取消
          </Button>,
          <Button
            key="ok"
            type="primary"
            disabled={!reason.trim() || !amount.trim()}
            onClick={() => saveOverride(false)}
            data-testid="override-save"
          >
            保存
          </Button>,
        ]}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            按规则计算为 {editing ? m(editing.state === 'overridden' ? null : editing.recognisedFen) : ''}
            ；人工认定的金额替代规则计算，并在各处标明。
          </Typography.Text>
          <Input
            addonBefore="认定金额"
            addonAfter={u}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <Input.TextArea
            rows={2}
            placeholder="理由（必填，如：区财政局认定函文号）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="override-reason"
          />
          {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
        </Space>
      </Modal>
    </Space>
  );
}
