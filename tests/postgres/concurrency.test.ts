import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDbPerTest } from '../helpers/temp-db';

// Several people at once on the server (#17): only in the PostgreSQL leg (vitest.config.ts).
const env = freshDbPerTest();

describe('PostgreSQL: row locks, not a database lock', () => {
  it("another session's open transaction on one row does not block an edit of another row", async () => {
    const { api, t } = env;
    const a = await api('ledger.create', { entity: 'institution', values: { name: '甲创投' } });
    const b = await api('ledger.create', { entity: 'institution', values: { name: '乙创投' } });
    const other = new pg.Client({ connectionString: t.path });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`UPDATE institutions SET notes = '未提交' WHERE id = $1`, [a.id]);
      // If this waited for the other transaction, it would never return (the other session commits below).
      await other.query(`SET lock_timeout = '5s'`);
      const saved = await api('ledger.update', {
        entity: 'institution',
        id: b.id,
        values: { notes: '已保存' },
        version: 1,
      });
      expect(saved.notes).toBe('已保存');
      // Until it commits, the other session's change is invisible here.
      expect((await api('ledger.get', { entity: 'institution', id: a.id })).notes).toBeNull();
      await other.query('COMMIT');
      expect((await api('ledger.get', { entity: 'institution', id: a.id })).notes).toBe('未提交');
    } finally {
      await other.end();
    }
  });
});
