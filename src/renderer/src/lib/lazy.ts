import { type ComponentType, createElement, lazy, useState } from 'react';

/** A page's code, loaded once; `now()` is the module when it has arrived (else undefined). */
export interface Loader<M> {
  (): Promise<M>;
  now: () => M | undefined;
}

/** Wraps an `import()` so that the app can tell whether that code has already arrived. */
export function loader<M>(load: () => Promise<M>): Loader<M> {
  let started: Promise<M> | null = null;
  let mod: M | undefined;
  const f = (() => {
    started ??= load().then((m) => {
      mod = m;
      return m;
    });
    return started;
  }) as Loader<M>;
  f.now = () => mod;
  return f;
}

/**
 * A page loaded on first visit: each area's pages are their own chunk, so opening one page parses only
 * its code (ECharts only on report pages, the import tools only on the import page).
 *
 * A page whose code has already arrived (loaded ahead in idle time) is rendered at once, not through
 * React.lazy: a lazy component suspends on its first render even when its code is there, and React then
 * holds the page back behind the Suspense fallback (about 300 ms: its fallback throttle) — that wait was
 * most of the fixed cost of opening a ledger from the menu.
 */
export function lazyPage<M>(
  load: Loader<M> | (() => Promise<M>),
  pick: (m: M) => ComponentType,
): ComponentType {
  const code = 'now' in load ? load : loader(load);
  const page: PageCode = {
    now: () => {
      const m = code.now();
      return m === undefined ? undefined : pick(m);
    },
    Lazy: lazy(() => code().then((m) => ({ default: pick(m) }))),
  };
  return () => createElement(PageOf, { page });
}

interface PageCode {
  now: () => ComponentType | undefined;
  Lazy: ComponentType;
}

function PageOf({ page }: { page: PageCode }) {
  // Decided once per visit: switching from the lazy form to the direct one would remount the page.
  const [Ready] = useState(page.now);
  return Ready === undefined ? createElement(page.Lazy) : createElement(Ready);
}

/** The names of a module's exports that are components (pages). */
type PageName<M> = { [K in keyof M]: M[K] extends ComponentType ? K : never }[keyof M];

/**
 * An area's routes from one module: route → the name of the page it exports, each loaded on first visit
 * (lazyPage), the module fetched once for all of them.
 */
export function lazyRoutes<M>(
  load: () => Promise<M>,
  pages: Record<string, PageName<M>>,
): Record<string, ComponentType> {
  const code = loader(load);
  return Object.fromEntries(
    Object.entries(pages).map(([route, name]) => [route, lazyPage(code, (m) => m[name] as ComponentType)]),
  );
}
