/**
 * The layers of docs/ARCHITECTURE.md, enforced: src/shared is pure TypeScript (no Node, Electron or DOM,
 * neither modules nor globals), the renderer never imports src/main, src/main never imports the renderer,
 * and no source files import each other in a circle. The second block proves each check fails on a tree that
 * breaks it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, layeringViolations, sharedGlobalErrors } from '../helpers/imports';

const ROOT = resolve(import.meta.dirname, '../..');
/** The packages src/shared may use: each runs anywhere (echarts only for its option types). */
const SHARED_PACKAGES = ['zod', 'echarts'];

describe('the source tree keeps its layers', () => {
  it('imports cross no layer boundary', () => {
    expect(layeringViolations(ROOT, SHARED_PACKAGES)).toEqual([]);
  });

  it('src/shared compiles without the DOM and Node declarations', () => {
    expect(sharedGlobalErrors(ROOT)).toEqual([]);
  }, 60_000);

  it('no files import each other in a circle', () => {
    expect(importCycles(ROOT, 'src')).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const root = mkdtempSync(join(tmpdir(), 'funddesk-layering-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/shared/ok.ts', 'export const n = new Map([[1, Math.max(...[1, 2])]]).get(1);\n');
  write('src/shared/pkg.ts', "export { z } from 'zod';\n");
  write('src/shared/fs.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n");
  write('src/shared/win.ts', 'export const w = () => window.location.href + document.title;\n');
  write('src/shared/proc.ts', 'export const e = () => process.env.HOME;\n');
  write('src/shared/el.ts', "export type { IpcRenderer } from 'electron';\n");
  write('src/shared/up.ts', "import { x } from '../main/x';\nexport const y = x;\n");
  write('src/main/x.ts', "import type { P } from '../renderer/src/p';\nexport const x: P = 1;\n");
  write('src/main/react.ts', "export const R = () => import('react');\n");
  write('src/renderer/src/p.ts', "import { x } from '../../main/x';\nexport type P = typeof x;\n");
  write('src/preload/index.ts', "import { x } from '../main/x';\nexport const y = x;\n");
  write('src/renderer/src/a.ts', "import type { B } from './b';\nexport type A = { b?: B };\n");
  write('src/renderer/src/b.tsx', "import type { A } from './a';\nexport type B = { a?: A };\n");

  it('reports Node, Electron and other layers imported by src/shared, and each side importing the other', () => {
    const bad = layeringViolations(root, SHARED_PACKAGES);
    expect(bad).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/shared\/fs\.ts: import 'node:fs' — .*Node/),
        expect.stringMatching(/^src\/shared\/el\.ts: import 'electron' — .*Electron/),
        expect.stringMatching(/^src\/shared\/up\.ts: import '\.\.\/main\/x'/),
        expect.stringMatching(/^src\/main\/x\.ts: import '\.\.\/renderer\/src\/p' — .*renderer/),
        expect.stringMatching(/^src\/main\/react\.ts: import 'react'/),
        expect.stringMatching(/^src\/renderer\/src\/p\.ts: import '\.\.\/\.\.\/main\/x' — .*src\/main/),
        expect.stringMatching(/^src\/preload\/index\.ts: import '\.\.\/main\/x' — .*only src\/shared/),
      ]),
    );
    expect(bad).toHaveLength(7);
  });

  it('reports DOM and Node globals used in src/shared', () => {
    const errors = sharedGlobalErrors(root).join('\n');
    expect(errors).toMatch(/src\/shared\/win\.ts:1: .*'window'/);
    expect(errors).toMatch(/src\/shared\/win\.ts:1: .*'document'/);
    expect(errors).toMatch(/src\/shared\/proc\.ts:1: .*'process'/);
    expect(errors).not.toMatch(/ok\.ts/);
  }, 60_000);

  it('reports a type-only import cycle', () => {
    expect(importCycles(root, 'src')).toEqual([
      ['src/main/x.ts', 'src/renderer/src/p.ts'],
      ['src/renderer/src/a.ts', 'src/renderer/src/b.tsx'],
    ]);
  });
});
