import { ReloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@shared/contract/app';
import { AUDIT_ACTION } from '@shared/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api';
import { auditColumns, useLinkNames, userLabel } from './AuditParts';
import { ENTITY_OPTIONS } from './audit-format';

type Filters = {
  entity?: string;
  action?: AuditEntry['action'];
  range?: [Dayjs | null, Dayjs | null] | null;
  text?: string;
  user?: string;
};

const PAGE = 50;
const ACTION_OPTIONS = AUDIT_ACTION.codes.map((c) => ({ value: c, label: AUDIT_ACTION.label[c] }));

/** 审计日志: every create, change and delete, newest first, with before → after per field. */
export function AuditPage() {
  const names = useLinkNames();
  const [f, setF] = useState<Filters>({});
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const input = {
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.range?.[0] ? { from: f.range[0].format('YYYY-MM-DD') } : {}),
    ...(f.range?.[1] ? { to: f.range[1].format('YYYY-MM-DD') } : {}),
    ...(f.text ? { text: f.text } : {}),
    ...(f.user !== undefined ? { user: f.user } : {}),
    limit: PAGE,
    offset: (page - 1) * PAGE,
  };
  const q = useQuery({
    queryKey: ['audit', 'list', input],
    queryFn: () => api('audit.list', input),
    placeholderData: keepPreviousData,
  });
  const users = useQuery({ queryKey: ['audit', 'users'], queryFn: () => api('audit.users', {}) });
  const set = (patch: Filters) => {
    setF((prev) => ({ ...prev, ...patch }));
    setPage(1);
  };
  /** A filter on one field of the log, from its vocabulary; cleared means every value. */
  const filterSelect = (
    key: 'entity' | 'action' | 'user',
    placeholder: string,
    width: number,
    options: { value: string; label: string }[],
  ) => (
    <Select
      allowClear
      placeholder={placeholder}
      style={{ width }}
      value={f[key]}
      onChange={(v) => set({ [key]: v })}
      options={options}
      data-testid={`audit-${key}`}
    />
  );

  return (
    <div className="fd-audit">
      <div className="fd-toolbar">
        <Space wrap>
          {filterSelect('entity', '全部台账', 150, ENTITY_OPTIONS)}
          {filterSelect('action', '全部操作', 120, ACTION_OPTIONS)}
          {filterSelect(
            'user',
            '全部用户',
            130,
            (users.data ?? []).map((u) => ({ value: u, label: userLabel(u) })),
          )}
          <DatePicker.RangePicker
            value={f.range ?? null}
            onChange={(v) => set({ range: v })}
            placeholder={['开始日期', '结束日期']}
            data-testid="audit-range"
          />
          <Input.Search
            allowClear
            placeholder="搜索记录名称"
            style={{ width: 240 }}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value === '') set({ text: '' });
            }}
            onSearch={(v) => set({ text: v.trim() })}
            data-testid="audit-text"
          />
          <Button
            onClick={() => {
              setF({});
              setText('');
              setPage(1);
            }}
          >
            清除筛选
          </Button>
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid="audit-total">
            共 {q.data?.total ?? 0} 条记录
          </Typography.Text>
          <Tooltip title="重新读取">
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                void q.refetch();
                void users.refetch();
              }}
            />
          </Tooltip>
        </Space>
      </div>
      {q.error ? (
        <Typography.Text type="danger">读取失败：{(q.error as Error).message}</Typography.Text>
      ) : null}
      <Table<AuditEntry>
        size="small"
        bordered
        rowKey="id"
        loading={q.isFetching && !q.data}
        dataSource={q.data?.entries ?? []}
        columns={auditColumns(names, { showLedger: true })}
        scroll={{ x: 1160, y: 'calc(100vh - 300px)' }}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: q.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 条`,
          onChange: setPage,
        }}
        locale={{ emptyText: '没有符合条件的审计记录' }}
        data-testid="audit-table"
      />
    </div>
  );
}
