import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useLayoutEffect, useState } from 'react';
import { whenAppIdle } from './appIdle';

/** A page a navigation has left: still mounted (its DOM out of the document) until the app is idle. */
export interface LeavingPage {
  path: string;
  /** Whether it was the hidden (prepared) one: kept as it was, so that nothing in it renders again. */
  hidden: boolean;
}

/**
 * The pages (App.tsx PageView) that were shown (on screen or prepared hidden) and are not any more, kept
 * mounted until the app is idle after the navigation: their DOM leaves the document at once (PageSlot,
 * useDetached), their teardown — AG Grid's destroy of a grid's beans and rows, ECharts' dispose, every
 * effect's cleanup — waits until the new page is drawn and its data is in, instead of running inside the
 * click, in front of the new page. A page shown again meanwhile is simply kept. In the order they had, so that
 * React never moves them (see App.tsx PageView).
 */
export function useLeavingPages(shown: readonly string[], path: string): LeavingPage[] {
  const qc = useQueryClient();
  const [state, setState] = useState({ shown, path, leaving: [] as LeavingPage[] });
  let { leaving } = state;
  if (state.shown !== shown && state.shown.join('\n') !== shown.join('\n')) {
    leaving = [
      ...leaving.filter((l) => !shown.includes(l.path)),
      ...state.shown.filter((p) => !shown.includes(p)).map((p) => ({ path: p, hidden: p !== state.path })),
    ];
    setState({ shown, path, leaving });
  } else if (state.path !== path) setState({ ...state, path });
  const any = leaving.length > 0;
  // A dialog or drawer open as the page is left (a navigation from the window's menu) lives in the body, not
  // in the page's box: the pages left are then taken down at once, as before, so that it closes with them.
  useLayoutEffect(() => {
    if (any && overlayOpen()) setState((s) => ({ ...s, leaving: [] }));
  }, [any]);
  useEffect(() => {
    if (!any) return;
    return whenAppIdle(qc, () => setState((s) => ({ ...s, leaving: [] })));
  }, [qc, any]);
  return leaving;
}

function overlayOpen(): boolean {
  return [...document.querySelectorAll('.ant-modal-wrap, .ant-drawer')].some((el) =>
    el.checkVisibility({ visibilityProperty: true }),
  );
}

/**
 * Takes `el` (the page's own box inside its slot) out of the document while `away`, before the frame is
 * painted, and puts it back if the page is shown again. Its slot, the node React inserts and removes, stays:
 * React's later removal of the slot then takes the detached page down with it without touching the document.
 */
export function useDetached(
  el: { current: HTMLElement | null },
  box: { current: HTMLElement | null },
  away: boolean,
) {
  useLayoutEffect(() => {
    const node = el.current;
    if (!node) return;
    if (away) node.remove();
    else if (!node.isConnected && box.current) box.current.appendChild(node);
  }, [el, box, away]);
}
