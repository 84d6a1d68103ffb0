import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  externalLinkTarget,
  isAllowedNavigation,
  isTrustedSender,
  WEB_PREFERENCES,
} from '../../src/main/electron/security';

const page = 'file:///C:/Program%20Files/FundDesk/out/renderer/index.html';

describe('desktop window security', () => {
  it('isolates and sandboxes the page, with no Node in it', () => {
    expect(WEB_PREFERENCES.contextIsolation).toBe(true);
    expect(WEB_PREFERENCES.sandbox).toBe(true);
    expect(WEB_PREFERENCES.nodeIntegration).toBe(false);
    expect(WEB_PREFERENCES.webviewTag).toBe(false);
    expect(WEB_PREFERENCES.webSecurity).toBe(true);
  });

  it('answers IPC only from the app page (any hash route), never from other pages or frames', () => {
    expect(isTrustedSender(`${page}#/sub-funds`, page)).toBe(true);
    expect(isTrustedSender(page, page)).toBe(true);
    expect(isTrustedSender('file:///C:/Users/x/Downloads/evil.html', page)).toBe(false);
    expect(isTrustedSender('https://example.com/', page)).toBe(false);
    expect(isTrustedSender(undefined, page)).toBe(false);
    expect(isTrustedSender('', page)).toBe(false);
  });

  it('blocks navigation away from the app page', () => {
    expect(isAllowedNavigation(`${page}#/reports/fund?id=3`, page)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', page)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', page)).toBe(false);
  });

  it('opens only https links, outside the app', () => {
    expect(externalLinkTarget('https://www.amac.org.cn/')).toBe('https://www.amac.org.cn/');
    expect(externalLinkTarget('http://example.com/')).toBeNull();
    expect(externalLinkTarget('file:///C:/Windows/system32/calc.exe')).toBeNull();
    expect(externalLinkTarget('javascript:alert(1)')).toBeNull();
    expect(externalLinkTarget('not a url')).toBeNull();
  });

  it('the page carries a strict Content-Security-Policy: own scripts only, no eval, no remote connections', () => {
    const html = readFileSync(join(import.meta.dirname, '../../src/renderer/index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });
});
