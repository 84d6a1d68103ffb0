/**
 * 绩效评价 per fund and year: the computed indicators as of 12-31 of the year (figures.ts) scored by the
 * template's tables, the hand scores and comments kept in evaluation_scores, the total and its grade. A
 * fund-year without a saved evaluation is shown as a draft with the default template; the first save keeps
 * the template version for good. Every change of a score or comment is written to the audit log.
 */
import { formatMetric, inTableUnit, METRICS } from '../../../shared/evaluation/metrics';
import {
  gradeOf,
  type Indicator,
  leaves,
  round2,
  scoreFromTable,
  scoringText,
} from '../../../shared/evaluation/template';
import type { HistoryRow, Scorecard, ScoredIndicator, YearRow } from '../../../shared/evaluation/types';
import type { OpenedDb } from '../../db/open';
import { listAudit } from '../audit-log';
import { fail } from '../ledger/errors';
import { writeRawAudit } from './audit';
import { evaluationFigures, type FundFigures } from './figures';
import { defaultTemplateId, getTemplate } from './templates';

type Template = ReturnType<typeof getTemplate>;

export function yearEnd(year: number): string {
  return `${year}-12-31`;
}

export function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    fail('validation', `评价年度无效：${year}（1990–2100）`);
}

interface Saved {
  id: number;
  fund_id: number;
  template_id: number;
  updated_at: string;
}

type Hand = { score: number | null; comment: string | null };

/** What scoring needs of a template, worked out once for all its funds: leaves, children, rule texts. */
interface Plan {
  leaf: Set<string>;
  children: Map<string, string[]>;
  rule: Map<string, string>;
}

const plans = new WeakMap<Template, Plan>();

function planOf(t: Template): Plan {
  let p = plans.get(t);
  if (!p) {
    const children = new Map<string, string[]>();
    for (const i of t.indicators) {
      if (i.parent !== null) children.set(i.parent, [...(children.get(i.parent) ?? []), i.key]);
    }
    p = {
      leaf: new Set(leaves(t.indicators).map((i) => i.key)),
      children,
      rule: new Map(t.indicators.map((i) => [i.key, scoringText(i)])),
    };
    plans.set(t, p);
  }
  return p;
}

/** Score every indicator of a template for one fund. */
function score(
  t: Template,
  figs: FundFigures,
  hand: Map<string, Hand>,
): { indicators: ScoredIndicator[]; total: number; missing: number } {
  const plan = planOf(t);
  const scored = new Map<string, ScoredIndicator>();
  let missing = 0;
  for (const i of t.indicators) {
    if (!plan.leaf.has(i.key)) continue;
    const leaf = scoreLeaf(i, plan.rule.get(i.key)!, figs, hand.get(i.key));
    scored.set(i.key, leaf);
    if (leaf.score === null) missing++;
  }
  const out: ScoredIndicator[] = [];
  let total = 0;
  for (const i of t.indicators) {
    const leaf = scored.get(i.key);
    if (leaf) {
      out.push(leaf);
      total += leaf.score ?? 0;
      continue;
    }
    const kids = (plan.children.get(i.key) ?? []).map((k) => scored.get(k)!);
    out.push({
      key: i.key,
      name: i.name,
      parent: null,
      level: 1,
      weight: i.weight,
      computed: false,
      method: i.method,
      metric: null,
      kind: null,
      value: null,
      valueText: '',
      rule: `${kids.length}项二级指标之和`,
      score: round2(kids.reduce((s, k) => s + (k.score ?? 0), 0)),
      comment: null,
      leaf: false,
    });
  }
  return { indicators: out, total: round2(total), missing };
}

/** One scored indicator: from the fund's figure by the scoring table, or by hand. */
function scoreLeaf(i: Indicator, rule: string, figs: FundFigures, hand: Hand | undefined): ScoredIndicator {
  const info = i.method === 'computed' && i.metric ? METRICS[i.metric] : null;
  const value = info ? figs[i.metric!].value : null;
  let computed = false;
  let valueText = '';
  let points = hand?.score ?? null;
  if (info && value !== null) {
    computed = true;
    valueText = formatMetric(info.kind, value, info.unit);
    points = round2(scoreFromTable(i.scoring, inTableUnit(info.kind, value)));
  } else if (info) {
    // No value (no 返投 obligation, no IRR yet …): scored by hand, with the reason shown.
    valueText = `—（${figs[i.metric!].note ?? '无数据'}，请手工评分）`;
  }
  return {
    key: i.key,
    name: i.name,
    parent: i.parent,
    level: i.parent === null ? 1 : 2,
    weight: i.weight,
    computed,
    method: i.method,
    metric: i.metric,
    kind: info?.kind ?? null,
    value,
    valueText,
    rule,
    score: points,
    comment: hand?.comment ?? null,
    leaf: true,
  };
}

