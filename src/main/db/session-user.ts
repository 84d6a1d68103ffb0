import { userInfo } from 'node:os';
import type { OpenedDb } from './opened';
import type { PgRaw } from './pg-raw';

/**
 * Who is working (#17): the session's user name, recorded in every audit-log entry written on this
 * connection. It lives in the connection, not in each service, so every writer of the audit log (ledger,
 * import, compliance, evaluation, restore) records it without passing it along:
 * - PostgreSQL: the session setting `funddesk.user_name`, which audit_log.user_name defaults to (0009);
 * - SQLite: a TEMP trigger of this connection fills user_name of a row inserted without one. It only
 *   touches rows stamped after the name was set, so rows copied in by a restore keep theirs.
 */
const names = new WeakMap<object, string>();

export const USER_NAME_MAX = 64;

/** The default user name: FUNDDESK_USER, else the operating system's login name, else ''. */
export function defaultUserName(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FUNDDESK_USER?.trim();
  if (fromEnv) return fromEnv.slice(0, USER_NAME_MAX);
  try {
    return userInfo().username.slice(0, USER_NAME_MAX);
  } catch {
    return ''; // no passwd entry (some containers): the entries say 「（未记录）」
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Sets the user name of this connection's session (and so of the audit entries it writes). */
export function setSessionUser(opened: Pick<OpenedDb, 'engine' | 'raw' | 'readOnly'>, name: string): void {
  const clean = name.trim().slice(0, USER_NAME_MAX);
  if (opened.readOnly) {
    // writes nothing: no trigger to make
  } else if (opened.engine === 'postgres') {
    // Kept by the connection: made again on the new connection after a lost one (pg-sync.ts reconnect).
    (opened.raw as unknown as PgRaw).conn.setSession(`SELECT set_config('funddesk.user_name', $1, false)`, [
      clean,
    ]);
  } else {
    opened.raw.exec('DROP TRIGGER IF EXISTS temp.funddesk_audit_user');
    if (clean) {
      const since = new Date().toISOString();
      opened.raw.exec(`CREATE TEMP TRIGGER funddesk_audit_user AFTER INSERT ON main.audit_log
        WHEN NEW.user_name = '' AND NEW.at >= ${quote(since)}
        BEGIN UPDATE main.audit_log SET user_name = ${quote(clean)} WHERE id = NEW.id; END`);
    }
  }
  names.set(opened.raw, clean);
}

/** The user name set on this connection ('' when none). */
export function sessionUser(opened: Pick<OpenedDb, 'raw'>): string {
  return names.get(opened.raw) ?? '';
}
