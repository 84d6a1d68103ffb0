import {
  CheckCircleTwoTone,
  CloudUploadOutlined,
  HistoryOutlined,
  ReloadOutlined,
  SaveOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { type BackupItem, type BackupSettings, backupSettingsFields } from '@shared/contract/data';
import { ApiError } from '@shared/contract/define';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { fmtBytes } from './files';
import './data.css';
import { readOnlyTip, useReadOnly } from '../../lib/readOnly';

const COUNT_LABELS: [string, string, string][] = [
  ['funds', '基金', '只'],
  ['cash_flows', '现金流', '条'],
  ['valuations', '估值', '条'],
  ['investments', '投资', '笔'],
  ['enterprises', '企业', '家'],
  ['landed_projects', '落地项目', '个'],
  ['financing_deals', '融资对接', '条'],
  ['managers', '管理人', '家'],
  ['institutions', '机构', '家'],
];

const REASON_COLOR: Record<string, string> = {
  manual: 'blue',
  auto: 'default',
  start: 'default',
  quit: 'default',
  'before-restore': 'purple',
  'before-import': 'cyan',
  cli: 'geekblue',
};

function when(iso: string) {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}

/** The settings form's number fields, in order; their bounds are the settings channel's (backupSettingsFields). */
const NUMBER_FIELDS: {
  name: 'intervalMinutes' | 'keepRecent' | 'keepDaily' | 'keepMonthly' | 'maxTotalMB';
  label: string;
  suffix: string;
  width: number;
  message: string;
}[] = [
  { name: 'intervalMinutes', label: '有变化时每隔', suffix: '分钟', width: 120, message: '请填写间隔' },
  { name: 'keepRecent', label: '保留最近', suffix: '份', width: 100, message: '请填写' },
  { name: 'keepDaily', label: '每天一份，保留', suffix: '天', width: 100, message: '请填写' },
  { name: 'keepMonthly', label: '每月一份，保留', suffix: '个月', width: 110, message: '请填写' },
  { name: 'maxTotalMB', label: '总大小上限', suffix: 'MB', width: 130, message: '请填写' },
];

export function countsText(counts: Record<string, number> | null): string {
  if (!counts) return '—';
  return COUNT_LABELS.filter(([k]) => (counts[k] ?? 0) > 0)
    .map(([k, label, unit]) => `${label} ${counts[k]} ${unit}`)
    .join(' · ');
}

const SERVER_NO_RESTORE =
  '服务器上的数据由整个团队共用，不能在应用内恢复；如确需恢复，请管理员通知大家停止录入后用 funddesk copy --from 备份文件 --to 服务器地址 --replace 进行。';

/** 备份与恢复: the backups with their dates and sizes, back up now, restore (after a backup of now), settings. */
export function BackupPage() {
  const { message, modal } = AntApp.useApp();
  const qc = useQueryClient();
  const readOnly = useReadOnly();
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => api('app.info') });
  // A PostgreSQL server (#17, docs/TEAM.md): anyone may back it up into a file; nobody restores over it here.
  const server = /^postgres(ql)?:/i.test(info.data?.dbPath ?? '');
  const list = useQuery({ queryKey: ['backups'], queryFn: () => api('backup.list') });
  const [busy, setBusy] = useState<string | null>(null);

  const backupNow = async () => {
    setBusy('now');
    try {
      const b = await api('backup.now');
      message.success(`已备份并校验：${b.file}（${fmtBytes(b.sizeBytes)}）`);
      await list.refetch();
    } catch (e) {
      message.error(`备份失败：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const restore = (b: BackupItem) => {
    modal.confirm({
      title: '从这份备份恢复？',
      width: 520,
      content: (
        <Space orientation="vertical" size={6}>
          <span>
            将用 <b>{when(b.createdAt)}</b> 的备份（{b.reasonLabel}，{fmtBytes(b.sizeBytes)}
            ）替换当前的全部数据。
          </span>
          {b.counts ? <span className="fd-backup-counts">备份中：{countsText(b.counts)}</span> : null}
          <span>恢复前会先自动备份当前数据；如需撤销，可再从那份“恢复前”备份恢复。</span>
        </Space>
      ),
      okText: '备份当前数据并恢复',
      okButtonProps: { danger: true, 'data-testid': 'confirm-restore' } as never,
      cancelText: '取消',
      // The dialog closes at once: the restore runs under the page's progress line, with its cancel button.
      onOk: () => {
        void runRestore(b);
      },
    });
  };

  const runRestore = async (b: BackupItem) => {
    setBusy(b.file);
    try {
      const r = await api('backup.restore', { file: b.file });
      message.success(
        `已恢复到 ${when(r.restoredFrom.createdAt)} 的备份${r.safetyBackup ? `；恢复前的数据已备份为 ${r.safetyBackup.file}` : ''}`,
        6,
      );
      await qc.invalidateQueries();
    } catch (e) {
      // A cancelled restore says so (“已取消恢复，数据库没有改动”): it is no failure.
      if (e instanceof ApiError && e.code === 'cancelled') message.info(e.message, 8);
      else message.error(`恢复失败：${(e as Error).message}`, 8);
      await list.refetch();
    } finally {
      setBusy(null);
    }
  };

  const data = list.data;
  const restoring = busy && busy !== 'now' ? (data?.items.find((i) => i.file === busy) ?? null) : null;
  const columns: ColumnsType<BackupItem> = [
    {
      title: '备份时间',
      dataIndex: 'createdAt',
      width: 180,
      render: (v: string) => when(v),
    },
    {
      title: '类型',
      dataIndex: 'reasonLabel',
      width: 100,
      render: (v: string, b) => <Tag color={REASON_COLOR[b.reason] ?? 'default'}>{v}</Tag>,
    },
    { title: '大小', dataIndex: 'sizeBytes', width: 100, align: 'right', render: (v: number) => fmtBytes(v) },
    {
      title: '内容',
      key: 'counts',
      render: (_: unknown, b) => <span className="fd-backup-counts">{countsText(b.counts)}</span>,
    },
    {
      title: '校验',
      dataIndex: 'verified',
      width: 90,
      render: (v: boolean, b) =>
        v ? (
          <span title="已核对文件的校验值并做过结构检查">
            <CheckCircleTwoTone twoToneColor="#52c41a" /> 已校验
          </span>
        ) : b.problem ? (
          <Tooltip title={`${b.problem}；不能用于恢复`}>
            <Typography.Text type="danger" data-testid="backup-damaged">
              <WarningOutlined /> 已损坏
            </Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">未知</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'op',
      width: 110,
      render: (_: unknown, b) => (
        <Button
          size="small"
          icon={<HistoryOutlined />}
          loading={busy === b.file}
          disabled={busy !== null || server || !!readOnly || !!b.problem}
          title={server ? SERVER_NO_RESTORE : readOnly ? readOnlyTip(readOnly) : (b.problem ?? undefined)}
          onClick={() => restore(b)}
          data-testid="restore-button"
        >
          恢复…
        </Button>
      ),
    },
  ];

  return (
    <div className="fd-backup" data-testid="backup-page">
      <Card size="small">
        <div className="fd-backup-head">
          <Descriptions size="small" column={1} style={{ maxWidth: 900 }}>
            <Descriptions.Item label="备份文件夹">
              <Typography.Text copyable data-testid="backup-dir">
                {data?.dir ?? ''}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="已有备份">
              {data
                ? `${data.items.length} 份，共 ${fmtBytes(data.totalBytes)}（上限 ${data.settings.maxTotalMB.toLocaleString()} MB）`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label="最近一次">
              {data?.items[0]
                ? `${when(data.items[0].createdAt)}（${data.items[0].reasonLabel}）`
                : '还没有备份'}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
              刷新
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy === 'now'}
              disabled={(busy !== null && busy !== 'now') || (!!readOnly && !server)}
              title={readOnly && !server ? readOnlyTip(readOnly) : undefined}
              onClick={() => void backupNow()}
              data-testid="backup-now"
            >
              立即备份
            </Button>
          </Space>
        </div>
        {server ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="server-backup-note">
            这是服务器数据库（PostgreSQL）。“立即备份”把服务器上同一时刻的全部数据写成一个 FundDesk
            文件（在一个只读事务中读取，核对各表行数与金额合计并做完整性检查后才保留），可在任何电脑上打开或用于恢复。
            服务器数据库不自动备份（由 IT 部门用 pg_dump 备份）。{SERVER_NO_RESTORE}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            FundDesk 在启动时、退出时，以及数据有变化时每隔 {data?.settings.intervalMinutes ?? 10}{' '}
            分钟自动备份；导入和恢复之前也会先备份。备份用 SQLite
            联机备份写出，写完后以只读方式打开做完整性检查，通过才保留。
          </Typography.Text>
        )}
      </Card>

      {restoring ? (
        <Alert
          type="info"
          showIcon
          data-testid="restore-progress"
          title={`正在从 ${when(restoring.createdAt)} 的备份恢复：先核对备份、备份当前数据，再替换全部数据…`}
          description="在替换数据之前都可以取消；取消后数据库保持原样。"
          action={
            <Button
              size="small"
              danger
              onClick={() => void api('task.cancel', { channel: 'backup.restore' }).catch(() => {})}
              data-testid="restore-cancel"
            >
              取消恢复
            </Button>
          }
        />
      ) : null}

      {list.error ? (
        <Alert type="error" showIcon title={`无法读取备份列表：${(list.error as Error).message}`} />
      ) : null}

      <Card size="small" title="备份列表">
        <Table<BackupItem>
          size="small"
          rowKey="file"
          data-testid="backup-table"
          loading={list.isLoading}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份，点“立即备份”创建第一份' }}
        />
      </Card>

      {data && !server ? <SettingsCard settings={data.settings} onSaved={() => void list.refetch()} /> : null}
    </div>
  );
}

function SettingsCard(props: { settings: BackupSettings; onSaved: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<BackupSettings>();
  const [saving, setSaving] = useState(false);
  useEffect(() => form.setFieldsValue(props.settings), [form, props.settings]);

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api('backup.settings', { patch: values });
      message.success('备份设置已保存');
      props.onSaved();
    } catch (e) {
      message.error(`保存失败：${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      title="自动备份设置"
      extra={
        <Button
          icon={<SaveOutlined />}
          onClick={() => void save()}
          loading={saving}
          data-testid="save-settings"
        >
          保存设置
        </Button>
      }
    >
      <Form form={form} layout="inline" initialValues={props.settings} className="fd-backup-form">
        <Form.Item name="enabled" label="自动备份" valuePropName="checked">
          <Switch />
        </Form.Item>
        {NUMBER_FIELDS.map((f) => {
          const bounds = backupSettingsFields.shape[f.name];
          return (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={[{ required: true, message: f.message }]}
            >
              <InputNumber
                min={bounds.minValue ?? undefined}
                max={bounds.maxValue ?? undefined}
                suffix={f.suffix}
                style={{ width: f.width }}
              />
            </Form.Item>
          );
        })}
        <Form.Item name="dir" label="备份文件夹" style={{ minWidth: 420, marginTop: 8 }}>
          <Input placeholder="留空：数据库所在文件夹下的 backups" allowClear />
        </Form.Item>
      </Form>
    </Card>
  );
}
