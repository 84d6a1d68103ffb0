import { CloudUploadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { IMPORT_MAX_FILE_BYTES } from '@shared/contract/data';
import { ApiError } from '@shared/contract/define';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Empty, Radio, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { api, openFile } from '../../api';
import { Notice } from '../../components/Notice';
import { readOnlyTip, useReadOnly } from '../../lib/readOnly';
import { useRoute } from '../../lib/router';
import { fmtBytes, LEDGER_CHOICES, toBase64 } from './files';
import { MappingCard } from './ImportMapping';
import { PreviewTable } from './ImportPreviewTable';
import { ProgressLine } from './ImportProgressLine';
import { ImportReadOptions } from './ImportReadOptions';
import { ImportErrorAlert, ImportResultAlert } from './ImportResult';
import { ImportTemplateTools } from './ImportTemplateTools';
import { ImportUnitNotice } from './ImportUnits';
import { commitGate, importReducer, initialImportState, readInput } from './importState';
import './data.css';

const asApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });

/**
 * 导入台账: choose a ledger and a file, map columns, preview every row with its problems, import all (or only
 * the valid rows). The steps' state lives in importState.ts; this page renders it and runs the requests.
 */
export function ImportPage() {
  const { params } = useRoute();
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const readOnly = useReadOnly();
  const [state, dispatch] = useReducer(importReducer, params.get('ledger'), initialImportState);
  const { choice, file, preview, busy, progress, error, result, duplicates, filter } = state;
  /** An import that is writing can no longer be cancelled (one synchronous transaction). */
  const writing = progress?.phase === 'write';
  const request = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: what the file is read as, not the whole state
  const input = useMemo(
    () => readInput(state),
    [
      state.file,
      state.choice,
      state.sheet,
      state.headerRow,
      state.mapping,
      state.kindDefault,
      state.createMissing,
    ],
  );

  // Check the file again whenever what it is read as changes.
  useEffect(() => {
    if (!input) return;
    const id = ++request.current;
    dispatch({ type: 'previewStarted', id });
    api('import.preview', input)
      .then((p) => dispatch({ type: 'previewDone', id, preview: p }))
      .catch((e: unknown) => dispatch({ type: 'failed', id, error: asApiError(e) }));
  }, [input]);

  // Progress of a long preview or import.
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(() => {
      api('import.progress')
        .then((p) => dispatch({ type: 'progress', value: p }))
        .catch(() => {});
    }, 300);
    return () => window.clearInterval(timer);
  }, [busy]);

  const pickFile = async () => {
    const f = await openFile(['xlsx', 'csv', 'txt']);
    if (!f) return;
    if (f.data.length > IMPORT_MAX_FILE_BYTES) {
      message.error(`文件有 ${fmtBytes(f.data.length)}，超过导入上限 50 MB；请拆分为多个文件后分别导入`);
      return;
    }
    dispatch({ type: 'file', file: { name: f.name, size: f.data.length, b64: toBase64(f.data) } });
  };

  const commit = async (skipInvalid = false) => {
    if (!input || !preview) return;
    const id = ++request.current;
    dispatch({ type: 'commitStarted', id });
    try {
      const r = await api('import.commit', {
        ...input,
        mapping: state.mapping ?? preview.mapping,
        duplicates: preview.counts.duplicate > 0 ? duplicates : 'refuse',
        remember: true,
        skipInvalid,
      });
      dispatch({ type: 'commitDone', id, result: r });
      if (id !== request.current) return;
      void qc.invalidateQueries();
      const refused = r.rejectedRows ? `，未导入 ${r.rejectedRows.toLocaleString('zh-CN')} 行` : '';
      message.success(`已导入 ${r.created.toLocaleString('zh-CN')} 条${choice.label}${refused}`);
    } catch (e) {
      dispatch({ type: 'failed', id, error: asApiError(e) });
    }
  };

  const counts = preview?.counts;
  const { importable, skippable, blocked } = commitGate(state, readOnly ? readOnlyTip(readOnly) : null);

  return (
    <div className="fd-import" data-testid="import-page">
      <Card size="small" className="fd-import-card" title="① 选择台账与文件">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap size={8}>
            <Typography.Text strong>导入到</Typography.Text>
            <Segmented
              data-testid="ledger-picker"
              value={choice.key}
              onChange={(v) => dispatch({ type: 'ledger', key: String(v) })}
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
              createMissing={state.createMissing}
              onSheet={(v) => dispatch({ type: 'sheet', sheet: v })}
              onHeaderRow={(v) => dispatch({ type: 'headerRow', row: v })}
              onCreateMissing={(v) => dispatch({ type: 'createMissing', value: v })}
              onRecheck={() => dispatch({ type: 'recheck' })}
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
          onChange={(column, field, unit) => dispatch({ type: 'column', column, field, unit })}
          onForget={() => {
            void api('import.mappings', { remove: preview.layoutKey }).then(() =>
              dispatch({ type: 'forgetMapping' }),
            );
          }}
          kindDefault={state.kindDefault ?? choice.kind ?? null}
          onKindDefault={(v) => dispatch({ type: 'kindDefault', value: v })}
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
              onChange={(v) => dispatch({ type: 'filter', value: v as typeof filter })}
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
            <Notice
              type="info"
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
                disabled={writing}
                title={
                  writing
                    ? '正在写入数据库：写入是一个事务，要么全部写入、要么全部不写，此时已不能取消'
                    : undefined
                }
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
                  onChange={(e) => dispatch({ type: 'duplicates', value: e.target.value })}
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
