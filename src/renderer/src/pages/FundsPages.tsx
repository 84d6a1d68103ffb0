import { DIRECT_FUND_COLUMNS, SUB_FUND_COLUMNS } from '@shared/columns/ledgers';
import type { FundKind } from '@shared/domain';
import { LedgerGrid } from '../grid/LedgerGrid';

/** The funds ledger in two pages, one per kind: each shows and adds funds of its kind only. */
const PAGE = {
  sub: { gridId: 'sub-funds', noun: '子基金', columns: SUB_FUND_COLUMNS, where: { kind: 'sub' } },
  direct: {
    gridId: 'direct-funds',
    noun: '直投基金',
    columns: DIRECT_FUND_COLUMNS,
    where: { kind: 'direct' },
  },
} as const satisfies Record<FundKind, object>;

function FundsPage({ kind }: { kind: FundKind }) {
  const p = PAGE[kind];
  return (
    <LedgerGrid
      gridId={p.gridId}
      entity="fund"
      noun={p.noun}
      unitWord="只"
      columns={p.columns}
      where={p.where}
      defaults={p.where}
      defaultUnit="yi"
    />
  );
}

export const SubFundsPage = () => <FundsPage kind="sub" />;
export const DirectFundsPage = () => <FundsPage kind="direct" />;
