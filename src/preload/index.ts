import { contextBridge, ipcRenderer } from 'electron';

/**
 * The only thing the page sees: window.api. Calls go to main over one channel, where the input is
 * validated against the contract; the sandboxed page has no Node and no Electron.
 */
const api = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke('funddesk:invoke', channel, input),
  /** Save bytes through the native save dialog; resolves with the chosen path or null if cancelled. */
  saveFile: (suggestedName: string, data: Uint8Array) =>
    ipcRenderer.invoke('funddesk:save-file', suggestedName, data) as Promise<string | null>,
  /** Pick a file through the native open dialog; resolves with its name and bytes, or null. */
  openFile: (filters: { name: string; extensions: string[] }[]) =>
    ipcRenderer.invoke('funddesk:open-file', filters) as Promise<{ name: string; data: Uint8Array } | null>,
  host: 'electron' as const,
};

contextBridge.exposeInMainWorld('api', api);

export type PreloadApi = typeof api;
