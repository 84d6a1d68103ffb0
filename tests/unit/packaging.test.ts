// What can be checked of the installers without Electron's binary (issue #12 §3): electron-builder's config
// against its own schema and the targets the issue names; every module the built app loads is in the build
// output or a production dependency (never a devDependency, never TypeScript); one name and one version
// everywhere; the `funddesk` launchers point where the packed app puts things; the fuses the afterPack hook
// sets; the icons made from the one SVG.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build scripts
import afterPack, { FUSES } from '../../scripts/after-pack.mjs';
// @ts-expect-error -- plain .mjs build scripts
import { ensureBuilt } from '../../scripts/build.mjs';
// @ts-expect-error -- plain .mjs build scripts
import { LINUX_SIZES, makeIcons } from '../../scripts/icons.mjs';
import { threadFile } from '../../src/main/db/sqlite-threads';
import { appVersion } from '../../src/main/host/app-root';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const PRODUCT = 'FundDesk 基金台账';

// electron-builder's loaded configuration, read as plain JSON.
// biome-ignore lint/suspicious/noExplicitAny: the checks below read it key by key
type Config = Record<string, any>;
let config: Config;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'funddesk-pack-'));
  const built = (ensureBuilt as (o: object) => { ok: boolean; output: string })({
    show: false,
    say: () => {},
  });
  if (!built.ok) throw new Error(built.output);
  const { getConfig } = require('app-builder-lib/out/util/config/config.js');
  config = await getConfig(root, null, null);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function targets(platform: { target: { target: string; arch: string[] }[] }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const t of platform.target) out[t.target] = t.arch;
  return out;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation, and a wrong key would not", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration/);
  });

  it('builds the installers of the issue: NSIS x64, dmg arm64 + x64, AppImage and deb x64 + arm64', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe(PRODUCT);
    expect(targets(config.win)).toEqual({ nsis: ['x64'] });
    expect(targets(config.mac)).toEqual({ dmg: ['arm64', 'x64'] });
    expect(targets(config.linux)).toEqual({ AppImage: ['x64', 'arm64'], deb: ['x64', 'arm64'] });
  });

  it('the Windows installer is Chinese, per user, with start-menu and desktop shortcuts', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createStartMenuShortcut: true,
      createDesktopShortcut: 'always',
      shortcutName: PRODUCT,
    });
    expect(existsSync(join(root, config.nsis.include))).toBe(true);
  });

  it('rebuilds better-sqlite3 for Electron when packaging and keeps it outside the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(existsSync(join(root, config.afterPack))).toBe(true);
  });

  it('packs the build output and package.json only (the sources stay out)', () => {
    // electron-builder's loader turns the list into one file set
    const files: string[] = config.files.flatMap((f: string | { filter: string[] }) =>
      typeof f === 'string' ? [f] : f.filter,
    );
    expect(files).toContain('out/**/*');
    expect(files).toContain('package.json');
    expect(files.some((f) => /^src|\.ts$/.test(f))).toBe(false);
    expect(pkg.main).toBe('out/main/index.js');
  });
});

/** Every bare module name imported or required by the built main-process and preload bundles. */
function externalsOfBuild(): { bare: Set<string>; relative: string[] } {
  const bare = new Set<string>();
  const relative: string[] = [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/\.(c|m)?js$/.test(e.name)) files.push(join(d, e.name));
    }
  };
  walk(join(root, 'out', 'main'));
  walk(join(root, 'out', 'preload'));
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*"([^"]+)"/gm,
    /^\s*import\s*"([^"]+)"/gm,
    /\bimport\(\s*"([^"]+)"\s*\)/g,
    /\brequire\(\s*"([^"]+)"\s*\)/g,
    /\brequire\.resolve\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const p of patterns) {
      for (const m of text.matchAll(p)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) relative.push(join(f, '..', spec));
        else bare.add(spec);
      }
    }
  }
  return { bare, relative };
}

const packageOf = (spec: string) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;

