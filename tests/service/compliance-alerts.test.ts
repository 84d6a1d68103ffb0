// Alerts (提醒) on real temporary SQLite files: each kind at its threshold's boundary (the day before, of and
// after), acknowledgement with a note (kept, audited, out of the count), thresholds from 设置, and the CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAlerts, openAlertCount } from '../../src/main/services/compliance/alerts';
import {
  acknowledgeAlert,
  createFiling,
  markFiling,
  saveThresholds,
} from '../../src/main/services/compliance/edit';
import { funddesk as cli } from '../helpers/cli';
import { tempDb } from '../helpers/temp-db';

const WAN = 1_000_000;
let t: Awaited<ReturnType<typeof tempDb>>;

beforeEach(async () => {
  t = await tempDb();
  t.opened.raw.exec(`
    INSERT INTO funds (id, kind, name, established_date, total_size_fen, guidance_commitment_fen, status,
      invest_end_date, exit_end_date, extension_end_date, reinvest_multiple, reinvest_deadline) VALUES
      (1, 'sub', '甲子基金合伙企业（有限合伙）', '2020-01-01', ${50000 * WAN}, ${10000 * WAN}, 'investing',
       '2025-06-30', '2028-06-30', '2030-06-30', 1, '2025-12-31'),
      (2, 'sub', '乙子基金合伙企业（有限合伙）', '2023-01-01', ${20000 * WAN}, ${5000 * WAN}, 'investing',
       NULL, NULL, NULL, NULL, NULL);
    INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES
      (1, '2020-03-01', 'call', ${5000 * WAN}), (2, '2024-02-29', 'call', ${1000 * WAN});
    INSERT INTO valuations (fund_id, as_of_date, nav_fen) VALUES (1, '2025-03-31', ${5200 * WAN}), (2, '2025-03-31', ${1000 * WAN});
    INSERT INTO enterprises (id, name) VALUES (1, '甲科技有限公司');
    INSERT INTO institutions (id, name) VALUES (1, '某创投');
    INSERT INTO investments (fund_id, enterprise_id, date, amount_fen, reinvest_category, reinvest_recognised_fen)
      VALUES (1, 1, '2021-05-01', ${6000 * WAN}, 'registered', ${6000 * WAN});
  `);
});
afterEach(() => t.cleanup());

const kinds = (asOf: string, kind: string) => listAlerts(t.opened, asOf).filter((a) => a.kind === kind);

describe('each kind at its boundary', () => {
  it('invest_period_ending: within 90 days, inclusive, not after', () => {
    expect(kinds('2025-03-31', 'invest_period_ending')).toHaveLength(0); // 91 days
    expect(kinds('2025-04-01', 'invest_period_ending')).toHaveLength(1); // exactly 90 days
    const [a] = kinds('2025-06-30', 'invest_period_ending');
    expect(a).toMatchObject({ severity: 'high', dueDate: '2025-06-30', fundId: 1 });
    expect(a!.message).toContain('今天届满');
    expect(kinds('2025-07-01', 'invest_period_ending')).toHaveLength(0);
    expect(kinds('2025-05-30', 'invest_period_ending')[0]!.severity).toBe('medium'); // 31 days
    expect(kinds('2025-05-31', 'invest_period_ending')[0]!.severity).toBe('high'); // 30 days
  });

  it('reinvest_shortfall within 180 days of the deadline, reinvest_overdue the day after it', () => {
    // requirement 1 × 10000万, recognised 6000万
    expect(kinds('2025-07-03', 'reinvest_shortfall')).toHaveLength(0); // 181 days
    expect(kinds('2025-07-04', 'reinvest_shortfall')).toHaveLength(1); // 180 days
    expect(kinds('2025-12-31', 'reinvest_shortfall')).toHaveLength(1);
    expect(kinds('2025-12-31', 'reinvest_overdue')).toHaveLength(0);
    const [o] = kinds('2026-01-01', 'reinvest_overdue');
    expect(o).toMatchObject({ severity: 'high', dueDate: '2025-12-31' });
    expect(o!.message).toContain('仍差4,000.00万元');
    expect(kinds('2026-01-01', 'reinvest_shortfall')).toHaveLength(0);
    // met exactly: no alert
    t.opened.raw.exec(`UPDATE investments SET reinvest_recognised_fen = ${10000 * WAN}`);
    expect(kinds('2026-01-01', 'reinvest_overdue')).toHaveLength(0);
  });

  it('idle_capital: first paid-in more than one year old and no investment (29 Feb → 28 Feb)', () => {
    expect(kinds('2025-02-28', 'idle_capital')).toHaveLength(0); // one year exactly
    const [a] = kinds('2025-03-01', 'idle_capital');
    expect(a).toMatchObject({ fundId: 2, severity: 'high', dueDate: '2025-02-28' });
    t.opened.raw.exec(
      `INSERT INTO investments (fund_id, enterprise_id, date, amount_fen) VALUES (2, 1, '2025-03-01', 1)`,
    );
    expect(kinds('2025-03-01', 'idle_capital')).toHaveLength(0);
  });

  it('nav_stale: latest valuation older than 183 days', () => {
    // 2025-03-31 + 183 days = 2025-09-30
    expect(kinds('2025-09-30', 'nav_stale')).toHaveLength(0);
    expect(kinds('2025-10-01', 'nav_stale')).toHaveLength(2);
    t.opened.raw.exec(`UPDATE funds SET status = 'liquidated' WHERE id = 2`);
    expect(kinds('2025-10-01', 'nav_stale').map((a) => a.fundId)).toEqual([1]);
  });

  it('financing_stalled: an open deal unchanged for more than 90 days', () => {
    t.opened.raw.exec(`INSERT INTO financing_deals (id, enterprise_id, institution_id, stage, first_contact_date, updated_at)
      VALUES (1, 1, 1, 'dd', '2025-01-10', '2025-02-01T08:00:00.000Z')`);
    expect(kinds('2025-05-02', 'financing_stalled')).toHaveLength(0); // 90 days
    const [a] = kinds('2025-05-03', 'financing_stalled');
    expect(a).toMatchObject({
      severity: 'low',
      fundId: null,
      link: { path: '/financing-deals', params: { id: 1 } },
    });
    t.opened.raw.exec(`UPDATE financing_deals SET stage = 'dropped'`);
    expect(kinds('2025-05-03', 'financing_stalled')).toHaveLength(0);
  });

  it('report_due: within 30 days, overdue is high, done ones go away', () => {
    const id = createFiling(t.opened, { name: '2025年度信息更新', fund_id: null, due_date: '2025-06-30' });
    expect(kinds('2025-05-30', 'report_due')).toHaveLength(0); // 31 days
    expect(kinds('2025-05-31', 'report_due')[0]!.severity).toBe('low');
    expect(kinds('2025-06-23', 'report_due')[0]!.severity).toBe('medium');
    expect(kinds('2025-07-01', 'report_due')[0]!.severity).toBe('high');
    markFiling(t.opened, id, '2025-07-02');
    expect(kinds('2025-07-03', 'report_due')).toHaveLength(0);
  });
});

