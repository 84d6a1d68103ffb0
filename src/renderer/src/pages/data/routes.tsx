import type { ComponentType } from 'react';
import { BackupPage } from './BackupPage';
import { ImportPage } from './ImportPage';

/** Pages of the data area, by route (merged into src/renderer/src/routes.tsx). */
export const dataRoutes: Record<string, ComponentType> = {
  '/import': ImportPage,
  '/backup': BackupPage,
};
