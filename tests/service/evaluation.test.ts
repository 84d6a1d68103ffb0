// 绩效评价: templates (weights checked, versioned, copied, xlsx round trip) and scorecards (computed as of
// 12-31 through the scoring tables, hand scores all-or-nothing with an audit trail), on real SQLite files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/main/demo';
import { listAlerts } from '../../src/main/services/compliance/alerts';
import { reinvestmentStatus } from '../../src/main/services/compliance/reinvest';
import { readTemplateXlsx, templateXlsx } from '../../src/main/services/evaluation/template-xlsx';
import { EXAMPLE_TEMPLATE } from '../../src/shared/evaluation/example';
import type { TemplateBody } from '../../src/shared/evaluation/template';
import { tempDb, testClient } from '../helpers/temp-db';

let t: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  t = await tempDb();
});
afterEach(() => t.cleanup());

const clone = (b: TemplateBody): TemplateBody => JSON.parse(JSON.stringify(b));
const count = (table: string) =>
  t.opened.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** One sub-fund: commitment 1,000万, calls 600万 (2023) + 200万 (2024-06) + 100万 (2025), NAV 900万 at 2024-09-30. */
function oneFund() {
  t.opened.raw.exec(`
    INSERT INTO funds (id, kind, name, established_date, total_size_fen, guidance_commitment_fen)
      VALUES (1, 'sub', '测试子基金合伙企业（有限合伙）', '2023-01-01', 5000000000, 1000000000);
    INSERT INTO cash_flows (fund_id, date, type, amount_fen) VALUES
      (1, '2023-03-01', 'call', 600000000), (1, '2024-06-01', 'call', 200000000), (1, '2025-02-01', 'call', 100000000);
    INSERT INTO valuations (fund_id, as_of_date, nav_fen) VALUES (1, '2024-09-30', 900000000);`);
}

/** A two-indicator template: 出资进度 (60 points, table 50%:0 → 100%:60) and a hand score (40). */
function small(): TemplateBody {
  return {
    name: '测试模板',
    note: null,
    indicators: [
      {
        key: 'A',
        name: '执行',
        parent: null,
        weight: 60,
        method: 'computed',
        metric: 'paid_in_progress',
        scoring: [
          { value: 50, points: 0 },
          { value: 100, points: 60 },
        ],
        guide: null,
      },
      {
        key: 'B',
        name: '管理',
        parent: null,
        weight: 40,
        method: 'manual',
        metric: null,
        scoring: [],
        guide: '内控',
      },
    ],
    grades: [
      { name: '优秀', min: 90 },
      { name: '合格', min: 60 },
      { name: '不合格', min: 0 },
    ],
  };
}

