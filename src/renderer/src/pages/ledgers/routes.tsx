import type { ComponentType } from 'react';

/** Pages of the ledgers area, by route (merged into src/renderer/src/routes.tsx). */
export const ledgersRoutes: Record<string, ComponentType> = {};
