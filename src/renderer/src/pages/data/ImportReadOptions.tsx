import { ReloadOutlined } from '@ant-design/icons';
import type { ImportPreview } from '@shared/contract/data';
import { Button, Checkbox, InputNumber, Select, Space, Typography } from 'antd';
import type { LedgerChoice } from './files';

/** How the picked file is read: which sheet, which header row, whether missing names are created. */
export function ImportReadOptions(props: {
  preview: ImportPreview;
  choice: LedgerChoice;
  createMissing: boolean;
  onSheet: (sheet: string) => void;
  onHeaderRow: (row: number) => void;
  onCreateMissing: (v: boolean) => void;
  onRecheck: () => void;
}) {
  const { preview, choice } = props;
  return (
    <Space wrap size={16}>
      {preview.sheets.length > 1 ? (
        <Space size={6}>
          <Typography.Text>工作表</Typography.Text>
          <Select
            data-testid="sheet-picker"
            style={{ minWidth: 160 }}
            value={preview.sheet ?? undefined}
            onChange={props.onSheet}
            options={preview.sheets.map((s) => ({
              value: s.name,
              label: s.hidden ? `${s.name}（隐藏）` : s.name,
            }))}
          />
        </Space>
      ) : null}
      <Space size={6}>
        <Typography.Text>表头在第</Typography.Text>
        <InputNumber
          size="small"
          min={1}
          max={1_000_000}
          value={preview.headerRow}
          onChange={(v) => {
            if (typeof v === 'number' && v >= 1) props.onHeaderRow(v);
          }}
          style={{ width: 70 }}
          data-testid="header-row"
        />
        <Typography.Text>行</Typography.Text>
      </Space>
      {choice.creates ? (
        <Checkbox
          checked={props.createMissing}
          onChange={(e) => props.onCreateMissing(e.target.checked)}
          data-testid="create-missing"
        >
          自动新增系统中没有的{choice.creates}（仅名称）
        </Checkbox>
      ) : null}
      <Button size="small" icon={<ReloadOutlined />} onClick={props.onRecheck}>
        重新检查
      </Button>
    </Space>
  );
}
