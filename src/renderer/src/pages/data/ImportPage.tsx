import { CloudUploadOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  type ColumnMapping,
  IMPORT_MAX_FILE_BYTES,
  type ImportCommitResult,
  type ImportPreview,
  type ImportProgress,
} from '@shared/contract/data';
import { ApiError } from '@shared/contract/define';
import type { Unit } from '@shared/money';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Radio,
  Segmented,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, openFile } from '../../api';
import { readOnlyTip, useReadOnly } from '../../lib/readOnly';
import { useRoute } from '../../lib/router';
import { fmtBytes, LEDGER_CHOICES, type LedgerChoice, toBase64 } from './files';
import { MappingCard } from './ImportMapping';
import { PreviewTable } from './ImportPreviewTable';
import { type Busy, ProgressLine } from './ImportProgressLine';
import { ImportReadOptions } from './ImportReadOptions';
import { ImportErrorAlert, ImportResultAlert } from './ImportResult';
import { ImportTemplateTools } from './ImportTemplateTools';
import { ImportUnitNotice } from './ImportUnits';
import './data.css';

interface PickedFile {
  name: string;
  size: number;
  b64: string;
}

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

  const commit = async (skipInvalid = false) => {
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
        skipInvalid,
      });
      if (id !== request.current) return;
      setBusy(null);
      setResult(r);
      setPreview(null);
      setFile(null);
      setMapping(undefined);
      void qc.invalidateQueries();
      const refused = r.rejectedRows ? `，未导入 ${r.rejectedRows.toLocaleString('zh-CN')} 行` : '';
      message.success(`已导入 ${r.created.toLocaleString('zh-CN')} 条${choice.label}${refused}`);
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
  // 仅导入有效行: offered when error rows are all that stop the import.
  const skippable =
    !readOnly && !!preview && preview.missingRequired.length === 0 && counts!.error > 0 && importable > 0;
  const blocked = readOnly
    ? readOnlyTip(readOnly)
    : !preview
      ? '请先选择文件'
      : preview.missingRequired.length > 0
        ? `缺少必填列：${preview.missingRequired.join('、')}`
        : counts!.error > 0
          ? `有 ${counts!.error.toLocaleString('zh-CN')} 行有错误，请修改文件后重新选择，或仅导入有效行`
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
            <ImportTemplateTools choice={choice} />
          </div>
          {file && preview ? (
            <ImportReadOptions
              preview={preview}
              choice={choice}
              createMissing={createMissing}
              onSheet={(v) => {
                setSheet(v);
                setHeaderRow(undefined);
                setMapping(undefined);
              }}
              onHeaderRow={(v) => {
                setHeaderRow(v);
                setMapping(undefined);
              }}
              onCreateMissing={setCreateMissing}
              onRecheck={() => setFile((f) => (f ? { ...f } : f))}
            />
          ) : null}
        </Space>
      </Card>

      {busy === 'preview' ? (
        <Card size="small" className="fd-import-card" data-testid="import-progress">
          <ProgressLine busy={busy} progress={progress} />
        </Card>
      ) : null}

      {error ? <ImportErrorAlert error={error} /> : null}

      {result ? <ImportResultAlert result={result} choice={choice} /> : null}

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
          <ImportUnitNotice preview={preview} />
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
              {skippable ? (
                <Tooltip title="只写入检查通过的行；有错误的行不导入，导入后可下载这些行（含错误原因）修改后再导入。写入前会自动备份。">
                  <Button
                    size="large"
                    disabled={busy !== null}
                    loading={busy === 'commit'}
                    onClick={() => void commit(true)}
                    data-testid="commit-valid"
                  >
                    仅导入有效行（{importable.toLocaleString('zh-CN')} 行）
                  </Button>
                </Tooltip>
              ) : null}
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
