import type { Entity } from '../../../shared/domain';
import type { Db } from '../../db/open';
import { fail } from './errors';

/**
 * Optimistic concurrency (#17): every ledger row carries row_version (migration 0009), raised by each update.
 * An edit or delete made on an older version than the stored one is refused, naming who changed the record
 * and when (its latest audit entry), so nobody silently overwrites a colleague's change.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** An audit stamp (UTC) as the local 'YYYY-MM-DD HH:mm' users read. */
export function localMinute(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Refuses a change made on a stale row: 「该记录已被 张三 于 2026-12-05 14:03 修改，已显示最新内容；…」. */
export async function refuseStale(db: Db, entity: Entity, id: number, what: '修改' | '删除'): Promise<never> {
  const last = await db
    .selectFrom('audit_log')
    .select(['user_name', 'at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const who = last?.user_name || '其他用户';
  const when = last ? ` 于 ${localMinute(last.at)}` : '';
  fail(
    'stale',
    `该记录已被 ${who}${when} 修改，已显示最新内容；您的${what}未${what === '删除' ? '执行' : '保存'}`,
  );
}
