import { lazyRoutes } from '../../lib/lazy';

/** Pages of 绩效评价 and 年度报送 (merged into src/renderer/src/routes.tsx), each loaded on first visit. */
export const evaluationRoutes = {
  ...lazyRoutes(() => import('./EvaluationYearPage'), { '/evaluation': 'EvaluationYearPage' }),
  ...lazyRoutes(() => import('./ScorecardPage'), { '/evaluation/fund': 'ScorecardPage' }),
  ...lazyRoutes(() => import('./TemplatesPage'), { '/evaluation/templates': 'TemplatesPage' }),
  ...lazyRoutes(() => import('./TemplateEditPage'), { '/evaluation/template': 'TemplateEditPage' }),
  ...lazyRoutes(() => import('./AnnualPackPage'), { '/reports/annual-pack': 'AnnualPackPage' }),
};
