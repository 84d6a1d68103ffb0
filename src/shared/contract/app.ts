import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  version: string;
  dbPath: string;
  /** The database holds the bundled demo dataset (示例数据). */
  isDemo: boolean;
  /** Nothing has been entered yet: offer the demo dataset. */
  isEmpty: boolean;
  schemaVersion: string;
  /** 'electron' | 'browser' | 'test' */
  host: string;
  /** Opened read-only: why (e.g. 「数据库文件只读」); editing, import and restore are disabled. Null: editable. */
  readOnly: string | null;
  /** Damage found by the background check after opening (then: restore from a backup), or null. */
  damage: string | null;
}

export interface Overview {
  asOf: string;
  subFunds: { count: number; totalSizeFen: number; guidanceCommitmentFen: number; paidInFen: number };
  directFunds: { count: number; totalSizeFen: number; collectiveAssetsFen: number };
  landedProjects: { count: number; amountFen: number };
  financing: { enterprisesMatched: number; enterprisesFinanced: number; amountClosedFen: number };
}

export interface AuditEntry {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entity_id: number;
  summary: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  source: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

export const appChannels = {
  'app.info': channel<AppInfo>()(z.object({}).optional()),
  'demo.load': channel<{ funds: number; projects: number; deals: number }>()(
    z.object({ replace: z.boolean().default(false) }),
  ),
  /** Empty a demo database (refused for real data). */
  'demo.clear': channel<{ removed: number }>()(z.object({ confirm: z.literal(true, { error: '需要确认' }) })),
  'overview.get': channel<Overview>()(z.object({ asOf: isoDate.optional() })),
  'audit.list': channel<{ total: number; entries: AuditEntry[] }>()(
    z.object({
      entity: z.string().optional(),
      entityId: z.number().int().optional(),
      action: z.enum(['create', 'update', 'delete']).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      text: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /** UI preferences kept in the database (grid layouts, units): survive restarts and machines. */
  'settings.get': channel<unknown>()(z.object({ key: z.string().min(1).max(100) })),
  'settings.set': channel<null>()(z.object({ key: z.string().min(1).max(100), value: z.unknown() })),
} as const;
