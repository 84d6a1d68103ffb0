import { lazyRoutes } from '../../lib/lazy';

/** Pages of the compliance desk (merged into src/renderer/src/routes.tsx), each loaded on first visit. */
export const complianceRoutes = {
  ...lazyRoutes(() => import('./AlertsPage'), { '/alerts': 'AlertsPage' }),
  ...lazyRoutes(() => import('./SettingsPage'), { '/settings': 'SettingsPage' }),
};
