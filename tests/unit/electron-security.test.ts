import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  externalLink,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  PRINT_CSP,
  PRINT_WEB_PREFERENCES,
  RENDERER_CSP,
  RENDERER_URL,
  rendererFileFor,
  WEB_PREFERENCES,
  withPrintCsp,
} from '../../src/main/electron/security';

const page = RENDERER_URL;
const indexHtml = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8');
const mainSource = readFileSync(join(import.meta.dirname, '../../src/main/electron/index.ts'), 'utf8');

describe('desktop window security', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
    expect(WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(WEB_PREFERENCES.webviewTag).toBe(false);
    expect(WEB_PREFERENCES.webSecurity).toBe(true);
  });

  it('answers IPC only from the app page (any hash route), never from other pages or frames', () => {
    expect(page).toBe('app://funddesk/index.html');
    expect(isTrustedSender(`${page}#/sub-funds`)).toBe(true);
    expect(isTrustedSender(page)).toBe(true);
    expect(isTrustedSender('file:///C:/Program%20Files/FundDesk/out/renderer/index.html')).toBe(false);
    expect(isTrustedSender('app://funddesk/other.html')).toBe(false);
    expect(isTrustedSender('app://evil/index.html')).toBe(false);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
  });

  it('blocks navigation away from the app page', () => {
    expect(isAllowedNavigation(`${page}#/reports/fund?id=3`)).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
  });
});

describe('the renderer is served through app://, never file://', () => {
  const root = resolve('/opt/FundDesk/resources/app/out/renderer');

  it('the main window loads app://funddesk/ from the privileged scheme, with the protocol handler', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, bypassCSP: false });
    expect(mainSource).toContain('protocol.registerSchemesAsPrivileged');
    expect(mainSource).toContain('protocol.handle(APP_SCHEME');
    expect(mainSource).toContain('win.loadURL(RENDERER_URL)');
    expect(mainSource).not.toContain('loadFile(');
  });

  it('answers files of the renderer folder', () => {
    expect(rendererFileFor('app://funddesk/index.html', root)).toBe(join(root, 'index.html'));
    expect(rendererFileFor('app://funddesk/', root)).toBe(join(root, 'index.html'));
    expect(rendererFileFor('app://funddesk/assets/index-abc.js?v=1#x', root)).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(rendererFileFor('app://funddesk/assets/%E5%AD%97%E4%BD%93.woff2', root)).toBe(
      join(root, 'assets', '字体.woff2'),
    );
  });

  it('refuses paths that leave the folder, other hosts and other schemes', () => {
    for (const url of [
      'app://funddesk/../../../../etc/passwd',
      'app://funddesk/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://funddesk/assets/..%2F..%2F..%2Fmain%2Findex.js',
      'app://funddesk/..%5C..%5Cmain%5Cindex.js',
      'app://funddesk/%00index.html',
      'app://funddesk/%E0%A4%A',
      'app://evil/index.html',
      'file:///opt/FundDesk/resources/app/out/renderer/index.html',
      'not a url',
    ]) {
      const file = rendererFileFor(url, root);
      expect(file === null || file.startsWith(root + sep), url).toBe(true);
      expect(file).not.toBe(resolve('/etc/passwd'));
      expect(file).not.toBe(resolve(root, '..', 'main', 'index.js'));
    }
    expect(rendererFileFor('app://evil/index.html', root)).toBeNull();
    expect(rendererFileFor('app://funddesk/%00index.html', root)).toBeNull();
  });
});

describe('permissions', () => {
  it('denies every permission the app does not use', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'midi',
      'midiSysex',
      'pointerLock',
      'fullscreen',
      'openExternal',
      'clipboard-read',
      'display-capture',
      'hid',
      'serial',
      'usb',
      'idle-detection',
      'window-management',
      'unknown',
    ]) {
      expect(isPermissionAllowed(p, page), p).toBe(false);
    }
  });

  it('allows copying to the clipboard, only to the app page', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', page)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://funddesk')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file:///tmp/x.html')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it('the main process installs both handlers on the session', () => {
    expect(mainSource).toContain('setPermissionRequestHandler');
    expect(mainSource).toContain('setPermissionCheckHandler');
  });
});

describe('links leaving the app', () => {
  it('opens https links to known registries in the browser, asks for other https sites', () => {
    expect(externalLink('https://www.amac.org.cn/')).toEqual({
      action: 'open',
      url: 'https://www.amac.org.cn/',
    });
    expect(externalLink('https://gs.amac.org.cn/amac-infodisc/')).toMatchObject({ action: 'open' });
    expect(externalLink('https://example.com/page')).toEqual({
      action: 'ask',
      url: 'https://example.com/page',
    });
    expect(externalLink('https://www.amac.org.cn.evil.example/')).toMatchObject({ action: 'ask' });
  });

  it('never opens anything else', () => {
    for (const url of [
      'http://www.amac.org.cn/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'https://user:pw@www.amac.org.cn/',
      'not a url',
    ]) {
      expect(externalLink(url), url).toEqual({ action: 'deny' });
    }
  });
});

describe('Content-Security-Policy', () => {
  it('the page carries a strict CSP: own scripts only, no eval, no remote connections', () => {
    const csp = indexHtml.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // The app:// handler sends the same policy as a header.
    expect(RENDERER_CSP).toBe(csp);
  });

  it('the PDF window runs no JavaScript and loads nothing from outside the page', () => {
    expect(PRINT_WEB_PREFERENCES.javascript).toBe(false);
    expect(PRINT_WEB_PREFERENCES.sandbox).toBe(true);
    expect(PRINT_WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(PRINT_CSP).toContain("default-src 'none'");
    expect(PRINT_CSP).toContain("script-src 'none'");
    expect(PRINT_CSP).not.toMatch(/https?:/);
    const html = withPrintCsp(
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报表</title>',
    );
    expect(html).toContain(
      `<head><meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}"><meta charset="utf-8">`,
    );
    expect(withPrintCsp('<p>无 head 的页面</p>')).toContain(`content="${PRINT_CSP}"`);
  });
});
