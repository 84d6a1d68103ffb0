/**
 * The security settings of the desktop window, kept free of Electron imports so they are tested
 * under plain Node: an isolated, sandboxed page with no Node, that can neither navigate away nor open
 * windows, and whose IPC calls are answered only when they come from the app's own page.
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

/** Only the app's own page may call main. */
export function isTrustedSender(frameUrl: string | undefined | null, rendererUrl: string): boolean {
  if (!frameUrl) return false;
  const strip = (u: string) => u.split('#')[0]!.split('?')[0]!;
  return strip(frameUrl) === strip(rendererUrl);
}

/** In-page navigation (hash routes) is fine; loading any other document is not. */
export function isAllowedNavigation(url: string, rendererUrl: string): boolean {
  return isTrustedSender(url, rendererUrl);
}

/** Links to the web open in the user's browser, never inside the app; nothing else opens at all. */
export function externalLinkTarget(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
