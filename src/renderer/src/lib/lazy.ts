import { type ComponentType, createElement, lazy, type ReactNode, Suspense, useState } from 'react';

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
  // No fallback of its own: the page view's Suspense shows the page's spinner.
  return onFirstUse('now' in load ? load : loader(load), pick);
}

interface Part<P> {
  now: () => ComponentType<P> | undefined;
  Lazy: ComponentType<P>;
  wait: ReactNode;
}

/**
 * A component whose code loads on its first use (a page, the grid's dialogs and link picker): rendered at
 * once when its code has arrived (lazyPage says why not through React.lazy then), else through React.lazy,
 * with `wait` shown until it has (or, without `wait`, the nearest Suspense's fallback).
 */
export function onFirstUse<M, P extends object>(
  code: Loader<M>,
  pick: (m: M) => ComponentType<P>,
  wait?: ReactNode,
): ComponentType<P> {
  const part: Part<P> = {
    now: () => {
      const m = code.now();
      return m === undefined ? undefined : pick(m);
    },
    Lazy: lazy(() => code().then((m) => ({ default: pick(m) }))),
    wait,
  };
  return (props: P) => createElement(FirstUse<P>, { part, props });
}

function FirstUse<P extends object>({ part, props }: { part: Part<P>; props: P }) {
  // Decided once per mount: switching from the lazy form to the direct one would remount it.
  const [Ready] = useState(() => {
    const C = part.now();
    return C === undefined ? undefined : { C };
  });
  if (Ready) return createElement(Ready.C, props);
  const lazyPart = createElement(part.Lazy, props);
  return part.wait === undefined ? lazyPart : createElement(Suspense, { fallback: part.wait }, lazyPart);
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
