import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funddesk } from '../helpers/cli';

const YI = 10_000_000_000; // fen in 1亿元
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'funddesk-cli-'));
  db = join(dir, 'demo.sqlite');
  const r = await funddesk(['demo', '--db', db]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('已写入示例数据');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('funddesk report overview', () => {
  it('prints the public figures of the Pingshan report from the demo data, amounts in fen', async () => {
    const r = await funddesk(['report', 'overview', '--db', db, '--as-of', '2025-12-31', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(Object.keys(o)).toEqual(['asOf', 'subFunds', 'directFunds', 'landedProjects', 'financing']);
    expect(o.asOf).toBe('2025-12-31');
    expect(Object.keys(o.subFunds)).toEqual(['count', 'totalSizeFen', 'guidanceCommitmentFen', 'paidInFen']);
    expect(Object.keys(o.directFunds)).toEqual(['count', 'totalSizeFen', 'collectiveAssetsFen']);
    expect(Object.keys(o.landedProjects)).toEqual(['count', 'amountFen']);
    expect(Object.keys(o.financing)).toEqual([
      'enterprisesMatched',
      'enterprisesFinanced',
      'amountClosedFen',
    ]);
    // 11 sub-funds, over 49.52亿 in total
    expect(o.subFunds.count).toBe(11);
    expect(o.subFunds.totalSizeFen).toBeGreaterThan(49.52 * YI);
    expect(o.subFunds.totalSizeFen).toBeLessThan(50 * YI);
    expect(o.subFunds.paidInFen).toBeLessThanOrEqual(o.subFunds.guidanceCommitmentFen);
    // 4 direct funds, 14亿
    expect(o.directFunds.count).toBe(4);
    expect(o.directFunds.totalSizeFen).toBe(14 * YI);
    // nearly 1亿 of collective assets
    expect(o.directFunds.collectiveAssetsFen).toBeLessThan(1 * YI);
    expect(o.directFunds.collectiveAssetsFen).toBeGreaterThanOrEqual(0.9 * YI);
    // nearly 80 landed projects, nearly 30亿
    expect(o.landedProjects.count).toBeGreaterThanOrEqual(75);
    expect(o.landedProjects.count).toBeLessThanOrEqual(80);
    expect(o.landedProjects.amountFen).toBeLessThan(30 * YI);
    expect(o.landedProjects.amountFen).toBeGreaterThanOrEqual(29 * YI);
    // nearly 100 enterprises matched, 20-odd financed for nearly 8亿
    expect(o.financing.enterprisesMatched).toBeGreaterThanOrEqual(90);
    expect(o.financing.enterprisesMatched).toBeLessThan(100);
    expect(o.financing.enterprisesFinanced).toBeGreaterThan(20);
    expect(o.financing.enterprisesFinanced).toBeLessThan(30);
    expect(o.financing.amountClosedFen).toBeLessThan(8 * YI);
    expect(o.financing.amountClosedFen).toBeGreaterThanOrEqual(7.5 * YI);
    for (const n of [o.subFunds.totalSizeFen, o.landedProjects.amountFen, o.financing.amountClosedFen]) {
      expect(Number.isInteger(n)).toBe(true);
    }
  });

  it('counts only what existed on an earlier as-of date', async () => {
    const later = JSON.parse(
      (await funddesk(['report', 'overview', '--db', db, '--as-of', '2025-12-31', '--json'])).out,
    );
    const early = JSON.parse(
      (await funddesk(['report', 'overview', '--db', db, '--as-of', '2019-12-31', '--json'])).out,
    );
    expect(early.asOf).toBe('2019-12-31');
    expect(early.subFunds.count).toBeLessThan(later.subFunds.count);
    expect(early.landedProjects.count).toBeLessThan(later.landedProjects.count);
    expect(early.subFunds.paidInFen).toBeLessThan(later.subFunds.paidInFen);
    const before = JSON.parse(
      (await funddesk(['report', 'overview', '--db', db, '--as-of', '2010-01-01', '--json'])).out,
    );
    expect(before.subFunds).toEqual({ count: 0, totalSizeFen: 0, guidanceCommitmentFen: 0, paidInFen: 0 });
  });

  it('prints a readable Chinese summary without --json', async () => {
    const r = await funddesk(['report', 'overview', '--db', db, '--as-of', '2025-12-31']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('子基金 11 只');
    expect(r.out).toContain('直投基金 4 只，规模 14.00亿元');
  });

  it('refuses a missing file, a foreign file and a bad date on stderr with a non-zero exit', async () => {
    const missing = await funddesk(['report', 'overview', '--db', join(dir, 'nope.sqlite'), '--json']);
    expect(missing.code).not.toBe(0);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('不存在');

    const foreign = join(dir, 'foreign.sqlite');
    writeFileSync(foreign, 'not a database at all '.repeat(100));
    const f = await funddesk(['report', 'overview', '--db', foreign, '--json']);
    expect(f.code).not.toBe(0);
    expect(f.err).toMatch(/不是 SQLite 数据库文件|不是 FundDesk/);

    for (const bad of ['2023-13-01', '2023-02-30', 'yesterday', '2023/8/1']) {
      const b = await funddesk(['report', 'overview', '--db', db, '--as-of', bad, '--json']);
      expect(b.code, bad).toBe(2);
      expect(b.err, bad).toContain('日期无效');
      expect(b.out, bad).toBe('');
    }
  });

  it('refuses unknown commands, unknown reports and a missing --db', async () => {
    const a = await funddesk(['frobnicate']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('未知的命令');
    const b = await funddesk(['report', 'nosuch', '--db', db]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('未知的报表：nosuch');
    const c = await funddesk(['report', 'overview', '--json']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('--db');
  });

  it('will not load the demo into a database that already has data', async () => {
    const r = await funddesk(['demo', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已有数据');
    const o = JSON.parse(
      (await funddesk(['report', 'overview', '--db', db, '--as-of', '2025-12-31', '--json'])).out,
    );
    expect(o.subFunds.count).toBe(11);
  });
});
