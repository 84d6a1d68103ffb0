import { z } from 'zod';
import type { DemoLoaded } from '../demo-loaded';
import { date } from '../schemas/fields';
import { channel } from './define';
import { jsonValue, SETTINGS_VALUE_MAX_BYTES } from './limits';

/** A long task's progress, e.g. { task: '导出落地项目台账', done: 12000, total: 97063 }. */
export interface TaskProgress {
  task: string;
  done: number;
  total: number;
}

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
  /** Who made the change; '' for entries written before user names were recorded (「（未记录）」). */
  user_name: string;
}

export const appChannels = {
  'app.info': channel<AppInfo>()(z.object({}).optional()),
  'demo.load': channel<DemoLoaded>()(z.object({ replace: z.boolean().default(false) })),
  /** Empty a demo database (refused for real data). */
  'demo.clear': channel<{ removed: number }>()(z.object({ confirm: z.literal(true, { error: '需要确认' }) })),
  'overview.get': channel<Overview>()(z.object({ asOf: date('截至日期').optional() })),
  'audit.list': channel<{ total: number; entries: AuditEntry[] }>()(
    z.object({
      entity: z.string().max(64).optional(),
      entityId: z.number().int().optional(),
      action: z.enum(['create', 'update', 'delete']).optional(),
      from: date('起始日期').optional(),
      to: date('结束日期').optional(),
      text: z.string().max(100).optional(),
      user: z.string().max(64, { error: '用户名最长 64 个字' }).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
      offset: z.number().int().min(0).default(0),
    }),
  ),
  /** Changes since an audit entry, per user and ledger (other people's changes appear: useChangeNotices). */
  'audit.since': channel<{ lastId: number; changes: { user_name: string; entity: string; n: number }[] }>()(
    z.object({ afterId: z.number().int().nonnegative().optional() }),
  ),
  /** The user names in the audit log (the 操作记录 filter). */
  'audit.users': channel<string[]>()(z.object({}).optional()),
  /** Who is working in this session: recorded in every audit entry (#17). */
  'session.user': channel<{ name: string }>()(z.object({}).optional()),
  /** Change this session's user name (设置; the app keeps it per installation); null: the login name. */
  'session.setUser': channel<{ name: string }>()(
    z.object({
      name: z
        .string()
        .trim()
        .min(1, { error: '用户名不能为空' })
        .max(64, { error: '用户名最长 64 个字' })
        // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: '用户名不能含控制字符' })
        .nullable(),
    }),
  ),
  /** UI preferences kept in the database (grid layouts, units): survive restarts and machines. */
  'settings.get': channel<unknown>()(z.object({ key: z.string().min(1).max(100) })),
  'settings.set': channel<null>()(
    z.object({ key: z.string().min(1).max(100), value: jsonValue('设置的值', SETTINGS_VALUE_MAX_BYTES) }),
  ),
  /** Where the running long task of a channel (or any) is: its name and done of total steps; null when none runs. */
  'task.progress': channel<TaskProgress | null>()(
    z.object({ channel: z.string().max(100).optional() }).optional(),
  ),
  /** Cancel running long tasks (an import, an export, a backup or restore), of one channel or all. */
  'task.cancel': channel<{ cancelled: number }>()(
    z.object({ channel: z.string().max(100).optional() }).optional(),
  ),
} as const;
