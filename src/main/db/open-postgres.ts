import type SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator } from 'kysely';
import { parse } from 'pg-connection-string';
import { migrations } from '../../../migrations';
import { catchUpIds, LEDGER_TABLES } from './engine';
import { DbError } from './errors';
import { type OpenedDb, type OpenOptions, refuseUnknownMigrations, StaticProvider } from './opened';
import { fundDeskPostgresDialect } from './pg-dialect';
import { PgRaw } from './pg-raw';
import { PgConnection, PgError } from './pg-sync';
import type { Database } from './schema';
import type { DbTarget } from './target';

/**
 * Open a FundDesk database on a PostgreSQL server (team mode, #17): the tables of the connection's current
 * schema (`public`, or the one `options=-c search_path=…` names). Like the SQLite open: an empty schema gets the
 * FundDesk tables (unless `mustExist`), a schema with other tables is refused, one migrated by a newer FundDesk
 * is refused, pending migrations run (in one transaction: PostgreSQL's DDL is transactional, so nothing is
 * half-done). A role that may not write opens read-only. The password never leaves this module (target.shown).
 */
export async function openPostgres(
  target: Extract<DbTarget, { engine: 'postgres' }>,
  options: OpenOptions,
): Promise<OpenedDb> {
  const secret = parse(target.url).password ?? undefined;
  const conn = new PgConnection(target.url, secret);
  const fail = (e: DbError): never => {
    conn.close();
    throw e;
  };
  let tables: string[] = [];
  let schema = '';
  let done: string[] = [];
  try {
    ({ tables, schema, done } = inspectPostgres(conn, target.shown, options.mustExist === true));
  } catch (e) {
    fail(e as DbError);
  }
  const name = target.shown;
  const readOnly = options.readOnly ?? (tables.includes('funds') ? roleReadOnly(conn) : null);
  // What this build would add; an up-to-date database (every open but the first after an update) runs none.
  const pending = Object.keys(migrations).filter((m) => !done.includes(m));
  // A read-only role cannot run them: refused, as a read-only SQLite file is (open.ts), instead of opening with
  // columns the app reads missing (audit_log.user_name of 0009: 「column "user_name" does not exist」).
  if (readOnly && tables.includes('kysely_migration') && pending.length > 0) {
    fail(
      new DbError(
        'read_only',
        `${readOnly}：PostgreSQL 数据库“${name}”由较早版本的 FundDesk 写入，需要先升级结构才能打开，而只读账号不能升级。请先用有修改权限的账号打开一次（会自动升级），再用此账号打开`,
      ),
    );
  }
  const db = new Kysely<Database>({ dialect: fundDeskPostgresDialect(conn) });
  try {
    if (!readOnly && pending.length > 0) await migrate(db, schema);
  } catch (e) {
    await db.destroy();
    if (e instanceof DbError) throw e;
    throw new DbError('migration_failed', `数据库升级失败，服务器上的数据未改动（${(e as Error).message}）`);
  }
  return {
    engine: 'postgres',
    db,
    raw: new PgRaw(conn, name) as unknown as SqliteDatabase.Database,
    path: name,
    preMigrationBackup: null,
    readOnly,
    check: 'none',
    damage: null,
    close: () => db.destroy(),
    reconnect: () => openPostgres(target, { readOnly: readOnly ?? '备份用的只读连接', mustExist: true }),
  };
}

/**
 * What the connection's current schema holds: its tables and the migrations done, refusing (DbError) a server it
 * cannot reach, a schema with other tables, one migrated by a newer FundDesk, and (mustExist) an empty one.
 * Opening and 测试连接 share it.
 */
export function inspectPostgres(
  conn: PgConnection,
  name: string,
  mustExist: boolean,
): { tables: string[]; schema: string; done: string[] } {
  let tables: string[];
  try {
    tables = (
      conn.query(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      ).rows as { name: string }[]
    ).map((r) => r.name);
  } catch (e) {
    throw connectError(e, name);
  }
  const schema = (conn.query('SELECT current_schema() AS s').rows[0] as { s: string | null }).s;
  if (!schema) throw new DbError('missing', `PostgreSQL 数据库“${name}”的 search_path 中没有可用的 schema`);
  if (tables.length > 0 && !tables.includes('kysely_migration')) {
    throw new DbError(
      'not_funddesk',
      `PostgreSQL 数据库“${name}”中已有其他表，不是 FundDesk 数据库；未做任何改动`,
    );
  }
  if (tables.length === 0 && mustExist) {
    throw new DbError('empty', `PostgreSQL 数据库“${name}”中还没有 FundDesk 的数据`);
  }
  let done: string[] = [];
  if (tables.includes('kysely_migration')) {
    done = (conn.query('SELECT name FROM kysely_migration').rows as { name: string }[]).map((r) => r.name);
    refuseUnknownMigrations(done, '未做任何改动');
  }
  return { tables, schema, done };
}

export function connectError(e: unknown, name: string): DbError {
  const state = e instanceof PgError ? e.sqlstate : undefined;
  if (state === '28P01' || state === '28000') {
    return new DbError(
      'cannot_open',
      `无法登录 PostgreSQL 服务器“${name}”：用户名或密码不对，或没有登录权限`,
    );
  }
  if (state === '3D000') return new DbError('missing', `PostgreSQL 服务器上没有数据库“${name}”`);
  if (!state && /timeout/i.test((e as Error).message)) {
    return new DbError(
      'cannot_open',
      `连接 PostgreSQL 服务器“${name}”超时：服务器没有应答；请检查地址、端口和网络，以及服务器是否在运行`,
    );
  }
  return new DbError(
    'cannot_open',
    `无法连接 PostgreSQL 服务器“${name}”（${(e as Error).message}）；请检查地址、端口和网络，以及服务器是否在运行`,
  );
}

/**
 * A role that may not insert, update and delete every ledger table (the reader role of docs/TEAM.md) opens the
 * app read-only; PostgreSQL's GRANTs enforce it whatever the app does.
 */
export function roleReadOnly(conn: PgConnection): string | null {
  const row = conn.query(
    `SELECT coalesce(bool_and(has_table_privilege(t, 'INSERT') AND has_table_privilege(t, 'UPDATE')
       AND has_table_privilege(t, 'DELETE')), false) AS can
     FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL`,
    [[...LEDGER_TABLES, 'meta']],
  ).rows[0] as { can: boolean };
  return row.can ? null : '当前数据库账号只有查看权限';
}

/**
 * Pending migrations in one transaction (under Kysely's lock, which also finds those another session ran
 * meanwhile); after any ran, each id sequence continues after the largest id.
 */
async function migrate(db: Kysely<Database>, schema: string) {
  // The schema named: Kysely would otherwise find another schema's kysely_migration table on the same server.
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  if (results && results.length > 0) await catchUpIds(db);
}
