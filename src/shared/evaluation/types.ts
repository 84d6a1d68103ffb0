/** What the evaluation channels return (issue #16). Scores are points (two decimals); values as in metrics.ts. */
import type { MetricCode, MetricKind } from './metrics';
import type { Grade, Indicator, TemplateBody } from './template';

export interface TemplateSummary {
  /** The latest version's id. */
  id: number;
  family_id: number;
  version: number;
  name: string;
  is_example: boolean;
  is_default: boolean;
  note: string | null;
  created_at: string;
  versions: number;
  /** Evaluations made with any version of this template. */
  evaluations: number;
  indicators: number;
}

export interface TemplateVersion extends TemplateBody {
  id: number;
  family_id: number;
  version: number;
  is_example: boolean;
  created_at: string;
  /** The newest version of its family. */
  latest: boolean;
  /** Evaluations made with this version. */
  evaluations: number;
}

export interface ScoredIndicator {
  key: string;
  name: string;
  parent: string | null;
  level: 1 | 2;
  weight: number;
  /** Scored from FundDesk's data (false: by hand, or a computed indicator without a value, scored by hand). */
  computed: boolean;
  method: Indicator['method'];
  metric: MetricCode | null;
  kind: MetricKind | null;
  /** The computed value (fraction for percent, fen for money); null for hand-scored ones. */
  value: number | null;
  /** “84.15%”, “—（该基金未约定返投）” or ''. */
  valueText: string;
  /** The scoring table or the hand-scoring guide, as one line. */
  rule: string;
  /** Points (a 一级 indicator with 二级 under it: their sum); null while a hand score is missing. */
  score: number | null;
  comment: string | null;
  /** The indicator is scored (a leaf), not a group. */
  leaf: boolean;
}

export interface Scorecard {
  fundId: number;
  fundName: string;
  fundKind: 'sub' | 'direct';
  year: number;
  asOf: string;
  /** Null: no evaluation saved yet, a draft with the default template. */
  evaluationId: number | null;
  template: { id: number; name: string; version: number };
  total: number;
  grade: string;
  grades: Grade[];
  /** Hand scores still missing. */
  missing: number;
  indicators: ScoredIndicator[];
  updatedAt: string | null;
}

export interface YearRow {
  fundId: number;
  fundName: string;
  fundKind: 'sub' | 'direct';
  evaluationId: number | null;
  template: { id: number; name: string; version: number };
  total: number;
  grade: string;
  missing: number;
  rank: number;
}

export interface HistoryRow {
  year: number;
  evaluationId: number | null;
  template: { id: number; name: string; version: number };
  total: number;
  grade: string;
  missing: number;
  updatedAt: string | null;
}
