import { createClient, type Transport } from '@shared/contract/client';
import type { Envelope } from '@shared/contract/define';
import type { PreloadApi } from '@shared/contract/preload';

declare global {
  interface Window {
    api?: PreloadApi;
  }
}

function httpTransport(): Transport {
  const token = document.querySelector('meta[name="funddesk-token"]')?.getAttribute('content') ?? '';
  return async (channel, input) => {
    try {
      const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-funddesk-token': token },
        body: input === undefined ? '' : JSON.stringify(input),
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

/** The typed client: the page never knows whether it runs in Electron or the browser preview. */
export const api = createClient(window.api ? (c, i) => window.api!.invoke(c, i) : httpTransport());

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

/** Let the user pick a file: the native dialog in Electron, a file input in the browser. */
export function openFile(accept: string[]): Promise<{ name: string; data: Uint8Array } | null> {
  if (window.api) return window.api.openFile([{ name: '台账文件', extensions: accept }]);
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.map((e) => `.${e}`).join(',');
    input.onchange = async () => {
      const f = input.files?.[0];
      if (!f) return resolve(null);
      resolve({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) });
    };
    input.click();
  });
}
