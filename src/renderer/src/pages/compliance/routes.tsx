import type { ComponentType } from 'react';
import { lazyPage } from '../../lib/lazy';

const alerts = () => import('./AlertsPage');
const settings = () => import('./SettingsPage');

/** Pages of the compliance desk (merged into src/renderer/src/routes.tsx), loaded on first visit. */
export const complianceRoutes: Record<string, ComponentType> = {
  '/alerts': lazyPage(alerts, (m) => m.AlertsPage),
  '/settings': lazyPage(settings, (m) => m.SettingsPage),
};
