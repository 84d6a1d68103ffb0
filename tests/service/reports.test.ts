import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { getOverview } from '../../src/main/services/overview';
import { performanceData } from '../../src/main/services/reports';
import { buildReport } from '../../src/main/services/reports/index';
import { ApiError } from '../../src/shared/contract/define';
import { fundMetrics } from '../../src/shared/metrics/fund';
import { REPORT_NAMES, type ReportData, type ReportName } from '../../src/shared/reports/types';
import { tempDb, testClient } from '../helpers/temp-db';

type Temp = Awaited<ReturnType<typeof tempDb>>;
let t: Temp;
const DATES = ['2025-12-31', '2021-06-30', '2016-12-31'];

beforeAll(async () => {
  t = await tempDb();
  await loadDemo(t.db, { replace: false });
});
afterAll(async () => {
  await t.cleanup();
});

async function allReports(asOf: string): Promise<ReportData[]> {
  const out: ReportData[] = [];
  for (const name of REPORT_NAMES) {
    if (name === 'fund') {
      const ids = t.opened.raw
        .prepare('SELECT id FROM funds WHERE established_date <= ? ORDER BY id')
        .pluck()
        .all(asOf) as number[];
      for (const id of ids) out.push(await buildReport(t.opened, 'fund', { asOf, fundId: id }));
    } else out.push(await buildReport(t.opened, name, { asOf }));
  }
  return out;
}

