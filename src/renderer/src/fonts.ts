// The faces of Noto Sans SC that the first screen's own text does not need (scripts/font-css.ts leaves them
// out of the stylesheet that blocks the first paint): added once the first page is up and the renderer is
// idle, so that their few hundred @font-face rules are not parsed and matched on the way to the first rows.
// Until then a character of those subsets shows in the next font of the family list, as it did before while
// its file loaded (font-display: swap).
export function addRestOfFont() {
  const load = () => void import('virtual:noto-sans-sc-rest.css');
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 1500 });
  else setTimeout(load, 500);
}
