import { InsertRowRightOutlined } from '@ant-design/icons';
import type { ColumnSpec } from '@shared/columns/spec';
import type { GridApi } from 'ag-grid-community';
import { Button, Checkbox, Popover, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Row } from './row';

/**
 * 显示列: which columns the grid shows (the hidden-by-default ones — 统一社会信用代码, 条款 … — included).
 * The choice is remembered with the rest of the grid's layout.
 */
export function ColumnChooser(props: { gridApi: GridApi<Row> | null; columns: ColumnSpec[] }) {
  const { gridApi, columns } = props;
  const [shown, setShown] = useState<string[]>([]);

  useEffect(() => {
    if (!gridApi) return;
    const read = () =>
      setShown(columns.filter((c) => gridApi.getColumn(c.field)?.isVisible()).map((c) => c.field));
    read();
    gridApi.addEventListener('columnVisible', read);
    return () => {
      if (!gridApi.isDestroyed()) gridApi.removeEventListener('columnVisible', read);
    };
  }, [gridApi, columns]);

  const content = (
    <Space orientation="vertical" size={6} style={{ maxHeight: 420, overflow: 'auto' }}>
      <Checkbox.Group
        value={shown}
        onChange={(v) => {
          if (!gridApi) return;
          const want = new Set(v as string[]);
          gridApi.setColumnsVisible(
            columns.filter((c) => want.has(c.field)).map((c) => c.field),
            true,
          );
          gridApi.setColumnsVisible(
            columns.filter((c) => !want.has(c.field)).map((c) => c.field),
            false,
          );
        }}
      >
        <Space orientation="vertical" size={4}>
          {columns.map((c, i) => (
            <Checkbox key={c.field} value={c.field} disabled={i === 0} data-testid={`show-col-${c.field}`}>
              {c.header}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        拖动表头可调整列的顺序与宽度，均会被记住
      </Typography.Text>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title="显示列" content={content}>
      <Tooltip title="选择显示的列">
        <Button icon={<InsertRowRightOutlined />} data-testid="column-chooser">
          列
        </Button>
      </Tooltip>
    </Popover>
  );
}
