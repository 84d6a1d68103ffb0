/**
 * The example template shipped with FundDesk (labelled 示例): groups after the public provincial examples
 * (政策符合性 / 政策执行能力 / 政策效果 / 合规性); an office copies it and sets its own weights and tables.
 */
import type { Indicator, TemplateBody } from './template';

const computed = (
  key: string,
  parent: string,
  name: string,
  weight: number,
  metric: Indicator['metric'],
  scoring: [number, number][],
): Indicator => ({
  key,
  name,
  parent,
  weight,
  method: 'computed',
  metric,
  scoring: scoring.map(([value, points]) => ({ value, points })),
  guide: null,
});
const manual = (key: string, parent: string, name: string, weight: number, guide: string): Indicator => ({
  key,
  name,
  parent,
  weight,
  method: 'manual',
  metric: null,
  scoring: [],
  guide,
});
const group = (key: string, name: string, weight: number): Indicator => ({
  key,
  name,
  parent: null,
  weight,
  method: 'manual',
  metric: null,
  scoring: [],
  guide: null,
});

export const EXAMPLE_TEMPLATE: TemplateBody = {
  name: '子基金年度绩效评价（示例）',
  note: '示例模板：指标分组参照各省政府投资基金绩效评价办法的公开示例，权重和评分表可按本地办法修改（先复制再编辑）。',
  indicators: [
    group('A', '政策符合性', 25),
    computed('A1', 'A', '返投完成率', 15, 'reinvest_completion', [
      [50, 0],
      [80, 10],
      [100, 15],
    ]),
    computed('A2', 'A', '落地项目数', 5, 'landed_count', [
      [0, 0],
      [5, 5],
    ]),
    manual(
      'A3',
      'A',
      '投向符合产业政策',
      5,
      '投向本区重点产业（智能网联汽车、新型储能、生物医药、新一代信息技术）的情况',
    ),
    group('B', '政策执行能力', 35),
    computed('B1', 'B', '出资进度', 10, 'paid_in_progress', [
      [50, 0],
      [80, 7],
      [100, 10],
    ]),
    computed('B2', 'B', '投资进度', 10, 'invest_progress', [
      [50, 0],
      [100, 6],
      [200, 10],
    ]),
    manual('B3', 'B', '管理人履职与内部控制', 15, '投资决策程序、投后管理、风险控制制度的建立与执行'),
    group('C', '政策效果', 25),
    computed('C1', 'C', '落地项目金额', 5, 'landed_amount', [
      [0, 0],
      [20000, 5],
    ]),
    computed('C2', 'C', '带动融资额', 5, 'financing_amount', [
      [0, 0],
      [5000, 5],
    ]),
    computed('C3', 'C', 'DPI', 5, 'dpi', [
      [0, 0],
      [1, 5],
    ]),
    computed('C4', 'C', 'TVPI', 5, 'tvpi', [
      [1, 0],
      [2, 5],
    ]),
    computed('C5', 'C', '净IRR', 5, 'irr', [
      [0, 0],
      [8, 5],
    ]),
    group('D', '合规性', 15),
    computed('D1', 'D', '未处理高风险提醒', 10, 'open_high_alerts', [
      [0, 10],
      [3, 0],
    ]),
    manual('D2', 'D', '信息报送及时性', 5, '季度报告、年度审计报告按时报送'),
  ],
  grades: [
    { name: '优秀', min: 90 },
    { name: '良好', min: 80 },
    { name: '合格', min: 60 },
    { name: '不合格', min: 0 },
  ],
};
