import { createClient, type Transport } from '@shared/contract/client';
import type { Envelope } from '@shared/contract/define';
import type { PreloadApi } from '@shared/contract/preload';

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

/** Body size (characters; CJK text is 3 bytes each) up to which a request made on pagehide outlives the page. */
const KEEPALIVE_MAX = 16_000;

function httpTransport(): Transport {
  const token = document.querySelector('meta[name="funddesk-token"]')?.getAttribute('content') ?? '';
  let leaving = false;
  // Registered before any page's own pagehide listener (this module loads first): set when they run.
  window.addEventListener('pagehide', () => {
    leaving = true;
  });
  window.addEventListener('pageshow', () => {
    leaving = false;
  });
  return async (channel, input) => {
    try {
      const body = input === undefined ? '' : JSON.stringify(input);
      const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-funddesk-token': token },
        body,
        // A request made as the page goes (a setting written on pagehide) is sent even though the page
        // unloads meanwhile; the browser allows that up to 64 KB in all, so only then and only when small.
        keepalive: leaving && body.length < KEEPALIVE_MAX,
      });
      return (await res.json()) as Envelope<unknown>;
    } catch (e) {
      return {
        ok: false,
        error: { code: 'internal', message: `无法连接 FundDesk 服务：${(e as Error).message}` },
      };
    }
  };
}

/** Channels with their own progress display (a bar with counts); other calls that wait get the wait notice. */
const OWN_PROGRESS = new Set([
  'import.preview',
  'import.commit',
  'import.progress',
  'task.progress',
  'report.export',
  'ledger.export',
  'backup.now',
  'backup.restore',
  'demo.load',
]);
let slow = 0;
let longRunning = 0;
const slowListeners = new Set<(n: number) => void>();

/** Hears how many calls have waited longer than a second behind a long task (e.g. an edit while an import writes). */
export function onSlowCalls(fn: (n: number) => void): () => void {
  slowListeners.add(fn);
  return () => slowListeners.delete(fn);
}

function counted(t: Transport): Transport {
  return async (channel, input) => {
    if (OWN_PROGRESS.has(channel)) {
      longRunning++;
      try {
        return await t(channel, input);
      } finally {
        longRunning--;
      }
    }
    let late = false;
    const timer = window.setTimeout(() => {
      if (longRunning === 0) return; // slow on its own (a big report): its page shows its own spinner
      late = true;
      slow++;
      for (const fn of slowListeners) fn(slow);
    }, 1000);
    try {
      return await t(channel, input);
    } finally {
      window.clearTimeout(timer);
      if (late) {
        slow--;
        for (const fn of slowListeners) fn(slow);
      }
    }
  };
}

/** The typed client: the page never knows whether it runs in Electron or the browser preview. */
export const api = createClient(counted(window.api ? (c, i) => window.api!.invoke(c, i) : httpTransport()));

export const isElectron = () => Boolean(window.api);

/** Save bytes as a file: the native dialog in Electron, a download in the browser. */
export async function saveFile(name: string, data: Uint8Array, mime = 'application/octet-stream') {
  if (window.api) return window.api.saveFile(name, data);
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * The file input of a pick in progress (browser preview), held until its dialog closes. Nothing else refers
 * to it once `click()` has returned (it is never in the document), so a garbage collection while the dialog
 * is open could take it, and the file chosen would then never arrive: the pick came to nothing. Seen as the
 * import test whose file chooser never came (2 of 30 runs under load: the page had run the button's handler
 * and `click()`, with user activation, and Playwright never saw the dialog).
 */
let picking: HTMLInputElement | null = null;

/** Let the user pick a file: the native dialog in Electron, a file input in the browser (null if cancelled). */
export function openFile(accept: string[]): Promise<{ name: string; data: Uint8Array } | null> {
  if (window.api) return window.api.openFile([{ name: '台账文件', extensions: accept }]);
  return new Promise((resolve) => {
    const input = document.createElement('input');
    picking = input;
    input.type = 'file';
    input.accept = accept.map((e) => `.${e}`).join(',');
    const done = () => {
      if (picking === input) picking = null;
    };
    input.addEventListener('cancel', () => {
      done();
      resolve(null);
    });
    input.onchange = async () => {
      done();
      const f = input.files?.[0];
      if (!f) return resolve(null);
      resolve({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) });
    };
    input.click();
  });
}

/** Restart the desktop app (it then opens the database saved in 连接服务器数据库); null in the browser preview. */
export const relaunchApp = window.api ? () => window.api!.relaunch() : null;
