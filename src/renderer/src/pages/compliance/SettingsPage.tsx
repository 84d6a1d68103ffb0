import { ALERT_KIND_INFO, ALERT_KINDS, type AlertKind, ruleText } from '@shared/compliance/alerts';
import { describeCategory, RULE_BASE, RULE_CATEGORY, type RuleSet } from '@shared/compliance/rule-set';
import { todayIso } from '@shared/dates';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Input,
  InputNumber,
  message,
  Popconfirm,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api, openFile, saveFile } from '../../api';
import { ConnectionSetting } from '../../components/ConnectionSetting';
import { ListTable } from '../../components/ListTable';
import { UserNameSetting } from '../../components/UserNameSetting';
import { useRoute } from '../../lib/router';
import { RuleSetEditor } from './RuleSetEditor';
import { useRefreshCompliance } from './useCompliance';

const base64ToBytes = (b: string) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
const bytesToBase64 = (u: Uint8Array) => {
  let s = '';
  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(s);
};

function RuleSetsTab() {
  const q = useQuery({
    queryKey: ['compliance', 'rule-sets'],
    queryFn: () => api('compliance.ruleSets', {}),
  });
  const refresh = useRefreshCompliance();
  const [editing, setEditing] = useState<RuleSet | 'new' | null>(null);
  const fail = (e: unknown) => message.error((e as Error).message);
  const exportAs = async (format: 'xlsx' | 'csv') => {
    try {
      const f = await api('compliance.ruleSet.export', { format });
      await saveFile(f.fileName, base64ToBytes(f.base64), f.mime);
    } catch (e) {
      fail(e);
    }
  };
  const importFile = async () => {
    const f = await openFile(['xlsx', 'csv']);
    if (!f) return;
    try {
      const r = await api('compliance.ruleSet.import', { fileName: f.name, base64: bytesToBase64(f.data) });
      message.success(`已导入：新增 ${r.created} 个，更新 ${r.updated} 个规则集`);
      await refresh();
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        返投规则集说明一只基金的返投如何认定：基数、倍数、期限，各认定类别的系数、上限和锁定期。每只基金使用一个规则集（在基金详情的“返投认定”中选择），未选择的按默认规则集。修改规则集后，所有相关数字立即按新规则重新计算。
      </Typography.Text>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="ruleset-new">
          新增规则集
        </Button>
        <Button onClick={() => exportAs('xlsx')}>导出 Excel（可作模板）</Button>
        <Button onClick={() => exportAs('csv')}>导出 CSV</Button>
        <Button onClick={importFile}>从文件导入</Button>
      </Space>
      <ListTable
        bordered
        rowKey="id"
        loading={q.isLoading}
        rows={q.data?.ruleSets}
        data-testid="ruleset-table"
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (v: string, r: RuleSet) => (
              <Space size={4} wrap>
                {v}
                {r.is_default ? <Tag color="blue">默认</Tag> : null}
                {r.is_example ? <Tag color="gold">示例</Tag> : null}
              </Space>
            ),
          },
          {
            title: '返投要求',
            key: 'req',
            width: 190,
            render: (_: unknown, r: RuleSet) =>
              r.base === 'fund'
                ? '按基金协议约定的倍数和基数'
                : `${RULE_BASE.label[r.base]} × ${r.multiple}倍`,
          },
          {
            title: '期限',
            key: 'deadline',
            width: 150,
            render: (_: unknown, r: RuleSet) =>
              r.deadline_date ?? (r.deadline_years ? `成立后${r.deadline_years}年` : '按基金协议'),
          },
          {
            title: '认定类别规则',
            key: 'cats',
            render: (_: unknown, r: RuleSet) =>
              RULE_CATEGORY.codes
                .map((c) => `${RULE_CATEGORY.label[c]} ${describeCategory(r.categories[c])}`)
                .join('；'),
          },
          {
            title: '使用基金',
            key: 'use',
            width: 80,
            render: (_: unknown, r: RuleSet) => q.data?.usage[r.id] ?? 0,
          },
          {
            title: '操作',
            key: 'op',
            width: 130,
            render: (_: unknown, r: RuleSet) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(r)} data-testid={`ruleset-edit-${r.id}`}>
                  修改
                </Button>
                {r.is_default ? null : (
                  <Popconfirm
                    title="删除该规则集？"
                    okText="删除"
                    cancelText="取消"
                    onConfirm={() => api('compliance.ruleSet.delete', { id: r.id }).then(refresh).catch(fail)}
                  >
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RuleSetEditor
        editing={editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) void refresh();
        }}
      />
    </Space>
  );
}

