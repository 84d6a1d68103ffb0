import type { ComponentType } from 'react';

/** Pages of the reports area, by route (merged into src/renderer/src/routes.tsx). */
export const reportsRoutes: Record<string, ComponentType> = {};
