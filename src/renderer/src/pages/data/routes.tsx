import type { ComponentType } from 'react';
import { lazyPage } from '../../lib/lazy';

/** Pages of the data area, by route (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const dataRoutes: Record<string, ComponentType> = {
  '/import': lazyPage(
    () => import('./ImportPage'),
    (m) => m.ImportPage,
  ),
  '/backup': lazyPage(
    () => import('./BackupPage'),
    (m) => m.BackupPage,
  ),
};
