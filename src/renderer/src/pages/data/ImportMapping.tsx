import type { ImportPreview } from '@shared/contract/data';
import { UNIT_LABEL, UNITS, type Unit } from '@shared/money';
import { Button, Card, Radio, Select, Space, Tag, Typography } from 'antd';
import { Notice } from '../../components/Notice';

const SOURCE_LABEL: Record<ImportPreview['mappingSource'], string> = {
  auto: '按表头自动识别',
  remembered: '沿用上次保存的列对应',
  manual: '已手动调整',
};

const HINT =
  '带 * 的是必填字段。金额列的单位按表头（如“金额（万元）”）识别；单元格自带单位时（如“1.5亿”）以单元格为准。导入成功后，同样表头的文件下次会自动沿用这里的对应。';

/** ② 列对应: which ledger field (and unit) each file column goes to. */
export function MappingCard(props: {
  preview: ImportPreview;
  onChange: (column: number, field: string | null, unit?: Unit | null) => void;
  onForget: () => void;
  kindDefault: string | null;
  onKindDefault: (v: string) => void;
  ledgerIsFund: boolean;
}) {
  const { preview } = props;
  const sample = (column: number) =>
    preview.rows.find((r) => r.status !== 'skipped' && r.cells[column])?.cells[column] ?? '';
  const fieldOptions = [
    { value: '', label: '（不导入）' },
    ...preview.fields.map((f) => ({ value: f.field, label: `${f.header}${f.required ? ' *' : ''}` })),
  ];
  const kindMapped = preview.mapping.some((m) => m.field === 'kind');
  return (
    <Card
      size="small"
      className="fd-import-card"
      title="② 列对应"
      extra={
        <Space size={6}>
          <Tag color={preview.mappingSource === 'manual' ? 'blue' : 'default'} data-testid="mapping-source">
            {SOURCE_LABEL[preview.mappingSource]}
          </Tag>
          {preview.mappingSource === 'remembered' ? (
            <Button size="small" type="link" onClick={props.onForget}>
              不再沿用，改为自动识别
            </Button>
          ) : null}
        </Space>
      }
    >
      {preview.missingRequired.length > 0 ? (
        <Notice
          type="error"
          testId="missing-required"
          title={`文件中没有找到必填列：${preview.missingRequired.join('、')}。请在下表中为它们选择对应的列。`}
        />
      ) : null}
      {props.ledgerIsFund && !kindMapped ? (
        <Space size={6} style={{ marginBottom: 8 }}>
          <Typography.Text>文件中没有“基金类型”列，这些基金都是：</Typography.Text>
          <Radio.Group
            value={props.kindDefault ?? undefined}
            onChange={(e) => props.onKindDefault(e.target.value)}
            options={[
              { value: 'sub', label: '子基金' },
              { value: 'direct', label: '直投基金' },
            ]}
          />
        </Space>
      ) : null}
      <div className="fd-import-mapping" data-testid="mapping">
        {preview.mapping.map((m) => {
          const spec = preview.fields.find((f) => f.field === m.field);
          return (
            <div key={m.column} className={`fd-import-map ${m.field ? 'is-mapped' : ''}`}>
              <div className="fd-import-map-head" title={preview.headers[m.column]}>
                {preview.headers[m.column]}
              </div>
              <div className="fd-import-map-sample" title={sample(m.column)}>
                {sample(m.column) || '—'}
              </div>
              <Select
                size="small"
                value={m.field ?? ''}
                onChange={(v) => props.onChange(m.column, v || null)}
                options={fieldOptions}
                style={{ width: '100%' }}
                data-testid={`map-${m.column}`}
                showSearch={{ optionFilterProp: 'label' }}
              />
              {spec?.kind === 'money' ? (
                <Select<Unit>
                  size="small"
                  value={m.unit ?? 'yuan'}
                  onChange={(u) => props.onChange(m.column, m.field, u)}
                  options={UNITS.map((u) => ({ value: u, label: `单位：${UNIT_LABEL[u]}` }))}
                  style={{ width: '100%', marginTop: 4 }}
                  data-testid={`unit-${m.column}`}
                />
              ) : null}
            </div>
          );
        })}
      </div>
      {preview.sheetUnit ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
          表格上方注明了“单位：{UNIT_LABEL[preview.sheetUnit]}”，表头没有写单位的金额列按
          {UNIT_LABEL[preview.sheetUnit]}读取。
        </Typography.Paragraph>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {HINT}
      </Typography.Text>
    </Card>
  );
}
