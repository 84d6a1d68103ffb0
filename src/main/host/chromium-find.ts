/**
 * Where Chromium is and the flags it is started with, apart from the PDF printer (chromium-pdf.ts re-exports
 * them): playwright.config.ts and scripts/chromium.mjs need only these, and chromium-pdf.ts brings in the print
 * HTML and ECharts, which Playwright's runner and every test worker compiled and loaded just to read the config.
 */
import { existsSync } from 'node:fs';

/** Where Chromium is: FUNDDESK_CHROMIUM, CHROME_PATH, or the usual system paths (scripts/chromium.mjs too). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.FUNDDESK_CHROMIUM,
    env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * The features Playwright (playwright-core 1.64) turns off in every Chromium it starts. Chromium keeps only the
 * LAST --disable-features of its command line (checked: a second one brings back what the first turned off),
 * and Playwright's own comes before ours, so ours repeats its list. tests/unit/chromium-args.test.ts reads the
 * list from the installed playwright-core and fails when a new version changes it.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'DialMediaRouteProvider',
  'GlobalMediaControls',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'BlockOriginHeaderModificationOnRedirect',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'Translate',
  'AutoDeElevate',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * A headless Chromium (156) builds its omnibox popup (a WebUI page of ~100 modules in a renderer of its own)
 * for every new window, though a headless window never shows it. In a trace of one app start in the bench it
 * took ~0.9 s of CPU on this 2-core machine; the PDF printer and the e2e tests pay it on every window.
 */
export const OMNIBOX_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_FEATURES].join(',')}`,
];

export const NO_CHROMIUM_MESSAGE =
  '找不到 Chromium 或 Chrome 浏览器，无法导出 PDF。请安装 Chromium（或 Chrome），或用环境变量 FUNDDESK_CHROMIUM 指定其路径。';
