import { ArrowLeftOutlined } from '@ant-design/icons';
import { formatCell } from '@shared/columns/convert';
import type { ColumnSpec } from '@shared/columns/spec';
import type { LedgerRow } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import { formatMoney, UNIT_LABEL, type Unit } from '@shared/money';
import { type UseQueryResult, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Result, Space, Spin, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { rowsQuery } from '../../grid/ledgerRows';
import { navigate, useRoute } from '../../lib/router';

/**
 * The rows of a ledger, optionally only those linked to one record: the grids' own query (ledgerRows.ts), so a
 * grid opened on the same rows finds them, with the ledger's size, in the cache.
 */
export function useLedgerRows(entity: Entity, where?: Record<string, number>) {
  const qc = useQueryClient();
  return useQuery(rowsQuery(qc, entity, where)) as UseQueryResult<LedgerRow[]>;
}

/** The ?id= of a detail route. */
export function useDetailId(): number | null {
  const { params } = useRoute();
  const id = Number(params.get('id'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** A ledger's columns without the one that names the record the detail view is about. */
export function without(cols: ColumnSpec[], field: string, firstWidth = 140): ColumnSpec[] {
  const rest = cols.filter((c) => c.field !== field);
  return rest.map((c, i) => (i === 0 ? { ...c, width: Math.max(c.width ?? 0, firstWidth) } : c));
}

export function sumFen(rows: readonly LedgerRow[], field: string, pred?: (r: LedgerRow) => boolean): number {
  let s = 0;
  for (const r of rows) {
    const v = r[field];
    if (typeof v === 'number' && (!pred || pred(r))) s += v;
  }
  return s;
}

export function pct(x: number | null | undefined, digits = 1): string {
  return x == null || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)}%`;
}

export function times(x: number | null | undefined): string {
  return x == null || !Number.isFinite(x) ? '—' : `${x.toFixed(2)}倍`;
}

/** A headline figure: label, value, and an optional note under it. */
export interface Kpi {
  label: string;
  value: string;
  note?: string | undefined;
  tip?: string | undefined;
  testid?: string;
}

export function KpiStrip({ items }: { items: Kpi[] }) {
  return (
    <div className="fd-kpis">
      {items.map((k) => (
        <div className="fd-kpi" key={k.label} data-testid={k.testid}>
          <div className="fd-kpi-label">{k.label}</div>
          <Tooltip title={k.tip}>
            <div className="fd-kpi-value">{k.value}</div>
          </Tooltip>
          {k.note ? <div className="fd-kpi-note">{k.note}</div> : null}
        </div>
      ))}
    </div>
  );
}

export function money(fen: number | null | undefined, unit: Unit) {
  return fen == null ? '—' : `${formatMoney(fen, unit)} ${UNIT_LABEL[unit]}`;
}

/** The record's own fields, labelled by its column specs. */
export function FieldList(props: { row: LedgerRow; specs: ColumnSpec[]; unit: Unit; skip?: string[] }) {
  const items = props.specs
    .filter((s) => !props.skip?.includes(s.field))
    .map((s) => {
      const text = formatCell(s, props.row[s.field], props.unit, props.row);
      return {
        key: s.field,
        label: s.kind === 'money' ? `${s.header}（${UNIT_LABEL[props.unit]}）` : s.header,
        children: text === '' ? <Typography.Text type="secondary">—</Typography.Text> : text,
        span: s.kind === 'text' && s.multiline ? 2 : 1,
      };
    });
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}

/** Back link, title and tags of a detail view. */
export function DetailTitle(props: {
  back: { label: string; path: string };
  title: string;
  tags?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <div className="fd-detail-title">
      <Space size={12} wrap>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => (window.history.length > 1 ? window.history.back() : navigate(props.back.path))}
        >
          返回
        </Button>
        <Typography.Link onClick={() => navigate(props.back.path)}>{props.back.label}</Typography.Link>
        <span className="fd-detail-sep">/</span>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="detail-title">
          {props.title}
        </Typography.Title>
        {props.tags}
      </Space>
      <Space wrap>{props.extra}</Space>
    </div>
  );
}

export function DetailState(props: { loading: boolean; error: unknown; what: string }) {
  if (props.loading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const msg = props.error instanceof Error ? props.error.message : `找不到该${props.what}`;
  return (
    <Result
      status="warning"
      title={msg}
      extra={<Button onClick={() => window.history.back()}>返回</Button>}
    />
  );
}
