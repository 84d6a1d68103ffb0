import type { ComponentType } from 'react';

/** Pages of the data area, by route (merged into src/renderer/src/routes.tsx). */
export const dataRoutes: Record<string, ComponentType> = {};
