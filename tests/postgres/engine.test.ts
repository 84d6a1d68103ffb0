import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DbError } from '../../src/main/db/errors';
import { openDatabase } from '../../src/main/db/open';
import { cli } from '../helpers/cli-main';
import { TEST_PG, tempDb, tempPgSchema, testClient } from '../helpers/temp-db';

// Only in the PostgreSQL leg (vitest.config.ts adds tests/postgres when FUNDDESK_TEST_PG is set).
const SERVER = TEST_PG as string;

/** One statement through a connection of the test's own (to the server's database, or to `url`). */
async function admin(sql: string, url = SERVER) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

async function openError(url: string, options = {}): Promise<DbError> {
  try {
    const o = await openDatabase(url, options);
    await o.close();
  } catch (e) {
    if (e instanceof DbError) return e;
    throw e;
  }
  throw new Error('应被拒绝，却打开了');
}

describe('FundDesk on a PostgreSQL server', () => {
  it('creates the schema with money as bigint and a trigger-kept yearly total', async () => {
    const t = await tempDb();
    try {
      expect(t.opened.engine).toBe('postgres');
      const cols = await t.db
        .selectFrom('information_schema.columns' as never)
        .select(['column_name', 'data_type'] as never)
        .where('table_name' as never, '=', 'cash_flows' as never)
        .execute();
      expect(cols).toContainEqual({ column_name: 'amount_fen', data_type: 'bigint' });
      const api = testClient(t.opened);
      const fund = await api('ledger.create', {
        entity: 'fund',
        values: {
          kind: 'sub',
          name: '测试子基金（有限合伙）',
          total_size_fen: 9_000_000_000_000,
          guidance_commitment_fen: 1_000_000_000_000,
        },
      });
      await api('ledger.create', {
        entity: 'cash_flow',
        values: { fund_id: fund.id, date: '2024-05-06', type: 'call', amount_fen: 4_000_000_000_000 },
      });
      const totals = t.opened.raw.prepare('SELECT year, amount_fen, flows FROM cash_flow_year_totals').all();
      expect(totals).toEqual([{ year: 2024, amount_fen: 4_000_000_000_000, flows: 1 }]);
    } finally {
      await t.cleanup();
    }
  });

  it('refuses, never rounds, an amount beyond the safe JavaScript integers', async () => {
    const t = await tempDb();
    try {
      const big = '9007199254740993'; // 2^53 + 1: a double would read it as ...992
      await admin(
        `INSERT INTO funds (kind, name, total_size_fen) VALUES ('sub', '大额基金', ${big})`,
        t.path,
      );
      expect(() => t.opened.raw.prepare('SELECT total_size_fen FROM funds').all()).toThrow(/safe range/);
      const r = await testClient(t.opened)('ledger.list', { entity: 'fund' }).catch((e: Error) => e);
      expect(r).toBeInstanceOf(Error);
      expect((r as Error).message).toMatch(/[\u4e00-\u9fff]/);
      // The metrics read the funds as one JSON value (load-pg.ts), refused alike.
      const report = await testClient(t.opened)('report.get', { name: 'performance' }).catch((e: Error) => e);
      expect(report).toBeInstanceOf(Error);
      expect((report as Error).message).toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await t.cleanup();
    }
  });

  it('refuses a schema that holds other tables, and leaves it as it was', async () => {
    const s = await tempPgSchema(SERVER);
    try {
      await admin(`CREATE TABLE ${s.schema}.payroll (id int)`);
      const e = await openError(s.url);
      expect(e.code).toBe('not_funddesk');
      expect(e.message).toContain('不是 FundDesk 数据库');
      const left = await admin(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = '${s.schema}'`,
      );
      expect(left.rows).toEqual([{ table_name: 'payroll' }]);
    } finally {
      await s.drop();
    }
  });

  it('keeps the password out of a refused open and out of app.info', async () => {
    const u = new URL(SERVER);
    const e = await openError(`postgres://funddesk:Geheim-42@${u.host}/nosuchdb`);
    expect(e.message).toBe(`PostgreSQL 服务器上没有数据库“postgres://funddesk:***@${u.host}/nosuchdb”`);
    const s = await tempPgSchema(SERVER.replace('funddesk@', 'funddesk:Geheim-42@'));
    const opened = await openDatabase(s.url);
    try {
      const info = await testClient(opened)('app.info', {});
      expect(JSON.stringify(info)).toContain('funddesk:***@');
      expect(JSON.stringify(info)).not.toContain('Geheim-42');
    } finally {
      await opened.close();
      await s.drop();
    }
  });

  it('the CLI writes the demo data to the server and reads the overview back', async () => {
    const s = await tempPgSchema(SERVER);
    try {
      const made = await cli('demo', '--db', s.url);
      expect(made.err).toBe('');
      expect(made.code).toBe(0);
      const r = await cli('report', 'overview', '--db', s.url, '--as-of', '2025-12-31', '--json');
      expect(r.code).toBe(0);
      const o = JSON.parse(r.out);
      expect(o.subFunds.count).toBeGreaterThan(0);
      expect(o.subFunds.paidInFen).toBe(123_700_000_000);
    } finally {
      await s.drop();
    }
  });

  it('restoring a backup over the server from the 备份 page is refused, saying how and why', async () => {
    const t = await tempDb();
    try {
      const e = await testClient(t.opened)('backup.restore', { file: 'x.sqlite' }).catch((x: Error) => x);
      expect((e as Error).message).toContain('服务器上的数据由整个团队共用');
      expect((e as Error).message).toContain(
        'funddesk copy --from 备份文件.sqlite --to 服务器地址 --replace',
      );
    } finally {
      await t.cleanup();
    }
  });
});
