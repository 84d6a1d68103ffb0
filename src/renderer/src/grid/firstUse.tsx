// A component whose code loads on its first use (the grid's dialogs, lazyDialogs.tsx, and its link picker,
// LinkCellEditor.tsx). Code that has arrived renders at once (lib/lazy.ts says why not through React.lazy);
// before that, `wait` shows until it is there (React.lazy + Suspense).
import { type ComponentType, createElement, lazy, type ReactNode, Suspense, useState } from 'react';
import type { Loader } from '../lib/lazy';

interface Part<P> {
  now: () => ComponentType<P> | undefined;
  Lazy: ComponentType<P>;
  wait: ReactNode;
}

/** A component whose code loads on its first use: at once when it has arrived, else `wait` until it has. */
export function onFirstUse<M, P extends object>(
  code: Loader<M>,
  pick: (m: M) => ComponentType<P>,
  wait: ReactNode,
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
  if (Ready) return <Ready.C {...props} />;
  return (
    <Suspense fallback={part.wait}>
      <part.Lazy {...props} />
    </Suspense>
  );
}
