import type { Db } from '../db/open';

/** Placeholder until the demo dataset lands. */
export async function loadDemo(_db: Db, _opts: { replace: boolean }): Promise<{ funds: number; projects: number; deals: number }> {
  throw new Error('示例数据尚未实现');
}
