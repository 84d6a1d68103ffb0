import type { AuditEntry } from '@shared/contract/app';
import { AUDIT_ACTION, ENTITY, labelOf } from '@shared/domain';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../api';
import { DETAIL_ROUTE, type DetailEntity, openDetail } from '../../grid/LinkCell';
import { auditChanges, localTime, type NameLookup, SOURCE_LABEL } from './audit-format';

const LINKS = ['fund', 'enterprise', 'manager', 'institution'] as const;

/** The names of every fund, enterprise, manager and institution, to show links by name. */
export function useLinkNames(): NameLookup {
  const qs = useQueries({
    queries: LINKS.map((l) => ({
      queryKey: ['options', l],
      queryFn: () => api('ledger.options', { entity: l }),
    })),
  });
  const names: NameLookup = {};
  LINKS.forEach((l, i) => {
    names[l] = qs[i]?.data ?? [];
  });
  return names;
}

/** Who made a change; entries from before user names were recorded have none. */
export const userLabel = (name: string) => name || '（未记录）';

const ACTION_COLOR = { create: 'green', update: 'blue', delete: 'red' } as const;

export function ActionTag({ action }: { action: AuditEntry['action'] }) {
  return <Tag color={ACTION_COLOR[action]}>{labelOf(AUDIT_ACTION, action)}</Tag>;
}

/** What an entry changed: 字段：before → after, one line per field. */
export function AuditChanges({ entry, names }: { entry: AuditEntry; names: NameLookup }) {
  const changes = auditChanges(entry, names);
  if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div className="fd-audit-changes">
      {changes.map((c) => (
        <div key={c.field} className="fd-audit-change">
          <span className="fd-audit-field">{c.label}：</span>
          {entry.action === 'update' ? (
            <>
              <span className="fd-audit-before">{c.before}</span>
              <span className="fd-audit-arrow"> → </span>
              <span className="fd-audit-after">{c.after}</span>
            </>
          ) : entry.action === 'create' ? (
            <span className="fd-audit-after">{c.after}</span>
          ) : (
            <span className="fd-audit-before">{c.before}</span>
          )}
        </div>
      ))}
    </div>
  );
}

export function auditColumns(names: NameLookup, opts: { showLedger: boolean }): ColumnsType<AuditEntry> {
  return [
    { title: '时间', dataIndex: 'at', width: 168, render: (v: string) => localTime(v) },
    {
      title: '用户',
      dataIndex: 'user_name',
      width: 96,
      render: (u: string) => (u ? u : <Typography.Text type="secondary">{userLabel(u)}</Typography.Text>),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 76,
      render: (a: AuditEntry['action']) => <ActionTag action={a} />,
    },
    ...(opts.showLedger
      ? [
          {
            title: '台账',
            dataIndex: 'entity',
            width: 100,
            render: (e: string) => labelOf(ENTITY, e),
          },
        ]
      : []),
    {
      title: '记录',
      dataIndex: 'summary',
      width: 300,
      render: (s: string | null, r: AuditEntry) => {
        const text = `${s ?? ''}（编号 ${r.entity_id}）`;
        const linked = r.entity in DETAIL_ROUTE && r.action !== 'delete' && opts.showLedger;
        return linked ? (
          <a
            className="fd-cell-link"
            onClick={(e) => {
              e.preventDefault();
              openDetail(r.entity as DetailEntity, r.entity_id);
            }}
            href={`#${DETAIL_ROUTE[r.entity as DetailEntity]}?id=${r.entity_id}`}
          >
            {text}
          </a>
        ) : (
          text
        );
      },
    },
    {
      title: '变更内容（修改前 → 修改后）',
      key: 'changes',
      // Without a width this column got what the others left: at 1024 px, one character a line.
      width: 320,
      render: (_: unknown, r: AuditEntry) => <AuditChanges entry={r} names={names} />,
    },
    {
      title: '来源',
      dataIndex: 'source',
      width: 90,
      render: (s: string) => SOURCE_LABEL[s] ?? s,
    },
  ];
}

/** The history of one record, newest first (in its detail view). */
export function RecordHistory({ entity, id }: { entity: string; id: number }) {
  const names = useLinkNames();
  const q = useQuery({
    queryKey: ['audit', 'record', entity, id],
    queryFn: () => api('audit.list', { entity, entityId: id, limit: 500, offset: 0 }),
  });
  return (
    <Table<AuditEntry>
      size="small"
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.entries ?? []}
      columns={auditColumns(names, { showLedger: false })}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description="暂无修改记录" /> }}
      data-testid="record-history"
    />
  );
}
