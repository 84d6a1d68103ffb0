import { createContext } from 'react';

/**
 * Whether a page's element is the one on screen: not inside a hidden box (a detail view's other tabs) nor in
 * a page kept mounted hidden and inert (App.tsx PageView). Window-wide handlers (keys, paste) ask this so
 * that only the grid the user sees answers.
 */
export function onScreen(el: HTMLElement | null): el is HTMLElement {
  return el !== null && el.offsetParent !== null && el.closest('[inert]') === null;
}

/**
 * True inside a page kept mounted hidden (App.tsx PageView). A control whose test id other pages use too
 * (the unit switch) drops it there, so that a locator finds the one on screen only.
 */
export const PageHidden = createContext(false);
