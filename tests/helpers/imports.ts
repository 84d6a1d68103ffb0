/**
 * What the layering test (tests/unit/layering.test.ts) reads: every import of every source file, found by the
 * TypeScript compiler's own pre-processor (static and dynamic imports, `export … from`, `require`, type-only
 * imports included), and the type errors of src/shared compiled with neither the DOM nor Node declarations.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export type Import = { from: string; spec: string; target: string | null };

const EXTS = ['.ts', '.tsx'];

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (EXTS.some((x) => e.name.endsWith(x)) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out.sort();
}

/** The file a relative or `@shared/` specifier names (null for a package or a Node module). */
function resolveSpec(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@shared/')) base = join(root, 'src/shared', spec.slice('@shared/'.length));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  const candidates = [...EXTS.map((x) => base + x), ...EXTS.map((x) => join(base, `index${x}`))];
  if (EXTS.some((x) => base.endsWith(x))) candidates.unshift(base);
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base;
}

/** Every import of every .ts/.tsx file under root/dir, paths relative to root with '/' separators. */
export function importsUnder(root: string, dir: string): Import[] {
  const rel = (p: string) => relative(root, p).split(sep).join('/');
  const out: Import[] = [];
  for (const file of sourceFiles(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const r of info.importedFiles) {
      const target = resolveSpec(root, file, r.fileName);
      out.push({ from: rel(file), spec: r.fileName, target: target === null ? null : rel(target) });
    }
  }
  return out;
}

const NODE_MODULES = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages a module that runs in a page or in a browser, but not in Node alone, imports. */
const DOM_PACKAGES = /^(react|react-dom|antd|@ant-design\/|ag-grid-|echarts-for-react|@tanstack\/react-)/;

export function isNodeModule(spec: string) {
  return NODE_MODULES.has(spec) || NODE_MODULES.has(spec.split('/')[0] ?? '');
}

/** The rules of docs/ARCHITECTURE.md's layers, one message per import that breaks one. */
export function layeringViolations(root: string, sharedPackages: readonly string[]): string[] {
  const bad: string[] = [];
  const say = (i: Import, why: string) => bad.push(`${i.from}: import '${i.spec}' — ${why}`);
  for (const i of importsUnder(root, 'src/shared')) {
    if (i.target !== null && !i.target.startsWith('src/shared/'))
      say(i, 'src/shared imports only src/shared');
    else if (i.target === null && isNodeModule(i.spec)) say(i, 'src/shared must not use Node');
    else if (i.target === null && i.spec.startsWith('electron')) say(i, 'src/shared must not use Electron');
    else if (i.target === null && !sharedPackages.some((p) => i.spec === p || i.spec.startsWith(`${p}/`)))
      say(i, `src/shared may import only pure packages (${sharedPackages.join(', ')})`);
  }
  for (const i of importsUnder(root, 'src/renderer')) {
    if (i.target?.startsWith('src/main/'))
      say(i, 'the renderer must not import src/main (use the typed client)');
    else if (i.target?.startsWith('src/preload/')) say(i, 'the renderer must not import the preload');
    else if (i.target === null && (isNodeModule(i.spec) || i.spec.startsWith('electron')))
      say(i, 'the renderer runs in a page: no Node, no Electron');
  }
  for (const i of importsUnder(root, 'src/main')) {
    if (i.target?.startsWith('src/renderer/')) say(i, 'src/main must not import the renderer');
    else if (i.target?.startsWith('src/preload/')) say(i, 'src/main must not import the preload');
    else if (i.target === null && DOM_PACKAGES.test(i.spec))
      say(i, 'src/main must not use page-only packages');
  }
  for (const i of importsUnder(root, 'src/preload')) {
    if (i.target !== null && !i.target.startsWith('src/shared/') && !i.target.startsWith('src/preload/'))
      say(i, 'the preload imports only src/shared');
  }
  return bad;
}

/** Import cycles (type-only imports count: they tie the files together just as much) under root/dir. */
export function importCycles(root: string, dir: string): string[][] {
  const edges = new Map<string, string[]>();
  for (const i of importsUnder(root, dir)) {
    if (i.target === null) continue;
    const list = edges.get(i.from) ?? [];
    list.push(i.target);
    edges.set(i.from, list);
  }
  // Tarjan's strongly connected components: each component of more than one file is a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(comp.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return cycles;
}

/**
 * The type errors of src/shared compiled with the ECMAScript library only (no DOM, no @types/node): any use
 * of window, document, localStorage, process, Buffer, require … is an error here.
 */
export function sharedGlobalErrors(root: string): string[] {
  const files = sourceFiles(join(root, 'src/shared'));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    baseUrl: root,
    paths: { '@shared/*': ['src/shared/*'] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return text;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${relative(root, d.file.fileName).split(sep).join('/')}:${line + 1}: ${text}`;
  });
}
