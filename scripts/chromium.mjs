// Where Chromium is and how to start it: one implementation, src/main/host/chromium-find.ts (the app, the CLI
// and the tests use it), loaded here through tsx as bin/funddesk.js loads the CLI.
import { tsImport } from 'tsx/esm/api';

const host = await tsImport('../src/main/host/chromium-find.ts', import.meta.url);

/** @type {() => string | null} */
export const findChromium = () => host.findChromium();
/** @type {string[]} */
export const CHROMIUM_ARGS = host.CHROMIUM_ARGS;

export const NO_CHROMIUM_MESSAGE = `找不到 Chromium 浏览器（端到端测试和 PDF 导出需要它）。
Chromium was not found (needed for the e2e tests and PDF export).
  Debian/Ubuntu:  sudo apt-get install -y chromium
  其他系统 / other systems: install Chrome or Chromium and set FUNDDESK_CHROMIUM=/path/to/chrome`;
