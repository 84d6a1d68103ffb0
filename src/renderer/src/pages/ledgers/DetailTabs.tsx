import type { ColumnSpec } from '@shared/columns/spec';
import type { LedgerRow } from '@shared/contract/ledger';
import type { Entity } from '@shared/domain';
import type { Unit } from '@shared/money';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, type TabsProps, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { api } from '../../api';
import { LedgerGrid } from '../../grid/LedgerGrid';
import type { DetailEntity } from '../../grid/LinkCell';
import { useGridLayout } from '../../grid/useGridLayout';
import { RecordHistory } from './AuditParts';
import { FieldList, useDetailId } from './DetailParts';
import { LEDGER_OF } from './paths';
import { LEDGER_VIEW } from './views';

type TabItem = NonNullable<TabsProps['items']>[number];
type Linked = Exclude<Entity, 'fund'>;

/**
 * What a detail view (基金详情, 企业详情) is about: the record of its ?id=, its remembered unit, and the
 * filter that picks the rows of other ledgers linked to it (fund_id / enterprise_id).
 */
export function useDetailRecord(entity: DetailEntity, defaultUnit: Unit) {
  const id = useDetailId();
  const layout = useGridLayout(`${entity}-detail`, defaultUnit);
  const where = useMemo(() => ({ [`${entity}_id`]: id ?? 0 }), [entity, id]);
  const record = useQuery({
    queryKey: ['ledger', entity, 'one', id],
    queryFn: () => api('ledger.get', { entity, id: id! }),
    enabled: id != null,
  });
  return { entity, id, layout, unit: layout.unit, where, record };
}

type Detail = ReturnType<typeof useDetailRecord>;

/** A tab's label with its row count: 投资（12）. */
const counted = (label: string, n: number | undefined) => (n == null ? label : `${label}（${n}）`);

/** A tab listing one ledger's rows linked to the record, in that ledger's grid (views.ts). */
export function ledgerTab(
  d: Detail,
  key: string,
  label: string,
  entity: Linked,
  columns: ColumnSpec[],
  n: number | undefined,
): TabItem {
  const { noun, unitWord, totalsExtra } = LEDGER_VIEW[entity];
  const slug = Object.keys(LEDGER_OF)
    .find((p) => LEDGER_OF[p] === entity)!
    .slice(1);
  return {
    key,
    label: counted(label, n),
    children: (
      <LedgerGrid
        gridId={`${d.entity}-detail-${slug}`}
        entity={entity}
        noun={noun}
        unitWord={unitWord}
        columns={columns}
        totalsExtra={totalsExtra}
        unit={d.unit}
        where={d.where}
        defaults={d.where}
        height="max(320px, calc(100vh - 350px))"
      />
    ),
  };
}

/** The 返投认定 tab: what it says about the recognitions, then their table. */
export function reinvestTab(n: number, intro: ReactNode, table: ReactNode): TabItem {
  return {
    key: 'reinvest',
    label: counted('返投认定', n),
    children: (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{intro}</Typography.Text>
        {table}
      </Space>
    ),
  };
}

/** The tabs every detail view ends with: the record's own fields, and its change history. */
export function recordTabs(d: Detail, row: LedgerRow, specs: ColumnSpec[]): TabItem[] {
  return [
    {
      key: 'info',
      label: '基本信息',
      children: (
        <Card size="small">
          <FieldList row={row} specs={specs} unit={d.unit} skip={['name']} />
        </Card>
      ),
    },
    { key: 'history', label: '修改记录', children: <RecordHistory entity={d.entity} id={d.id!} /> },
  ];
}