describe('what the packaged app loads', () => {
  it('every bare import of the built bundles is Node, Electron or a production dependency', () => {
    const { bare } = externalsOfBuild();
    expect(bare.size).toBeGreaterThan(5);
    const builtins = new Set(builtinModules);
    for (const spec of bare) {
      if (spec.startsWith('node:') || builtins.has(spec) || spec === 'electron') continue;
      const name = packageOf(spec);
      expect(pkg.devDependencies?.[name], `${spec} is a devDependency`).toBeUndefined();
      expect(pkg.dependencies[name], `${spec} is not a dependency`).toBeDefined();
      expect(() => require.resolve(spec), spec).not.toThrow();
    }
    // The CLI and the app read these at run time by path: they must ship.
    for (const p of ['better-sqlite3', '@fontsource/noto-sans-sc/package.json']) {
      expect(pkg.dependencies[packageOf(p)], p).toBeDefined();
      expect(() => require.resolve(p)).not.toThrow();
    }
  });

  it('every relative import of the built bundles is a built JavaScript file, none is TypeScript', () => {
    const { relative } = externalsOfBuild();
    expect(relative.length).toBeGreaterThan(5);
    for (const f of relative) {
      expect(f, f).toMatch(/\.(c|m)?js$/);
      expect(existsSync(f), f).toBe(true);
    }
  });

  it('every SQLite worker thread the built code starts is found from where that code lies', () => {
    // The shared code lies in out/main/chunks/, the thread files in out/main/: found only next to the code,
    // the built app never had its backup thread (every backup copy and background check ran inline).
    const files = readdirSync(join(root, 'out', 'main'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(root, 'out', 'main', f));
    for (const name of ['sqlite-thread.cjs', 'ledgers-thread.cjs']) {
      const users = files.filter((f) => readFileSync(f, 'utf8').includes(`"${name}"`));
      expect(users.length, name).toBeGreaterThan(0);
      for (const f of users)
        expect(existsSync(threadFile(name, pathToFileURL(f).href)), `${name} from ${f}`).toBe(true);
    }
  });

  it('the entries the app, the launchers and the preload name exist in out/', () => {
    for (const f of [
      'out/main/index.js',
      'out/main/cli.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      expect(statSync(join(root, f)).size, f).toBeGreaterThan(0);
    }
  });

  it('the CJK font is inside: in the renderer build and, for PDFs, a production dependency', () => {
    const fonts = readdirSync(join(root, 'out', 'renderer', 'assets')).filter((f) =>
      /noto.*\.woff2$/.test(f),
    );
    expect(fonts.length).toBeGreaterThan(50);
    expect(pkg.dependencies['@fontsource/noto-sans-sc']).toBeDefined();
  });

  it('the font files the PDFs read (400 and 700: .woff2 for Chromium, .woff for pdf-lib) are not left out', () => {
    // Matched with the minimatch electron-builder itself uses for `files`.
    const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch');
    const dir = 'node_modules/@fontsource/noto-sans-sc/files';
    const needed = readdirSync(join(root, dir)).filter((f) => /-(400|700)-normal\.woff2?$/.test(f));
    expect(needed.length).toBeGreaterThan(200);
    const excluded = (config.files as (string | { filter?: string[] })[])
      .flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])))
      .filter((p) => p.startsWith('!'))
      .map((p) => p.slice(1));
    expect(excluded.length).toBeGreaterThan(0);
    for (const f of needed)
      for (const p of excluded) expect(minimatch(`${dir}/${f}`, p), `${f} is left out by !${p}`).toBe(false);
  });

  it('no TypeScript loader is a runtime dependency', () => {
    for (const loader of ['tsx', 'ts-node', 'typescript', 'esbuild']) {
      expect(pkg.dependencies[loader], loader).toBeUndefined();
    }
  });
});

describe('one name and one version', () => {
  it('package.json, the installers, the window title and the About page (app.info) agree', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    // Electron's app.getVersion() and electron-builder both read package.json; the CLI and preview too:
    expect(appVersion()).toBe(pkg.version);
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(pkg.description.startsWith(PRODUCT)).toBe(true);
    expect(readFileSync(join(root, 'out', 'renderer', 'index.html'), 'utf8')).toContain(
      `<title>${PRODUCT}</title>`,
    );
    expect(config.linux.desktop.entry.Name).toBe(PRODUCT);
  });
});

