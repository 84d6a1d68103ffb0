import { createContext } from 'react';
import { HIDDEN_ATTR } from './hiddenPage';

/**
 * Whether a page's element is the one on screen: not inside a hidden box (a detail view's other tabs) nor in
 * a page kept mounted hidden (App.tsx PageView, lib/hiddenPage.ts). Window-wide handlers (keys, paste) ask
 * this so that only the grid the user sees answers. The hidden page's mark is read first: asking a skipped
 * (`content-visibility: hidden`) page for its layout would make the browser lay it out.
 */
export function onScreen(el: HTMLElement | null): el is HTMLElement {
  return el !== null && el.closest(`[${HIDDEN_ATTR}]`) === null && el.offsetParent !== null;
}

/**
 * True inside a page kept mounted hidden (App.tsx PageView). A control whose test id other pages use too
 * (the unit switch) drops it there, so that a locator finds the one on screen only.
 */
export const PageHidden = createContext(false);
