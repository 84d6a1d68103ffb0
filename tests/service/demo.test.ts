import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open';
import {
  buildDemo,
  DEMO_NOTE_KEY,
  DEMO_TABLES,
  type DemoData,
  insertDemo,
  loadDemo,
} from '../../src/main/demo';
import { createRow } from '../../src/main/services/ledger/service';
import { DEMO_KEY, getMeta, isDemo } from '../../src/main/services/meta';
import { getOverview } from '../../src/main/services/overview';
import { ApiError } from '../../src/shared/contract/define';
import { describeDemoLoaded } from '../../src/shared/demo-loaded';
import { validateEntity } from '../../src/shared/schemas/entities';
import { checkUscc } from '../../src/shared/uscc';
import { tempDb } from '../helpers/temp-db';

const YI = 10_000_000_000; // fen per 亿元
const AS_OF = '2025-12-31';

/** The figures the bundled demo reproduces (docs/PRODUCT.md §2), as of 2025-12-31. */
const EXPECTED = {
  asOf: AS_OF,
  subFunds: {
    count: 11,
    totalSizeFen: 496_300_000_000,
    guidanceCommitmentFen: 147_000_000_000,
    paidInFen: 123_700_000_000,
  },
  directFunds: { count: 4, totalSizeFen: 140_000_000_000, collectiveAssetsFen: 9_600_000_000 },
  landedProjects: { count: 78, amountFen: 296_000_000_000 },
  financing: { enterprisesMatched: 98, enterprisesFinanced: 23, amountClosedFen: 78_600_000_000 },
};

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [...DEMO_TABLES.map(([table]) => table), 'audit_log'] as const) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

function rowCounts(d: DemoData): Record<string, number> {
  return Object.fromEntries(DEMO_TABLES.map(([t]) => [t, d[t].length]));
}

