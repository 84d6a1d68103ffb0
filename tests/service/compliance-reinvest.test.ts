// 返投 by rule set on real temporary SQLite files: multipliers, caps (reached exactly), lock-in (broken one day
// early, kept on the day), one enterprise once per fund, manual overrides, rule-set edits and their audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createRuleSet,
  deleteRuleSet,
  setFundRuleSet,
  setOverride,
  updateRuleSet,
} from '../../src/main/services/compliance/edit';
import { reinvestmentStatus, reinvestmentSums } from '../../src/main/services/compliance/reinvest';
import { exportRuleSets, importRuleSets } from '../../src/main/services/compliance/rule-set-file';
import { RULE_CATEGORY } from '../../src/shared/compliance/rule-set';
import { tempDb } from '../helpers/temp-db';

const WAN = 1_000_000;
let t: Awaited<ReturnType<typeof tempDb>>;

const cats = (
  over: Partial<
    Record<string, { multiplier: number; cap_pct?: number | null; lock_in_years?: number | null }>
  > = {},
) =>
  Object.fromEntries(
    RULE_CATEGORY.codes.map((c) => [c, { multiplier: 1, cap_pct: null, lock_in_years: null, ...over[c] }]),
  );

beforeEach(async () => {
  t = await tempDb();
  t.opened.raw.exec(`
    INSERT INTO funds (id, kind, name, established_date, total_size_fen, guidance_commitment_fen, reinvest_multiple,
      reinvest_base, reinvest_deadline) VALUES
      (1, 'sub', '测试返投子基金合伙企业（有限合伙）', '2020-01-01', ${100000 * WAN}, ${10000 * WAN}, 2, 'commitment', '2026-12-31');
    INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES (1, '2020-03-01', 'call', ${6000 * WAN});
    INSERT INTO enterprises (id, name, in_district) VALUES (1, '甲科技有限公司', 1), (2, '乙生物有限公司', 1),
      (3, '丙芯片有限公司', 1);
    INSERT INTO investments (id, fund_id, enterprise_id, date, amount_fen, reinvest_category, reinvest_recognised_fen) VALUES
      (1, 1, 1, '2021-06-30', ${5000 * WAN}, 'registered', ${5000 * WAN}),
      (2, 1, 2, '2022-03-15', ${4000 * WAN}, 'relocated', ${4000 * WAN}),
      (3, 1, 3, '2023-01-10', ${3000 * WAN}, 'other', ${3000 * WAN});
    INSERT INTO landed_projects (id, enterprise_id, fund_id, landed_date, amount_fen, reinvest_category, reinvest_recognised_fen)
      VALUES (1, 1, 1, '2022-05-01', ${8000 * WAN}, 'introduced', ${8000 * WAN});
  `);
});
afterEach(() => t.cleanup());

const status = (asOf = '2025-12-31') => reinvestmentStatus(t.opened, asOf, 1)[0]!;
/** What the alerts and the evaluation read: every fund's sums (no items), here fund 1's. */
const sums = (asOf = '2025-12-31') => reinvestmentSums(t.opened, asOf).find((s) => s.fundId === 1)!;

describe('the default rule set (the fund’s own terms, 1× everywhere)', () => {
  it('requirement = 2 × commitment; recognised = the qualifying amounts; enterprise 1 counted once', () => {
    const s = status();
    expect(s.ruleSet.name).toBe('按基金协议（默认）');
    expect(s.requiredFen).toBe(20000 * WAN);
    // 5000 + 4000 + 3000; the landed project of enterprise 1 (8000) is a second recognition of it
    expect(s.recognisedFen).toBe(12000 * WAN);
    expect(s.items.find((i) => i.source === 'landed_project')!.state).toBe('duplicate');
    expect(s.byCategory.introduced.totalFen).toBe(0);
    expect(s.gapFen).toBe(8000 * WAN);
    expect(s.deadline).toBe('2026-12-31');
    expect(s.daysLeft).toBe(365);
    expect(s.neededPerYearFen).toBe(8000 * WAN); // 8000万 over exactly 365 days
  });

  it('counts only records dated on or before the as-of date', () => {
    expect(status('2023-01-09').recognisedFen).toBe(9000 * WAN);
    expect(status('2023-01-10').recognisedFen).toBe(12000 * WAN);
  });
});