function ThresholdsTab() {
  const q = useQuery({
    queryKey: ['compliance', 'alerts', todayIso()],
    queryFn: () => api('compliance.alerts', { asOf: todayIso() }),
  });
  const refresh = useRefreshCompliance();
  const [values, setValues] = useState<Partial<Record<AlertKind, number>>>({});
  useEffect(() => {
    if (q.data) setValues(q.data.thresholds);
  }, [q.data]);
  const save = async () => {
    try {
      await api('compliance.thresholds.save', { values });
      message.success('提醒阈值已保存');
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ListTable
        bordered
        rowKey="k"
        rows={ALERT_KINDS.map((k) => ({ k }))}
        columns={[
          { title: '提醒', dataIndex: 'k', width: 130, render: (k: AlertKind) => ALERT_KIND_INFO[k].label },
          {
            title: '阈值',
            dataIndex: 'k',
            key: 'v',
            width: 150,
            render: (k: AlertKind) =>
              ALERT_KIND_INFO[k].editable ? (
                <InputNumber
                  min={1}
                  max={ALERT_KIND_INFO[k].unit === '年' ? 10 : 3650}
                  value={values[k]}
                  suffix={ALERT_KIND_INFO[k].unit}
                  onChange={(v) => setValues({ ...values, [k]: v ?? undefined })}
                  data-testid={`threshold-${k}`}
                />
              ) : (
                '—'
              ),
          },
          {
            title: '规则',
            dataIndex: 'k',
            key: 'r',
            render: (k: AlertKind) => ruleText(k, { ...(q.data?.thresholds ?? {}), ...values } as never),
          },
        ]}
      />
      <Button type="primary" onClick={save} data-testid="thresholds-save">
        保存阈值
      </Button>
    </Space>
  );
}

function FilingsTab() {
  const q = useQuery({ queryKey: ['compliance', 'filings'], queryFn: () => api('compliance.filings', {}) });
  const refresh = useRefreshCompliance();
  const [name, setName] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const fail = (e: unknown) => message.error((e as Error).message);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        需要定期报送的事项（如年度信息更新、季度报告）：到期前按“报送到期”提醒，完成后在此标记。
      </Typography.Text>
      <Space wrap>
        <Input
          placeholder="报送事项名称"
          style={{ width: 300 }}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <DatePicker placeholder="到期日" onChange={(d) => setDue(d ? d.format('YYYY-MM-DD') : null)} />
        <Button
          type="primary"
          disabled={!name.trim() || !due}
          onClick={() =>
            api('compliance.filing.create', { name, fund_id: null, due_date: due! })
              .then(() => {
                setName('');
                return refresh();
              })
              .catch(fail)
          }
        >
          添加
        </Button>
      </Space>
      <ListTable
        bordered
        rowKey="id"
        rows={q.data}
        columns={[
          { title: '报送事项', dataIndex: 'name' },
          { title: '基金', dataIndex: 'fund_name', render: (v: string | null) => v ?? '—' },
          { title: '到期日', dataIndex: 'due_date', width: 110 },
          {
            title: '状态',
            dataIndex: 'done_date',
            width: 200,
            render: (v: string | null, r: { id: number }) =>
              v ? (
                <Space>
                  <Tag color="green">已完成 {v}</Tag>
                  <Button
                    size="small"
                    onClick={() =>
                      api('compliance.filing.mark', { id: r.id, doneDate: null }).then(refresh).catch(fail)
                    }
                  >
                    撤销
                  </Button>
                </Space>
              ) : (
                <Button
                  size="small"
                  onClick={() =>
                    api('compliance.filing.mark', { id: r.id, doneDate: dayjs().format('YYYY-MM-DD') })
                      .then(refresh)
                      .catch(fail)
                  }
                >
                  标记完成
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}

/** 设置: 返投 rule sets, alert thresholds, the filings the office tracks, and the user name and the database (#17). */
export function SettingsPage() {
  const { params } = useRoute();
  return (
    <div className="fd-page" data-testid="settings-page">
      <Tabs
        key={params.get('tab') ?? 'rules'}
        defaultActiveKey={params.get('tab') ?? 'rules'}
        items={[
          { key: 'rules', label: '返投规则集', children: <RuleSetsTab /> },
          { key: 'thresholds', label: '提醒阈值', children: <ThresholdsTab /> },
          { key: 'filings', label: '报送事项', children: <FilingsTab /> },
          { key: 'user', label: '用户', children: <UserNameSetting /> },
          { key: 'database', label: '数据库', children: <ConnectionSetting /> },
        ]}
      />
    </div>
  );
}
