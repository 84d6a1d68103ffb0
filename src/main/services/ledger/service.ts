import { sql } from 'kysely';
import type { LedgerRow, LedgerTable, LinkEntity, LinkOption } from '../../../shared/contract/ledger';
import type { Entity } from '../../../shared/domain';
import { ENTITY_SCHEMAS, type FieldIssue, validateEntity } from '../../../shared/schemas/entities';
import { isPostgres } from '../../db/engine';
import type { Db, OpenedDb } from '../../db/open';
import { type AuditSource, changedFields, writeAudit } from './audit';
import { explainSqliteError, fail } from './errors';
import { REGISTRY } from './registry';
import { checkRules } from './rules';
import { withNameKey } from './sort-key';
import { refuseStale } from './stale';
import { writeTransaction } from './write';

type Values = Record<string, unknown>;

/** The columns a user may set for an entity (the keys of its schema). */
export function columnsOf(entity: Entity): string[] {
  return Object.keys(ENTITY_SCHEMAS[entity].shape);
}

function pick(entity: Entity, row: Values): Values {
  const out: Values = {};
  for (const c of columnsOf(entity)) if (c in row) out[c] = row[c];
  return out;
}

function filtered(db: Db, entity: Entity, where?: Record<string, number | string>) {
  let q = REGISTRY[entity].list(db);
  const allowed = new Set(columnsOf(entity));
  for (const [k, v] of Object.entries(where ?? {})) {
    if (!allowed.has(k)) fail('bad_request', `不能按“${k}”筛选`);
    q = q.where(`t.${k}`, '=', v);
  }
  return q;
}

export async function listRows(db: Db, entity: Entity, where?: Record<string, number | string>) {
  return (await filtered(db, entity, where).orderBy('t.id').execute()) as LedgerRow[];
}

/**
 * The rows of `listRows` as a table (column names once, each row an array), optionally one page of them
 * in id order. The query is Kysely's, run on the better-sqlite3 handle in raw mode: arrays straight from
 * SQLite, no object per row.
 */
export function listTable(
  opened: Pick<OpenedDb, 'db' | 'raw'>,
  entity: Entity,
  where?: Record<string, number | string>,
  page: { afterId?: number; limit?: number } = {},
): LedgerTable {
  let q = filtered(opened.db, entity, where);
  if (page.afterId !== undefined) q = q.where('t.id', '>', page.afterId);
  q = q.orderBy('t.id');
  if (page.limit !== undefined) {
    // PostgreSQL plans `LIMIT $1` for a tenth of the table: at 100x it plans every page anew (0.3 ms of the
    // server's time each); as a literal (a whole number, checked) its plan is kept (pg-worker.ts names it).
    const pg = isPostgres(opened.db) && Number.isSafeInteger(page.limit);
    q = q.limit(pg ? sql.lit(page.limit) : page.limit);
  }
  const c = q.compile();
  const stmt = opened.raw.prepare(c.sql).raw(true);
  const rows = stmt.all(...(c.parameters as unknown[])) as unknown[][];
  const columns = stmt.columns().map((col) => col.name);
  return { columns, rows };
}

export async function getRow(db: Db, entity: Entity, id: number): Promise<LedgerRow> {
  const row = await REGISTRY[entity].list(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) fail('not_found', `${REGISTRY[entity].label}（编号 ${id}）不存在，可能已被删除`);
  return row as LedgerRow;
}

/** The row as stored in its table (the values the audit log records), read back inside the transaction. */
async function storedRow(db: Db, table: (typeof REGISTRY)[Entity]['table'], id: number) {
  const { name_key: _key, ...row } = (await db
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as Values;
  return row;
}

function validated(entity: Entity, values: Values) {
  const r = validateEntity(entity, values);
  if (!r.ok) fail('validation', r.issues.map((i) => i.message).join('；'), r.issues);
  return r.value as Values;
}

async function assertRules(db: Db, entity: Entity, values: Values, selfId: number | null) {
  const issues = await checkRules(db, entity, values, selfId);
  if (issues.length > 0) fail('conflict', issues.map((i) => i.message).join('；'), issues);
}

export async function createRow(db: Db, entity: Entity, input: Values, source: AuditSource = 'ui') {
  const values = validated(entity, input);
  const def = REGISTRY[entity];
  try {
    const id = await writeTransaction(db, async (trx) => {
      await assertRules(trx, entity, values, null);
      const r = await trx
        .insertInto(def.table)
        .values(withNameKey(def.table, values) as never)
        .returning('id')
        .executeTakeFirstOrThrow();
      const after = await storedRow(trx, def.table, r.id);
      await writeAudit(trx, {
        action: 'create',
        entity,
        id: r.id,
        summary: `新增${def.label}“${def.nameOf(after)}”`,
        after: after as Values,
        source,
      });
      return r.id;
    });
    return getRow(db, entity, id);
  } catch (e) {
    throw explainSqliteError(e);
  }
}

export async function updateRow(
  db: Db,
  entity: Entity,
  id: number,
  patch: Values,
  source: AuditSource = 'ui',
  /** The row_version the edit was made on: refused (stale.ts) if the stored row is newer. */
  version?: number,
) {
  const def = REGISTRY[entity];
  try {
    await writeTransaction(db, async (trx) => {
      const before = await trx.selectFrom(def.table).selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) fail('not_found', `${def.label}（编号 ${id}）不存在，可能已被删除`);
      if (version !== undefined && before.row_version !== version) await refuseStale(trx, entity, id, '修改');
      const merged = validated(entity, { ...pick(entity, before as Values), ...pick(entity, patch) });
      await assertRules(trx, entity, merged, id);
      // The version is checked again by the UPDATE itself: on PostgreSQL a concurrent writer of the same row
      // commits first, and then this WHERE no longer matches (SQLite's BEGIN IMMEDIATE already serialises).
      const r = await trx
        .updateTable(def.table)
        .set({
          ...withNameKey(def.table, merged),
          updated_at: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
          row_version: sql`row_version + 1`,
        } as never)
        .where('id', '=', id)
        .where('row_version', '=', before.row_version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) await refuseStale(trx, entity, id, '修改');
      const after = await storedRow(trx, def.table, id);
      const diff = changedFields(before as Values, after as Values);
      if (Object.keys(diff.after).length > 0) {
        await writeAudit(trx, {
          action: 'update',
          entity,
          id,
          summary: `修改${def.label}“${def.nameOf(after)}”`,
          ...diff,
          source,
        });
      }
    });
    return getRow(db, entity, id);
  } catch (e) {
    throw explainSqliteError(e);
  }
}

