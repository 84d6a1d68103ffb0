import type { Entity } from '../../../shared/domain';
import type { Db } from '../../db/open';

export type AuditSource = 'ui' | 'import' | 'cli' | 'demo' | 'undo';

/** One audit row per create, change and delete, written in the caller's transaction. */
export async function writeAudit(
  db: Db,
  e: {
    action: 'create' | 'update' | 'delete';
    entity: Entity;
    id: number;
    summary: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    source?: AuditSource;
  },
) {
  await db
    .insertInto('audit_log')
    .values({
      action: e.action,
      entity: e.entity,
      entity_id: e.id,
      summary: e.summary,
      before_json: e.before ? JSON.stringify(e.before) : null,
      after_json: e.after ? JSON.stringify(e.after) : null,
      source: e.source ?? 'ui',
    })
    .execute();
}

/** Only the fields that changed, for a readable 'before → after'. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (k === 'updated_at' || k === 'created_at' || k === 'row_version') continue;
    if (before[k] !== after[k]) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}
