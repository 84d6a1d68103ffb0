/**
 * The compliance desk's writes, each in one transaction with its audit row: rule sets, a fund's rule set,
 * a record's manual 返投 recognition, alert acknowledgements, thresholds and the filings the office tracks.
 * Bad input is refused with a Chinese message before anything is written.
 */
import {
  ALERT_KIND_INFO,
  ALERT_KINDS,
  type AlertKind,
  type AlertThresholds,
} from '../../../shared/compliance/alerts';
import { type RuleSetInput, ruleSetInputSchema } from '../../../shared/compliance/rule-set';
import type { FilingView } from '../../../shared/contract/compliance';
import { isIsoDate } from '../../../shared/dates';
import type { OpenedDb } from '../../db/open';
import { fail } from '../ledger/errors';
import { alertThresholds, listAlerts, THRESHOLDS_KEY } from './alerts';

type Raw = OpenedDb['raw'];

function audit(
  raw: Raw,
  action: 'create' | 'update' | 'delete',
  entity: string,
  id: number,
  summary: string,
  before: unknown,
  after: unknown,
) {
  raw
    .prepare(
      `INSERT INTO audit_log (action, entity, entity_id, summary, before_json, after_json, source)
       VALUES (?, ?, ?, ?, ?, ?, 'ui')`,
    )
    .run(
      action,
      entity,
      id,
      summary,
      before == null ? null : JSON.stringify(before),
      after == null ? null : JSON.stringify(after),
    );
}

/** A rule set checked against its schema; the issues are per field, in Chinese. */
export function checkRuleSet(input: unknown): RuleSetInput {
  const r = ruleSetInputSchema.safeParse(input);
  if (r.success) return r.data;
  fail(
    'validation',
    `规则集有误：${r.error.issues[0]?.message ?? ''}`,
    r.error.issues.map((i) => ({ field: i.path.join('.') || null, message: i.message })),
  );
}

function ruleRow(v: RuleSetInput) {
  return {
    name: v.name,
    base: v.base,
    multiple: v.multiple,
    deadline_date: v.deadline_date,
    deadline_years: v.deadline_years,
    categories: JSON.stringify(v.categories),
    notes: v.notes,
  };
}