describe('evaluation templates', () => {
  it('ships one example template, labelled as an example, whose weights add up', async () => {
    const api = testClient(t.opened);
    const list = await api('evaluation.templates', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: '子基金年度绩效评价（示例）',
      is_example: true,
      version: 1,
      is_default: true,
    });
    const full = await api('evaluation.template', { id: list[0]!.id });
    const tops = full.indicators.filter((i) => i.parent === null);
    expect(tops.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });

  it('refuses weights that do not add up to 100, with a Chinese message, and writes nothing', async () => {
    const api = testClient(t.opened);
    const bad = clone(EXAMPLE_TEMPLATE);
    bad.indicators.find((i) => i.key === 'A')!.weight = 30;
    await expect(api('evaluation.template.save', { familyId: null, body: bad })).rejects.toThrow(
      '一级指标权重合计应为100，当前为105',
    );
    const kids = clone(EXAMPLE_TEMPLATE);
    kids.indicators.find((i) => i.key === 'A1')!.weight = 10;
    await expect(api('evaluation.template.save', { familyId: 1, body: kids })).rejects.toThrow(
      '一级指标“政策符合性”下二级指标权重合计应为25，当前为20',
    );
    const pts = small();
    pts.indicators[0]!.scoring[1]!.points = 70;
    await expect(api('evaluation.template.save', { familyId: null, body: pts })).rejects.toThrow(
      /得分应在0到60之间/,
    );
    const grades = small();
    grades.grades = [{ name: '优秀', min: 90 }];
    await expect(api('evaluation.template.save', { familyId: null, body: grades })).rejects.toThrow(
      /最低等级的下限应为0/,
    );
    await expect(api('evaluation.template.save', { familyId: null, body: { name: '' } })).rejects.toThrow(
      /模板名称不能为空/,
    );
    expect(count('evaluation_templates')).toBe(1);
  });

  it('editing saves a new version; a copy is a new template of the office own', async () => {
    const api = testClient(t.opened);
    const v2 = await api('evaluation.template.save', {
      familyId: 1,
      body: { ...clone(EXAMPLE_TEMPLATE), name: '本区评价办法' },
    });
    expect(v2).toMatchObject({
      family_id: 1,
      version: 2,
      is_example: true,
      latest: true,
      name: '本区评价办法',
    });
    const v1 = await api('evaluation.template', { id: 1 });
    expect(v1).toMatchObject({ version: 1, latest: false, name: '子基金年度绩效评价（示例）' });
    expect(v1.versions.map((v) => v.version)).toEqual([2, 1]);
    const copy = await api('evaluation.template.copy', { id: 1 });
    expect(copy).toMatchObject({ version: 1, is_example: false, name: '子基金年度绩效评价（副本）' });
    expect(copy.family_id).not.toBe(1);
  });

  it('exports a template as xlsx and imports it back as the same template', async () => {
    const x = await templateXlsx(t.opened.raw, 1);
    expect(x.fileName).toMatch(/\.xlsx$/);
    const body = await readTemplateXlsx(x.bytes);
    expect(body.indicators).toEqual(EXAMPLE_TEMPLATE.indicators);
    expect(body.grades).toEqual(EXAMPLE_TEMPLATE.grades);
    const api = testClient(t.opened);
    const imported = await api('evaluation.template.import', {
      fileName: x.fileName,
      base64: x.bytes.toString('base64'),
    });
    expect(imported).toMatchObject({ version: 1, is_example: false, name: EXAMPLE_TEMPLATE.name });
    await expect(
      api('evaluation.template.import', {
        fileName: 'x.xlsx',
        base64: Buffer.from('不是表格').toString('base64'),
      }),
    ).rejects.toThrow(/无法读取该文件/);
  });
});

