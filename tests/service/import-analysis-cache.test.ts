import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rememberAnalysis, takeAnalysis } from '../../src/main/services/import/analysis-cache';
import { analyseImport, type ImportOptions } from '../../src/main/services/import/service';
import { createRow, listRows } from '../../src/main/services/ledger/service';
import { tempDb, testClient } from '../helpers/temp-db';

/**
 * 导入 right after the preview reuses the preview's analysis only for the same file and options and only while
 * the database is unchanged; any write in between (this app's or another program's) makes it check again.
 */

const FUND = '深圳坪山新能源汽车产业投资基金合伙企业（有限合伙）';
let t: Awaited<ReturnType<typeof tempDb>>;
let fundId: number;
beforeEach(async () => {
  t = await tempDb();
  fundId = (
    await createRow(t.db, 'fund', {
      kind: 'sub',
      name: FUND,
      total_size_fen: 500_000_000_00,
      guidance_commitment_fen: 100_000_000_00,
    })
  ).id;
});
afterEach(() => t.cleanup());

const csv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
const FILE = csv([
  ['基金', '日期', '类型', '金额（万元）'],
  [FUND, '2024-03-01', '实缴出资', '100'],
  [FUND, '2024-06-01', '实缴出资', '200'],
]);
const opts = (bytes = FILE): ImportOptions => ({ ledger: 'cash_flow', fileName: 'a.csv', bytes });

describe('the preview’s analysis at commit', () => {
  it('is reused for the same bytes and options while nothing was written, once', async () => {
    const a = await analyseImport(t.db, opts());
    rememberAnalysis(t.opened, opts(), a);
    expect(takeAnalysis(t.opened, opts())).toBe(a);
    expect(takeAnalysis(t.opened, opts())).toBeNull();
  });

  it('is not reused for other bytes or options', async () => {
    rememberAnalysis(t.opened, opts(), await analyseImport(t.db, opts()));
    expect(takeAnalysis(t.opened, opts(csv([['基金', '日期', '类型', '金额（万元）']])))).toBeNull();
    rememberAnalysis(t.opened, opts(), await analyseImport(t.db, opts()));
    expect(takeAnalysis(t.opened, { ...opts(), defaultUnit: 'yi' })).toBeNull();
  });

  it('is dropped after a write by the app or by another program', async () => {
    rememberAnalysis(t.opened, opts(), await analyseImport(t.db, opts()));
    await createRow(t.db, 'cash_flow', { fund_id: fundId, date: '2020-01-01', type: 'fee', amount_fen: 5 });
    expect(takeAnalysis(t.opened, opts())).toBeNull();

    rememberAnalysis(t.opened, opts(), await analyseImport(t.db, opts()));
    const other = new SqliteDatabase(t.path);
    other.prepare("UPDATE funds SET notes = '另一个程序' WHERE id = ?").run(fundId);
    other.close();
    expect(takeAnalysis(t.opened, opts())).toBeNull();
  });

  it('through the handlers: a row stored between preview and 导入 is caught as a duplicate', async () => {
    const api = testClient(t.opened);
    const input = { ledger: 'cash_flow' as const, fileName: 'a.csv', bytes: FILE.toString('base64') };
    expect((await api('import.preview', input)).counts).toMatchObject({ ok: 2, duplicate: 0 });
    await createRow(t.db, 'cash_flow', {
      fund_id: fundId,
      date: '2024-06-01',
      type: 'call',
      amount_fen: 200_0000_00,
    });
    await expect(api('import.commit', { ...input, duplicates: 'refuse', remember: false })).rejects.toThrow(
      /有 1 行与已有记录或文件中前面的行重复/,
    );
    expect(await listRows(t.db, 'cash_flow')).toHaveLength(1);
    // Preview then 导入 with nothing in between: both rows once.
    const again = {
      ...input,
      bytes: csv([
        ['基金', '日期', '类型', '金额（万元）'],
        [FUND, '2024-03-01', '实缴出资', '100'],
      ]).toString('base64'),
    };
    await api('import.preview', again);
    expect(await api('import.commit', { ...again, duplicates: 'refuse', remember: false })).toMatchObject({
      created: 1,
    });
    expect((await listRows(t.db, 'cash_flow')).map((r) => r.amount_fen).sort()).toEqual([
      100_0000_00, 200_0000_00,
    ]);
  });
});