describe('every report: a total is the sum of its rows', () => {
  for (const asOf of DATES) {
    it(`as of ${asOf}`, async () => {
      const reports = await allReports(asOf);
      let checked = 0;
      for (const r of reports) {
        expect(r.asOf).toBe(asOf);
        expect(r.tables.length).toBeGreaterThan(0);
        for (const table of r.tables) {
          const where = `${r.name}/${table.key}`;
          // Money is whole fen everywhere.
          for (const row of [...table.rows, ...(table.totals ? [table.totals] : [])]) {
            for (const c of table.columns) {
              const v = row[c.key];
              if (c.kind === 'money' && v !== null && v !== undefined) {
                expect(Number.isSafeInteger(v), `${where}.${c.key} = ${v}`).toBe(true);
              }
            }
          }
          if (!table.totals) continue;
          const label = Object.values(table.totals).find(
            (v) => typeof v === 'string' && v.startsWith('合计'),
          );
          expect(label, `${where} has a 合计 label`).toBeTruthy();
          for (const c of table.columns) {
            if ((c.kind !== 'money' && c.kind !== 'int') || c.key === 'seq') continue;
            const sum = table.rows.reduce(
              (s, row) => s + (typeof row[c.key] === 'number' ? Number(row[c.key]) : 0),
              0,
            );
            expect(table.totals[c.key], `${where}.${c.key}`).toBe(sum);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(60);
    });
  }
});

describe('figures tie across reports', () => {
  it('the overview report has the same figures as getOverview', async () => {
    for (const asOf of DATES) {
      const o = await getOverview(t.db, asOf);
      const r = await buildReport(t.opened, 'overview', { asOf });
      const fig = Object.fromEntries(r.figures.map((f) => [f.key, f.value]));
      expect(fig).toMatchObject({
        'sub-count': o.subFunds.count,
        'sub-size': o.subFunds.totalSizeFen,
        'sub-commit': o.subFunds.guidanceCommitmentFen,
        'sub-paid': o.subFunds.paidInFen,
        'direct-count': o.directFunds.count,
        'direct-size': o.directFunds.totalSizeFen,
        collective: o.directFunds.collectiveAssetsFen,
        'landed-count': o.landedProjects.count,
        'landed-amount': o.landedProjects.amountFen,
        matched: o.financing.enterprisesMatched,
        financed: o.financing.enterprisesFinanced,
        'closed-amount': o.financing.amountClosedFen,
      });
      const funnel = r.tables.find((x) => x.key === 'funnel')!;
      expect(funnel.rows[0]!.enterprises).toBe(o.financing.enterprisesMatched);
      expect(funnel.rows[3]!.enterprises).toBe(o.financing.enterprisesFinanced);
    }
  });

  it('the demo overview at 2025-12-31 reads like the news report', async () => {
    const r = await buildReport(t.opened, 'overview', { asOf: '2025-12-31' });
    expect(r.brief).toMatch(/^截至2025年12月31日，引导基金累计发起设立子基金11只，总规模49\.63亿元/);
    expect(r.brief).toContain('直投累计发起基金4只，管理规模14.00亿元');
    expect(r.brief).toContain('引进落地坪山项目78个，落地金额29.60亿元');
    expect(r.brief).toContain('协助98家企业对接投资机构，其中23家企业成功完成融资，融资金额7.86亿元');
    expect(r.charts.map((c) => c.key)).toEqual(['industry', 'year', 'reinvest', 'funnel']);
  });

  it('sub-fund, direct-fund, landed and financing ledgers tie to the overview', async () => {
    const asOf = '2025-12-31';
    const o = await getOverview(t.db, asOf);
    const sub = (await buildReport(t.opened, 'sub-funds', { asOf })).tables[0]!;
    expect(sub.rows.length).toBe(o.subFunds.count);
    expect(sub.totals!.size).toBe(o.subFunds.totalSizeFen);
    expect(sub.totals!.commitment).toBe(o.subFunds.guidanceCommitmentFen);
    expect(sub.totals!.paidIn).toBe(o.subFunds.paidInFen);
    const direct = (await buildReport(t.opened, 'direct-funds', { asOf })).tables[0]!;
    expect(direct.totals!.size).toBe(o.directFunds.totalSizeFen);
    expect(direct.totals!.collective).toBe(o.directFunds.collectiveAssetsFen);
    const landed = await buildReport(t.opened, 'landed-projects', { asOf });
    for (const table of landed.tables) {
      expect(table.totals!.count ?? table.rows.length).toBe(o.landedProjects.count);
      expect(table.totals!.amount).toBe(o.landedProjects.amountFen);
    }
    const fin = await buildReport(t.opened, 'financing', { asOf });
    const byInd = fin.tables.find((x) => x.key === 'by-industry')!;
    expect(byInd.totals!.matched).toBe(o.financing.enterprisesMatched);
    expect(byInd.totals!.financed).toBe(o.financing.enterprisesFinanced);
    for (const table of fin.tables) {
      if (table.columns.some((c) => c.key === 'closed')) {
        expect(table.totals!.closed, table.key).toBe(o.financing.amountClosedFen);
      }
    }
  });

  it('performance rows are §5 metrics of each fund’s own ledger', async () => {
    const asOf = '2025-12-31';
    const perf = performanceData(t.opened, asOf);
    expect(perf.funds.length).toBe(15);
    for (const f of perf.funds) {
      const flows = await t.db.selectFrom('cash_flows').selectAll().where('fund_id', '=', f.id).execute();
      const vals = await t.db.selectFrom('valuations').selectAll().where('fund_id', '=', f.id).execute();
      const m = fundMetrics(
        {
          calls: flows
            .filter((x) => x.type === 'call')
            .map((x) => ({ date: x.date, amountFen: x.amount_fen })),
          distributions: flows
            .filter((x) => x.type === 'distribution')
            .map((x) => ({ date: x.date, amountFen: x.amount_fen })),
          valuations: vals.map((v) => ({ date: v.as_of_date, navFen: v.nav_fen })),
        },
        asOf,
      );
      expect(f).toMatchObject({
        paidInFen: m.paidInFen,
        distributedFen: m.distributedFen,
        navFen: m.navFen,
        dpi: m.dpi,
        rvpi: m.rvpi,
        tvpi: m.tvpi,
        irr: m.irr,
        irrNote: m.irrNote,
      });
    }
    const report = await buildReport(t.opened, 'performance', { asOf });
    const byKind = report.tables.find((x) => x.key === 'by-kind')!;
    expect(byKind.totals!.paidIn).toBe(report.tables[0]!.totals!.paidIn);
    expect(byKind.totals!.irr).toBe(report.tables[0]!.totals!.irr);
  });

  it('reinvestment: requirement = multiple × base, recognised by category adds up, gap never negative', async () => {
    const r = await buildReport(t.opened, 'reinvestment', { asOf: '2025-12-31' });
    const main = r.tables[0]!;
    const cats = main.columns.filter((c) => c.key.startsWith('cat_'));
    expect(cats.length).toBe(6);
    // The default rule set reproduces the recognised amounts as recorded (the figures before rule sets).
    const recorded = new Map(
      t.opened.raw
        .prepare(
          `SELECT fund_id, sum(f) FROM (
             SELECT fund_id, reinvest_recognised_fen AS f FROM investments WHERE date <= '2025-12-31'
             UNION ALL SELECT fund_id, reinvest_recognised_fen FROM landed_projects
              WHERE landed_date <= '2025-12-31' AND status <> 'cancelled' AND fund_id IS NOT NULL) AS recognitions
           WHERE f IS NOT NULL GROUP BY fund_id`,
        )
        .raw(true)
        .all() as [number, number][],
    );
    for (const row of main.rows) {
      expect(row.ruleSet).toBe('按基金协议（默认）');
      expect(row.recognised).toBe(recorded.get(Number(row.id)) ?? 0);
      expect(Number(row.computed) + Number(row.overridden)).toBe(row.recognised);
      expect(cats.reduce((s, c) => s + Number(row[c.key]), 0)).toBe(row.recognised);
      expect(Number(row.gap)).toBeGreaterThanOrEqual(0);
      expect(row.required).toBe(Math.round(Number(row.multiple) * Number(row.baseAmount)));
    }
    const detail = r.tables[1]!;
    expect(detail.totals!.recognised).toBe(main.totals!.recognised);
  });
});

describe('edge cases', () => {
  it('a fund with calls only has no IRR, and says why', async () => {
    const e = await tempDb();
    try {
      e.opened.raw.exec(`INSERT INTO funds (id, kind, name, established_date, total_size_fen, guidance_commitment_fen)
        VALUES (1, 'sub', '测试子基金合伙企业（有限合伙）', '2024-01-01', 100000000, 30000000)`);
      e.opened.raw.exec(
        `INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (1, '2024-02-01', 'call', 10000000)`,
      );
      const p = performanceData(e.opened, '2025-12-31');
      expect(p.funds[0]).toMatchObject({ irr: null, dpi: 0, rvpi: 0, tvpi: 0 });
      expect(p.funds[0]!.irrNote).toMatch(/无法计算IRR/);
      for (const name of REPORT_NAMES) {
        const r = await buildReport(e.opened, name, { asOf: '2025-12-31', fundId: 1 });
        expect(r.tables.length).toBeGreaterThan(0);
        expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
      }
    } finally {
      await e.cleanup();
    }
  });

  it('an empty database gives empty reports, not errors', async () => {
    const e = await tempDb();
    try {
      for (const name of REPORT_NAMES.filter((n) => n !== 'fund')) {
        const r = await buildReport(e.opened, name as ReportName, { asOf: '2025-12-31' });
        for (const table of r.tables) {
          expect(table.rows.length, `${name}/${table.key}`).toBeGreaterThanOrEqual(0);
          if (table.totals) {
            for (const c of table.columns) {
              if (c.kind === 'money' && c.key !== 'seq') expect([0, null]).toContain(table.totals[c.key]);
            }
          }
        }
        expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
      }
      expect((await buildReport(e.opened, 'overview', { asOf: '2025-12-31' })).brief).toContain(
        '尚未发起设立子基金',
      );
    } finally {
      await e.cleanup();
    }
  });

  it('bad requests are refused with Chinese messages', async () => {
    const api = testClient(t.opened);
    await expect(api('report.get', { name: 'fund', asOf: '2025-12-31' })).rejects.toThrow(/请选择基金/);
    await expect(api('report.get', { name: 'fund', asOf: '2025-12-31', fundId: 999 })).rejects.toThrow(
      /找不到/,
    );
    await expect(api('report.get', { name: 'fund', asOf: '2016-01-01', fundId: 15 })).rejects.toThrow(
      /晚于截至日期/,
    );
    await expect(api('report.get', { name: 'nope' as never })).rejects.toThrow(/未知的报表/);
    await expect(api('report.get', { name: 'overview', asOf: '2025-13-01' })).rejects.toThrow(
      /截至日期不是有效日期/,
    );
    await expect(buildReport(t.opened, 'overview', { asOf: '2025-02-30' })).rejects.toBeInstanceOf(ApiError);
    // No printer in the test host: PDF export says so.
    await expect(
      api('report.export', { name: 'overview', asOf: '2025-12-31', unit: 'yi', format: 'pdf' }),
    ).rejects.toThrow(/PDF/);
  });

  it('report.get and report.export over the contract', async () => {
    const api = testClient(t.opened);
    const r = await api('report.get', { name: 'sub-funds', asOf: '2025-12-31' });
    expect(r.tables[0]!.rows.length).toBe(11);
    const f = await api('report.export', {
      name: 'sub-funds',
      asOf: '2025-12-31',
      unit: 'wan',
      format: 'csv',
    });
    expect(f.fileName).toBe('子基金台账_截至2025-12-31.csv');
    expect(f.mime).toMatch(/text\/csv/);
    const text = Buffer.from(f.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(f.size).toBe(Buffer.from(f.base64, 'base64').length);
  });
});
