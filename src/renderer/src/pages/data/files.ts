import type { Entity } from '@shared/domain';

/** Bytes ↔ base64 for files sent to and received from the main process. */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export interface LedgerChoice {
  key: string;
  label: string;
  ledger: Entity;
  /** 基金类型 for files without that column. */
  kind?: 'sub' | 'direct';
  /** The page of the ledger. */
  route: string;
  /** 基金管理人/企业/投资机构 it names may be created by the import. */
  creates?: string;
}

/** The ledgers a file can be imported into, in the order they are best imported. */
export const LEDGER_CHOICES: LedgerChoice[] = [
  { key: 'manager', label: '基金管理人', ledger: 'manager', route: '/managers' },
  {
    key: 'sub_fund',
    label: '子基金',
    ledger: 'fund',
    kind: 'sub',
    route: '/sub-funds',
    creates: '基金管理人',
  },
  {
    key: 'direct_fund',
    label: '直投基金',
    ledger: 'fund',
    kind: 'direct',
    route: '/direct-funds',
    creates: '基金管理人',
  },
  { key: 'enterprise', label: '企业', ledger: 'enterprise', route: '/enterprises' },
  { key: 'institution', label: '投资机构', ledger: 'institution', route: '/institutions' },
  { key: 'cash_flow', label: '现金流', ledger: 'cash_flow', route: '/cash-flows' },
  { key: 'valuation', label: '估值', ledger: 'valuation', route: '/valuations' },
  { key: 'investment', label: '投资', ledger: 'investment', route: '/investments', creates: '企业' },
  {
    key: 'landed_project',
    label: '落地项目',
    ledger: 'landed_project',
    route: '/landed-projects',
    creates: '企业',
  },
  {
    key: 'financing_deal',
    label: '融资对接',
    ledger: 'financing_deal',
    route: '/financing-deals',
    creates: '企业、投资机构',
  },
];
