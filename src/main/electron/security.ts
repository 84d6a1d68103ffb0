import { normalize, resolve, sep } from 'node:path';

/**
 * The security settings of the desktop app, kept free of Electron imports so they are tested under plain
 * Node (tests/unit/electron-security.test.ts): an isolated, sandboxed page with no Node, served through the
 * app's own `app://` scheme (never file://), that can neither navigate away nor open windows, whose IPC calls
 * are answered only when they come from the app's own page, that gets no permission it does not use, and
 * that opens web links only for known hosts (others after the user confirms); PDFs are printed in a window
 * with JavaScript off and a CSP that loads nothing from outside the page.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** The renderer's scheme and host: app://funddesk/index.html. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://funddesk';
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/** protocol.registerSchemesAsPrivileged: a standard, secure origin (fetch, modules); it bypasses no CSP. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

/** The page's Content-Security-Policy, sent as a header by the app:// handler (index.html has it as a meta). */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The file an app:// request is answered with, or null (not found). Only files under the renderer folder;
 * '/' is index.html; '..' and encoded separators never leave the folder.
 */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (`${u.protocol}//${u.host}` !== APP_ORIGIN) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const rel = normalize(path).replace(/^([/\\])+/, '');
  const root = resolve(rendererDir);
  const file = resolve(root, rel === '' ? 'index.html' : rel);
  return file.startsWith(root + sep) ? file : null;
}

/** Only the app page may call main. */
export function isTrustedSender(frameUrl: string | undefined | null, rendererUrl = RENDERER_URL): boolean {
  if (!frameUrl) return false;
  const strip = (u: string) => u.split('#')[0]!.split('?')[0]!;
  return strip(frameUrl) === strip(rendererUrl);
}

/** In-page navigation (hash routes) is fine; loading any other document is not. */
export function isAllowedNavigation(url: string, rendererUrl = RENDERER_URL): boolean {
  return isTrustedSender(url, rendererUrl);
}

/**
 * The permissions the page uses: writing to the clipboard (copying grid cells). Pasting reads the paste
 * event's data and needs none. Everything else (camera, microphone, location, notifications, MIDI, HID,
 * serial, USB, screen capture, fullscreen by the page, opening external apps…) is denied.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** setPermissionRequestHandler / setPermissionCheckHandler: the allowed ones, and only for the app page. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined | null): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission) || !requestingUrl) return false;
  try {
    const u = new URL(requestingUrl);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Web sites the app links to (fund registries), opened in the user's browser without asking. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.amac.org.cn',
  'gs.amac.org.cn',
  'www.gsxt.gov.cn',
  'www.ndrc.gov.cn',
  'www.csrc.gov.cn',
]);

export type ExternalLink =
  | { action: 'open'; url: string }
  | { action: 'ask'; url: string }
  | { action: 'deny' };

/**
 * What a link leaving the app does: https to a known host opens in the user's browser, https elsewhere only
 * after the user confirms (a dialog naming the host), anything else (http, file, custom schemes) never.
 */
export function externalLink(url: string): ExternalLink {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { action: 'deny' };
  }
  if (u.protocol !== 'https:' || u.username || u.password) return { action: 'deny' };
  return EXTERNAL_HOSTS.has(u.hostname) ? { action: 'open', url: u.href } : { action: 'ask', url: u.href };
}

/** The hidden window that prints report pages to PDF: no JavaScript, no Node, its own empty session. */
export const PRINT_WEB_PREFERENCES = {
  javascript: false,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
  images: true,
  partition: 'funddesk-print',
} as const;

/** The report pages are self-contained: inline styles, embedded fonts and images; nothing else loads. */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

/** The page with PRINT_CSP as the first thing in its head. */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  return `<!doctype html><html><head>${meta}</head><body>${html}</body></html>`;
}
