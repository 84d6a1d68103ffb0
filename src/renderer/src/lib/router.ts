import { useSyncExternalStore } from 'react';

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
