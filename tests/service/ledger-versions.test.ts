import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { setSessionUser } from '../../src/main/db/session-user';
import { localMinute } from '../../src/main/services/ledger/stale';
import { freshDbPerTest, refusal, testClient } from '../helpers/temp-db';

// Optimistic concurrency (#17): two people on two real connections to one database (a SQLite file, or a
// PostgreSQL server with FUNDDESK_TEST_PG).
const env = freshDbPerTest();

async function twoPeople() {
  const { t, api } = env;
  setSessionUser(t.opened, '张三');
  const other = await openDatabase(t.path);
  setSessionUser(other, '李四');
  return { zhang: api, li: testClient(other), close: () => other.close() };
}

describe('row versions', () => {
  it('a record starts at version 1 and each saved edit raises it', async () => {
    const { api } = env;
    const a = await api('ledger.create', { entity: 'institution', values: { name: '甲创投' } });
    expect(a.row_version).toBe(1);
    const b = await api('ledger.update', {
      entity: 'institution',
      id: a.id,
      values: { name: '甲创投一' },
      version: 1,
    });
    expect(b.row_version).toBe(2);
    // The audit log shows what the user changed, not the version.
    const log = await api('audit.list', { entity: 'institution', action: 'update', limit: 5, offset: 0 });
    expect(log.entries[0]?.after).toEqual({ name: '甲创投一' });
  });

  it('an edit made on a stale row is refused, naming who changed it and when; the stored row stays', async () => {
    const { zhang, li, close } = await twoPeople();
    try {
      const row = await zhang('ledger.create', {
        entity: 'institution',
        values: { name: '甲创投', notes: '原备注' },
      });
      // Both have version 1 on screen. 李四 saves first.
      await li('ledger.update', {
        entity: 'institution',
        id: row.id,
        values: { notes: '李四的备注' },
        version: 1,
      });
      const e = await refusal(
        zhang('ledger.update', {
          entity: 'institution',
          id: row.id,
          values: { name: '张三改名' },
          version: 1,
        }),
      );
      expect(e.code).toBe('stale');
      const at = (await zhang('audit.list', { entity: 'institution', limit: 1, offset: 0 })).entries[0]!.at;
      expect(e.message).toBe(`该记录已被 李四 于 ${localMinute(at)} 修改，已显示最新内容；您的修改未保存`);
      const now = await zhang('ledger.get', { entity: 'institution', id: row.id });
      expect(now).toMatchObject({ name: '甲创投', notes: '李四的备注', row_version: 2 });
      // A delete on the stale version is refused the same way; on the current one it goes through.
      const d = await refusal(zhang('ledger.delete', { entity: 'institution', id: row.id, version: 1 }));
      expect(d.message).toContain('该记录已被 李四');
      expect(d.message).toContain('您的删除未执行');
      await zhang('ledger.delete', { entity: 'institution', id: row.id, version: 2 });
      expect((await refusal(li('ledger.get', { entity: 'institution', id: row.id }))).code).toBe('not_found');
    } finally {
      await close();
    }
  });

  it('two people editing different rows at once both save', async () => {
    const { zhang, li, close } = await twoPeople();
    try {
      const a = await zhang('ledger.create', { entity: 'institution', values: { name: '甲创投' } });
      const b = await zhang('ledger.create', { entity: 'institution', values: { name: '乙创投' } });
      const saved = await Promise.all([
        zhang('ledger.update', { entity: 'institution', id: a.id, values: { notes: '张三' }, version: 1 }),
        li('ledger.update', { entity: 'institution', id: b.id, values: { notes: '李四' }, version: 1 }),
      ]);
      expect(saved.map((r) => [r.notes, r.row_version])).toEqual([
        ['张三', 2],
        ['李四', 2],
      ]);
      const users = (await zhang('audit.list', { action: 'update', limit: 5, offset: 0 })).entries.map(
        (x) => x.user_name,
      );
      expect(users.sort()).toEqual(['张三', '李四'].sort());
    } finally {
      await close();
    }
  });
});
