import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { PgRaw } from '../../src/main/db/pg-raw';
import { freshDbPerTest, refusal, TEST_PG } from '../helpers/temp-db';

// Only in the PostgreSQL leg. The office's server restarts (or the network drops) while FundDesk is open: the
// app carries on without a restart — the next read connects anew, an edit saves under the same user name, and
// an edit the loss cut off is refused in Chinese with nothing of it kept (pg-sync.ts reconnect).
const env = freshDbPerTest();

async function restartSession() {
  const raw = env.t.opened.raw as unknown as PgRaw;
  const pid = (raw.conn.query('SELECT pg_backend_pid() AS pid').rows[0] as { pid: number }).pid;
  const admin = new pg.Client({ connectionString: TEST_PG as string });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    for (let i = 0; i < 200; i++) {
      if ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount === 0) break;
      await new Promise((ok) => setTimeout(ok, 25));
    }
  } finally {
    await admin.end();
  }
}

describe('the server connection lost while the app is open', () => {
  it('reads and edits go on after it, and the audit log still names the user', async () => {
    const { api } = env;
    await api('session.setUser', { name: '张经理' });
    await api('ledger.create', { entity: 'institution', values: { name: '甲创投' } });
    await restartSession();
    expect((await api('ledger.list', { entity: 'institution' })).map((r) => r.name)).toEqual(['甲创投']);
    await api('ledger.create', { entity: 'institution', values: { name: '乙创投' } });
    const entries = (await api('audit.list', { limit: 10, offset: 0 })).entries;
    expect(entries.map((e) => [e.summary, e.user_name])).toEqual([
      ['新增投资机构“乙创投”', '张经理'],
      ['新增投资机构“甲创投”', '张经理'],
    ]);
  });

  it('an edit whose transaction the loss ended is refused in Chinese, nothing kept; the next one saves', async () => {
    const { api, t } = env;
    const raw = t.opened.raw as unknown as PgRaw;
    raw.conn.query('BEGIN');
    raw.conn.query(`INSERT INTO institutions (name) VALUES ('半途创投')`);
    await restartSession();
    const e = await refusal(api('ledger.create', { entity: 'institution', values: { name: '丙创投' } }));
    expect(e.message).toMatch(/与 PostgreSQL 服务器的连接中断了，本次操作没有写入任何内容/);
    await api('ledger.create', { entity: 'institution', values: { name: '丁创投' } });
    expect((await api('ledger.list', { entity: 'institution' })).map((r) => r.name)).toEqual(['丁创投']);
  });
});
