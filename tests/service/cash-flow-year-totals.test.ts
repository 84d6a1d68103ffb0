import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { clearDemo } from '../../src/main/demo/clear';
import { loadDemo } from '../../src/main/demo/index';
import { backupNow } from '../../src/main/services/backup';
import { restoreInto } from '../../src/main/services/backup/restore';
import { commitImport } from '../../src/main/services/import/commit';
import { createRow, deleteRow, listRows, updateRow } from '../../src/main/services/ledger/service';
import { getOverview } from '../../src/main/services/overview';
import { rollBackAfter } from '../helpers/migrations';
import { tempDb } from '../helpers/temp-db';

/**
 * The yearly cash-flow totals of migration 0003 (kept by triggers) behind the headline paid-in figure: after
 * any mix of adds, edits that move a flow to another year, fund or type, deletes, imports and a demo clear,
 * they equal a fresh GROUP BY of the cash flows, and the paid-in as of any date equals a plain sum.
 */

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

type Total = { fund_id: number; type: string; year: number; amount_fen: number; flows: number };

async function stored(): Promise<Total[]> {
  return (
    await sql<Total>`SELECT fund_id, type, year, amount_fen, flows FROM cash_flow_year_totals
    ORDER BY fund_id, type, year`.execute(t.db)
  ).rows;
}

async function fresh(): Promise<Total[]> {
  return (
    await sql<Total>`SELECT fund_id, type, CAST(substr(date, 1, 4) AS INTEGER) AS year,
    sum(amount_fen) AS amount_fen, count(*) AS flows FROM cash_flows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(
      t.db,
    )
  ).rows;
}

/** Paid-in of the sub-funds established by a date, summed the plain way. */
async function plainPaidIn(asOf: string): Promise<number> {
  const r = await sql<{ s: number }>`SELECT coalesce(sum(c.amount_fen), 0) AS s FROM cash_flows c
    JOIN funds f ON f.id = c.fund_id WHERE f.kind = 'sub' AND c.type = 'call' AND c.date <= ${asOf}
    AND (f.established_date IS NULL OR f.established_date <= ${asOf})`.execute(t.db);
  return Number(r.rows[0]!.s);
}

const DATES = [
  '2015-06-30',
  '2019-12-31',
  '2020-01-01',
  '2023-07-15',
  '2024-12-31',
  '2025-01-01',
  '2025-12-31',
];

async function expectConsistent() {
  expect(await stored()).toEqual(await fresh());
  for (const d of DATES) expect((await getOverview(t.db, d)).subFunds.paidInFen).toBe(await plainPaidIn(d));
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('yearly cash-flow totals (migration 0003)', () => {
  it('the demo data: totals equal the flows, paid-in is 12.37亿 at 2025-12-31', async () => {
    await loadDemo(t.db, { replace: false });
    await expectConsistent();
    expect((await getOverview(t.db, '2025-12-31')).subFunds.paidInFen).toBe(123_700_000_000);
  });

  it('stay equal to the flows through 300 random adds, edits and deletes', async () => {
    await loadDemo(t.db, { replace: false });
    const funds = (await listRows(t.db, 'fund')).map((f) => f.id as number);
    const types = ['call', 'distribution', 'fee', 'other'];
    const next = rng(20261127);
    const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
    const date = () =>
      `${2016 + Math.floor(next() * 10)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(
        1 + Math.floor(next() * 28),
      ).padStart(2, '0')}`;
    for (let i = 0; i < 300; i++) {
      const flows = (await listRows(t.db, 'cash_flow')).map((f) => f.id as number);
      const op = next();
      if (op < 0.4 || flows.length === 0) {
        await createRow(t.db, 'cash_flow', {
          fund_id: pick(funds),
          date: date(),
          type: pick(types),
          amount_fen: 1 + Math.floor(next() * 1e10),
        });
      } else if (op < 0.8) {
        const field = pick(['date', 'type', 'fund_id', 'amount_fen', 'note']);
        const patch =
          field === 'date'
            ? { date: date() }
            : field === 'type'
              ? { type: pick(types) }
              : field === 'fund_id'
                ? { fund_id: pick(funds) }
                : field === 'amount_fen'
                  ? { amount_fen: 1 + Math.floor(next() * 1e10) }
                  : { note: `备注${i}` };
        await updateRow(t.db, 'cash_flow', pick(flows), patch);
      } else {
        await deleteRow(t.db, 'cash_flow', pick(flows));
      }
      if (i % 50 === 49) await expectConsistent();
    }
    await expectConsistent();
  });

  it('follow an import, a rolled-back write, a restore and clearing the demo data', async () => {
    await loadDemo(t.db, { replace: false });
    const fund = (await listRows(t.db, 'fund')).find((f) => f.kind === 'sub')!;
    const csv = `基金,日期,类型,金额（万元）\r\n${fund.name},2025-03-01,实缴出资,100\r\n${fund.name},2024-03-01,实缴出资,50\r\n`;
    const before = await getOverview(t.db, '2025-12-31');
    await commitImport(t.opened, {
      ledger: 'cash_flow',
      fileName: 'a.csv',
      bytes: Buffer.from(csv),
      duplicates: 'refuse',
      remember: false,
    });
    expect((await getOverview(t.db, '2025-12-31')).subFunds.paidInFen).toBe(
      before.subFunds.paidInFen + 150_000_000,
    );
    await expectConsistent();
    // A write that fails half-way leaves the totals as they were (same transaction as the flows).
    const totals = await stored();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('cash_flows')
          .values({ fund_id: fund.id as number, date: '2025-05-05', type: 'call', amount_fen: 7 })
          .execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await stored()).toEqual(totals);
    // A restore replaces the flows: the totals are those of the restored flows.
    const backup = await backupNow(t.opened, 'manual');
    await createRow(t.db, 'cash_flow', {
      fund_id: fund.id,
      date: '2025-06-01',
      type: 'call',
      amount_fen: 99,
    });
    await restoreInto(t.opened, backup.path);
    expect(await stored()).toEqual(totals);
    await expectConsistent();
    await clearDemo(t.db);
    await expectConsistent();
  });

  it('are built from the stored flows when a file of the previous version is opened', async () => {
    await loadDemo(t.db, { replace: false });
    const expected = await fresh();
    // Make it a file as 0002 left it: no totals, no triggers, no record of 0003 (nor of any later one).
    await rollBackAfter(t.db, '0002_covering_indexes');
    await t.opened.close();
    const reopened = await openDatabase(t.path);
    t.opened = reopened;
    t.db = reopened.db;
    expect(reopened.preMigrationBackup).toMatch(/before-0003_headline_figures/);
    expect(await stored()).toEqual(expected);
    await expectConsistent();
  });
});
