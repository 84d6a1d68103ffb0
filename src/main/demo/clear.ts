import { ApiError } from '../../shared/contract/define';
import type { Db } from '../db/open';
import { DEMO_KEY, isDemo, setMeta } from '../services/meta';
import { clearComplianceCases } from './compliance';
import { DEMO_TABLES } from './types';

/**
 * Empty a database that holds the demo dataset, so the user can start on real ledgers. Refused for a
 * database that is not marked as demo: real data is never cleared this way. The audit log is kept.
 */
export async function clearDemo(db: Db): Promise<{ removed: number }> {
  return db.transaction().execute(async (trx) => {
    if (!(await isDemo(trx))) {
      throw new ApiError({ code: 'conflict', message: '当前数据库不是示例数据，不能用“清除示例数据”清空' });
    }
    let removed = 0;
    await clearComplianceCases(trx);
    for (const [table] of [...DEMO_TABLES].reverse()) {
      const r = await trx.deleteFrom(table).executeTakeFirst();
      removed += Number(r.numDeletedRows);
    }
    await setMeta(trx, DEMO_KEY, null);
    await setMeta(trx, 'dataset_note', `${new Date().toISOString()} 清除示例数据（${removed} 条记录）`);
    return { removed };
  });
}
