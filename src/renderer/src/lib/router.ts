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

export function useRoute() {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => snapshot,
  );
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

/** The route of this page (its own when it is kept mounted hidden, else the one on screen). */
export function usePagePath(): string {
  const own = useContext(PagePath);
  const { path } = useRoute();
  return own ?? path;
}
