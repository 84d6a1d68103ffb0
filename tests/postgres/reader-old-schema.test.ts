import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { rollBackAfter } from '../helpers/migrations';
import { admin as pgAdmin } from '../helpers/pg-schema';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

// A reader role (SELECT only) cannot upgrade a database an older FundDesk wrote: refused with a clear message,
// as a read-only SQLite file is, never opened with audit_log.user_name (0009) missing.
const role = `fd_old_reader_${Math.random().toString(36).slice(2, 8)}`;
let schema: Awaited<ReturnType<typeof tempPgSchema>>;

const admin = (sql: string) => pgAdmin(TEST_PG as string, sql);

beforeEach(async () => {
  schema = await tempPgSchema(TEST_PG as string);
});
afterEach(async () => {
  await schema.drop();
  await admin(`DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`);
});

describe('a reader role on a database of an older FundDesk (#17)', () => {
  it('is refused in Chinese, and the database is left as it was', async () => {
    const owner = await openDatabase(schema.url);
    await rollBackAfter(owner.db, '0008_sort_keys');
    await owner.close();
    await admin(`CREATE ROLE ${role} LOGIN PASSWORD 'Lese-42';
      GRANT USAGE ON SCHEMA ${schema.schema} TO ${role};
      GRANT SELECT ON ALL TABLES IN SCHEMA ${schema.schema} TO ${role};`);
    const asReader = schema.url.replace(/^postgres:\/\/[^@]+@/, `postgres://${role}:Lese-42@`);
    await expect(openDatabase(asReader)).rejects.toThrow(
      /只有查看权限.*由较早版本的 FundDesk 写入，需要先升级结构才能打开/,
    );
    const c = new pg.Client({ connectionString: schema.url });
    await c.connect();
    try {
      const cols = await c.query(
        `SELECT column_name FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = 'audit_log' AND column_name = 'user_name'`,
        [schema.schema],
      );
      expect(cols.rows).toEqual([]); // still version 8: nothing was migrated or half-written
    } finally {
      await c.end();
    }
  });
});
