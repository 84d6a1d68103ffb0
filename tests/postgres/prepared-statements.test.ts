import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PgConnection } from '../../src/main/db/pg-sync';
import { performanceMetrics } from '../../src/main/services/reports/performance';
import { TEST_PG, tempDb, tempPgSchema } from '../helpers/temp-db';

// Only in the PostgreSQL leg. A statement run twice is kept prepared on the server (pg-worker.ts); these are the
// cases where a kept statement could answer from an old table: what a user reads must follow the table as it is.
const SERVER = TEST_PG as string;

async function withSchema(fn: (conn: PgConnection, other: pg.Client) => Promise<void>) {
  const s = await tempPgSchema(SERVER);
  const conn = new PgConnection(s.url);
  const other = new pg.Client({ connectionString: s.url });
  await other.connect();
  try {
    conn.query('CREATE TABLE funds (id int PRIMARY KEY, name text)');
    conn.query(`INSERT INTO funds VALUES (1, '一号基金'), (2, '二号基金')`);
    await fn(conn, other);
  } finally {
    await other.end();
    conn.close();
    await s.drop();
  }
}

const ALL = 'SELECT * FROM funds WHERE id >= $1 ORDER BY id';
const kept = (conn: PgConnection) =>
  (conn.query('SELECT statement FROM pg_prepared_statements').rows as { statement: string }[]).map(
    (r) => r.statement,
  );

describe('statements kept prepared on the server', () => {
  it('a repeated read is kept, and answers with the rows as they are now', async () => {
    await withSchema(async (conn, other) => {
      conn.query(ALL, [1]);
      conn.query(ALL, [1]);
      expect(kept(conn)).toContain(ALL);
      await other.query(`UPDATE funds SET name = '一号基金（更名）' WHERE id = 1`);
      expect(conn.query(ALL, [2]).rows).toEqual([{ id: 2, name: '二号基金' }]);
      expect(conn.query(ALL, [1]).rows[0]).toEqual({ id: 1, name: '一号基金（更名）' });
    });
  });

  it('after a column is added on the same connection (a migration), SELECT * shows it', async () => {
    await withSchema(async (conn) => {
      for (let i = 0; i < 3; i++) conn.query(ALL, [1]);
      conn.query('BEGIN');
      conn.query(`ALTER TABLE funds ADD COLUMN kind text NOT NULL DEFAULT 'sub'`);
      expect(conn.query(ALL, [2]).rows).toEqual([{ id: 2, name: '二号基金', kind: 'sub' }]);
      conn.query('COMMIT');
      expect(conn.query(ALL, [2]).rows).toEqual([{ id: 2, name: '二号基金', kind: 'sub' }]);
      // Read twice since: kept again under a new name, the old one dropped.
      expect(kept(conn).filter((s) => s === ALL)).toHaveLength(1);
    });
  });

  it('after another connection adds a column, the next read outside a transaction shows it', async () => {
    await withSchema(async (conn, other) => {
      for (let i = 0; i < 3; i++) conn.query(ALL, [1]);
      await other.query(`ALTER TABLE funds ADD COLUMN kind text NOT NULL DEFAULT 'direct'`);
      expect(conn.query(ALL, [1]).rows).toEqual([
        { id: 1, name: '一号基金', kind: 'direct' },
        { id: 2, name: '二号基金', kind: 'direct' },
      ]);
      // And it is kept again (under a new name) once read twice more.
      conn.query(ALL, [1]);
      expect(conn.query(ALL, [2]).rows).toEqual([{ id: 2, name: '二号基金', kind: 'direct' }]);
      expect(kept(conn).filter((s) => s === ALL)).toHaveLength(1);
    });
  });

  it('inside a transaction such a read fails and rolls back; the next transaction reads the new table', async () => {
    await withSchema(async (conn, other) => {
      for (let i = 0; i < 3; i++) conn.query(ALL, [1]);
      await other.query('ALTER TABLE funds ADD COLUMN note text');
      conn.query('BEGIN');
      conn.query(`UPDATE funds SET name = '不应保存' WHERE id = 2`);
      expect(() => conn.query(ALL, [1])).toThrow();
      conn.query('ROLLBACK');
      conn.query('BEGIN');
      expect(conn.query(ALL, [2]).rows).toEqual([{ id: 2, name: '二号基金', note: null }]);
      conn.query('COMMIT');
    });
  });

  it('a statement that fails to prepare still fails clearly the next times', async () => {
    await withSchema(async (conn) => {
      const bad = 'SELECT nosuch FROM funds WHERE id = $1';
      for (let i = 0; i < 3; i++) expect(() => conn.query(bad, [1])).toThrow(/nosuch/);
      expect(conn.query(ALL, [2]).rows).toEqual([{ id: 2, name: '二号基金' }]);
    });
  });

  it('the metrics of all funds, kept prepared, follow a cash flow another session adds', async () => {
    const t = await tempDb();
    const other = new pg.Client({ connectionString: t.path });
    await other.connect();
    try {
      const id = t.opened.raw
        .prepare(`INSERT INTO funds (kind, name, total_size_fen) VALUES ('sub', '一号基金', 100000000)`)
        .run().lastInsertRowid;
      t.opened.raw
        .prepare(
          `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (?, '2024-01-10', 'call', 5000000)`,
        )
        .run(id);
      const fund = () => performanceMetrics(t.opened, '2025-06-30').byFund.get(Number(id))!;
      for (let i = 0; i < 7; i++) expect(fund().paidInFen).toBe(5000000);
      expect(fund().distributedFen).toBe(0);
      await other.query(
        `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (${id}, '2025-03-01', 'distribution', 1200000)`,
      );
      expect(fund().distributedFen).toBe(1200000);
      // A flow after the date is not counted; the same statement read at another date counts it.
      await other.query(
        `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (${id}, '2025-09-01', 'call', 800000)`,
      );
      expect(fund().paidInFen).toBe(5000000);
      expect(performanceMetrics(t.opened, '2025-12-31').byFund.get(Number(id))!.paidInFen).toBe(5800000);
    } finally {
      await other.end();
      await t.cleanup();
    }
  });
});
