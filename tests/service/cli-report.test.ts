// `funddesk report …` end to end: the real command line, on a temporary demo database.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { loadDemo } from '../../src/main/demo';

const root = join(import.meta.dirname, '..', '..');
let dir: string;
let demo: string;
let bare: string;

function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'funddesk.js'), ...args], { cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-cli-'));
  demo = join(dir, 'demo.sqlite');
  const o = await openDatabase(demo);
  await loadDemo(o.db, { replace: false });
  await o.close();
  // A fund that has only paid in: no IRR exists.
  bare = join(dir, 'bare.sqlite');
  const b = await openDatabase(bare);
  b.raw.exec(`INSERT INTO funds (id, kind, name, established_date, total_size_fen, guidance_commitment_fen)
    VALUES (7, 'direct', '只有出资的直投基金', '2024-01-01', 100000000, 50000000)`);
  b.raw.exec(
    `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (7, '2024-03-01', 'call', 20000000)`,
  );
  await b.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts the real command line (TypeScript through tsx): seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

describe('funddesk report performance --json', () => {
  it('prints asOf and every fund with the §5 metrics', async () => {
    const r = await cli(['report', 'performance', '--db', demo, '--as-of', '2025-12-31', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['asOf', 'funds']);
    expect(j.asOf).toBe('2025-12-31');
    expect(j.funds).toHaveLength(15);
    for (const f of j.funds) {
      expect(Object.keys(f)).toEqual([
        'id',
        'name',
        'kind',
        'paidInFen',
        'distributedFen',
        'navFen',
        'navDate',
        'navValuationFen',
        'navCallsAfterFen',
        'navDistributionsAfterFen',
        'navNote',
        'dpi',
        'rvpi',
        'tvpi',
        'irr',
        'irrNote',
      ]);
      expect(['sub', 'direct']).toContain(f.kind);
      expect(typeof f.irr).toBe('number');
      expect(f.irrNote).toBeNull();
      expect(f.tvpi).toBeCloseTo(f.dpi + f.rvpi, 12);
    }
  });

  it('navFen is the adjusted NAV: the valuation of navDate plus later calls, minus later distributions', async () => {
    // 2025-08-31 lies between the 06-30 and 09-30 valuations, after several calls of August 2025.
    const r = await cli(['report', 'performance', '--db', demo, '--as-of', '2025-08-31', '--json']);
    expect(r.code, r.err).toBe(0);
    const funds = JSON.parse(r.out).funds as Record<string, number | string | null>[];
    for (const f of funds) {
      // (the demo's fifth fund has had no GP report since 2025-03-31: a nav_stale case)
      expect(f.navDate).toBe(f.id === 5 ? '2025-03-31' : '2025-06-30');
      expect(f.navFen).toBe(
        Math.max(
          0,
          Number(f.navValuationFen) + Number(f.navCallsAfterFen) - Number(f.navDistributionsAfterFen),
        ),
      );
    }
    expect(funds.filter((f) => Number(f.navCallsAfterFen) > 0).length).toBeGreaterThan(0);
  });

  it('gives irr null with the reason when no rate exists', async () => {
    const r = await cli(['report', 'performance', '--db', bare, '--as-of', '2025-12-31', '--json']);
    expect(r.code, r.err).toBe(0);
    const f = JSON.parse(r.out).funds[0];
    expect(f).toMatchObject({ id: 7, kind: 'direct', paidInFen: 20000000, irr: null });
    expect(f.irrNote).toMatch(/正负变化|无法计算/);
    expect(f).toMatchObject({ navFen: 0, navDate: null, navNote: '截至日期前尚无估值，净值按0计，不作调整' });
  });
});

describe('funddesk report NAME --format … --out …', () => {
  it('keeps the overview --json shape', async () => {
    const r = await cli(['report', 'overview', '--db', demo, '--as-of', '2025-12-31', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['asOf', 'subFunds', 'directFunds', 'landedProjects', 'financing']);
    expect(j.subFunds).toEqual({
      count: 11,
      totalSizeFen: 496300000000,
      guidanceCommitmentFen: 147000000000,
      paidInFen: 123700000000,
    });
  });

  it('writes xlsx, csv and json files', async () => {
    const xlsx = join(dir, 'sub.xlsx');
    const r1 = await cli([
      'report',
      'sub-funds',
      '--db',
      demo,
      '--as-of',
      '2025-12-31',
      '--unit',
      'yi',
      '--format',
      'xlsx',
      '--out',
      xlsx,
    ]);
    expect(r1.code, r1.err).toBe(0);
    expect(r1.out).toContain('已导出');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(3, 6).value).toBe('认缴规模（亿元）');
    expect(ws.getCell(4 + 11, 6).value).toBeCloseTo(49.63, 10);

    // A folder as --out: the default file name inside it.
    const r2 = await cli([
      'report',
      'overview',
      '--db',
      demo,
      '--as-of',
      '2025-12-31',
      '--format',
      'csv',
      '--out',
      dir,
    ]);
    expect(r2.code, r2.err).toBe(0);
    const csv = readFileSync(join(dir, '引导基金总览_截至2025-12-31.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const json = join(dir, 'fund.json');
    const r3 = await cli([
      'report',
      'fund',
      '--db',
      demo,
      '--fund',
      '3',
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
      '--out',
      json,
    ]);
    expect(r3.code, r3.err).toBe(0);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    expect(data).toMatchObject({ name: 'fund', asOf: '2025-12-31', fund: { id: 3 } });
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown report', ['report', 'nope', '--db', 'X'], /未知的报表：nope/],
    [
      'a bad unit',
      ['report', 'sub-funds', '--db', 'X', '--unit', 'usd', '--format', 'xlsx', '--out', 'a.xlsx'],
      /金额单位无效/,
    ],
    [
      'a bad date',
      ['report', 'financing', '--db', 'X', '--as-of', '2025-02-30', '--format', 'csv', '--out', 'a.csv'],
      /日期无效/,
    ],
    ['no --out', ['report', 'performance', '--db', 'X', '--format', 'pdf'], /--out/],
    ['no format', ['report', 'performance', '--db', 'X'], /--format/],
    [
      'a bad format',
      ['report', 'performance', '--db', 'X', '--format', 'docx', '--out', 'a.docx'],
      /导出格式无效/,
    ],
    [
      'the fund report without --fund',
      ['report', 'fund', '--db', 'X', '--format', 'pdf', '--out', 'a.pdf'],
      /--fund/,
    ],
    [
      'a missing folder',
      ['report', 'performance', '--db', 'X', '--format', 'csv', '--out', '/no/such/dir/a.csv'],
      /不存在/,
    ],
    [
      'a fund that does not exist',
      ['report', 'fund', '--db', 'X', '--fund', '999', '--format', 'csv', '--out', 'a.csv'],
      /找不到/,
    ],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with a Chinese message and a non-zero exit`, { timeout: 180_000 }, async () => {
      const r = await cli(
        args.map((a) => (a === 'X' ? demo : a === 'a.xlsx' || /^a\./.test(a) ? join(dir, a) : a)),
      );
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
      expect(r.out).toBe('');
    });
  }

  it('does not create a database that is not there', async () => {
    const missing = join(dir, 'missing.sqlite');
    const r = await cli(['report', 'performance', '--db', missing, '--json']);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/不存在/);
    expect(existsSync(missing)).toBe(false);
  });
});
