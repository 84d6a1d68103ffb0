/**
 * A page tells the app that its first content is on screen (a ledger: its first rows drawn). The page it
 * replaced is taken down only then (PageStack.tsx), so that a menu click shows the new page first.
 */
let listener: (() => void) | null = null;

/** Called by a page once its first content is drawn. */
export function pageShown() {
  listener?.();
}

/** The page stack listens; the returned function stops it. */
export function onPageShown(f: () => void): () => void {
  listener = f;
  return () => {
    if (listener === f) listener = null;
  };
}
