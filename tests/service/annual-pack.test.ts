// 年度报送: every sheet's 合计 row, read back from the xlsx in the chosen unit, equals the matching report's
// figures as of 12-31; the pack prints A4 landscape with its header row repeated; LibreOffice opens every sheet;
// the CLI writes it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reinvestmentData } from '../../src/main/cli/commands-compliance';
import { loadDemo } from '../../src/main/demo';
import { exportReport } from '../../src/main/export';
import { listAlerts } from '../../src/main/services/compliance/alerts';
import { yearRows, yearScorecards } from '../../src/main/services/evaluation/scorecards';
import { buildReport } from '../../src/main/services/reports';
import { annualPack, PACK_SHEETS } from '../../src/main/services/reports/annual-pack';
import type { ReportData } from '../../src/shared/reports/types';
import { funddesk } from '../helpers/cli';
import { tempDb } from '../helpers/temp-db';

const YEAR = 2024;
const WAN = 1_000_000;
let t: Awaited<ReturnType<typeof tempDb>>;
let wb: ExcelJS.Workbook;
let xlsx: Uint8Array;

beforeAll(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
  const pack = await annualPack(t.opened, YEAR);
  xlsx = (await exportReport(pack, 'xlsx', 'wan')).bytes;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ArrayBuffer);
}, 120_000);
afterAll(() => t.cleanup());

const report = (name: string, asOf = `${YEAR}-12-31`) => buildReport(t.opened, name, { asOf });

/** The sheet's values by header, for the row whose label starts with 合计 (or 平均). */
function totalsOf(sheet: string, label = /^(合计|平均)/): Map<string, unknown> {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const header = ws.getRow(3);
  let found: ExcelJS.Row | null = null;
  ws.eachRow((row) => {
    row.eachCell((c) => {
      if (typeof c.value === 'string' && label.test(c.value)) found = row;
    });
  });
  if (!found) throw new Error(`no totals row in ${sheet}`);
  const out = new Map<string, unknown>();
  header.eachCell((h, i) => out.set(String(h.value), (found as unknown as ExcelJS.Row).getCell(i).value));
  return out;
}

/** fen → the 万元 number written in the file. */
const wan = (fen: unknown) => Number(fen) / WAN;

/** Every money column of a report table's totals equals the sheet's totals row. */
function sameMoneyTotals(r: ReportData, sheet: string) {
  const t0 = r.tables[0]!;
  const got = totalsOf(sheet);
  let n = 0;
  for (const c of t0.columns) {
    if (c.kind !== 'money') continue;
    expect(got.get(`${c.header}（万元）`), `${sheet} ${c.header}`).toBeCloseTo(wan(t0.totals![c.key]), 6);
    n++;
  }
  expect(n).toBeGreaterThan(2);
}