describe('loadDemo', () => {
  let t: Awaited<ReturnType<typeof tempDb>>;
  beforeEach(async () => {
    t = await tempDb();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  // How long loading takes is measured in the bench (bench/suites/core.ts), not asserted here.
  it('reproduces the public figures as of 2025-12-31', async () => {
    const result = await loadDemo(t.db, { replace: false });

    const data = buildDemo(1);
    expect(result).toEqual({
      funds: 15,
      subFunds: 11,
      directFunds: 4,
      projects: data.landed_projects.length,
      projectsCancelled: data.landed_projects.filter((p) => p.status === 'cancelled').length,
      deals: data.financing_deals.length,
    });
    // The message after loading states the count the overview shows (landed, not cancelled).
    const o0 = await getOverview(t.db, AS_OF);
    expect(describeDemoLoaded(result)).toContain(`已落地 ${o0.landedProjects.count} 个`);

    const o = await getOverview(t.db, AS_OF);
    // The ranges of docs/PRODUCT.md §2 …
    expect(o.subFunds.count).toBe(11);
    expect(o.subFunds.totalSizeFen).toBeGreaterThan(49.52 * YI);
    expect(o.subFunds.totalSizeFen).toBeLessThan(50 * YI);
    expect(o.directFunds.count).toBe(4);
    expect(o.directFunds.totalSizeFen).toBe(14 * YI);
    expect(o.directFunds.collectiveAssetsFen).toBeLessThan(1 * YI);
    expect(o.directFunds.collectiveAssetsFen).toBeGreaterThanOrEqual(0.9 * YI);
    expect(o.landedProjects.count).toBeGreaterThanOrEqual(75);
    expect(o.landedProjects.count).toBeLessThanOrEqual(85);
    expect(o.landedProjects.amountFen).toBeLessThan(30 * YI);
    expect(o.landedProjects.amountFen).toBeGreaterThanOrEqual(29 * YI);
    expect(o.financing.enterprisesMatched).toBeGreaterThanOrEqual(90);
    expect(o.financing.enterprisesMatched).toBeLessThanOrEqual(100);
    expect(o.financing.enterprisesFinanced).toBeGreaterThanOrEqual(20);
    expect(o.financing.enterprisesFinanced).toBeLessThanOrEqual(29);
    expect(o.financing.amountClosedFen).toBeLessThan(8 * YI);
    expect(o.financing.amountClosedFen).toBeGreaterThanOrEqual(7.5 * YI);
    // … and the exact values chosen for the demo.
    expect(o).toEqual(EXPECTED);

    expect(await isDemo(t.db)).toBe(true);
    expect(await getMeta(t.db, DEMO_KEY)).toBe('demo');
    expect(await getMeta(t.db, DEMO_NOTE_KEY)).toContain('载入示例数据');
    // Demo data is not user activity: no audit entries.
    expect((await counts(t.db)).audit_log).toBe(0);
    // Stored exactly as built.
    const stored = await counts(t.db);
    for (const [table, n] of Object.entries(rowCounts(data))) expect(stored[table], table).toBe(n);
  });

  it('stores only records that pass the entity schemas, with valid and unique credit codes', async () => {
    await loadDemo(t.db, { replace: false });
    for (const [table, entity] of DEMO_TABLES) {
      const rows = await t.db.selectFrom(table).selectAll().execute();
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        const r = validateEntity(entity, row);
        expect(r.ok ? [] : r.issues, `${table} ${(row as { id: number }).id}`).toEqual([]);
      }
    }
    const codes = [
      ...(await t.db.selectFrom('managers').select('uscc').execute()),
      ...(await t.db.selectFrom('funds').select('uscc').execute()),
      ...(await t.db.selectFrom('enterprises').select('uscc').execute()),
    ].map((r) => r.uscc);
    expect(codes.every((c) => c !== null)).toBe(true);
    for (const c of codes) expect(checkUscc(c!), c!).toEqual({ ok: true, code: c });
    expect(new Set(codes).size).toBe(codes.length);
    // In-district enterprises registered in Pingshan carry its division code 440310.
    const natives = await t.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('in_district', '=', 1)
      .where('notes', 'is', null)
      .execute();
    expect(natives.length).toBeGreaterThan(50);
    for (const r of natives) expect(r.uscc!.slice(2, 8)).toBe('440310');
  });

  it('refuses to load over existing data without replace, and changes nothing', async () => {
    await loadDemo(t.db, { replace: false });
    const before = await counts(t.db);
    const overview = await getOverview(t.db, AS_OF);
    const err = await loadDemo(t.db, { replace: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('conflict');
    expect((err as ApiError).message).toMatch(
      /^数据库中已有数据（基金管理人 10 家、基金 15 只.*），载入示例数据会/,
    );
    expect(await counts(t.db)).toEqual(before);
    expect(await getOverview(t.db, AS_OF)).toEqual(overview);
  });

  it('refuses to mix the demo into a user ledger', async () => {
    await createRow(t.db, 'institution', { name: '用户录入的投资机构', kind: 'vc' });
    const err = await loadDemo(t.db, { replace: false }).catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('conflict');
    const c = await counts(t.db);
    expect(c.institutions).toBe(1);
    expect(c.funds).toBe(0);
    expect(await isDemo(t.db)).toBe(false);
  });

  it('with replace empties the ledgers (keeping the audit log) and gives the same totals', async () => {
    await createRow(t.db, 'institution', { name: '用户录入的投资机构', kind: 'vc' });
    await loadDemo(t.db, { replace: true });
    const first = await counts(t.db);
    expect(first.audit_log).toBe(1);
    expect(await getOverview(t.db, AS_OF)).toEqual(EXPECTED);
    expect(await getMeta(t.db, DEMO_NOTE_KEY)).toMatch(/替换了原有台账（投资机构 1 家等共 1 条记录）/);
    const names = await t.db.selectFrom('institutions').select('name').execute();
    expect(names.some((n) => n.name === '用户录入的投资机构')).toBe(false);

    await loadDemo(t.db, { replace: true });
    expect(await getOverview(t.db, AS_OF)).toEqual(EXPECTED);
    expect(await counts(t.db)).toEqual(first);
    expect(await isDemo(t.db)).toBe(true);
  });

  it('inserts a 10x dataset with insertDemo, multiplying every headline figure by 10', async () => {
    await insertDemo(t.db, buildDemo(10));
    const o = await getOverview(t.db, AS_OF);
    expect(o.subFunds).toEqual({
      count: 110,
      totalSizeFen: 10 * EXPECTED.subFunds.totalSizeFen,
      guidanceCommitmentFen: 10 * EXPECTED.subFunds.guidanceCommitmentFen,
      paidInFen: 10 * EXPECTED.subFunds.paidInFen,
    });
    expect(o.directFunds).toEqual({
      count: 40,
      totalSizeFen: 140 * YI,
      collectiveAssetsFen: 10 * 9_600_000_000,
    });
    expect(o.landedProjects).toEqual({ count: 780, amountFen: 10 * EXPECTED.landedProjects.amountFen });
    expect(o.financing).toEqual({
      enterprisesMatched: 980,
      enterprisesFinanced: 230,
      amountClosedFen: 10 * EXPECTED.financing.amountClosedFen,
    });
    expect((await counts(t.db)).audit_log).toBe(0);
  });
});

describe('buildDemo', () => {
  const d1 = buildDemo(1);

  it('is deterministic', () => {
    expect(JSON.stringify(buildDemo(1))).toBe(JSON.stringify(d1));
    const a = buildDemo(10);
    const b = buildDemo(10);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('at scale 10 has ten times the rows, the first portfolio being the scale-1 one', () => {
    const d10 = buildDemo(10);
    const c1 = rowCounts(d1);
    const c10 = rowCounts(d10);
    for (const [table, n] of Object.entries(c1)) {
      expect(c10[table]! / n, table).toBeGreaterThan(9);
      expect(c10[table]! / n, table).toBeLessThan(11);
    }
    expect(c10.funds).toBe(150);
    expect(c10.managers).toBe(100);
    expect(c10.institutions).toBe(400);
    expect(c10.landed_projects).toBe(10 * c1.landed_projects!);
    expect(d10.funds.slice(0, 15)).toEqual(d1.funds);
    expect(d10.financing_deals.slice(0, d1.financing_deals.length)).toEqual(d1.financing_deals);
    const codes = [...d10.managers, ...d10.funds, ...d10.enterprises].map((r) => r.uscc);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(d10.institutions.map((i) => i.name)).size).toBe(400);
    expect(new Set(d10.funds.map((f) => f.name)).size).toBe(150);
    for (const [table, entity] of DEMO_TABLES) {
      const bad = d10[table].filter((r) => !validateEntity(entity, r).ok);
      expect(bad.length, table).toBe(0);
    }
  });

  it('has ids 1…n in every table and only valid references', () => {
    for (const [table] of DEMO_TABLES)
      expect(d1[table].map((r) => r.id)).toEqual(d1[table].map((_, i) => i + 1));
    const ids = (t: keyof DemoData) => new Set(d1[t].map((r) => r.id));
    const [funds, managers, enterprises, institutions] = [
      ids('funds'),
      ids('managers'),
      ids('enterprises'),
      ids('institutions'),
    ];
    for (const f of d1.funds) expect(managers.has(f.manager_id!)).toBe(true);
    for (const r of [...d1.cash_flows, ...d1.valuations, ...d1.investments])
      expect(funds.has(r.fund_id)).toBe(true);
    for (const r of [...d1.investments, ...d1.landed_projects, ...d1.financing_deals])
      expect(enterprises.has(r.enterprise_id)).toBe(true);
    for (const r of d1.landed_projects) if (r.fund_id !== null) expect(funds.has(r.fund_id)).toBe(true);
    for (const r of d1.financing_deals) expect(institutions.has(r.institution_id)).toBe(true);
  });

  it('dates everything 2016–2025 and never recognises 返投 twice for one fund and enterprise', () => {
    const dates = [
      ...d1.funds.map((f) => f.established_date!),
      ...d1.cash_flows.map((c) => c.date),
      ...d1.valuations.map((v) => v.as_of_date),
      ...d1.investments.flatMap((i) => [i.date, i.exit_date].filter((x): x is string => x !== null)),
      ...d1.landed_projects.map((l) => l.landed_date),
      ...d1.financing_deals.flatMap((x) =>
        [x.first_contact_date, x.closed_date].filter((v): v is string => v !== null),
      ),
    ];
    for (const d of dates) {
      expect(d >= '2016-01-01', d).toBe(true);
      expect(d <= AS_OF, d).toBe(true);
    }
    for (const f of d1.funds)
      expect(f.established_date! >= '2016-01-01' && f.established_date! <= AS_OF).toBe(true);
    const keys = [...d1.investments, ...d1.landed_projects]
      .filter((r) => r.reinvest_category !== null)
      .map((r) => `${r.fund_id}|${r.enterprise_id}`);
    expect(keys.length).toBeGreaterThan(20);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('looks like a real portfolio: calls, paid-in, TVPI, commitments, industries, amounts', () => {
    for (const f of d1.funds) {
      const flows = d1.cash_flows.filter((c) => c.fund_id === f.id);
      const calls = flows.filter((c) => c.type === 'call');
      const paid = calls.reduce((s, c) => s + c.amount_fen, 0);
      const distributed = flows
        .filter((c) => c.type === 'distribution')
        .reduce((s, c) => s + c.amount_fen, 0);
      const nav = d1.valuations.filter((v) => v.fund_id === f.id).at(-1)!.nav_fen;
      const tvpi = (distributed + nav) / paid;
      expect(calls.length, f.name).toBeGreaterThanOrEqual(2);
      expect(calls.length, f.name).toBeLessThanOrEqual(5);
      expect(paid / f.guidance_commitment_fen, f.name).toBeGreaterThanOrEqual(0.4);
      expect(paid / f.guidance_commitment_fen, f.name).toBeLessThanOrEqual(1);
      expect(tvpi, f.name).toBeGreaterThan(0.9);
      expect(tvpi, f.name).toBeLessThan(1.8);
      expect(
        flows.some((c) => c.type === 'fee'),
        f.name,
      ).toBe(true);
      const n = d1.investments.filter((i) => i.fund_id === f.id).length;
      expect(n, f.name).toBeGreaterThanOrEqual(2);
      expect(n, f.name).toBeLessThanOrEqual(12);
      if (f.kind === 'sub') {
        const share = f.guidance_commitment_fen / f.total_size_fen;
        expect(share, f.name).toBeGreaterThanOrEqual(0.2);
        expect(share, f.name).toBeLessThanOrEqual(0.4);
        expect([1.5, 2]).toContain(f.reinvest_multiple);
      }
    }
    expect(new Set(d1.funds.filter((f) => f.kind === 'sub').map((f) => f.status))).toEqual(
      new Set(['investing', 'exiting']),
    );
    const active = d1.landed_projects.filter((l) => l.status !== 'cancelled');
    for (const l of active) {
      expect(l.amount_fen).toBeGreaterThanOrEqual(500 * 1_000_000);
      expect(l.amount_fen).toBeLessThanOrEqual(2 * YI);
    }
    const focus = d1.enterprises.filter((e) => e.industry !== 'other').length;
    expect(focus / d1.enterprises.length).toBeGreaterThan(0.9);
    expect(new Set(d1.institutions.map((i) => i.kind))).toEqual(
      new Set(['vc', 'pe', 'bank', 'state', 'cvc']),
    );
    expect(new Set(d1.financing_deals.map((x) => x.stage))).toEqual(
      new Set(['contact', 'dd', 'ts', 'closed', 'dropped']),
    );
    for (const m of d1.managers) expect(m.amac_code).toMatch(/^P10\d{5}$/);
    for (const f of d1.funds) expect(f.amac_code).toMatch(/^S[A-Z]{2}\d{3}$/);
  });

  it('builds a 100x dataset of 100 times the rows', () => {
    const d = buildDemo(100);
    expect(d.funds.length).toBe(1500);
    expect(d.landed_projects.length).toBe(8100);
  });
});
