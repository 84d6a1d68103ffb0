import { createContext, useContext, useSyncExternalStore } from 'react';

/** A hash router: '#/sub-funds?id=3'. Works under file:// (Electron) and http (preview). */
function current() {
  const h = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = h.split('?');
  return { path, params: new URLSearchParams(query) };
}

let snapshot = current();
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  snapshot = current();
  for (const l of listeners) l();
});

// The desktop menu's navigation items (src/main/electron/menu.ts).
window.api?.onNavigate((route) => {
  window.location.hash = `#${route}`;
});

/** The route's path now (outside React). */
export const currentPath = () => snapshot.path;

function subscribe(cb: () => void) {
  listeners.add(cb);
  return () => {
    listeners.delete(cb);
  };
}
const getSnapshot = () => snapshot;
const unsubscribed = () => () => {};

export function useRoute() {
  return useSyncExternalStore(subscribe, getSnapshot);
}

export function navigate(path: string, params?: Record<string, string | number>) {
  const q = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : '';
  window.location.hash = `#${path}${q}`;
}

/**
 * The route of the page being rendered: App.tsx PageView gives each page it keeps mounted its own, so that a
 * page mounted hidden (prepared, or kept after a visit) reads its own route, not the one on screen.
 */
export const PagePath = createContext<string | null>(null);

/**
 * The route of this page (its own when App.tsx PageView gives it one, else the one on screen). A page with its
 * own route does not follow the route's changes: a ledger kept hidden is not rendered again by every click in
 * the menu.
 */
export function usePagePath(): string {
  const own = useContext(PagePath);
  const route = useSyncExternalStore(own === null ? subscribe : unsubscribed, getSnapshot);
  return own ?? route.path;
}
