// A Vite plugin (electron.vite.config.ts, and the bench's renderer build): antd's static stylesheet
// (antd/dist/antd.css, zero-runtime mode, 1 MB) without the rules of antd components the app never renders.
// Chromium parses the whole sheet at every start and matches every element against it at each style
// recalculation; the rules dropped here can match nothing, so the look does not change. Own code because
// antd ships no per-component sheets; the CSS itself is parsed and printed with postcss (Vite's own).
import postcss from 'postcss';
import type { Plugin } from 'vite';

/**
 * antd components (the word after `ant-` in their class names) that nothing in src/renderer uses, neither
 * directly nor through a component it uses. Add a component back here before using it.
 */
export const UNUSED_ANTD = new Set([
  'anchor',
  'breadcrumb',
  'carousel',
  'cascader',
  'color',
  'drawer',
  'float',
  'image',
  'masonry',
  'mentions',
  'otp',
  'qrcode',
  'rate',
  'ribbon',
  'slider',
  'splitter',
  'steps',
  'tour',
  'transfer',
  'tree',
  'upload',
]);

const CLASS = /\.ant-([a-z]+)/g;

/** Whether a selector names a class of an unused component (so no element of the app can match it). */
function unused(selector: string): boolean {
  for (const m of selector.matchAll(CLASS)) if (UNUSED_ANTD.has(m[1]!)) return true;
  return false;
}

/** antd.css without the rules (and the selectors of shared rules) of unused components. */
export function trimAntdCss(css: string): string {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    if (rule.parent?.type === 'atrule' && (rule.parent as postcss.AtRule).name.endsWith('keyframes')) return;
    const kept = rule.selectors.filter((s) => !unused(s));
    if (kept.length === 0) rule.remove();
    else if (kept.length < rule.selectors.length) rule.selectors = kept;
  });
  root.walkAtRules((at) => {
    if (at.nodes && at.nodes.length === 0) at.remove();
  });
  return root.toString();
}

export function antdCss(): Plugin {
  return {
    name: 'funddesk-antd-css',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/antd/dist/antd.css')) return null;
      return { code: trimAntdCss(code), map: null };
    },
  };
}
