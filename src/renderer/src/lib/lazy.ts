import { type ComponentType, lazy } from 'react';

/**
 * A page loaded on first visit: each area's pages are their own chunk, so opening one page parses only
 * its code (ECharts only on report pages, the import tools only on the import page).
 */
export function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ComponentType {
  return lazy(() => load().then((m) => ({ default: pick(m) })));
}
