import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { getOverview } from '../../src/main/services/overview';
import { tempDb, testClient } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

describe('demo.clear', () => {
  it('empties a demo database and drops the 示例数据 mark', async () => {
    const api = testClient(t.opened);
    await loadDemo(t.db, { replace: false });
    expect((await api('app.info')).isDemo).toBe(true);
    const r = await api('demo.clear', { confirm: true });
    expect(r.removed).toBeGreaterThan(500);
    const info = await api('app.info');
    expect(info.isDemo).toBe(false);
    expect(info.isEmpty).toBe(true);
    const o = await getOverview(t.db, '2025-12-31');
    expect(o.subFunds.count).toBe(0);
    expect(o.landedProjects.count).toBe(0);
  });

  it('refuses to clear real data, which stays as it was', async () => {
    const api = testClient(t.opened);
    await api('ledger.create', {
      entity: 'institution',
      values: { name: '深圳市真实创投有限公司', kind: 'vc' },
    });
    await expect(api('demo.clear', { confirm: true })).rejects.toThrow('不是示例数据');
    expect(await t.db.selectFrom('institutions').select('name').execute()).toEqual([
      { name: '深圳市真实创投有限公司' },
    ]);
  });

  it('needs the confirmation flag', async () => {
    const api = testClient(t.opened);
    await loadDemo(t.db, { replace: false });
    await expect(api('demo.clear', {} as never)).rejects.toThrow('调用参数不正确');
    expect((await api('app.info')).isDemo).toBe(true);
  });
});
