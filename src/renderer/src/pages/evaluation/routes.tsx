import type { ComponentType } from 'react';
import { lazyPage } from '../../lib/lazy';

/** Pages of 绩效评价 and 年度报送 (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const evaluationRoutes: Record<string, ComponentType> = {
  '/evaluation': lazyPage(
    () => import('./EvaluationYearPage'),
    (m) => m.EvaluationYearPage,
  ),
  '/evaluation/fund': lazyPage(
    () => import('./ScorecardPage'),
    (m) => m.ScorecardPage,
  ),
  '/evaluation/templates': lazyPage(
    () => import('./TemplatesPage'),
    (m) => m.TemplatesPage,
  ),
  '/evaluation/template': lazyPage(
    () => import('./TemplateEditPage'),
    (m) => m.TemplateEditPage,
  ),
  '/reports/annual-pack': lazyPage(
    () => import('./AnnualPackPage'),
    (m) => m.AnnualPackPage,
  ),
};
