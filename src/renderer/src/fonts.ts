// The faces of Noto Sans SC that the first screen's own text does not need (scripts/font-css.ts leaves them
// out of the stylesheet that blocks the first paint): added once the renderer is truly idle — a long idle
// period, which comes when the first page is drawn and nothing is pending (an idle callback with a timeout
// landed just before the first rows under load) — or after 4 s at the latest. Their few hundred @font-face
// rules are then not parsed and matched on the way to the first rows. Until then a character of those
// subsets shows in the next font of the family list, as it did before while its file loaded
// (font-display: swap).
const LONG_IDLE_MS = 40;
const LATEST_MS = 4000;

export function addRestOfFont() {
  let added = false;
  const add = () => {
    if (added) return;
    added = true;
    void import('virtual:noto-sans-sc-rest.css');
  };
  if (typeof requestIdleCallback === 'function') {
    const whenIdle = (deadline: IdleDeadline) => {
      if (deadline.timeRemaining() >= LONG_IDLE_MS) add();
      else if (!added) requestIdleCallback(whenIdle);
    };
    requestIdleCallback(whenIdle);
  }
  setTimeout(add, LATEST_MS);
}
