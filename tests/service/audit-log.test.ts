import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/main/services/audit-log';
import { tempDb } from '../helpers/temp-db';

// Beijing time: before 08:00 the local day differs from the UTC day of the stamp.
process.env.TZ = 'Asia/Shanghai';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

const local = (y: number, m: number, d: number, h: number, min = 0) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe('audit log date filter', () => {
  it('filters on the local calendar day, whatever the time zone', async () => {
    // One entry early in the morning of 8 Aug (local), one late on 7 Aug, one just after midnight on 9 Aug.
    for (const [id, at] of [
      [1, local(2026, 8, 8, 2, 30)],
      [2, local(2026, 8, 7, 23, 59)],
      [3, local(2026, 8, 9, 0, 1)],
    ] as const) {
      await t.db
        .insertInto('audit_log')
        .values({ action: 'create', entity: 'institution', entity_id: id, summary: `记录${id}`, at })
        .execute();
    }
    const day = await listAudit(t.db, { from: '2026-08-08', to: '2026-08-08', limit: 50, offset: 0 });
    expect(day.entries.map((e) => e.entity_id)).toEqual([1]);
    const two = await listAudit(t.db, { from: '2026-08-07', to: '2026-08-08', limit: 50, offset: 0 });
    expect(two.entries.map((e) => e.entity_id).sort()).toEqual([1, 2]);
    expect(two.total).toBe(2);
  });
});
