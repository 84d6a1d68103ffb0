import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainDbError } from '../../src/main/db/errors';
import { PgConnection } from '../../src/main/db/pg-sync';
import { TEST_PG, tempPgSchema } from '../helpers/temp-db';

// Only in the PostgreSQL leg. A session's statements go over the socket from the caller's thread once the worker
// has logged in (pg-wire.ts), or through the worker (TLS, Windows: `direct: false`). Both must answer alike:
// the same rows and numbers, the same SQLite-style codes and Chinese messages, the same transactions.
const SERVER = TEST_PG as string;

/** What `fn` threw (undefined when it did not). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe.each([
  { way: 'on the caller’s thread', direct: true },
  { way: 'through the worker', direct: false },
])('a PostgreSQL session $way', ({ direct }) => {
  let s: Awaited<ReturnType<typeof tempPgSchema>>;
  let conn: PgConnection;
  beforeEach(async () => {
    s = await tempPgSchema(SERVER);
    conn = new PgConnection(s.url, undefined, { direct });
    conn.query('CREATE TABLE funds (id int PRIMARY KEY, name text NOT NULL UNIQUE, size_fen bigint)');
  });
  afterEach(async () => {
    conn.close();
    await s.drop();
  });

  it('reads rows with their numbers, NULLs and texts, and the last result of several statements', () => {
    conn.query(`INSERT INTO funds VALUES (1, '一号基金', 100000000), (2, '二号基金', NULL)`);
    expect(conn.query('SELECT * FROM funds WHERE id >= $1 ORDER BY id', [1]).rows).toEqual([
      { id: 1, name: '一号基金', size_fen: 100000000 },
      { id: 2, name: '二号基金', size_fen: null },
    ]);
    const sum = () => conn.query('SELECT sum(size_fen) AS total, count(*) AS n FROM funds').rows[0];
    for (let i = 0; i < 3; i++) expect(sum()).toEqual({ total: 100000000, n: 2 });
    expect(conn.query(`SELECT 1 AS a; SELECT '第二' AS b`).rows).toEqual([{ b: '第二' }]);
    expect(conn.query(`UPDATE funds SET size_fen = 5 WHERE id > $1`, [0]).rowCount).toBe(2);
    expect(conn.query('SELECT $1::text AS t, $2::int AS n', [null, '7']).rows).toEqual([{ t: null, n: 7 }]);
  });

  it('a transaction sees its own writes; a failing statement leaves it to roll back, nothing kept', () => {
    conn.query('BEGIN');
    conn.query(`INSERT INTO funds VALUES (1, '一号基金', 1)`);
    expect(conn.query('SELECT count(*) AS n FROM funds').rows).toEqual([{ n: 1 }]);
    const caught = thrown(() => conn.query('INSERT INTO funds VALUES ($1, $2, $3)', [2, '一号基金', 2]));
    expect(caught).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(explainDbError(caught).message).toMatch(/[一-龥]/);
    expect(conn.tx).toBe('E');
    expect(() => conn.query('SELECT 1')).toThrow();
    conn.query('ROLLBACK');
    expect(conn.tx).toBe('I');
    expect(conn.query('SELECT count(*) AS n FROM funds').rows).toEqual([{ n: 0 }]);
  });

  it('a whole number beyond the safe range fails that read only; the session goes on', () => {
    conn.query(`INSERT INTO funds VALUES (1, '一号基金', 9007199254740993)`);
    const caught = thrown(() => conn.query('SELECT size_fen FROM funds'));
    expect(caught).toMatchObject({ code: 'SQLITE_TOOBIG' });
    expect(explainDbError(caught).message).toMatch(/内容过大/);
    expect(conn.query('SELECT name FROM funds').rows).toEqual([{ name: '一号基金' }]);
  });

  it('a result larger than one read of the socket comes back whole', () => {
    conn.query(`INSERT INTO funds SELECT g, repeat('基', 200) || g, g FROM generate_series(1, 3000) g`);
    const rows = conn.query('SELECT id, name FROM funds ORDER BY id').rows as { id: number; name: string }[];
    expect(rows).toHaveLength(3000);
    expect(rows[2999]).toEqual({ id: 3000, name: `${'基'.repeat(200)}3000` });
  });

  /** Ends this session from outside, as a server restart or a dropped network does, and waits until it is gone. */
  async function endSession() {
    const pid = (conn.query('SELECT pg_backend_pid() AS pid').rows[0] as { pid: number }).pid;
    const admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    try {
      // pg_terminate_backend only signals: wait until the session is really gone (bounded; the test then fails).
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      for (let i = 0; i < 200; i++) {
        const r = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
        if (r.rowCount === 0) break;
        await new Promise((ok) => setTimeout(ok, 25));
      }
    } finally {
      await admin.end();
    }
    return pid;
  }
  const pidNow = () => (conn.query('SELECT pg_backend_pid() AS pid').rows[0] as { pid: number }).pid;

  it('a read after the server ended the session connects anew, with the session’s user name', async () => {
    conn.setSession(`SELECT set_config('funddesk.user_name', $1, false)`, ['张经理']);
    const old = await endSession();
    expect(conn.query('SELECT count(*) AS n FROM funds').rows).toEqual([{ n: 0 }]);
    expect(pidNow()).not.toBe(old);
    expect(conn.query(`SELECT current_setting('funddesk.user_name') AS u`).rows).toEqual([{ u: '张经理' }]);
    conn.query(`INSERT INTO funds VALUES ($1, $2, $3)`, [1, '一号基金', 1]);
    expect(conn.query('SELECT name FROM funds').rows).toEqual([{ name: '一号基金' }]);
  });

  it('a transaction the lost connection ended fails in Chinese, keeps nothing, and the next one works', async () => {
    conn.query('BEGIN');
    conn.query(`INSERT INTO funds VALUES (1, '一号基金', 1)`);
    await endSession();
    const caught = thrown(() => conn.query(`INSERT INTO funds VALUES (2, '二号基金', 2)`));
    expect(caught).toMatchObject({ sqlstate: '08006' });
    expect(explainDbError(caught).message).toMatch(
      /与 PostgreSQL 服务器的连接中断了，本次操作没有写入任何内容/,
    );
    conn.query('ROLLBACK');
    expect(conn.tx).toBe('I');
    expect(conn.query('SELECT count(*) AS n FROM funds').rows).toEqual([{ n: 0 }]);
    conn.query('BEGIN');
    conn.query(`INSERT INTO funds VALUES (3, '三号基金', 3)`);
    conn.query('COMMIT');
    expect(conn.query('SELECT id FROM funds').rows).toEqual([{ id: 3 }]);
  });

  it('a write outside a transaction is not sent twice: it fails, and the next statement connects anew', async () => {
    await endSession();
    const caught = thrown(() => conn.query(`INSERT INTO funds VALUES (1, '一号基金', 1)`));
    expect(caught).toMatchObject({ sqlstate: '08006' });
    expect(conn.query('SELECT count(*) AS n FROM funds').rows).toEqual([{ n: 0 }]);
  });
});
