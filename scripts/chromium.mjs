import { existsSync } from 'node:fs';

/** Where Chromium is: FUNDDESK_CHROMIUM, CHROME_PATH, or the usual system paths. */
export function findChromium() {
  const candidates = [
    process.env.FUNDDESK_CHROMIUM,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const NO_CHROMIUM_MESSAGE = `找不到 Chromium 浏览器（端到端测试和 PDF 导出需要它）。
Chromium was not found (needed for the e2e tests and PDF export).
  Debian/Ubuntu:  sudo apt-get install -y chromium
  其他系统 / other systems: install Chrome or Chromium and set FUNDDESK_CHROMIUM=/path/to/chrome`;
