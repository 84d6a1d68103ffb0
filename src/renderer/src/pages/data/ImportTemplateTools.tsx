import { DownloadOutlined } from '@ant-design/icons';
import { UNIT_LABEL, UNITS, type Unit } from '@shared/money';
import { App as AntApp, Button, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api, saveFile } from '../../api';
import { fromBase64, type LedgerChoice } from './files';

/** The import template (xlsx/CSV, in a chosen money unit) and an export of the ledger as it is stored. */
export function ImportTemplateTools(props: { choice: LedgerChoice }) {
  const { choice } = props;
  const { message } = AntApp.useApp();
  const [templateUnit, setTemplateUnit] = useState<Unit>('wan');

  const downloadTemplate = async (format: 'xlsx' | 'csv') => {
    try {
      const t = await api('import.template', { ledger: choice.ledger, format, unit: templateUnit });
      const saved = await saveFile(t.fileName, fromBase64(t.data), t.mime);
      if (saved) message.success(`已下载 ${t.fileName}`);
    } catch (e) {
      message.error(`下载模板失败：${(e as Error).message}`);
    }
  };

  const exportLedger = async (format: 'xlsx' | 'csv') => {
    try {
      const f = await api('ledger.export', {
        ledger: choice.ledger,
        format,
        unit: templateUnit,
        ...(choice.kind ? { kind: choice.kind } : {}),
      });
      const saved = await saveFile(f.fileName, fromBase64(f.data), f.mime);
      if (saved) message.success(`已导出 ${f.rows} 条记录到 ${f.fileName}`);
    } catch (e) {
      message.error(`导出失败：${(e as Error).message}`);
    }
  };

  return (
    <Space wrap size={6}>
      <Typography.Text type="secondary">导入模板</Typography.Text>
      <Select<Unit>
        size="small"
        value={templateUnit}
        onChange={setTemplateUnit}
        options={UNITS.map((u) => ({ value: u, label: `金额单位 ${UNIT_LABEL[u]}` }))}
        style={{ width: 150 }}
        data-testid="template-unit"
      />
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() => void downloadTemplate('xlsx')}
        data-testid="template-xlsx"
      >
        Excel 模板
      </Button>
      <Button size="small" onClick={() => void downloadTemplate('csv')} data-testid="template-csv">
        CSV 模板
      </Button>
      <Tooltip title={`把系统中现有的${choice.label}导出为同样表头的 Excel 文件（可直接再导入）`}>
        <Button
          size="small"
          type="link"
          onClick={() => void exportLedger('xlsx')}
          data-testid="export-ledger"
        >
          导出现有{choice.label}
        </Button>
      </Tooltip>
    </Space>
  );
}
