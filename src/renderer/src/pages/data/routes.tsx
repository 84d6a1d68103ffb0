import { lazyRoutes } from '../../lib/lazy';

/** Pages of the data area, by route (merged into src/renderer/src/routes.tsx), each loaded on first visit. */
export const dataRoutes = {
  ...lazyRoutes(() => import('./ImportPage'), { '/import': 'ImportPage' }),
  ...lazyRoutes(() => import('./BackupPage'), { '/backup': 'BackupPage' }),
};