describe('a rule set with multipliers, a cap and a lock-in', () => {
  let rs: number;
  beforeEach(() => {
    rs = createRuleSet(t.opened, {
      name: '测试规则',
      base: 'paid_in',
      multiple: 1.5,
      deadline_date: null,
      deadline_years: 6,
      categories: cats({
        relocated: { multiplier: 2, lock_in_years: 3 },
        other: { multiplier: 1.2, cap_pct: 10 },
      }),
      notes: null,
    });
    setFundRuleSet(t.opened, 1, rs);
  });

  it('requirement from paid-in; deadline N years after establishment; relocated counts 2×', () => {
    const s = status();
    expect(s.base).toBe('paid_in');
    expect(s.requiredFen).toBe(9000 * WAN); // 1.5 × 6000万
    expect(s.deadline).toBe('2026-01-01');
    expect(s.byCategory.relocated.computedFen).toBe(8000 * WAN);
  });

  it('a cap reached exactly counts in full; one fen over is cut to the cap', () => {
    // cap 10 % of 9000万 = 900万; other = 1.2 × qualifying
    t.opened.raw.prepare(`UPDATE investments SET reinvest_recognised_fen = ? WHERE id = 3`).run(750 * WAN);
    let s = status();
    expect(s.byCategory.other.computedFen).toBe(900 * WAN);
    expect(s.byCategory.other.cappedOffFen).toBe(0);
    t.opened.raw
      .prepare(`UPDATE investments SET reinvest_recognised_fen = ? WHERE id = 3`)
      .run(750 * WAN + 1);
    s = status();
    expect(s.byCategory.other.computedFen).toBe(900 * WAN);
    expect(s.byCategory.other.cappedOffFen).toBe(1); // 1.2 × 1 fen = 1.2 → 1 fen over
  });

  it('lock-in: leaving one day before the 3rd anniversary loses it; on the day keeps it', () => {
    const left = (d: string | null) =>
      t.opened.raw.prepare(`UPDATE enterprises SET left_district_date = ? WHERE id = 2`).run(d);
    left('2025-03-14'); // invested 2022-03-15: the lock-in runs to 2025-03-15
    expect(status().items.find((i) => i.enterpriseId === 2)!.state).toBe('lock_in_lost');
    expect(status().byCategory.relocated.totalFen).toBe(0);
    expect(sums().byCategory.relocated.totalFen).toBe(0);
    left('2025-03-15');
    expect(status().items.find((i) => i.enterpriseId === 2)!.state).toBe('computed');
    expect(status().byCategory.relocated.totalFen).toBe(8000 * WAN);
    expect(sums().byCategory.relocated.totalFen).toBe(8000 * WAN);
    // A departure after the as-of date has not happened yet.
    left('2025-03-14');
    expect(status('2025-03-13').items.find((i) => i.enterpriseId === 2)!.state).toBe('computed');
    expect(sums('2025-03-13').recognisedFen).toBe(status('2025-03-13').recognisedFen);
  });

  it('changing the rule set recomputes the figures; its audit row is written', () => {
    updateRuleSet(t.opened, rs, {
      name: '测试规则',
      base: 'commitment',
      multiple: 1,
      deadline_date: '2027-06-30',
      deadline_years: null,
      categories: cats(),
      notes: '改为1倍',
    });
    const s = status();
    expect(s.requiredFen).toBe(10000 * WAN);
    expect(s.deadline).toBe('2027-06-30');
    expect(s.byCategory.relocated.computedFen).toBe(4000 * WAN);
    const audit = t.opened.raw
      .prepare(`SELECT action, summary FROM audit_log WHERE entity = 'reinvest_rule_set' ORDER BY id`)
      .all();
    expect(audit).toEqual([
      { action: 'create', summary: '新增返投规则集：测试规则' },
      { action: 'update', summary: '修改返投规则集：测试规则' },
    ]);
  });

  it('a rule set in use cannot be deleted; the default never', () => {
    expect(() => deleteRuleSet(t.opened, rs)).toThrow(/还有1只基金使用/);
    expect(() => deleteRuleSet(t.opened, 1)).toThrow(/默认规则集不能删除/);
    setFundRuleSet(t.opened, 1, null);
    deleteRuleSet(t.opened, rs);
    expect(status().ruleSet.id).toBe(1);
  });
});

describe('manual override', () => {
  it('replaces the computation for its record, shows apart, and needs a reason', () => {
    expect(() => setOverride(t.opened, 'investment', 3, { fen: 100, reason: '  ' })).toThrow(/必须填写理由/);
    setOverride(t.opened, 'investment', 3, { fen: 2500 * WAN, reason: '区财政局2025年认定函' });
    const s = status();
    const item = s.items.find((i) => i.id === 3 && i.source === 'investment')!;
    expect(item).toMatchObject({
      state: 'overridden',
      recognisedFen: 2500 * WAN,
      overrideReason: '区财政局2025年认定函',
    });
    expect(s.byCategory.other).toMatchObject({ computedFen: 0, overriddenFen: 2500 * WAN });
    expect(s.overriddenFen).toBe(2500 * WAN);
    expect(s.recognisedFen).toBe(11500 * WAN);
    setOverride(t.opened, 'investment', 3, null);
    expect(status().recognisedFen).toBe(12000 * WAN);
    const audit = t.opened.raw
      .prepare(`SELECT summary FROM audit_log WHERE entity = 'investment'`)
      .pluck()
      .all();
    expect(audit).toEqual(['返投人工认定：区财政局2025年认定函', '取消返投人工认定，按规则计算']);
  });
});

describe('rule sets as a file', () => {
  it('export → import updates by name; a bad file changes nothing', async () => {
    const xlsx = await exportRuleSets(t.opened, 'xlsx');
    const r = importRuleSets(t.opened, xlsx.fileName, xlsx.data);
    expect(r).toEqual({ created: 0, updated: 4 });
    const csv = await exportRuleSets(t.opened, 'csv');
    const text = csv.data.toString('utf8').replace(/按基金协议（默认）/g, '新规则集');
    expect(importRuleSets(t.opened, 'r.csv', Buffer.from(text, 'utf8'))).toEqual({ created: 1, updated: 3 });
    const before = t.opened.raw.prepare(`SELECT count(*) FROM reinvest_rule_sets`).pluck().get();
    const bad = text.replace('新规则集,按基金协议,', '另一规则集,不存在的基数,');
    expect(() => importRuleSets(t.opened, 'bad.csv', Buffer.from(bad, 'utf8'))).toThrow(/未导入任何内容/);
    expect(t.opened.raw.prepare(`SELECT count(*) FROM reinvest_rule_sets`).pluck().get()).toBe(before);
  });
});