describe('acknowledging', () => {
  it('needs a note; leaves the count; stays listed; is in the audit log', () => {
    const asOf = '2026-01-01';
    const before = openAlertCount(t.opened, asOf);
    const a = kinds(asOf, 'reinvest_overdue')[0]!;
    expect(() => acknowledgeAlert(t.opened, asOf, a.key, ' ')).toThrow(/请填写处理说明/);
    acknowledgeAlert(t.opened, asOf, a.key, '已约谈管理人，承诺2026年二季度补足');
    expect(openAlertCount(t.opened, asOf)).toBe(before - 1);
    const again = kinds(asOf, 'reinvest_overdue')[0]!;
    expect(again).toMatchObject({ acknowledged: true, ackNote: '已约谈管理人，承诺2026年二季度补足' });
    expect(() => acknowledgeAlert(t.opened, asOf, a.key, '再次')).toThrow(/已确认过/);
    const audit = t.opened.raw
      .prepare(`SELECT summary FROM audit_log WHERE entity = 'alert_ack'`)
      .pluck()
      .all();
    expect(audit).toHaveLength(1);
    expect(String(audit[0])).toContain('返投逾期');
  });
});

describe('thresholds from 设置', () => {
  it('change the window; bad values are refused and nothing is saved', () => {
    expect(kinds('2025-03-01', 'invest_period_ending')).toHaveLength(0);
    saveThresholds(t.opened, { invest_period_ending: 121 });
    expect(kinds('2025-03-01', 'invest_period_ending')).toHaveLength(1);
    expect(() => saveThresholds(t.opened, { invest_period_ending: 0, nav_stale: 10 })).toThrow(/1到3650/);
    expect(kinds('2025-03-01', 'invest_period_ending')).toHaveLength(1);
    expect(kinds('2025-04-30', 'nav_stale')).toHaveLength(0);
  });
});

describe('funddesk alerts', () => {
  it('--json prints the documented fields; exit 0 with or without alerts', async () => {
    await t.opened.close();
    const r = await cli(['alerts', '--db', t.path, '--as-of', '2026-01-01', '--json']);
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    for (const a of list) {
      expect(Object.keys(a)).toEqual(
        expect.arrayContaining([
          'kind',
          'severity',
          'fundId',
          'fundName',
          'dueDate',
          'message',
          'acknowledged',
        ]),
      );
      expect(['high', 'medium', 'low']).toContain(a.severity);
    }
    const none = await cli(['alerts', '--db', t.path, '--as-of', '2019-01-01', '--json']);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.out)).toEqual([]);
    const text = await cli(['alerts', '--db', t.path, '--as-of', '2026-01-01']);
    expect(text.out).toContain('返投逾期');
  });
});
