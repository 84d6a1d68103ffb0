/**
 * The trimmed antd stylesheet (scripts/antd-css.ts) drops the rules of components listed as unused. A
 * component used without its rules renders unstyled, so this checks the list against what src/renderer uses:
 * the named imports from 'antd', the sub-components reached through a used one (Badge.Ribbon, Input.OTP) and
 * the APIs of App.useApp() (notification). It also checks the real antd.css loses only those rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimAntdCss, UNUSED_ANTD } from '../../scripts/antd-css';

const RENDERER = join(import.meta.dirname, '..', '..', 'src', 'renderer');

/** The class word (`.ant-<word>`) each component or API renders with. */
const CLASS_OF: Record<string, string> = {
  Anchor: 'anchor',
  Breadcrumb: 'breadcrumb',
  Carousel: 'carousel',
  Cascader: 'cascader',
  ColorPicker: 'color',
  Drawer: 'drawer',
  FloatButton: 'float',
  Image: 'image',
  Masonry: 'masonry',
  Mentions: 'mentions',
  notification: 'notification',
  OTP: 'otp',
  QRCode: 'qrcode',
  Rate: 'rate',
  Ribbon: 'ribbon',
  Slider: 'slider',
  Splitter: 'splitter',
  Steps: 'steps',
  Timeline: 'timeline',
  Tour: 'tour',
  Transfer: 'transfer',
  Tree: 'tree',
  TreeSelect: 'tree',
  Upload: 'upload',
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.(ts|tsx)$/.test(e.name)
        ? [readFileSync(join(dir, e.name), 'utf8')]
        : [],
  );
}

/** Every antd component or API the renderer's code names. */
function usedNames(): Set<string> {
  const used = new Set<string>();
  for (const text of sources(RENDERER)) {
    for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'antd'/g))
      for (const part of m[1]!.split(',')) {
        const name = part
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)[0]!
          .trim();
        if (name) used.add(name);
      }
    for (const m of text.matchAll(/\.(Ribbon|OTP)\b/g)) used.add(m[1]!);
    for (const m of text.matchAll(/\{([^}]*)\}\s*=\s*\w+\.useApp\(\)/g))
      for (const part of m[1]!.split(',')) used.add(part.split(':')[0]!.trim());
  }
  return used;
}

describe('the trimmed antd stylesheet', () => {
  it('drops no component the renderer uses', () => {
    const used = usedNames();
    expect(used.has('Button') && used.has('Table')).toBe(true);
    const droppedButUsed = [...used].filter((n) => CLASS_OF[n] && UNUSED_ANTD.has(CLASS_OF[n]!));
    expect(droppedButUsed).toEqual([]);
  });

  it('every dropped word is a component this test knows how to find', () => {
    const known = new Set(Object.values(CLASS_OF));
    expect([...UNUSED_ANTD].filter((w) => !known.has(w))).toEqual([]);
  });

  it("keeps the used components' rules and loses only the unused ones", () => {
    const require = createRequire(import.meta.url);
    const css = readFileSync(require.resolve('antd/dist/antd.css'), 'utf8');
    const trimmed = trimAntdCss(css);
    for (const kept of ['.ant-btn', '.ant-table', '.ant-notification', '.ant-modal', '.ant-picker'])
      expect(trimmed).toContain(kept);
    for (const word of UNUSED_ANTD) expect(trimmed).not.toMatch(new RegExp(`\\.ant-${word}\\b`));
    expect(trimmed.length).toBeLessThan(css.length);
  });
});
