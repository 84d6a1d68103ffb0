import {
  CheckCircleOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import {
  type ColumnMapping,
  IMPORT_MAX_FILE_BYTES,
  type ImportCommitResult,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportProgress,
} from '@shared/contract/data';
import { ApiError } from '@shared/contract/define';
import { UNIT_LABEL, UNITS, type Unit } from '@shared/money';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Empty,
  InputNumber,
  Progress,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, openFile, saveFile } from '../../api';
import { navigate, useRoute } from '../../lib/router';
import { fmtBytes, fromBase64, LEDGER_CHOICES, type LedgerChoice, toBase64 } from './files';
import './data.css';
import { readOnlyTip, useReadOnly } from '../../lib/readOnly';

interface PickedFile {
  name: string;
  size: number;
  b64: string;
}

type Busy = 'preview' | 'commit' | null;

const STATUS: Record<ImportPreviewRow['status'], { color: string; label: string }> = {
  ok: { color: 'green', label: '可导入' },
  error: { color: 'red', label: '有错误' },
  duplicate: { color: 'orange', label: '重复' },
  skipped: { color: 'default', label: '跳过' },
};

const SOURCE_LABEL: Record<ImportPreview['mappingSource'], string> = {
  auto: '按表头自动识别',
  remembered: '沿用上次保存的列对应',
  manual: '已手动调整',
};

const HINT =
  '带 * 的是必填字段。金额列的单位按表头（如“金额（万元）”）识别；单元格自带单位时（如“1.5亿”）以单元格为准。导入成功后，同样表头的文件下次会自动沿用这里的对应。';

function choiceOf(key: string | null): LedgerChoice {
  return LEDGER_CHOICES.find((c) => c.key === key) ?? LEDGER_CHOICES[1]!;
}

