import { z } from 'zod';
import { channel } from './define';

/**
 * The 连接服务器数据库 dialog (#17): test a PostgreSQL server, save it as this installation's database for the
 * next start, or go back to the local file. The password goes in, never comes back out (only `shown`).
 */

export const SSL_MODES = ['disable', 'prefer', 'require', 'verify-full'] as const;

export const pgConnectionInput = z
  .object({
    /** A pasted postgres:// URL; when given, the fields below are not used. */
    url: z.string().trim().max(2000, { error: '地址太长' }).optional(),
    host: z.string().trim().max(255, { error: '主机名太长' }).optional(),
    port: z
      .number({ error: '端口应是 1 到 65535 之间的整数' })
      .int({ error: '端口应是 1 到 65535 之间的整数' })
      .min(1, { error: '端口应是 1 到 65535 之间的整数' })
      .max(65535, { error: '端口应是 1 到 65535 之间的整数' })
      .default(5432),
    database: z.string().trim().max(255, { error: '数据库名太长' }).optional(),
    user: z.string().trim().max(255, { error: '用户名太长' }).optional(),
    password: z.string().max(1000, { error: '密码太长' }).optional(),
    sslmode: z
      .enum(SSL_MODES, { error: 'SSL 模式只能是 disable、prefer、require 或 verify-full' })
      .default('prefer'),
  })
  .superRefine((v, ctx) => {
    if (v.url) return;
    if (!v.host) ctx.addIssue({ code: 'custom', path: ['host'], message: '请填写服务器地址（主机名或 IP）' });
    if (!v.database) ctx.addIssue({ code: 'custom', path: ['database'], message: '请填写数据库名' });
    if (!v.user) ctx.addIssue({ code: 'custom', path: ['user'], message: '请填写用户名' });
  });

export type PgConnectionInput = z.output<typeof pgConnectionInput>;

/** The postgres:// URL the dialog's fields (or its pasted URL) name; each part percent-encoded. */
export function pgUrlOf(v: PgConnectionInput): string {
  if (v.url) return v.url;
  const enc = encodeURIComponent;
  const auth = `${enc(v.user ?? '')}${v.password ? `:${enc(v.password)}` : ''}`;
  const host = v.host!.includes(':') && !v.host!.startsWith('[') ? `[${v.host}]` : v.host!;
  return `postgres://${auth}@${host}:${v.port}/${enc(v.database ?? '')}${SSL_QUERY[v.sslmode]}`;
}

/**
 * sslmode as libpq means it, for `pg`: pg-connection-string treats `require` as `verify-full` unless
 * `uselibpqcompat=true`, and `pg` cannot fall back from SSL to plain, so `prefer` is pg's own default (no SSL
 * asked); the dialog says so.
 */
const SSL_QUERY: Record<(typeof SSL_MODES)[number], string> = {
  disable: '?sslmode=disable',
  prefer: '',
  require: '?uselibpqcompat=true&sslmode=require',
  'verify-full': '?sslmode=verify-full',
};

/** What 「测试连接」 found on the server; never the password. */
export interface ConnectionProbe {
  /** The address without the password. */
  shown: string;
  /** funddesk: holds FundDesk's tables; empty: no tables yet (the schema can be created there). */
  state: 'funddesk' | 'empty';
  /** The last FundDesk schema version there, or null when empty. */
  schemaVersion: string | null;
  /** Why this role may only read (the app opens read-only), or null: an editor role. */
  readOnly: string | null;
  /** The server's own version text, e.g. 「PostgreSQL 16.4」. */
  server: string;
  /** The whole finding in one Chinese sentence. */
  summary: string;
}

/** The saved choice of this installation and what the running app was started on. */
export interface SavedConnection {
  /** The saved server (without password), or null: the local file. --db and FUNDDESK_DB win over it. */
  saved: string | null;
  /** What the running app has open (without password). */
  current: string;
}

export const connectionChannels = {
  'connection.get': channel<SavedConnection>()(z.object({}).optional()),
  'connection.test': channel<ConnectionProbe>()(pgConnectionInput),
  /** Save the server for the next start; `create`: make FundDesk's tables there when it is empty. */
  'connection.save': channel<SavedConnection & { probe: ConnectionProbe }>()(
    z.intersection(pgConnectionInput, z.object({ create: z.boolean().default(false) })),
  ),
  /** Forget the saved server: the next start opens the local file again. */
  'connection.clear': channel<SavedConnection>()(z.object({}).optional()),
} as const;
