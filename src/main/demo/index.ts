import { ApiError } from '../../shared/contract/define';
import type { DemoLoaded } from '../../shared/demo-loaded';
import type { Db } from '../db/open';
import { DEMO_KEY, setMeta } from '../services/meta';
import { buildDemo } from './build';
import { applyComplianceCases, clearComplianceCases } from './compliance';
import { insertDemo } from './insert';
import { DEMO_TABLES } from './types';

export { buildDemo } from './build';
export { insertDemo } from './insert';
export { DEMO_END, FUND_SPECS, TARGETS } from './specs';
export { DEMO_TABLES, type DemoData, type DemoRow, type DemoTable } from './types';

/** Meta key of a one-line note on when the demo was loaded and what it replaced (not an audit entry). */
export const DEMO_NOTE_KEY = 'dataset_note';

const TABLE_LABEL: Record<string, { label: string; unit: string }> = {
  funds: { label: '基金', unit: '只' },
  managers: { label: '基金管理人', unit: '家' },
  enterprises: { label: '企业', unit: '家' },
  institutions: { label: '投资机构', unit: '家' },
  cash_flows: { label: '现金流', unit: '条' },
  valuations: { label: '估值', unit: '条' },
  investments: { label: '投资', unit: '笔' },
  landed_projects: { label: '落地项目', unit: '个' },
  financing_deals: { label: '融资对接', unit: '条' },
};

async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table] of DEMO_TABLES) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(r.n);
  }
  return counts;
}

function describe(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .slice(0, 4)
    .map(([t, n]) => `${TABLE_LABEL[t]!.label} ${n} ${TABLE_LABEL[t]!.unit}`)
    .join('、');
}

/**
 * Load the bundled demo dataset (示例数据) in one transaction. A database that already holds records is
 * refused unless `replace`, which first empties every ledger (the audit log is kept) and leaves a meta
 * note. No audit rows are written for demo records. Marks the database as demo (meta DEMO_KEY).
 */
export async function loadDemo(db: Db, opts: { replace: boolean }): Promise<DemoLoaded> {
  const data = buildDemo(1);
  return db.transaction().execute(async (trx) => {
    const counts = await countRows(trx);
    const existing = Object.values(counts).reduce((a, b) => a + b, 0);
    if (existing > 0 && !opts.replace) {
      throw new ApiError({
        code: 'conflict',
        message: `数据库中已有数据（${describe(counts)}），载入示例数据会与现有台账混在一起、使汇总失真，因此未载入。如确需改用示例数据，请选择“替换现有数据”（命令行加 --replace）：现有台账将被清空（操作日志保留），建议先备份。`,
      });
    }
    if (existing > 0) {
      await clearComplianceCases(trx);
      for (const [table] of [...DEMO_TABLES].reverse()) await trx.deleteFrom(table).execute();
    }
    await insertDemo(trx, data);
    await applyComplianceCases(trx);
    await setMeta(trx, DEMO_KEY, 'demo');
    await setMeta(
      trx,
      DEMO_NOTE_KEY,
      existing > 0
        ? `${new Date().toISOString()} 载入示例数据，替换了原有台账（${describe(counts)}等共 ${existing} 条记录）`
        : `${new Date().toISOString()} 载入示例数据`,
    );
    return {
      funds: data.funds.length,
      subFunds: data.funds.filter((f) => f.kind === 'sub').length,
      directFunds: data.funds.filter((f) => f.kind === 'direct').length,
      projects: data.landed_projects.length,
      projectsCancelled: data.landed_projects.filter((p) => p.status === 'cancelled').length,
      deals: data.financing_deals.length,
    };
  });
}
