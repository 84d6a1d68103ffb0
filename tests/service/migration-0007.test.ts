// Migration 0007 on real temporary SQLite files: a database of version 6 with data is upgraded, every row and
// index survives, and 并购区内企业 can then be recorded (ledger, import) and is recognised by its multiplier.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo/index';
import { createRuleSet, setFundRuleSet } from '../../src/main/services/compliance/edit';
import { reinvestmentStatus } from '../../src/main/services/compliance/reinvest';
import { commitImport } from '../../src/main/services/import/commit';
import { RULE_CATEGORY } from '../../src/shared/compliance/rule-set';
import { rollBackAfter } from '../helpers/migrations';
import { refusal, tempDb, testClient } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

const TABLES = ['investments', 'landed_projects'];

async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const table of TABLES) {
    out[table] = (await sql`SELECT * FROM ${sql.table(table)} ORDER BY id`.execute(t.db)).rows;
    out[`${table}:schema`] = (
      await sql<{ name: string }>`SELECT type, name FROM sqlite_master WHERE tbl_name = ${table}
        AND type IN ('index', 'trigger') ORDER BY name`.execute(t.db)
    ).rows.map((r) => r.name);
  }
  return out;
}

async function reopen() {
  await t.opened.close();
  t.opened = await openDatabase(t.path);
  t.db = t.opened.db;
}

/** Recognitions the demo holds, by category. */
const categories = () =>
  t.opened.raw
    .prepare(
      `SELECT reinvest_category, count(*) FROM (SELECT reinvest_category FROM investments UNION ALL
       SELECT reinvest_category FROM landed_projects) WHERE reinvest_category IS NOT NULL GROUP BY 1`,
    )
    .raw(true)
    .all();

describe('migration 0007 (并购区内企业)', () => {
  it('upgrades a version-6 file with data: every row, index and recognition survives', async () => {
    await loadDemo(t.db, { replace: false });
    const before = await snapshot();
    const cats = categories();
    const status = reinvestmentStatus(t.opened, '2025-12-31');
    expect((before.investments as unknown[]).length).toBeGreaterThan(100);

    await rollBackAfter(t.db, '0006_evaluation');
    // A version-6 file refuses the category: its CHECK allows five.
    expect(() =>
      t.opened.raw.exec(`UPDATE investments SET reinvest_category = 'acquired'
        WHERE id = (SELECT min(id) FROM investments WHERE reinvest_category IS NOT NULL)`),
    ).toThrow(/CHECK/);
    await reopen();
    expect(t.opened.preMigrationBackup).toMatch(/before-0007_acquired_category/);

    const after = await snapshot();
    expect(after.investments).toEqual(before.investments);
    expect(after.landed_projects).toEqual(before.landed_projects);
    expect(after['investments:schema']).toEqual(before['investments:schema']);
    expect(after['landed_projects:schema']).toEqual(before['landed_projects:schema']);
    expect(categories()).toEqual(cats);
    expect(reinvestmentStatus(t.opened, '2025-12-31')).toEqual(status);
    expect(t.opened.raw.pragma('foreign_key_check')).toEqual([]);
    expect(t.opened.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a record can be 并购区内企业 in the ledger and in an import, and the rule applies its multiplier', async () => {
    const api = testClient(t.opened);
    const WAN = 1_000_000;
    t.opened.raw.exec(`
      INSERT INTO funds (id, kind, name, established_date, total_size_fen, guidance_commitment_fen,
        reinvest_multiple, reinvest_base, reinvest_deadline) VALUES
        (1, 'sub', '并购测试子基金合伙企业（有限合伙）', '2020-01-01', ${100000 * WAN}, ${10000 * WAN}, 2,
         'commitment', '2027-12-31');
      INSERT INTO enterprises (id, name, in_district) VALUES (1, '甲并购标的有限公司', 1), (2, '乙并购标的有限公司', 1);`);
    expect(RULE_CATEGORY.label.acquired).toBe('并购区内企业');
    await api('ledger.create', {
      entity: 'investment',
      values: {
        fund_id: 1,
        enterprise_id: 1,
        date: '2022-01-01',
        amount_fen: 1000 * WAN,
        reinvest_category: 'acquired',
        reinvest_recognised_fen: 1000 * WAN,
      },
    });
    const csv = `基金,被投企业,投资日期,投资金额（万元）,返投认定类别,返投认定金额（万元）\r\n并购测试子基金合伙企业（有限合伙）,乙并购标的有限公司,2023-05-01,500,并购区内企业,500\r\n`;
    await commitImport(t.opened, {
      ledger: 'investment',
      fileName: 'a.csv',
      bytes: Buffer.from(csv),
      duplicates: 'refuse',
      remember: false,
    });
    const rs = createRuleSet(t.opened, {
      name: '并购1.8倍',
      base: 'fund',
      multiple: null,
      deadline_date: null,
      deadline_years: null,
      categories: Object.fromEntries(
        RULE_CATEGORY.codes.map((c) => [
          c,
          { multiplier: c === 'acquired' ? 1.8 : 1, cap_pct: null, lock_in_years: null },
        ]),
      ),
      notes: null,
    });
    setFundRuleSet(t.opened, 1, rs);
    const s = reinvestmentStatus(t.opened, '2025-12-31', 1)[0]!;
    expect(s.byCategory.acquired.computedFen).toBe(2700 * WAN); // (1000 + 500) × 1.8
    expect(s.items.map((i) => [i.enterpriseName, i.category, i.recognisedFen])).toEqual([
      ['甲并购标的有限公司', 'acquired', 1800 * WAN],
      ['乙并购标的有限公司', 'acquired', 900 * WAN],
    ]);
    // An unknown category is still refused with a Chinese message.
    const e = await refusal(
      api('ledger.update', { entity: 'investment', id: 1, values: { reinvest_category: 'merged' } }),
    );
    expect(e.message).toMatch(/返投认定类别/);
  });

  it('cannot be undone while a record uses the category; nothing is changed', async () => {
    t.opened.raw.exec(`
      INSERT INTO funds (id, kind, name, total_size_fen, guidance_commitment_fen) VALUES (1, 'sub', '甲基金', 1, 1);
      INSERT INTO enterprises (id, name, in_district) VALUES (1, '甲公司', 1);
      INSERT INTO investments (fund_id, enterprise_id, date, amount_fen, reinvest_category, reinvest_recognised_fen)
        VALUES (1, 1, '2024-01-01', 100, 'acquired', 100);`);
    const before = await snapshot();
    await expect(migrations['0007_acquired_category']!.down!(t.db)).rejects.toThrow(/并购区内企业/);
    expect(await snapshot()).toEqual(before);
  });
});