/** 导入台账: choose a ledger and a file, map columns, preview every row with its problems, import all or nothing. */
export function ImportPage() {
  const { params } = useRoute();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const readOnly = useReadOnly();
  const [choice, setChoice] = useState<LedgerChoice>(() => choiceOf(params.get('ledger')));
  const [templateUnit, setTemplateUnit] = useState<Unit>('wan');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [kindDefault, setKindDefault] = useState<string | null>(null);
  const [createMissing, setCreateMissing] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [duplicates, setDuplicates] = useState<'skip' | 'import'>('skip');
  const [filter, setFilter] = useState<'all' | 'problems' | 'ok'>('all');
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const request = useRef(0);

  const fundKind = choice.kind ?? null;
  const defaults = useMemo(() => {
    const kind = kindDefault ?? fundKind;
    return choice.ledger === 'fund' && kind ? [{ field: 'kind', value: kind }] : [];
  }, [choice, kindDefault, fundKind]);

  const baseInput = useCallback(
    (f: PickedFile) => ({
      ledger: choice.ledger,
      fileName: f.name,
      bytes: f.b64,
      ...(sheet ? { sheet } : {}),
      ...(headerRow ? { headerRow } : {}),
      ...(mapping ? { mapping } : {}),
      ...(defaults.length ? { defaults } : {}),
      createMissing,
    }),
    [choice, sheet, headerRow, mapping, defaults, createMissing],
  );

  // Check the file again whenever what it is read as changes.
  useEffect(() => {
    if (!file) return;
    const id = ++request.current;
    setBusy('preview');
    setError(null);
    setResult(null);
    api('import.preview', baseInput(file))
      .then((p) => {
        if (id !== request.current) return;
        setPreview(p);
      })
      .catch((e: unknown) => {
        if (id !== request.current) return;
        setPreview(null);
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
      })
      .finally(() => {
        if (id === request.current) setBusy(null);
      });
  }, [file, baseInput]);

  // Progress of a long preview or import.
  useEffect(() => {
    if (!busy) {
      setProgress(null);
      return;
    }
    const timer = window.setInterval(() => {
      api('import.progress')
        .then((p) => setProgress(p))
        .catch(() => {});
    }, 300);
    return () => window.clearInterval(timer);
  }, [busy]);

  const pickLedger = (key: string) => {
    setChoice(choiceOf(key));
    setMapping(undefined);
    setKindDefault(null);
    setResult(null);
  };

  const pickFile = async () => {
    const f = await openFile(['xlsx', 'csv', 'txt']);
    if (!f) return;
    if (f.data.length > IMPORT_MAX_FILE_BYTES) {
      message.error(`文件有 ${fmtBytes(f.data.length)}，超过导入上限 50 MB；请拆分为多个文件后分别导入`);
      return;
    }
    setSheet(null);
    setHeaderRow(undefined);
    setMapping(undefined);
    setPreview(null);
    setFile({ name: f.name, size: f.data.length, b64: toBase64(f.data) });
  };

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

  const setColumn = (column: number, field: string | null, unit?: Unit | null) => {
    if (!preview) return;
    const base = mapping ?? preview.mapping;
    const next = base.map((m) => {
      if (m.column === column) {
        const spec = preview.fields.find((f) => f.field === field);
        const u = spec?.kind === 'money' ? (unit ?? m.unit ?? preview.sheetUnit ?? 'yuan') : null;
        return { column, field, unit: u };
      }
      // A field maps from one column: taking it elsewhere frees it here.
      if (field && m.field === field) return { ...m, field: null, unit: null };
      return m;
    });
    setMapping(next);
  };

  const commit = async () => {
    if (!file || !preview) return;
    const id = ++request.current;
    setBusy('commit');
    setError(null);
    try {
      const r = await api('import.commit', {
        ...baseInput(file),
        mapping: mapping ?? preview.mapping,
        duplicates: preview.counts.duplicate > 0 ? duplicates : 'refuse',
        remember: true,
      });
      if (id !== request.current) return;
      setBusy(null);
      setResult(r);
      setPreview(null);
      setFile(null);
      setMapping(undefined);
      void qc.invalidateQueries();
      message.success(`已导入 ${r.created.toLocaleString('zh-CN')} 条${choice.label}`);
    } catch (e) {
      if (id === request.current) {
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));
      }
    } finally {
      if (id === request.current) setBusy(null);
    }
  };

  const counts = preview?.counts;
  const importable = counts ? counts.ok + (duplicates === 'import' ? counts.duplicate : 0) : 0;
  const hardDuplicates = preview?.rows.some((r) => r.hardDuplicate) ?? false;
  const blocked = readOnly
    ? readOnlyTip(readOnly)
    : !preview
      ? '请先选择文件'
      : preview.missingRequired.length > 0
        ? `缺少必填列：${preview.missingRequired.join('、')}`
        : counts!.error > 0
          ? `有 ${counts!.error.toLocaleString('zh-CN')} 行有错误，请修改文件后重新选择`
          : duplicates === 'import' && hardDuplicates
            ? '有重复的行与已有记录的统一社会信用代码、名称或估值日相同，不能仍然导入'
            : importable === 0
              ? '没有可导入的行'
              : null;

  return (
    <div className="fd-import" data-testid="import-page">
      <Card size="small" className="fd-import-card" title="① 选择台账与文件">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <Typography.Text strong>导入到</Typography.Text>
            <Segmented
              data-testid="ledger-picker"
              value={choice.key}
              onChange={(v) => pickLedger(String(v))}
              options={LEDGER_CHOICES.map((c) => ({ value: c.key, label: c.label }))}
            />
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            建议按顺序导入：基金管理人 → 子基金/直投基金 → 企业、投资机构 →
            现金流、估值、投资、落地项目、融资对接（后面的台账按名称引用前面的记录）。
          </Typography.Text>
          <div className="fd-import-row">
            <Space wrap size={8}>
              <Button
                type="primary"
                icon={<CloudUploadOutlined />}
                onClick={() => void pickFile()}
                disabled={busy === 'commit'}
                data-testid="pick-file"
              >
                选择文件（.xlsx / .csv）
              </Button>
              {file ? (
                <Typography.Text data-testid="file-name">
                  <FileExcelOutlined /> {file.name}（{fmtBytes(file.size)}
                  {preview
                    ? `，${preview.format === 'xlsx' ? 'Excel 工作簿' : `CSV，${preview.encoding}`}`
                    : ''}
                  ）
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">
                  支持 Excel、WPS 保存的 .xlsx 和 CSV（UTF-8 或 GBK），最大 50 MB
                </Typography.Text>
              )}
            </Space>
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
          </div>
          {file && preview ? (
            <Space wrap size={16}>
              {preview.sheets.length > 1 ? (
                <Space size={6}>
                  <Typography.Text>工作表</Typography.Text>
                  <Select
                    data-testid="sheet-picker"
                    style={{ minWidth: 160 }}
                    value={preview.sheet ?? undefined}
                    onChange={(v) => {
                      setSheet(v);
                      setHeaderRow(undefined);
                      setMapping(undefined);
                    }}
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
                    if (typeof v === 'number' && v >= 1) {
                      setHeaderRow(v);
                      setMapping(undefined);
                    }
                  }}
                  style={{ width: 70 }}
                  data-testid="header-row"
                />
                <Typography.Text>行</Typography.Text>
              </Space>
              {choice.creates ? (
                <Checkbox
                  checked={createMissing}
                  onChange={(e) => setCreateMissing(e.target.checked)}
                  data-testid="create-missing"
                >
                  自动新增系统中没有的{choice.creates}（仅名称）
                </Checkbox>
              ) : null}
              <Button
                size="small"
                icon={<ReloadOutlined />}
                onClick={() => setFile((f) => (f ? { ...f } : f))}
              >
                重新检查
              </Button>
            </Space>
          ) : null}
        </Space>
      </Card>

      {busy === 'preview' ? (
        <Card size="small" className="fd-import-card" data-testid="import-progress">
          <ProgressLine busy={busy} progress={progress} />
        </Card>
      ) : null}

      {error ? (
        <Alert
          className="fd-import-card"
          type="error"
          showIcon
          data-testid="import-error"
          title={error.message}
          description={
            error.issues.length > 0 ? (
              <ul className="fd-import-issues">
                {error.issues.slice(0, 20).map((i) => (
                  <li key={`${i.row}-${i.field}-${i.message}`}>
                    {i.row ? `第 ${i.row} 行：` : ''}
                    {i.message}
                  </li>
                ))}
                {error.issues.length > 20 ? <li>…… 共 {error.issues.length} 处</li> : null}
              </ul>
            ) : undefined
          }
        />
      ) : null}

      {result ? (
        <Alert
          className="fd-import-card"
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          data-testid="import-result"
          title={`已导入 ${result.created.toLocaleString('zh-CN')} 条${choice.label}${result.createdLinked ? `，并新增 ${result.createdLinked} 条关联记录` : ''}`}
          description={
            <Space orientation="vertical" size={4}>
              <span>
                {result.skippedDuplicates ? `跳过重复 ${result.skippedDuplicates} 行；` : ''}
                {result.skippedRows ? `跳过合计/空白/说明行 ${result.skippedRows} 行；` : ''}
                {result.backupFile
                  ? `导入前已自动备份（${result.backupFile}），可在“备份与恢复”中找回导入前的数据。`
                  : ''}
              </span>
              <Button size="small" type="primary" onClick={() => navigate(choice.route)}>
                查看{choice.label}台账
              </Button>
            </Space>
          }
        />
      ) : null}

      {preview ? (
        <MappingCard
          preview={preview}
          onChange={setColumn}
          onForget={() => {
            void api('import.mappings', { remove: preview.layoutKey }).then(() => {
              setMapping(undefined);
              setFile((f) => (f ? { ...f } : f));
            });
          }}
          kindDefault={kindDefault ?? fundKind}
          onKindDefault={setKindDefault}
          ledgerIsFund={choice.ledger === 'fund'}
        />
      ) : null}

      {preview ? (
        <Card
          size="small"
          className="fd-import-card"
          title="③ 预览与检查"
          extra={
            <Segmented
              size="small"
              value={filter}
              onChange={(v) => setFilter(v as typeof filter)}
              options={[
                { value: 'all', label: '全部' },
                { value: 'problems', label: '有问题的行' },
                { value: 'ok', label: '可导入的行' },
              ]}
            />
          }
        >
          <Space wrap size={8} className="fd-import-counts" data-testid="import-counts">
            <Tag>共 {counts!.total.toLocaleString('zh-CN')} 行</Tag>
            <Tag color="green">可导入 {counts!.ok.toLocaleString('zh-CN')}</Tag>
            <Tag color={counts!.error ? 'red' : 'default'}>
              有错误 {counts!.error.toLocaleString('zh-CN')}
            </Tag>
            <Tag color={counts!.duplicate ? 'orange' : 'default'}>
              重复 {counts!.duplicate.toLocaleString('zh-CN')}
            </Tag>
            <Tag>跳过 {counts!.skipped.toLocaleString('zh-CN')}</Tag>
            {counts!.warning ? (
              <Tag color="blue">有提示 {counts!.warning.toLocaleString('zh-CN')}</Tag>
            ) : null}
            {preview.truncated ? (
              <Typography.Text type="secondary">
                （下表列出有问题的行和前面的行，共 {preview.rows.length} 行；计数包括全部行）
              </Typography.Text>
            ) : null}
          </Space>
          {preview.toCreate.length > 0 ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title={preview.toCreate
                .map(
                  (t) =>
                    `将新增${t.label} ${t.names.length} 个：${t.names.slice(0, 5).join('、')}${t.names.length > 5 ? ' 等' : ''}`,
                )
                .join('；')}
            />
          ) : null}
          <PreviewTable preview={preview} filter={filter} />
          {busy === 'commit' ? (
            <div className="fd-import-commit-progress" data-testid="import-progress">
              <ProgressLine busy={busy} progress={progress} />
              <Button
                size="small"
                onClick={() => void api('task.cancel', { channel: 'import.commit' }).catch(() => {})}
                data-testid="import-cancel"
              >
                取消导入
              </Button>
            </div>
          ) : null}
          <div className="fd-import-commit">
            {counts!.duplicate > 0 ? (
              <Space size={6}>
                <Typography.Text>重复的行：</Typography.Text>
                <Radio.Group
                  value={duplicates}
                  onChange={(e) => setDuplicates(e.target.value)}
                  options={[
                    { value: 'skip', label: '跳过（不导入）' },
                    { value: 'import', label: '仍然导入' },
                  ]}
                  data-testid="duplicate-policy"
                />
                <Typography.Text type="secondary" data-testid="duplicate-rule">
                  重复的行指与已有记录或文件中前面的行相同的行，默认跳过（命令行导入规则相同）
                </Typography.Text>
              </Space>
            ) : (
              <span />
            )}
            <Space size={12}>
              {blocked ? <Typography.Text type="danger">{blocked}</Typography.Text> : null}
              <Tooltip title="全部行检查通过后一次性写入；任何一行失败则全部不写入。写入前会自动备份。">
                <Button
                  type="primary"
                  size="large"
                  disabled={!!blocked || busy !== null}
                  loading={busy === 'commit'}
                  onClick={() => void commit()}
                  data-testid="commit-import"
                >
                  导入 {importable.toLocaleString('zh-CN')} 行
                </Button>
              </Tooltip>
            </Space>
          </div>
        </Card>
      ) : !file && !result ? (
        <Card size="small" className="fd-import-card">
          <Empty description="选择一个 Excel 或 CSV 文件，导入前会逐行检查并显示问题" />
        </Card>
      ) : null}
    </div>
  );
}

function ProgressLine(props: { busy: Busy; progress: ImportProgress | null }) {
  const { busy, progress } = props;
  const total = progress?.total ?? 0;
  return (
    <>
      <Typography.Text>
        {busy === 'commit' ? '正在导入（全部成功才会写入）' : '正在读取和检查文件'}
        {progress?.message ? `：${progress.message}` : '…'}
      </Typography.Text>
      <Progress
        percent={total > 0 ? Math.round(((progress?.done ?? 0) / total) * 100) : 0}
        status="active"
        format={() =>
          total > 0 ? `${(progress?.done ?? 0).toLocaleString()} / ${total.toLocaleString()}` : ''
        }
      />
    </>
  );
}

function MappingCard(props: {
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
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="missing-required"
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

function PreviewTable(props: { preview: ImportPreview; filter: 'all' | 'problems' | 'ok' }) {
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