describe('evaluations', () => {
  it('scores computed indicators as of 12-31 through the table, hand scores by the form, total and grade', async () => {
    oneFund();
    const api = testClient(t.opened);
    const tpl = await api('evaluation.template.save', { familyId: null, body: small() });
    await api('evaluation.template.default', { familyId: tpl.family_id });
    // 2024-12-31: paid-in 800 of 1,000 = 80% → 36 points (linear between 50%:0 and 100%:60); 2025's call not counted.
    const draft = await api('evaluation.scorecard', { fundId: 1, year: 2024 });
    expect(draft.evaluationId).toBeNull();
    const a = draft.indicators.find((i) => i.key === 'A')!;
    expect(a).toMatchObject({ computed: true, valueText: '80.00%', score: 36 });
    expect(a.value).toBeCloseTo(0.8, 12);
    expect(draft).toMatchObject({ total: 36, grade: '不合格', missing: 1 });

    const saved = await api('evaluation.save', {
      fundId: 1,
      year: 2024,
      scores: [{ key: 'B', score: 32.5, comment: '内控制度健全' }],
    });
    expect(saved).toMatchObject({ total: 68.5, grade: '合格', missing: 0 });
    const again = await api('evaluation.scorecard', { fundId: 1, year: 2024 });
    expect(again.indicators.find((i) => i.key === 'B')).toMatchObject({
      score: 32.5,
      comment: '内控制度健全',
    });
    expect(again.audit.map((e) => e.action)).toEqual(['update', 'create']);
    expect(again.audit[0]!.after).toEqual({ 管理: { 得分: 32.5, 说明: '内控制度健全' } });

    const year = await api('evaluation.year', { year: 2024 });
    expect(year.rows).toEqual([expect.objectContaining({ fundId: 1, total: 68.5, grade: '合格', rank: 1 })]);
    // 2025: 900 of 1,000 = 90% → 48 points.
    expect((await api('evaluation.scorecard', { fundId: 1, year: 2025 })).total).toBe(48);
  });

  it('refuses a bad hand score with a Chinese message and keeps what was stored', async () => {
    oneFund();
    const api = testClient(t.opened);
    const tpl = await api('evaluation.template.save', { familyId: null, body: small() });
    await api('evaluation.save', {
      fundId: 1,
      year: 2024,
      templateId: tpl.id,
      scores: [{ key: 'B', score: 20, comment: null }],
    });
    await expect(
      api('evaluation.save', { fundId: 1, year: 2024, scores: [{ key: 'B', score: 45, comment: null }] }),
    ).rejects.toThrow('评分未保存：“管理”的得分应在0到40之间');
    await expect(
      api('evaluation.save', { fundId: 1, year: 2024, scores: [{ key: 'A', score: 10, comment: null }] }),
    ).rejects.toThrow(/按数据自动计算，不能手工评分/);
    await expect(api('evaluation.scorecard', { fundId: 1, year: 2022 })).rejects.toThrow(/尚未成立/);
    const c = await api('evaluation.scorecard', { fundId: 1, year: 2024 });
    expect(c.indicators.find((i) => i.key === 'B')!.score).toBe(20);
  });

  it('an evaluation keeps its template version when the template is edited', async () => {
    oneFund();
    const api = testClient(t.opened);
    const v1 = await api('evaluation.template.save', { familyId: null, body: small() });
    await api('evaluation.template.default', { familyId: v1.family_id });
    await api('evaluation.save', { fundId: 1, year: 2024, scores: [{ key: 'B', score: 40, comment: null }] });
    const edited = small();
    edited.indicators[0]!.scoring = [
      { value: 0, points: 0 },
      { value: 80, points: 60 },
    ];
    const v2 = await api('evaluation.template.save', { familyId: v1.family_id, body: edited });
    const kept = await api('evaluation.scorecard', { fundId: 1, year: 2024 });
    expect(kept.template).toEqual({ id: v1.id, name: '测试模板', version: 1 });
    expect(kept.total).toBe(76);
    const next = await api('evaluation.scorecard', { fundId: 1, year: 2025 });
    expect(next.template).toEqual({ id: v2.id, name: '测试模板', version: 2 });
    await expect(api('evaluation.template.delete', { familyId: v1.family_id })).rejects.toThrow(
      /已用于1份评价/,
    );
  });

  it('返投完成率 and open high alerts are the compliance desk’s figures of every demo fund on 12-31', async () => {
    await loadDemo(t.db, { replace: false });
    const api = testClient(t.opened);
    const status = new Map(reinvestmentStatus(t.opened, '2024-12-31').map((r) => [r.fundId, r]));
    const high = listAlerts(t.opened, '2024-12-31').filter((a) => a.severity === 'high' && !a.acknowledged);
    expect(high.length).toBeGreaterThan(0);
    let withReinvest = 0;
    for (const row of (await api('evaluation.year', { year: 2024 })).rows) {
      const c = await api('evaluation.scorecard', { fundId: row.fundId, year: 2024 });
      const reinvest = c.indicators.find((i) => i.metric === 'reinvest_completion')!;
      const s = status.get(row.fundId);
      if (s && s.requiredFen !== null) {
        expect(reinvest.value).toBe(s.completion);
        withReinvest++;
      } else expect(reinvest.value).toBeNull();
      const alerts = c.indicators.find((i) => i.metric === 'open_high_alerts')!;
      expect(alerts.value).toBe(high.filter((a) => a.fundId === row.fundId).length);
    }
    expect(withReinvest).toBeGreaterThan(5);
  });

  it('投资进度 and 带动融资额 of every demo fund are the plain sums of its ledgers on 12-31', async () => {
    await loadDemo(t.db, { replace: false });
    const api = testClient(t.opened);
    const one = (sql: string, ...args: unknown[]) =>
      t.opened.raw
        .prepare(sql)
        .pluck()
        .get(...args) as number;
    let financed = 0;
    for (const row of (await api('evaluation.year', { year: 2024 })).rows) {
      const c = await api('evaluation.scorecard', { fundId: row.fundId, year: 2024 });
      const figure = (m: string) => c.indicators.find((i) => i.metric === m)?.value;
      const paid = one(
        `SELECT coalesce(sum(amount_fen), 0) FROM cash_flows WHERE fund_id = ? AND type = 'call' AND date <= '2024-12-31'`,
        row.fundId,
      );
      const invested = one(
        `SELECT coalesce(sum(amount_fen), 0) FROM investments WHERE fund_id = ? AND date <= '2024-12-31'`,
        row.fundId,
      );
      const closed = one(
        `SELECT coalesce(sum(amount_closed_fen), 0) FROM financing_deals WHERE stage = 'closed'
         AND closed_date <= '2024-12-31' AND enterprise_id IN
           (SELECT enterprise_id FROM investments WHERE fund_id = ? AND date <= '2024-12-31')`,
        row.fundId,
      );
      expect(figure('invest_progress')).toBe(paid > 0 ? invested / paid : undefined);
      expect(figure('financing_amount')).toBe(closed);
      if (closed > 0) financed++;
    }
    expect(financed).toBeGreaterThan(1);
  });
});
