import type { ComponentType } from 'react';
import { lazyPage } from '../../lib/lazy';

const year = () => import('./EvaluationYearPage');
const scorecard = () => import('./ScorecardPage');
const templates = () => import('./TemplatesPage');
const template = () => import('./TemplateEditPage');
const annualPack = () => import('./AnnualPackPage');

/** Pages of 绩效评价 and 年度报送 (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const evaluationRoutes: Record<string, ComponentType> = {
  '/evaluation': lazyPage(year, (m) => m.EvaluationYearPage),
  '/evaluation/fund': lazyPage(scorecard, (m) => m.ScorecardPage),
  '/evaluation/templates': lazyPage(templates, (m) => m.TemplatesPage),
  '/evaluation/template': lazyPage(template, (m) => m.TemplateEditPage),
  '/reports/annual-pack': lazyPage(annualPack, (m) => m.AnnualPackPage),
};