/** The scorecards of a year: every fund established by 12-31 (or only `fundId`). */
export function yearScorecards(opened: OpenedDb, year: number, fundId?: number): Scorecard[] {
  checkYear(year);
  const { raw } = opened;
  const asOf = yearEnd(year);
  const { funds, figures } = evaluationFigures(opened, asOf, fundId);
  const saved = new Map(
    (
      raw
        .prepare(
          `SELECT id, fund_id, template_id, updated_at FROM evaluations WHERE year = ?${fundId === undefined ? '' : ' AND fund_id = ?'}`,
        )
        .all(...(fundId === undefined ? [year] : [year, fundId])) as Saved[]
    ).map((s) => [s.fund_id, s]),
  );
  const hand = new Map<number, Map<string, Hand>>();
  const rows = raw
    .prepare(
      `SELECT s.evaluation_id, s.indicator_key, s.score, s.comment FROM evaluation_scores s
       JOIN evaluations e ON e.id = s.evaluation_id WHERE e.year = ?`,
    )
    .raw(true)
    .all(year) as [number, string, number | null, string | null][];
  for (const [eid, key, sc, comment] of rows) {
    let m = hand.get(eid);
    if (!m) {
      m = new Map();
      hand.set(eid, m);
    }
    m.set(key, { score: sc, comment });
  }
  const templates = new Map<number, Template>();
  const templateOf = (id: number) => {
    let t = templates.get(id);
    if (!t) {
      t = getTemplate(raw, id);
      templates.set(id, t);
    }
    return t;
  };
  const defaultId = funds.some((f) => !saved.has(f.id)) ? defaultTemplateId(raw) : 0;
  return funds.map((f) => {
    const s = saved.get(f.id);
    const t = templateOf(s ? s.template_id : defaultId);
    const r = score(t, figures.get(f.id)!, (s && hand.get(s.id)) || new Map());
    return {
      fundId: f.id,
      fundName: f.name,
      fundKind: f.kind,
      year,
      asOf,
      evaluationId: s?.id ?? null,
      template: { id: t.id, name: t.name, version: t.version },
      total: r.total,
      grade: gradeOf(t.grades, r.total),
      grades: t.grades,
      missing: r.missing,
      indicators: r.indicators,
      updatedAt: s?.updated_at ?? null,
    };
  });
}

/** One fund's scorecard for a year. */
export function fundScorecard(opened: OpenedDb, fundId: number, year: number): Scorecard {
  const [card] = yearScorecards(opened, year, fundId);
  if (!card) {
    const exists = opened.raw.prepare('SELECT name FROM funds WHERE id = ?').pluck().get(fundId) as
      | string
      | undefined;
    if (!exists) fail('not_found', `找不到基金（编号${fundId}）`);
    fail('validation', `${exists}在${year}年底尚未成立，不能评价该年度`);
  }
  return card;
}

/** The year's list: totals, grades and ranks (ties share a rank), best first. */
export function yearRows(cards: readonly Scorecard[]): YearRow[] {
  const sorted = [...cards].sort((a, b) => b.total - a.total || a.fundId - b.fundId);
  let rank = 0;
  let prev = Number.NaN;
  return sorted.map((c, k) => {
    if (c.total !== prev) rank = k + 1;
    prev = c.total;
    return {
      fundId: c.fundId,
      fundName: c.fundName,
      fundKind: c.fundKind,
      evaluationId: c.evaluationId,
      template: c.template,
      total: c.total,
      grade: c.grade,
      missing: c.missing,
      rank,
    };
  });
}

export interface ScoreInput {
  key: string;
  score: number | null;
  comment: string | null;
}

/**
 * Save hand scores and comments of a fund-year (creating the evaluation, with `templateId` or the default
 * template, on the first save). All or nothing: one bad score and nothing is written.
 */
