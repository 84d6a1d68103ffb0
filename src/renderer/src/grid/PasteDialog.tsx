import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { formatCell, headerWithUnit, resolveByName } from '@shared/columns/convert';
import { convertRows, mapColumns, parseTsv, unitNote } from '@shared/columns/paste';
import type { ColumnSpec } from '@shared/columns/spec';
import { ApiError } from '@shared/contract/define';
import type { LinkEntity } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import { UNIT_LABEL, type Unit } from '@shared/money';
import {
  Alert,
  App as AntApp,
  Button,
  Input,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import type { Options } from './colDefs';

type Issue = { field: string | null; message: string };
interface PreviewRow {
  key: number;
  row: number;
  raw: string[];
  values: Record<string, unknown>;
  issues: Issue[];
  /** null while the database has not answered yet. */
  ok: boolean | null;
}

export interface PasteDialogProps {
  open: boolean;
  /** What was on the clipboard when the dialog was opened with Ctrl+V. */
  initialText: string;
  entity: Entity;
  noun: string;
  columns: ColumnSpec[];
  /** The columns the grid shows, in order: pasted text without a header row maps onto these. */
  visibleOrder: ColumnSpec[];
  unit: Unit;
  options: Options;
  defaults?: Record<string, unknown> | undefined;
  onClose: () => void;
  onAdded: (ids: number[]) => void;
}

/**
 * 粘贴导入: rows copied from Excel or WPS, shown as what would be added, with the rows that would be refused
 * and why (checked by the database, duplicates included), then added all together.
 */
export function PasteDialog(props: PasteDialogProps) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState(props.initialText);
  const [checks, setChecks] = useState<Map<number, Issue[]> | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [onlyBad, setOnlyBad] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    if (props.open) {
      setText(props.initialText);
      setOnlyBad(false);
      setSaveError(null);
    }
  }, [props.open, props.initialText]);

  const { mapping, items, dataRows } = useMemo(() => {
    const rows = parseTsv(text);
    const mapping = mapColumns(rows, props.columns, props.visibleOrder);
    const resolver = (e: LinkEntity, t: string) => resolveByName(e, props.options[e] ?? [], t);
    const items = convertRows(rows, mapping, props.unit, resolver);
    return { mapping, items, dataRows: mapping.hasHeader ? rows.slice(1) : rows };
  }, [text, props.columns, props.visibleOrder, props.unit, props.options]);

  // Ask the database about every row that converted cleanly (field rules, duplicates, links, 返投).
  const toCheck = useMemo(
    () => items.filter((i) => i.issues.length === 0).map((i) => ({ row: i.row, values: i.values })),
    [items],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: defaults are constant per grid
  useEffect(() => {
    if (!props.open) return;
    const mine = ++seq.current;
    setChecks(null);
    setCheckError(null);
    if (toCheck.length === 0) {
      setChecks(new Map());
      return;
    }
    api('ledger.checkMany', {
      entity: props.entity,
      rows: toCheck.map((r) => ({ ...r.values, ...props.defaults })),
    })
      .then((res) => {
        if (mine !== seq.current) return;
        const m = new Map<number, Issue[]>();
        res.forEach((r, k) => {
          m.set(toCheck[k]!.row, r.issues);
        });
        setChecks(m);
      })
      .catch((e: Error) => mine === seq.current && setCheckError(e.message));
  }, [toCheck, props.open, props.entity]);

  const preview: PreviewRow[] = items.map((i) => {
    const server = checks?.get(i.row) ?? [];
    const issues = [...i.issues, ...server];
    const ok = issues.length > 0 ? false : checks ? true : null;
    return { key: i.row, row: i.row, raw: dataRows[i.row - 1] ?? [], values: i.values, issues, ok };
  });
  const good = preview.filter((p) => p.ok === true);
  const bad = preview.filter((p) => p.ok === false);
  const checking = checks === null && !checkError && preview.length > 0;
  const used = mapping.columns.filter((c) => c.spec && !c.ignored);
  const ignored = mapping.columns.filter((c) => c.ignored && (c.spec || mapping.hasHeader));

  const headerOf = (field: string | null) =>
    field ? (props.columns.find((c) => c.field === field)?.header ?? null) : null;

  const tableColumns: ColumnsType<PreviewRow> = [
    {
      title: '行',
      dataIndex: 'row',
      width: 56,
      fixed: 'left',
      render: (n: number, r) => (
        <Space size={4}>
          {r.ok === false ? (
            <CloseCircleFilled style={{ color: '#cf1322' }} />
          ) : r.ok ? (
            <CheckCircleFilled style={{ color: '#389e0d' }} />
          ) : null}
          {n}
        </Space>
      ),
    },
    ...used.map((c) => {
      const spec = c.spec!;
      return {
        title: headerWithUnit(spec, UNIT_LABEL[props.unit]),
        key: spec.field,
        width: Math.min(Math.max(spec.width ?? 120, 100), 240),
        align: (spec.kind === 'money' || spec.kind === 'number' || spec.kind === 'ratio'
          ? 'right'
          : 'left') as 'right' | 'left',
        ellipsis: true,
        render: (_: unknown, r: PreviewRow) => {
          const issue = r.issues.find((i) => i.field === spec.field);
          if (issue) {
            return (
              <Tooltip title={issue.message}>
                <span className="fd-paste-bad-cell">{r.raw[c.index] || '（空）'}</span>
              </Tooltip>
            );
          }
          const v = r.values[spec.field];
          if (spec.kind === 'link' && typeof v === 'number') {
            return (props.options[spec.link] ?? []).find((o) => o.id === v)?.name ?? String(v);
          }
          return formatCell(spec, v, props.unit);
        },
      };
    }),
    {
      title: '检查结果',
      key: 'result',
      width: 320,
      fixed: 'right',
      render: (_: unknown, r: PreviewRow) =>
        r.ok === null ? (
          <Typography.Text type="secondary">检查中…</Typography.Text>
        ) : r.ok ? (
          <Typography.Text type="success">可添加</Typography.Text>
        ) : (
          <div className="fd-paste-reasons" data-testid={`paste-reason-${r.row}`}>
            {r.issues.map((i) => {
              const h = headerOf(i.field);
              const msg = h && !i.message.includes(h) ? `${h}：${i.message}` : i.message;
              return <div key={`${i.field}:${i.message}`}>{msg}</div>;
            })}
          </div>
        ),
    },
  ];

  const tableWidth = tableColumns.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 120), 0);

  async function commit(onlyValid: boolean) {
    const send = (onlyValid ? good : preview).map((p) => ({ ...p.values, ...props.defaults }));
    if (send.length === 0) return;
    setSaving(true);
    setSaveError(null);
    try {
      const r = await api('ledger.createMany', { entity: props.entity, rows: send });
      message.success(`已添加 ${r.created} 行${props.noun}，可按 Ctrl+Z 撤销`);
      props.onAdded(r.ids);
      props.onClose();
    } catch (e) {
      const detail =
        e instanceof ApiError && e.issues.length > 0
          ? `：${e.issues
              .slice(0, 3)
              .map((i) => i.message)
              .join('；')}`
          : '';
      setSaveError(`${(e as Error).message}${detail}`);
    } finally {
      setSaving(false);
    }
  }

  const footer = (
    <Space wrap>
      <Button onClick={props.onClose}>取消</Button>
      {bad.length > 0 ? (
        <>
          <Tooltip title="添加是全部或全不：只要有一行有误，整批都不会写入">
            <Button disabled data-testid="paste-add-all">
              添加全部 {preview.length} 行（{bad.length} 行有误，会使整批被拒绝）
            </Button>
          </Tooltip>
          <Button
            type="primary"
            disabled={good.length === 0 || checking}
            loading={saving}
            onClick={() => void commit(true)}
            data-testid="paste-add-valid"
          >
            只添加有效的 {good.length} 行
          </Button>
        </>
      ) : (
        <Button
          type="primary"
          disabled={preview.length === 0 || checking || Boolean(checkError)}
          loading={saving}
          onClick={() => void commit(false)}
          data-testid="paste-add-all"
        >
          添加 {preview.length} 行
        </Button>
      )}
    </Space>
  );

  const note = unitNote(mapping, props.unit);
  return (
    <Modal
      open={props.open}
      title={`粘贴导入${props.noun}`}
      width="min(1280px, 94vw)"
      onCancel={props.onClose}
      footer={footer}
      destroyOnHidden
      style={{ top: 24 }}
      className="fd-paste-dialog"
    >
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          从 Excel、WPS
          复制若干行后粘贴到下面（Ctrl+V）。可以带表头（中文列名，金额列可注明单位，如“认缴规模（万元）”），
          也可以不带表头，此时按表格当前显示的列顺序对应。金额可写“1.5亿”“3000万”“12,345.67”。
        </Typography.Text>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 3, maxRows: preview.length > 0 ? 4 : 8 }}
          placeholder="在此粘贴（Ctrl+V）从 Excel 或 WPS 复制的行"
          data-testid="paste-text"
          className="fd-paste-text"
        />
        {preview.length > 0 ? (
          <div className="fd-paste-mapping" data-testid="paste-mapping">
            <Typography.Text strong>
              {mapping.hasHeader ? '已识别表头，按列名对应：' : '未识别到表头，按表格当前的列顺序对应：'}
            </Typography.Text>
            {used.map((c) => (
              <Tag key={c.index} color="blue">
                {mapping.hasHeader ? c.source : `第 ${c.index + 1} 列`} → {c.spec!.header}
                {c.unit ? `（${UNIT_LABEL[c.unit]}）` : ''}
              </Tag>
            ))}
            {ignored.map((c) => (
              <Tooltip key={c.index} title={c.ignored}>
                <Tag>{c.source}：不导入</Tag>
              </Tooltip>
            ))}
          </div>
        ) : null}
        {note && preview.length > 0 ? (
          <Alert type="info" showIcon title={note} data-testid="paste-unit-note" />
        ) : null}
        {mapping.missing.length > 0 && preview.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={`粘贴的内容缺少必填列：${mapping.missing.map((m) => m.header).join('、')}`}
          />
        ) : null}
        {checkError ? <Alert type="error" showIcon title={`检查失败：${checkError}`} /> : null}
        {saveError ? (
          <Alert type="error" showIcon title={`未添加：${saveError}`} data-testid="paste-error" />
        ) : null}
        {preview.length > 0 ? (
          <Space wrap size={16}>
            <Typography.Text data-testid="paste-summary">
              共 {preview.length} 行：
              {checking ? (
                '正在检查…'
              ) : (
                <>
                  <Typography.Text type="success">{good.length} 行可添加</Typography.Text>
                  {bad.length > 0 ? (
                    <>
                      ，<Typography.Text type="danger">{bad.length} 行有误</Typography.Text>
                    </>
                  ) : null}
                </>
              )}
            </Typography.Text>
            {bad.length > 0 ? (
              <Space size={6}>
                <Switch size="small" checked={onlyBad} onChange={setOnlyBad} data-testid="paste-only-bad" />
                <span>只看有误的行</span>
              </Space>
            ) : null}
          </Space>
        ) : null}
        {preview.length > 0 ? (
          <Table<PreviewRow>
            size="small"
            bordered
            columns={tableColumns}
            dataSource={onlyBad ? bad : preview}
            pagination={false}
            virtual
            scroll={{ x: tableWidth, y: Math.max(160, Math.min(420, window.innerHeight - 560)) }}
            rowClassName={(r) => (r.ok === false ? 'fd-paste-bad' : '')}
            data-testid="paste-preview"
          />
        ) : null}
      </Space>
    </Modal>
  );
}