describe('年度报送 pack', () => {
  it('has the sheets in order, A4 landscape, with the header row repeated on every page', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...PACK_SHEETS]);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      if (ws.name !== '总览') expect(ws.pageSetup.printTitlesRow, ws.name).toBe('3:3');
    }
    expect(String(wb.getWorksheet('出资明细')!.getRow(2).getCell(1).value)).toContain('金额单位：万元');
  });

  it('总览 holds the 引导基金总览 figures of 12-31', async () => {
    const o = await report('overview');
    const ws = wb.getWorksheet('总览')!;
    const values = new Map<string, unknown>();
    ws.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    for (const f of o.figures) {
      expect(values.get(f.label), f.label).toBeCloseTo(
        f.kind === 'money' ? wan(f.value) : Number(f.value),
        6,
      );
    }
  });

  it('返投 totals the compliance desk’s 返投 by rule; 未处理提醒 lists every open alert of 12-31', () => {
    const data = reinvestmentData(t.opened, `${YEAR}-12-31`).funds;
    const sum = (k: 'requiredFen' | 'recognisedFen' | 'gapFen') => data.reduce((s, f) => s + (f[k] ?? 0), 0);
    const got = totalsOf('返投');
    expect(got.get('返投要求（万元）')).toBeCloseTo(wan(sum('requiredFen')), 6);
    expect(got.get('认定合计（万元）')).toBeCloseTo(wan(sum('recognisedFen')), 6);
    expect(got.get('返投缺口（万元）')).toBeCloseTo(wan(sum('gapFen')), 6);
    const open = listAlerts(t.opened, `${YEAR}-12-31`).filter((a) => !a.acknowledged);
    expect(open.length).toBeGreaterThan(0);
    expect(String(totalsOf('未处理提醒').get('级别') ?? totalsOf('未处理提醒').get('提醒类型'))).toContain(
      `合计（${open.length}条）`,
    );
  });

  it('子基金基本情况, 直投基金 and 业绩 total as their reports', async () => {
    sameMoneyTotals(await report('sub-funds'), '子基金基本情况');
    sameMoneyTotals(await report('direct-funds'), '直投基金');
    const perf = await report('performance');
    sameMoneyTotals(perf, '业绩');
    expect(totalsOf('业绩').get('TVPI')).toBeCloseTo(Number(perf.tables[0]!.totals!.tvpi), 9);
  });

  it('出资明细 and 退出与分配: cumulative = 基金业绩 on 12-31, the year = the change since last 12-31', async () => {
    const now = (await report('performance')).tables[0]!.totals!;
    const before = (await report('performance', `${YEAR - 1}-12-31`)).tables[0]!.totals!;
    const calls = totalsOf('出资明细');
    expect(calls.get('累计实缴（万元）')).toBeCloseTo(wan(now.paidIn), 6);
    expect(calls.get(`${YEAR}年出资（万元）`)).toBeCloseTo(
      wan(Number(now.paidIn) - Number(before.paidIn)),
      6,
    );
    const dist = totalsOf('退出与分配');
    expect(dist.get('累计分配（万元）')).toBeCloseTo(wan(now.distributed), 6);
    expect(dist.get(`${YEAR}年分配（万元）`)).toBeCloseTo(
      wan(Number(now.distributed) - Number(before.distributed)),
      6,
    );
    expect(Number(dist.get(`${YEAR}年分配（万元）`))).toBeGreaterThan(0);
  });

  it('投资明细 totals the year’s new investments: the funds’ 已投金额 now less a year ago', async () => {
    const invested = async (asOf: string) =>
      Number((await report('sub-funds', asOf)).tables[0]!.totals!.invested) +
      Number((await report('direct-funds', asOf)).tables[0]!.totals!.invested);
    const growth = (await invested(`${YEAR}-12-31`)) - (await invested(`${YEAR - 1}-12-31`));
    expect(growth).toBeGreaterThan(0);
    expect(totalsOf('投资明细').get('投资金额（万元）')).toBeCloseTo(wan(growth), 6);
  });

  it('绩效评价 lists the year’s scorecards, its average as the evaluation summary', () => {
    const rows = yearRows(yearScorecards(t.opened, YEAR));
    const avg = rows.reduce((s, r) => s + r.total, 0) / rows.length;
    expect(totalsOf('绩效评价').get('总分')).toBeCloseTo(avg, 2);
  });
});

describe('funddesk report scorecard --json', () => {
  it('lists every fund of the year with template, total, grade and indicators', {
    timeout: 60_000,
  }, async () => {
    const r = await funddesk(['report', 'scorecard', '--db', t.path, '--year', String(YEAR), '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    const cards = yearScorecards(t.opened, YEAR);
    expect(j.funds).toHaveLength(cards.length);
    const f = j.funds[0];
    expect(f).toMatchObject({
      fundId: cards[0]!.fundId,
      fundName: cards[0]!.fundName,
      total: cards[0]!.total,
    });
    expect(f.template).toEqual({ name: '子基金年度绩效评价（示例）', version: 1 });
    expect(typeof f.grade).toBe('string');
    const irr = f.indicators.find((i: { name: string }) => i.name === '净IRR');
    expect(Object.keys(irr)).toEqual(
      expect.arrayContaining(['name', 'weight', 'value', 'score', 'computed']),
    );
    expect(irr.computed).toBe(true);
    expect(f.indicators.find((i: { name: string }) => i.name === '信息报送及时性').computed).toBe(false);
    const bad = await funddesk(['report', 'scorecard', '--db', t.path, '--json']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('请用 --year YYYY 指定年度');
  });
});

const soffice = (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, 'soffice')));

describe('年度报送 CLI and LibreOffice', () => {
  it('`funddesk report annual-pack` writes the pack; LibreOffice opens every sheet', {
    timeout: 180_000,
  }, async () => {
    const out = join(t.dir, 'pack.xlsx');
    const r = await funddesk(['report', 'annual-pack', '--db', t.path, '--year', String(YEAR), '--out', out]);
    expect(r.err).toBe('');
    expect(r.out).toContain('已导出');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const bad = await funddesk(['report', 'annual-pack', '--db', t.path, '--year', '24', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('请用 --year YYYY 指定年度');
    if (!soffice || process.env.FUNDDESK_NO_LIBREOFFICE === '1') return;
    const dir = join(t.dir, 'csv');
    execFileSync(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        dir,
        out,
      ],
      { stdio: 'pipe', timeout: 150_000 },
    );
    const files = readdirSync(dir);
    expect(files).toHaveLength(PACK_SHEETS.length);
    const calls = readFileSync(join(dir, files.find((f) => f.includes('出资明细'))!), 'utf8');
    expect(calls).toMatch(/合计（\d+只）/);
  });
});
