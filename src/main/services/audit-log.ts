import type { AuditEntry } from '../../shared/contract/app';
import type { Db } from '../db/open';

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: number | undefined;
  action?: 'create' | 'update' | 'delete' | undefined;
  from?: string | undefined;
  to?: string | undefined;
  text?: string | undefined;
  /** Entries of this user ('' = written before user names were recorded). */
  user?: string | undefined;
  limit: number;
  offset: number;
}

/** The UTC instant at which a local calendar day begins, as stored ('YYYY-MM-DDTHH:MM:SS.sssZ'). */
function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const n = new Date(Date.UTC(y, m - 1, d + 1));
  return n.toISOString().slice(0, 10);
}

/** Browse the audit log, newest first. Dates filter on the local calendar day of the entry. */
export async function listAudit(db: Db, q: AuditQuery): Promise<{ total: number; entries: AuditEntry[] }> {
  let base = db.selectFrom('audit_log');
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.entityId != null) base = base.where('entity_id', '=', q.entityId);
  if (q.action) base = base.where('action', '=', q.action);
  // Entries are stamped in UTC; the user's dates are local calendar days.
  if (q.from) base = base.where('at', '>=', localDayStart(q.from));
  if (q.to) base = base.where('at', '<', localDayStart(nextDay(q.to)));
  if (q.user !== undefined) base = base.where('user_name', '=', q.user);
  if (q.text) base = base.where('summary', 'like', `%${q.text.replace(/[%_]/g, '')}%`);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
  return {
    total: Number(n),
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action as AuditEntry['action'],
      entity: r.entity,
      entity_id: r.entity_id,
      summary: r.summary,
      before: r.before_json ? JSON.parse(r.before_json) : null,
      after: r.after_json ? JSON.parse(r.after_json) : null,
      source: r.source,
      user_name: r.user_name,
    })),
  };
}

/** Every user name in the audit log, for the filter ('' first when old entries have none). */
export async function auditUsers(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('user_name').distinct().execute();
  return rows.map((r) => r.user_name).sort(); // in JS: the engines' collations differ
}

export interface AuditSince {
  /** The newest entry's id: ask again from here. */
  lastId: number;
  /** Entries after `afterId`, counted per user and ledger. */
  changes: { user_name: string; entity: string; n: number }[];
}

/**
 * What changed since an entry (#17: other people's changes appear without a restart). Without `afterId`
 * only where the log stands now. One indexed range read: cheap enough to ask every few seconds.
 */
export async function auditSince(db: Db, afterId: number | undefined): Promise<AuditSince> {
  const { last } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('last'))
    .executeTakeFirstOrThrow();
  const lastId = Number(last ?? 0);
  if (afterId === undefined || lastId <= afterId) return { lastId, changes: [] };
  const rows = await db
    .selectFrom('audit_log')
    .select(['user_name', 'entity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('id', '>', afterId)
    .where('id', '<=', lastId)
    .groupBy(['user_name', 'entity'])
    .execute();
  return { lastId, changes: rows.map((r) => ({ user_name: r.user_name, entity: r.entity, n: Number(r.n) })) };
}
