import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { setSessionUser } from '../../src/main/db/session-user';
import { rollBackAfter } from '../helpers/migrations';
import { tempDb, testClient } from '../helpers/temp-db';

// Migration 0009 (#17) on a database written before it: old audit entries have no user, old rows version 1.
let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

describe('migration 0009 (user names, row versions)', () => {
  it('old entries keep no user (「（未记录）」) and old rows start at version 1', async () => {
    const api = testClient(t.opened);
    await api('ledger.create', { entity: 'institution', values: { name: '旧创投' } });
    await rollBackAfter(t.db, '0007_acquired_category');
    await sql`INSERT INTO audit_log (action, entity, entity_id, summary) VALUES ('update', 'institution', 1, '旧修改')`.execute(
      t.db,
    );
    await t.opened.close();
    t.opened = await openDatabase(t.path);
    setSessionUser(t.opened, '张三'); // set after the upgrade: old entries must not take the name
    const upgraded = testClient(t.opened);
    const log = await upgraded('audit.list', { limit: 10, offset: 0 });
    expect(log.entries.map((e) => [e.summary, e.user_name])).toEqual([
      ['旧修改', ''],
      ['新增投资机构“旧创投”', ''],
    ]);
    expect((await upgraded('ledger.get', { entity: 'institution', id: 1 })).row_version).toBe(1);
    await upgraded('ledger.update', { entity: 'institution', id: 1, values: { notes: '新' }, version: 1 });
    expect((await upgraded('audit.list', { user: '张三', limit: 10, offset: 0 })).total).toBe(1);
  });
});
