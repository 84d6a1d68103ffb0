import type { QueryClient } from '@tanstack/react-query';

/**
 * Calls `fn` once the app is idle: no query in flight (asked again every 250 ms), then an idle callback (at
 * most 2 s later). Returns what cancels it. Work that can wait for the page on screen to be drawn waits so.
 */
export function whenAppIdle(qc: QueryClient, fn: () => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  const check = () => {
    if (stopped) return;
    if (qc.isFetching() > 0) {
      timer = setTimeout(check, 250);
      return;
    }
    const ready = () => {
      if (!stopped) fn();
    };
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(ready, { timeout: 2000 });
    else timer = setTimeout(ready, 500);
  };
  check();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}
