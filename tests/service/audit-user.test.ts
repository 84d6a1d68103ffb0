import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { setSessionUser } from '../../src/main/db/session-user';
import { freshDbPerTest, refusal, testClient } from '../helpers/temp-db';

// Who changed what (#17): every audit entry records the session's user name, on both engines.
const env = freshDbPerTest();

const users = async () =>
  (await env.api('audit.list', { limit: 50, offset: 0 })).entries.map((e) => [e.summary, e.user_name]);

describe('user names in the audit log', () => {
  it('records the session user for every writer, and old entries keep none', async () => {
    const { api, t } = env;
    await api('ledger.create', { entity: 'institution', values: { name: '未署名创投' } });
    await api('session.setUser', { name: '张三' });
    expect(await api('session.user', {})).toEqual({ name: '张三' });
    const inst = await api('ledger.create', { entity: 'institution', values: { name: '甲创投' } });
    await api('ledger.update', { entity: 'institution', id: inst.id, values: { name: '甲创投（更名）' } });
    await api('ledger.createMany', { entity: 'institution', rows: [{ name: '乙创投' }] });
    // Writers that insert audit rows themselves (compliance, evaluation, restore) get the name too.
    await t.opened.raw
      .prepare(
        `INSERT INTO audit_log (action, entity, entity_id, summary, source) VALUES ('update', 'rule_set', 1, '改规则', 'ui')`,
      )
      .run();
    expect(await users()).toEqual([
      ['改规则', '张三'],
      ['批量新增投资机构“乙创投”', '张三'],
      ['修改投资机构“甲创投（更名）”', '张三'],
      ['新增投资机构“甲创投”', '张三'],
      ['新增投资机构“未署名创投”', ''],
    ]);
  });

  it('filters by user and lists the users, with two people on two connections', async () => {
    const { api, t } = env;
    await api('session.setUser', { name: '张三' });
    const second = await openDatabase(t.path);
    try {
      setSessionUser(second, '李四');
      const api2 = testClient(second);
      await api('ledger.create', { entity: 'institution', values: { name: '甲创投' } });
      await api2('ledger.create', { entity: 'institution', values: { name: '乙创投' } });
      await api('ledger.create', { entity: 'institution', values: { name: '丙创投' } });
      const li = await api('audit.list', { user: '李四', limit: 50, offset: 0 });
      expect(li.total).toBe(1);
      expect(li.entries.map((e) => e.summary)).toEqual(['新增投资机构“乙创投”']);
      const zhang = await api('audit.list', { user: '张三', limit: 50, offset: 0 });
      expect(zhang.entries.map((e) => e.summary)).toEqual(['新增投资机构“丙创投”', '新增投资机构“甲创投”']);
      expect(await api('audit.users', {})).toEqual(['张三', '李四'].sort());
    } finally {
      await second.close();
    }
  });

  it('keeps the name of rows copied in from elsewhere (a restore), and refuses a bad name', async () => {
    const { api, t } = env;
    await api('session.setUser', { name: '张三' });
    await t.db
      .insertInto('audit_log')
      .values({
        action: 'create',
        entity: 'institution',
        entity_id: 9,
        summary: '旧记录',
        at: '2020-01-01T00:00:00.000Z',
        user_name: '', // copied as stored: written before names were recorded
      })
      .execute();
    expect(await users()).toEqual([['旧记录', '']]);
    expect((await refusal(api('session.setUser', { name: '  ' }))).message).toContain('用户名不能为空');
    expect((await refusal(api('session.setUser', { name: '张\u0007三' }))).message).toContain('控制字符');
    expect(await api('session.user', {})).toEqual({ name: '张三' });
    // null: back to the login name (FUNDDESK_USER here)
    process.env.FUNDDESK_USER = '王五';
    try {
      expect(await api('session.setUser', { name: null })).toEqual({ name: '王五' });
    } finally {
      delete process.env.FUNDDESK_USER;
    }
  });

  it("says what changed since the last look, per user and ledger (other people's changes appear)", async () => {
    const { api, t } = env;
    const start = await api('audit.since', {});
    expect(start.changes).toEqual([]);
    const second = await openDatabase(t.path);
    try {
      setSessionUser(second, '李四');
      const api2 = testClient(second);
      await api2('ledger.createMany', {
        entity: 'institution',
        rows: [{ name: '甲创投' }, { name: '乙创投' }],
      });
      await api2('ledger.create', { entity: 'enterprise', values: { name: '深圳市甲科技有限公司' } });
      const seen = await api('audit.since', { afterId: start.lastId });
      expect(seen.changes.sort((a, b) => a.entity.localeCompare(b.entity))).toEqual([
        { user_name: '李四', entity: 'enterprise', n: 1 },
        { user_name: '李四', entity: 'institution', n: 2 },
      ]);
      expect(await api('audit.since', { afterId: seen.lastId })).toEqual({
        lastId: seen.lastId,
        changes: [],
      });
    } finally {
      await second.close();
    }
  });
});