export async function deleteRow(
  db: Db,
  entity: Entity,
  id: number,
  source: AuditSource = 'ui',
  /** The row_version the user saw: refused (stale.ts) if the stored row is newer. */
  version?: number,
) {
  const def = REGISTRY[entity];
  try {
    return await writeTransaction(db, async (trx) => {
      const before = await getRow(trx, entity, id);
      if (version !== undefined && before.row_version !== version) await refuseStale(trx, entity, id, '删除');
      const blockers: string[] = [];
      for (const d of def.dependents) {
        const { n } = await trx
          .selectFrom(d.table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(d.column as never, '=', id as never)
          .executeTakeFirstOrThrow();
        if (Number(n) > 0) blockers.push(`${n} ${d.unit}${d.label}`);
      }
      if (blockers.length > 0) {
        fail(
          'in_use',
          `不能删除${def.label}“${def.nameOf(before)}”：还有 ${blockers.join('、')} 关联到它，请先处理这些记录`,
        );
      }
      const stored = await storedRow(trx, def.table, id);
      const r = await trx
        .deleteFrom(def.table)
        .where('id', '=', id)
        .where('row_version', '=', stored.row_version as number)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) await refuseStale(trx, entity, id, '删除');
      await writeAudit(trx, {
        action: 'delete',
        entity,
        id,
        summary: `删除${def.label}“${def.nameOf(before)}”`,
        before: stored as Values,
        source,
      });
      return before;
    });
  } catch (e) {
    throw explainSqliteError(e);
  }
}

/** Undo a delete: put the record back with its own id. */
export async function restoreRow(db: Db, entity: Entity, row: Values, source: AuditSource = 'undo') {
  const id = row.id;
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) fail('bad_request', '要恢复的记录缺少编号');
  const def = REGISTRY[entity];
  const values = validated(entity, pick(entity, row));
  try {
    await writeTransaction(db, async (trx) => {
      const taken = await trx.selectFrom(def.table).select('id').where('id', '=', id).executeTakeFirst();
      if (taken) fail('conflict', `${def.label}（编号 ${id}）已存在，无需恢复`);
      await assertRules(trx, entity, values, null);
      await trx
        .insertInto(def.table)
        .values(withNameKey(def.table, { ...values, id }) as never)
        .execute();
      const after = await storedRow(trx, def.table, id);
      await writeAudit(trx, {
        action: 'create',
        entity,
        id,
        summary: `撤销删除，恢复${def.label}“${def.nameOf(after)}”`,
        after: after as Values,
        source,
      });
    });
    return getRow(db, entity, id);
  } catch (e) {
    throw explainSqliteError(e);
  }
}

export async function linkOptions(db: Db, entity: LinkEntity): Promise<LinkOption[]> {
  switch (entity) {
    case 'fund':
      return (await db.selectFrom('funds').select(['id', 'name', 'kind']).orderBy('name').execute()).map(
        (r) => ({
          id: r.id,
          name: r.name,
          hint: r.kind === 'sub' ? '子基金' : '直投基金',
        }),
      );
    case 'enterprise':
      return (
        await db.selectFrom('enterprises').select(['id', 'name', 'uscc']).orderBy('name').execute()
      ).map((r) => ({ id: r.id, name: r.name, ...(r.uscc ? { hint: r.uscc } : {}) }));
    case 'manager':
      return db.selectFrom('managers').select(['id', 'name']).orderBy('name').execute();
    case 'institution':
      return db.selectFrom('institutions').select(['id', 'name']).orderBy('name').execute();
  }
}

export type { FieldIssue };
