import { useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, type RefObject, useEffect, useState } from 'react';
import { whenAppIdle } from './appIdle';

/** Off the flow (no scroll area of its own: clipped to nothing) at the width it will have when shown. */
const OFF_FLOW = { position: 'absolute', top: 0, left: 0, right: 0, height: 0, overflow: 'hidden' } as const;

/**
 * A page being drawn hidden (a ledger prepared before the user ever opened it): laid out at its real size, so
 * that AG Grid sizes its columns and draws its rows, but not painted (`visibility: hidden`) and `inert` (no
 * focus, clicks or tab stops).
 */
const DRAWING: CSSProperties = { ...OFF_FLOW, visibility: 'hidden' };

/**
 * A page kept hidden once drawn (or once shown): `content-visibility: hidden`, which the browser skips
 * (nothing painted, hit, focused or found; checkVisibility() is false) while it keeps the styles and layout
 * it had.
 *
 * Why not stay as DRAWING: `visibility` and `inert` are inherited, so turning them off again makes the browser
 * compute the style of every element of the page anew, inside the click that shows it. A trace of the
 * prepared 投资 page's menu click (1x) showed that recalculation alone at 28.8 ms of ~100. Switching to
 * this once the app is idle moves that work out of the click: 总览 → 投资 96.7 → 75.9 ms (alternating
 * minified builds, medians of 10 on the 2-core machine; the full bench 108 → 74.7 ms).
 */
const KEPT: CSSProperties = { ...OFF_FLOW, contentVisibility: 'hidden' };

/**
 * The attribute marking a hidden page's box (App.tsx PageSlot), `drawing` or `kept`: lib/onScreen.ts asks for
 * it, as `inert` is not always on.
 */
export const HIDDEN_ATTR = 'data-page-hidden';

/**
 * How a page slot (App.tsx PageSlot) is hidden: DRAWING while a page never shown is drawn, KEPT from the
 * moment the app is idle after that, and at once for a page that was on screen (already drawn). Neither can
 * hold the focus: a cell focused as its page goes KEPT loses it (the browser lets go of focus in a skipped
 * page; tests/e2e/page-hidden.spec.ts checks a key typed then edits nothing), and DRAWING is inert.
 */
export function useHiddenPage(hidden: boolean, slot: RefObject<HTMLElement | null>) {
  const qc = useQueryClient();
  const [drawn, setDrawn] = useState(!hidden);
  useEffect(() => {
    if (!hidden) {
      setDrawn(true);
      return;
    }
    if (drawn) return;
    return whenAppIdle(qc, () => setDrawn(true));
  }, [hidden, drawn, qc]);
  const kept = hidden && drawn;
  // Turning DRAWING into KEPT leaves the page's new styles and layout to be worked out, and the browser works
  // nothing out for a skipped page until asked. Asked for its box at the next idle moment, it does that work
  // then rather than in the click that shows the page (traces of that click: 37 ms of layout when it was
  // left to the click, 2.5 ms when done before; 投资's prepared click 83 → 73 ms median of 10).
  useEffect(() => {
    if (!kept || typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => slot.current?.firstElementChild?.getBoundingClientRect());
    return () => cancelIdleCallback(id);
  }, [kept, slot]);
  if (!hidden) return { style: undefined, inert: false, marker: undefined };
  return { style: kept ? KEPT : DRAWING, inert: !kept, marker: kept ? 'kept' : 'drawing' };
}