/** Sets one column of a row, and its updated_at. */
function setColumn(
  raw: Raw,
  table: 'funds' | 'report_filings',
  column: 'reinvest_rule_set_id' | 'done_date',
  value: number | string | null,
  id: number,
) {
  raw
    .prepare(
      `UPDATE ${table} SET ${column} = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
    )
    .run(value, id);
}

function ruleSetRow(raw: Raw, id: number) {
  const r = raw.prepare(`SELECT * FROM reinvest_rule_sets WHERE id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  if (!r) fail('not_found', `找不到编号为 ${id} 的返投规则集`);
  return r;
}

function nameTaken(raw: Raw, name: string, except: number | null) {
  const hit = raw
    .prepare(`SELECT id FROM reinvest_rule_sets WHERE name = ? AND id IS DISTINCT FROM ?`)
    .get(name, except);
  if (hit) fail('conflict', `已有同名的返投规则集：${name}`, [{ field: 'name', message: '名称已被使用' }]);
}

export function createRuleSet(opened: OpenedDb, input: unknown): number {
  const v = checkRuleSet(input);
  const { raw } = opened;
  return raw.transaction(() => {
    nameTaken(raw, v.name, null);
    const row = ruleRow(v);
    const id = Number(
      raw
        .prepare(
          `INSERT INTO reinvest_rule_sets (name, base, multiple, deadline_date, deadline_years, categories, notes)
           VALUES (@name, @base, @multiple, @deadline_date, @deadline_years, @categories, @notes)`,
        )
        .run(row).lastInsertRowid,
    );
    audit(raw, 'create', 'reinvest_rule_set', id, `新增返投规则集：${v.name}`, null, row);
    return id;
  })();
}

/** A change recomputes every figure that depends on the rule set: they are computed on read. */
export function updateRuleSet(opened: OpenedDb, id: number, input: unknown): void {
  const v = checkRuleSet(input);
  const { raw } = opened;
  raw.transaction(() => {
    const before = ruleSetRow(raw, id);
    nameTaken(raw, v.name, id);
    const row = ruleRow(v);
    raw
      .prepare(
        `UPDATE reinvest_rule_sets SET name = @name, base = @base, multiple = @multiple,
          deadline_date = @deadline_date, deadline_years = @deadline_years, categories = @categories,
          notes = @notes, is_example = 0, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
      )
      .run({ ...row, id });
    audit(raw, 'update', 'reinvest_rule_set', id, `修改返投规则集：${v.name}`, before, row);
  })();
}

export function deleteRuleSet(opened: OpenedDb, id: number): void {
  const { raw } = opened;
  raw.transaction(() => {
    const before = ruleSetRow(raw, id);
    if (before.is_default === 1) fail('in_use', '默认规则集不能删除（未指定规则集的基金都按它计算）');
    const users = raw
      .prepare(`SELECT count(*) FROM funds WHERE reinvest_rule_set_id = ?`)
      .pluck()
      .get(id) as number;
    if (users > 0) fail('in_use', `还有${users}只基金使用该规则集，请先为这些基金改选其他规则集`);
    raw.prepare(`DELETE FROM reinvest_rule_sets WHERE id = ?`).run(id);
    audit(raw, 'delete', 'reinvest_rule_set', id, `删除返投规则集：${String(before.name)}`, before, null);
  })();
}

/** Point a fund at a rule set (null: the default). */
export function setFundRuleSet(opened: OpenedDb, fundId: number, ruleSetId: number | null): void {
  const { raw } = opened;
  raw.transaction(() => {
    const f = raw.prepare(`SELECT name, reinvest_rule_set_id FROM funds WHERE id = ?`).get(fundId) as
      | { name: string; reinvest_rule_set_id: number | null }
      | undefined;
    if (!f) fail('not_found', `找不到编号为 ${fundId} 的基金`);
    const name = ruleSetId === null ? '默认规则集' : String(ruleSetRow(raw, ruleSetId).name);
    setColumn(raw, 'funds', 'reinvest_rule_set_id', ruleSetId, fundId);
    audit(
      raw,
      'update',
      'fund',
      fundId,
      `${f.name}：返投规则集改为${name}`,
      { reinvest_rule_set_id: f.reinvest_rule_set_id },
      { reinvest_rule_set_id: ruleSetId },
    );
  })();
}

/**
 * A manual 返投 recognition for one record (amount in fen + a required reason), or null to go back to the
 * rule's computation.
 */
export function setOverride(
  opened: OpenedDb,
  source: 'investment' | 'landed_project',
  id: number,
  override: { fen: number; reason: string } | null,
): void {
  const table = source === 'investment' ? 'investments' : 'landed_projects';
  const { raw } = opened;
  if (override) {
    if (!Number.isSafeInteger(override.fen) || override.fen < 0) {
      fail('validation', '人工认定金额应为不小于0的金额', [{ field: 'fen', message: '金额无效' }]);
    }
    if (!override.reason.trim()) {
      fail('validation', '人工认定必须填写理由', [{ field: 'reason', message: '请填写理由' }]);
    }
  }
  raw.transaction(() => {
    const before = raw
      .prepare(
        `SELECT reinvest_category, reinvest_override_fen, reinvest_override_reason FROM ${table} WHERE id = ?`,
      )
      .get(id) as
      | {
          reinvest_category: string | null;
          reinvest_override_fen: number | null;
          reinvest_override_reason: string | null;
        }
      | undefined;
    if (!before)
      fail('not_found', `找不到编号为 ${id} 的${source === 'investment' ? '投资' : '落地项目'}记录`);
    if (!before.reinvest_category) fail('validation', '该记录没有返投认定类别，不能人工认定');
    const after = {
      reinvest_override_fen: override?.fen ?? null,
      reinvest_override_reason: override?.reason.trim() ?? null,
    };
    raw
      .prepare(
        `UPDATE ${table} SET reinvest_override_fen = @reinvest_override_fen,
          reinvest_override_reason = @reinvest_override_reason, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')
         WHERE id = @id`,
      )
      .run({ ...after, id });
    audit(
      raw,
      'update',
      source,
      id,
      override ? `返投人工认定：${override.reason.trim()}` : '取消返投人工认定，按规则计算',
      {
        reinvest_override_fen: before.reinvest_override_fen,
        reinvest_override_reason: before.reinvest_override_reason,
      },
      after,
    );
  })();
}

/** Acknowledge an alert (as it stands on asOf) with a note; it leaves the count but stays listed. */
export function acknowledgeAlert(opened: OpenedDb, asOf: string, key: string, note: string): void {
  if (!note.trim()) fail('validation', '请填写处理说明', [{ field: 'note', message: '请填写处理说明' }]);
  const a = listAlerts(opened, asOf).find((x) => x.key === key);
  if (!a) fail('not_found', '该提醒已不存在（情况可能已变化），请刷新后再试');
  if (a.acknowledged) fail('conflict', '该提醒已确认过');
  const { raw } = opened;
  raw.transaction(() => {
    const id = Number(
      raw
        .prepare(`INSERT INTO alert_acks (alert_key, kind, fund_id, note) VALUES (?, ?, ?, ?)`)
        .run(key, a.kind, a.fundId, note.trim()).lastInsertRowid,
    );
    audit(raw, 'create', 'alert_ack', id, `确认提醒（${a.kindLabel}）：${a.message}`, null, {
      alert_key: key,
      note: note.trim(),
    });
  })();
}

export function saveThresholds(opened: OpenedDb, input: Partial<Record<string, unknown>>): AlertThresholds {
  const { raw } = opened;
  const before = alertThresholds(raw);
  const next = { ...before };
  const issues: { field: string; message: string }[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (!(ALERT_KINDS as readonly string[]).includes(k)) continue;
    const kind = k as AlertKind;
    const info = ALERT_KIND_INFO[kind];
    if (!info.editable) continue;
    const max = info.unit === '年' ? 10 : 3650;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) {
      issues.push({ field: k, message: `${info.label}的阈值应为1到${max}之间的整数（${info.unit}）` });
      continue;
    }
    next[kind] = v;
  }
  if (issues.length) fail('validation', issues[0]!.message, issues);
  raw.transaction(() => {
    raw
      .prepare(
        `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      )
      .run(THRESHOLDS_KEY, JSON.stringify(next));
    audit(raw, 'update', 'alert_thresholds', 0, '修改提醒阈值', before, next);
  })();
  return next;
}

export type Filing = FilingView;

export function listFilings(opened: OpenedDb): Filing[] {
  return opened.raw
    .prepare(
      `SELECT r.id, r.name, r.fund_id, f.name AS fund_name, r.due_date, r.done_date, r.note
       FROM report_filings r LEFT JOIN funds f ON f.id = r.fund_id ORDER BY r.done_date IS NOT NULL, r.due_date, r.id`,
    )
    .all() as Filing[];
}

export function createFiling(
  opened: OpenedDb,
  v: { name: string; fund_id: number | null; due_date: string; note?: string | null },
): number {
  if (!v.name.trim()) fail('validation', '请填写报送事项名称', [{ field: 'name', message: '请填写名称' }]);
  if (!isIsoDate(v.due_date))
    fail('validation', '到期日无效（YYYY-MM-DD）', [{ field: 'due_date', message: '日期无效' }]);
  const { raw } = opened;
  return raw.transaction(() => {
    const row = { name: v.name.trim(), fund_id: v.fund_id, due_date: v.due_date, note: v.note ?? null };
    const id = Number(
      raw
        .prepare(
          `INSERT INTO report_filings (name, fund_id, due_date, note) VALUES (@name, @fund_id, @due_date, @note)`,
        )
        .run(row).lastInsertRowid,
    );
    audit(raw, 'create', 'report_filing', id, `新增报送事项：${row.name}（${row.due_date}到期）`, null, row);
    return id;
  })();
}

/** Mark a filing done on a date (or not done again with null). */
export function markFiling(opened: OpenedDb, id: number, doneDate: string | null): void {
  if (doneDate !== null && !isIsoDate(doneDate)) fail('validation', '完成日期无效（YYYY-MM-DD）');
  const { raw } = opened;
  raw.transaction(() => {
    const before = raw.prepare(`SELECT name, done_date FROM report_filings WHERE id = ?`).get(id) as
      | { name: string; done_date: string | null }
      | undefined;
    if (!before) fail('not_found', `找不到编号为 ${id} 的报送事项`);
    setColumn(raw, 'report_filings', 'done_date', doneDate, id);
    audit(
      raw,
      'update',
      'report_filing',
      id,
      doneDate ? `报送事项已完成：${before.name}` : `报送事项改为未完成：${before.name}`,
      { done_date: before.done_date },
      { done_date: doneDate },
    );
  })();
}
