/**
 * ResizeObserver notifications about elements that are no longer in the document are not delivered.
 *
 * Why: a page left from the menu leaves the document at once and is taken down only when the app is idle
 * (lib/leavingPages.ts). The browser then reports every observed element of it at a size of 0, and AG Grid
 * answered each of its grid's observers: it laid its columns out again for a 0-px viewport and re-rendered
 * every drawn row (in the next frames). Leaving 总览 for a ledger not prepared drops the
 * hidden 投资 page too, and that reaction cost ~40 ms of the new ledger's first frames (A/B, alternating
 * builds, 1x idle: cold 现金流 click 194 → 150 ms median of 6). Nothing needs the news: a detached element is
 * either being taken down or put back, and when it is put back its size is reported again (it differs from
 * the 0 the browser last saw). Our own code because no library offers it: a subclass of the browser's
 * ResizeObserver, installed before anything observes (boot.ts).
 */
export function ignoreDetachedResizes(win: Window & typeof globalThis = window) {
  const Native = win.ResizeObserver;
  if (!Native || (Native as { detachedIgnored?: boolean }).detachedIgnored) return;
  class AttachedOnly extends Native {
    static detachedIgnored = true;
    constructor(callback: ResizeObserverCallback) {
      super((entries, observer) => {
        const attached = entries.filter((e) => e.target.isConnected);
        if (attached.length > 0) callback(attached, observer);
      });
    }
  }
  win.ResizeObserver = AttachedOnly;
}