export function saveScores(
  opened: OpenedDb,
  input: { fundId: number; year: number; templateId?: number | undefined; scores: ScoreInput[] },
): Scorecard {
  const { raw } = opened;
  const card = fundScorecard(opened, input.fundId, input.year);
  if (card.evaluationId !== null && input.templateId !== undefined && input.templateId !== card.template.id) {
    fail('conflict', `该评价已按“${card.template.name}”第${card.template.version}版评分，不能更换模板`);
  }
  const templateId = card.evaluationId === null ? (input.templateId ?? card.template.id) : card.template.id;
  const t = getTemplate(raw, templateId);
  const current =
    templateId === card.template.id
      ? card
      : {
          ...card,
          indicators: score(
            t,
            evaluationFigures(opened, card.asOf, input.fundId).figures.get(input.fundId)!,
            new Map(),
          ).indicators,
        };
  const byKey = new Map(current.indicators.filter((i) => i.leaf).map((i) => [i.key, i]));
  const issues: { field: string; message: string }[] = [];
  for (const s of input.scores) {
    const i = byKey.get(s.key);
    if (!i) {
      issues.push({ field: s.key, message: `模板中没有可评分的指标“${s.key}”` });
      continue;
    }
    if (s.comment !== null && s.comment.length > 500)
      issues.push({ field: s.key, message: `“${i.name}”的说明不能超过500个字` });
    if (s.score === null) continue;
    if (i.computed) issues.push({ field: s.key, message: `“${i.name}”按数据自动计算，不能手工评分` });
    else if (!Number.isFinite(s.score) || s.score < 0 || s.score > i.weight + 1e-9)
      issues.push({ field: s.key, message: `“${i.name}”的得分应在0到${i.weight}之间` });
    else if (Math.abs(Math.round(s.score * 100) - s.score * 100) > 1e-6)
      issues.push({ field: s.key, message: `“${i.name}”的得分最多两位小数` });
  }
  if (issues.length) fail('validation', `评分未保存：${issues[0]!.message}`, issues);

  raw.transaction(() => {
    let id = card.evaluationId;
    if (id === null) {
      id = Number(
        raw
          .prepare('INSERT INTO evaluations (fund_id, year, template_id) VALUES (?, ?, ?)')
          .run(input.fundId, input.year, templateId).lastInsertRowid,
      );
      writeRawAudit(raw, {
        action: 'create',
        entity: 'evaluation',
        id,
        summary: `${card.fundName} ${input.year}年度绩效评价（${t.name} 第${t.version}版）`,
        after: { template: `${t.name} 第${t.version}版` },
      });
    }
    const old = new Map(
      (
        raw
          .prepare('SELECT indicator_key, score, comment FROM evaluation_scores WHERE evaluation_id = ?')
          .all(id) as {
          indicator_key: string;
          score: number | null;
          comment: string | null;
        }[]
      ).map((r) => [r.indicator_key, r]),
    );
    const upsert = raw.prepare(
      `INSERT INTO evaluation_scores (evaluation_id, indicator_key, score, comment) VALUES (?, ?, ?, ?)
       ON CONFLICT(evaluation_id, indicator_key) DO UPDATE SET score = excluded.score, comment = excluded.comment`,
    );
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const s of input.scores) {
      const o = old.get(s.key);
      const comment = s.comment?.trim() ? s.comment.trim() : null;
      if ((o?.score ?? null) === s.score && (o?.comment ?? null) === comment) continue;
      upsert.run(id, s.key, s.score, comment);
      const name = byKey.get(s.key)!.name;
      before[name] = o ? { 得分: o.score, 说明: o.comment } : null;
      after[name] = { 得分: s.score, 说明: comment };
    }
    if (Object.keys(after).length) {
      raw
        .prepare(`UPDATE evaluations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`)
        .run(id);
      writeRawAudit(raw, {
        action: 'update',
        entity: 'evaluation',
        id,
        summary: `${card.fundName} ${input.year}年度绩效评价：修改${Object.keys(after).join('、')}`,
        before,
        after,
      });
    }
  })();
  return fundScorecard(opened, input.fundId, input.year);
}

/** Who changed what in one evaluation, newest first. */
export async function evaluationAudit(opened: OpenedDb, evaluationId: number) {
  return (await listAudit(opened.db, { entity: 'evaluation', entityId: evaluationId, limit: 500, offset: 0 }))
    .entries;
}

/** A fund's evaluations over the years: each year from its establishment to `lastYear` (saved or draft). */
export function fundHistory(opened: OpenedDb, fundId: number, lastYear: number): HistoryRow[] {
  const f = opened.raw.prepare('SELECT name, established_date FROM funds WHERE id = ?').get(fundId) as
    | { name: string; established_date: string | null }
    | undefined;
  if (!f) fail('not_found', `找不到基金（编号${fundId}）`);
  const first = Math.max(Number(f.established_date?.slice(0, 4) ?? lastYear), lastYear - 14);
  const out: HistoryRow[] = [];
  for (let y = lastYear; y >= first; y--) {
    const [c] = yearScorecards(opened, y, fundId);
    if (c) {
      out.push({
        year: y,
        evaluationId: c.evaluationId,
        template: c.template,
        total: c.total,
        grade: c.grade,
        missing: c.missing,
        updatedAt: c.updatedAt,
      });
    }
  }
  return out;
}
