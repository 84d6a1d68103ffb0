import type { ComponentType } from 'react';
import { lazyPage } from '../../lib/lazy';

const importPage = () => import('./ImportPage');
const backup = () => import('./BackupPage');

/** Pages of the data area, by route (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const dataRoutes: Record<string, ComponentType> = {
  '/import': lazyPage(importPage, (m) => m.ImportPage),
  '/backup': lazyPage(backup, (m) => m.BackupPage),
};
