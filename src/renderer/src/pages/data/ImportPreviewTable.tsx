import type { ImportPreview, ImportPreviewRow } from '@shared/contract/data';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';

const STATUS: Record<ImportPreviewRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '可导入' },
  error: { color: 'red', label: '有错误' },
  duplicate: { color: 'orange', label: '重复' },
  skipped: { color: 'default', label: '跳过' },
};

/** ③ 预览: every row shown with its status and what is wrong with it. */
export function PreviewTable(props: { preview: ImportPreview; filter: 'all' | 'problems' | 'ok' }) {
  const { preview, filter } = props;
  const rows = preview.rows.filter((r) =>
    filter === 'all'
      ? true
      : filter === 'ok'
        ? r.status === 'ok'
        : r.status !== 'ok' || r.warnings.length > 0,
  );
  const fieldHeader = new Map(preview.fields.map((f) => [f.field, f.header]));
  const mapped = preview.mapping.filter((m) => m.field);
  const columns: ColumnsType<ImportPreviewRow> = [
    { title: '行号', dataIndex: 'row', width: 64, fixed: 'left' },
    {
      title: '状态',
      dataIndex: 'status',
      width: 84,
      fixed: 'left',
      render: (s: ImportPreviewRow['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
    },
    {
      title: '说明',
      key: 'why',
      width: 340,
      render: (_: unknown, r) => (
        <div className="fd-import-why">
          {r.issues.map((i) => (
            <div key={`${i.column}-${i.message}`} className="is-error">
              {i.message}
            </div>
          ))}
          {r.duplicateOf ? <div className="is-dup">与{r.duplicateOf}重复</div> : null}
          {r.warnings.map((w) => (
            <div key={w} className="is-note">
              {w}
            </div>
          ))}
        </div>
      ),
    },
    ...mapped.map((m) => ({
      title: (
        <div className="fd-import-col-title">
          <div>{preview.headers[m.column]}</div>
          <small>→ {fieldHeader.get(m.field!)}</small>
        </div>
      ),
      key: `c${m.column}`,
      width: 150,
      ellipsis: true,
      onCell: (r: ImportPreviewRow) => {
        const issue = r.issues.find((i) => i.column === m.column);
        return issue ? { className: 'fd-import-cell-error', title: issue.message } : {};
      },
      render: (_: unknown, r: ImportPreviewRow) => r.cells[m.column],
    })),
  ];
  return (
    <Table<ImportPreviewRow>
      size="small"
      rowKey="row"
      data-testid="preview-table"
      columns={columns}
      dataSource={rows}
      rowClassName={(r) => `fd-import-row-${r.status}`}
      scroll={{ x: 500 + mapped.length * 150, y: 420 }}
      pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
    />
  );
}
