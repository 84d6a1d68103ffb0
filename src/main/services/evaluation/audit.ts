/**
 * Audit rows of 绩效评价 (entity 'evaluation' or 'evaluation_template'), written inside the caller's
 * better-sqlite3 transaction: the evaluation services write on the raw handle, synchronously, so the rows and
 * their audit entry are one transaction (the ledgers' writeAudit is the Kysely, async twin).
 */
import type { OpenedDb } from '../../db/open';

export function writeRawAudit(
  raw: OpenedDb['raw'],
  e: {
    action: 'create' | 'update' | 'delete';
    entity: 'evaluation' | 'evaluation_template';
    id: number;
    summary: string;
    before?: object | null;
    after?: object | null;
  },
) {
  raw
    .prepare(
      `INSERT INTO audit_log (action, entity, entity_id, summary, before_json, after_json, source)
       VALUES (?, ?, ?, ?, ?, ?, 'ui')`,
    )
    .run(
      e.action,
      e.entity,
      e.id,
      e.summary,
      e.before ? JSON.stringify(e.before) : null,
      e.after ? JSON.stringify(e.after) : null,
    );
}