describe('the `funddesk` launchers', () => {
  it('are packed into resources/bin and run the built CLI through the app executable as Node', () => {
    expect(config.extraResources).toContainEqual({ from: 'build/launchers', to: 'bin' });
    const sh = readFileSync(join(root, 'build', 'launchers', 'funddesk'), 'utf8');
    const cmd = readFileSync(join(root, 'build', 'launchers', 'funddesk.cmd'), 'utf8');
    for (const text of [sh, cmd]) {
      expect(text).toMatch(/ELECTRON_RUN_AS_NODE=1/);
      expect(text.replaceAll('\\', '/')).toContain('app.asar/out/main/cli.js');
    }
    expect(sh).toContain(`"$res/../${config.linux.executableName}"`);
    expect(cmd).toContain(`..\\..\\${config.win.executableName}.exe`);
    expect(statSync(join(root, 'build', 'launchers', 'funddesk')).mode & 0o111).not.toBe(0);
  });

  it("the deb's /usr/bin/funddesk points into the folder the deb installs to", () => {
    const { sanitizeFileName } = require('builder-util/out/filename.js');
    expect(config.deb.fpm).toContain('build/linux/funddesk=/usr/bin/funddesk');
    const text = readFileSync(join(root, 'build', 'linux', 'funddesk'), 'utf8');
    expect(text).toContain(`exec "/opt/${sanitizeFileName(PRODUCT)}/resources/bin/funddesk" "$@"`);
    expect(statSync(join(root, 'build', 'linux', 'funddesk')).mode & 0o111).not.toBe(0);
  });
});

describe('the fuses (afterPack hook, @electron/fuses)', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  // An Electron binary's fuse wire: sentinel, version 1, length 8, every fuse as Electron ships it.
  const fakeBinary = (file: string) =>
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('ELF…'),
        Buffer.from(SENTINEL),
        Buffer.from([1, 8]),
        Buffer.from('10011100'),
      ]),
    );

  for (const [platform, exe] of [
    ['linux', 'funddesk-desktop'],
    ['win32', 'FundDesk.exe'],
  ] as const) {
    it(`are flipped in the packed ${platform} executable: Node mode kept for the CLI, NODE_OPTIONS and --inspect off`, async () => {
      const appOutDir = mkdtempSync(join(tmp, `${platform}-`));
      fakeBinary(join(appOutDir, exe));
      await (afterPack as (c: object) => Promise<void>)({
        appOutDir,
        electronPlatformName: platform,
        arch: 1,
        packager: { executableName: exe.replace(/\.exe$/, ''), appInfo: { productFilename: PRODUCT } },
      });
      const { getCurrentFuseWire, FuseV1Options: F } = require('@electron/fuses');
      const wire = await getCurrentFuseWire(join(appOutDir, exe));
      const on = (f: number) => wire[f] === 49; // '1'
      expect(on(F.RunAsNode)).toBe(true);
      expect(on(F.EnableCookieEncryption)).toBe(true);
      expect(on(F.EnableNodeOptionsEnvironmentVariable)).toBe(false);
      expect(on(F.EnableNodeCliInspectArguments)).toBe(false);
      expect(on(F.OnlyLoadAppFromAsar)).toBe(true);
      expect(Object.keys(FUSES).filter((k) => k !== 'version')).toHaveLength(8);
    });
  }
});

describe('the icons, made from build/icon.svg', () => {
  it('PNG of every Linux size, ICO and ICNS', () => {
    const out = join(tmp, 'icons');
    (makeIcons as (svg: string, out: string) => string[])(join(root, 'build', 'icon.svg'), out);
    for (const s of LINUX_SIZES as number[]) {
      const png = readFileSync(join(out, 'icons', `${s}x${s}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([s, s]);
    }
    const ico = readFileSync(join(out, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4); // several sizes
    const icns = readFileSync(join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString()).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(config.win.icon).toBe('build/icon.ico');
    expect(config.mac.icon).toBe('build/icon.icns');
    expect(config.linux.icon).toBe('build/icons');
  });
});
