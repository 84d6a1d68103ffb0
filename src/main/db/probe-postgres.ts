import { parse } from 'pg-connection-string';
import type { ConnectionProbe } from '../../shared/contract/connection';
import { describeMigration } from '../../shared/migration-labels';
import { inspectPostgres, roleReadOnly } from './open-postgres';
import { PgConnection } from './pg-sync';
import { dbTarget } from './target';

/**
 * 测试连接 (#17): opens the server the dialog names, says whether it holds a FundDesk database (and its
 * structure version) or is empty, and whether this role may edit or only read; changes nothing. Refusals are
 * the DbErrors of opening (open-postgres.ts), so the dialog says what the app would say at the next start.
 * The password never appears: only target.shown, and PgError redacts it.
 */
export function probePostgres(url: string): ConnectionProbe {
  const target = dbTarget(url);
  if (target.engine !== 'postgres') throw new Error('not a PostgreSQL URL');
  const conn = new PgConnection(target.url, parse(target.url).password ?? undefined);
  try {
    const { tables } = inspectPostgres(conn, target.shown, false);
    const server = `PostgreSQL ${(conn.query('SHOW server_version').rows[0] as { server_version: string }).server_version}`;
    if (tables.length === 0) {
      return {
        shown: target.shown,
        state: 'empty',
        schemaVersion: null,
        readOnly: null,
        server,
        summary: `已连接到 ${server}：数据库“${target.database}”是空的，还没有 FundDesk 的数据，可以在其中建立 FundDesk 的表`,
      };
    }
    const last = (conn.query('SELECT max(name) AS v FROM kysely_migration').rows[0] as { v: string | null })
      .v;
    const readOnly = tables.includes('funds') ? roleReadOnly(conn) : null;
    const version = last ? describeMigration(last) : '（无）';
    return {
      shown: target.shown,
      state: 'funddesk',
      schemaVersion: last,
      readOnly,
      server,
      summary:
        `已连接到 ${server}：数据库“${target.database}”是 FundDesk 数据库（结构${version}）；` +
        (readOnly ? `${readOnly}，打开后只能查看、不能修改` : '当前账号可以查看和修改'),
    };
  } finally {
    conn.close();
  }
}
