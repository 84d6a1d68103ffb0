import type { Kysely } from 'kysely';
import { runAll } from './engine';

/**
 * The compliance desk (issue #15): 返投 rule sets, the 返投 figures they compute, and alerts.
 *
 * - reinvest_rule_sets: how a fund's 返投 is recognised. `base` 'fund' takes base, multiple and deadline from
 *   the fund's own terms (funds.reinvest_*), which is what the default rule set does; `categories` is JSON
 *   { category: { multiplier, cap_pct, lock_in_years } } (src/shared/compliance/rule-set.ts checks it).
 *   Exactly one row is the default (is_default = 1): the rule set of every fund without one of its own.
 * - funds.reinvest_rule_set_id: the fund's rule set (NULL = the default). No REFERENCES clause, so that
 *   down() can drop the column: deleting a rule set in use is refused by the service, and an id that is
 *   not found counts as the default.
 * - investments / landed_projects .reinvest_override_fen + _reason: a manual recognition, with its reason
 *   required (both or neither). reinvest_recognised_fen stays the record's qualifying amount (认定基数).
 * - enterprises.left_district_date: when an enterprise left the district (lock-in rules).
 * - alert_acks: acknowledged alerts, by the alert's stable key; never deleted.
 * - report_filings: the recurring filings the office tracks (report_due alerts).
 */
const DATE = (col: string) =>
  `CHECK (${col} IS NULL OR (${col} GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'))`;
const STAMPS = `created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const ONE = (m: number, cap: number | null = null, lock: number | null = null) =>
  ({ multiplier: m, cap_pct: cap, lock_in_years: lock }) as const;
const CATS = (
  r: number,
  rel: number,
  sub: number,
  intro: number,
  acq: number,
  other: number,
  lock?: number,
) =>
  JSON.stringify({
    registered: ONE(r),
    relocated: ONE(rel, null, lock ?? null),
    subsidiary: ONE(sub),
    introduced: ONE(intro),
    acquired: ONE(acq),
    other: ONE(other),
  });

const up_ = [
  `CREATE TABLE reinvest_rule_sets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0,1)),
  is_example INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0,1)),
  base TEXT NOT NULL DEFAULT 'fund' CHECK (base IN ('fund','commitment','paid_in','fund_size')),
  multiple REAL CHECK (multiple IS NULL OR multiple >= 0),
  deadline_date TEXT ${DATE('deadline_date')},
  deadline_years INTEGER CHECK (deadline_years IS NULL OR deadline_years > 0),
  categories TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(categories)),
  notes TEXT,
  ${STAMPS},
  CHECK (base = 'fund' OR multiple IS NOT NULL),
  CHECK (deadline_date IS NULL OR deadline_years IS NULL))`,
  `CREATE UNIQUE INDEX reinvest_rule_sets_one_default ON reinvest_rule_sets(is_default) WHERE is_default = 1`,
  `ALTER TABLE funds ADD COLUMN reinvest_rule_set_id INTEGER`,
  `ALTER TABLE investments ADD COLUMN reinvest_override_fen INTEGER
    CHECK (reinvest_override_fen IS NULL OR (typeof(reinvest_override_fen) = 'integer' AND reinvest_override_fen >= 0))`,
  `ALTER TABLE investments ADD COLUMN reinvest_override_reason TEXT`,
  `ALTER TABLE landed_projects ADD COLUMN reinvest_override_fen INTEGER
    CHECK (reinvest_override_fen IS NULL OR (typeof(reinvest_override_fen) = 'integer' AND reinvest_override_fen >= 0))`,
  `ALTER TABLE landed_projects ADD COLUMN reinvest_override_reason TEXT`,
  `ALTER TABLE enterprises ADD COLUMN left_district_date TEXT ${DATE('left_district_date')}`,
  `CREATE TABLE alert_acks (
  id INTEGER PRIMARY KEY,
  alert_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  fund_id INTEGER,
  note TEXT NOT NULL CHECK (length(trim(note)) > 0),
  acknowledged_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`,
  `CREATE TABLE report_filings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  fund_id INTEGER REFERENCES funds(id) ON DELETE CASCADE,
  due_date TEXT NOT NULL ${DATE('due_date')},
  done_date TEXT ${DATE('done_date')},
  note TEXT,
  ${STAMPS})`,
  `CREATE INDEX report_filings_due ON report_filings(done_date, due_date)`,
  `INSERT INTO reinvest_rule_sets (name, is_default, is_example, base, categories, notes) VALUES
    ('按基金协议（默认）', 1, 0, 'fund', '${CATS(1, 1, 1, 1, 1, 1)}',
     '返投基数、倍数和截止日取各基金台账中约定的条款；各类别按认定基数1倍计，不设上限和锁定期。')`,
  `INSERT INTO reinvest_rule_sets (name, is_example, base, multiple, deadline_years, categories, notes) VALUES
    ('示例：1.5倍，迁入企业按1.5倍认定', 1, 'commitment', 1.5, 5, '${CATS(1, 1.5, 1, 1, 1, 1)}',
     '示例规则（参考泉港等地做法）：返投要求为引导基金认缴出资的1.5倍，成立后5年内完成；迁入区内的企业按1.5倍认定。'),
    ('示例：2倍，迁入2倍（锁定5年）、子公司与并购1.8倍', 1, 'commitment', 2, 6, '${CATS(1.5, 2, 1.8, 1.5, 1.8, 1.5, 5)}',
     '示例规则（参考沈阳等地做法）：整体迁入按2倍认定，但迁入后5年内迁出的不予认定；新设区内子公司或并购区内企业按1.8倍；其他按1.5倍。'),
    ('示例：1倍，引进项目按1.5倍、其他认定不超过30%', 1, 'paid_in', 1, NULL, '${JSON.stringify({
      registered: ONE(1),
      relocated: ONE(1),
      subsidiary: ONE(1),
      introduced: ONE(1.5),
      acquired: ONE(1),
      other: ONE(1, 30),
    })}',
     '示例规则（参考泉州等地做法）：返投要求为引导基金实缴出资的1倍；引进落地项目按1.5倍认定；“其他认定”最多计入返投要求的30%。')`,
];

const down_ = [
  `DROP TABLE IF EXISTS report_filings`,
  `DROP TABLE IF EXISTS alert_acks`,
  `ALTER TABLE enterprises DROP COLUMN left_district_date`,
  `ALTER TABLE landed_projects DROP COLUMN reinvest_override_reason`,
  `ALTER TABLE landed_projects DROP COLUMN reinvest_override_fen`,
  `ALTER TABLE investments DROP COLUMN reinvest_override_reason`,
  `ALTER TABLE investments DROP COLUMN reinvest_override_fen`,
  `ALTER TABLE funds DROP COLUMN reinvest_rule_set_id`,
  `DROP TABLE IF EXISTS reinvest_rule_sets`,
];

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await runAll(db, up_);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await runAll(db, down_);
}
