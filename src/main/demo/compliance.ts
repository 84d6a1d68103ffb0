/**
 * The compliance desk's part of the demo (issue #15): a few realistic alert cases as of the demo's date
 * (2025-12-31), made by adjusting the built ledgers in ways that leave the public figures of docs/PRODUCT.md §2
 * unchanged (fund terms, one fund's investments made by another, three quiet financing deals; the late GP
 * reports of nav_stale are build.ts's) and by adding the filings an
 * office tracks. Kept apart from build.ts, which builds the ledgers themselves.
 */
import { sql } from 'kysely';
import type { Db } from '../db/open';

const statements = [
  // exit_period_ending: the oldest direct fund's exit period ends 2026-03-20 (79 days after the demo date).
  `UPDATE funds SET exit_end_date = '2026-03-20' WHERE id = 12 AND invest_end_date <= '2026-03-20'`,
  // extension_ending: a sub-fund in its extension period, which ends 2026-02-27.
  `UPDATE funds SET exit_end_date = '2025-03-25', extension_end_date = '2026-02-27' WHERE id = 2
     AND invest_end_date <= '2025-03-25'`,
  // idle_capital: the storage angel fund (first paid-in 2024-05-03) has made no investment yet; the four
  // storage companies of its built portfolio were invested by the digital-economy fund instead. Only the
  // investing fund changes: every public figure (sizes, commitments, paid-in, projects, deals) stays.
  `UPDATE investments SET fund_id = 8 WHERE fund_id = 10
     AND (SELECT name FROM funds WHERE id = 10) = '深圳坪山新型储能天使投资基金合伙企业（有限合伙）'
     AND NOT EXISTS (SELECT 1 FROM investments j WHERE j.fund_id = 8 AND j.enterprise_id = investments.enterprise_id)`,
  // financing_stalled: three open deals without any update since the summer.
  `UPDATE financing_deals SET updated_at = '2025-08-' || CAST(10 + id % 15 AS TEXT) || 'T09:30:00.000Z'
     WHERE id IN (SELECT id FROM financing_deals WHERE stage IN ('contact','dd','ts')
       AND first_contact_date < '2025-07-01' ORDER BY id LIMIT 3)`,
  // report_due: the filings the office tracks (one overdue, one due soon, one done, one later).
  `INSERT INTO report_filings (name, fund_id, due_date, done_date, note) VALUES
     ('2025年第三季度子基金运营情况报告', NULL, '2025-10-31', '2025-11-03', '已报区财政局'),
     ('2025年第三季度估值复核报告', 5, '2025-12-20', NULL, '管理人尚未提交三季度报告'),
     ('2025年第四季度子基金运营情况报告', NULL, '2026-01-15', NULL, NULL),
     ('2025年度政府投资基金信息更新（全国政府投资基金信息系统）', NULL, '2026-06-30', NULL,
      '财年结束后六个月内更新（发改财金规〔2025〕1753号）')`,
];

export async function applyComplianceCases(trx: Db): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(trx);
}

/** What the compliance part of the demo added beyond the ledgers (emptied with them). */
export async function clearComplianceCases(trx: Db): Promise<void> {
  await sql.raw(`DELETE FROM report_filings`).execute(trx);
  await sql.raw(`DELETE FROM alert_acks`).execute(trx);
}
