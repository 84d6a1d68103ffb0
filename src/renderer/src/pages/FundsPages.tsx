import { DIRECT_FUND_COLUMNS, SUB_FUND_COLUMNS } from '@shared/columns/ledgers';
import { LedgerGrid } from '../grid/LedgerGrid';

const SUB = { kind: 'sub' } as const;
const DIRECT = { kind: 'direct' } as const;

export function SubFundsPage() {
  return (
    <LedgerGrid
      gridId="sub-funds"
      entity="fund"
      noun="子基金"
      unitWord="只"
      columns={SUB_FUND_COLUMNS}
      where={SUB}
      defaults={SUB}
      defaultUnit="yi"
    />
  );
}

export function DirectFundsPage() {
  return (
    <LedgerGrid
      gridId="direct-funds"
      entity="fund"
      noun="直投基金"
      unitWord="只"
      columns={DIRECT_FUND_COLUMNS}
      where={DIRECT}
      defaults={DIRECT}
      defaultUnit="yi"
    />
  );
}
