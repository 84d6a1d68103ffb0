import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db/open';
import { rollBackAfter } from '../helpers/migrations';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

// Only in the PostgreSQL leg. Opening and upgrading a team database reads its own schema only
// (pg-introspector.ts). Kysely's own catalog query read every schema on the server and looked each one up again
// by name, so another session dropping a schema or a column meanwhile failed the open: 「数据库升级失败，服务器上
// 的数据未改动（schema "fd_test_…" does not exist）」, twice in CI, other test files' schemas going away. That race
// cannot be timed in a test; what is checked is what it stood on — what the upgrade sees of the server is this
// database's schema, whatever else the server holds — and that upgrading one database leaves the other alone.
type Scratch = Awaited<ReturnType<typeof tempPgSchema>>;
let mine: Scratch;
let other: Scratch;

beforeEach(async () => {
  mine = await tempPgSchema(TEST_PG as string);
  other = await tempPgSchema(TEST_PG as string);
});
afterEach(async () => {
  await mine.drop();
  await other.drop();
});

async function tablesOf(schema: string) {
  const c = new pg.Client({ connectionString: TEST_PG as string });
  await c.connect();
  try {
    const r = await c.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    const done = r.rows.some((t) => t.table_name === 'kysely_migration')
      ? (await c.query(`SELECT name FROM ${schema}.kysely_migration ORDER BY name`)).rows.map((m) => m.name)
      : [];
    return { tables: r.rows.map((t) => t.table_name as string), done };
  } finally {
    await c.end();
  }
}

describe('two FundDesk databases on one server (#17)', () => {
  it('creating one sees only its own schema; the older one beside it stays as it was', async () => {
    // Beside it: a FundDesk database an older version wrote (up to 0008), and a table of someone else's.
    const older = await openDatabase(other.url);
    await rollBackAfter(older.db, '0008_sort_keys');
    await older.close();
    const c = new pg.Client({ connectionString: TEST_PG as string });
    await c.connect();
    await c.query(`CREATE TABLE ${other.schema}.their_notes (id serial PRIMARY KEY, body text)`);
    await c.end();
    const before = await tablesOf(other.schema);

    const o = await openDatabase(mine.url);
    try {
      const seen = await o.db.introspection.getTables({ withInternalKyselyTables: true });
      const own = await tablesOf(mine.schema);
      expect(own.done).toEqual(Object.keys(migrations).sort());
      expect(seen.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(
        own.tables.map((t) => `${mine.schema}.${t}`),
      );
      const funds = seen.find((t) => t.name === 'funds');
      expect(funds?.columns.find((col) => col.name === 'id')).toMatchObject({
        isAutoIncrementing: true,
        isNullable: false,
      });
      expect(funds?.columns.find((col) => col.name === 'name')).toMatchObject({ dataType: 'text' });
    } finally {
      await o.close();
    }
    expect(await tablesOf(other.schema)).toEqual(before);
    expect(before.done).not.toContain('0009_users_and_versions');
  });
});
