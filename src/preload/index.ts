import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadApi } from '../shared/contract/preload';

/**
 * The only thing the page sees: window.api (its type: src/shared/contract/preload.ts). Calls go to main over
 * one channel, where the input is validated against the contract; the sandboxed page has no Node and no
 * Electron.
 */
const api: PreloadApi = {
  invoke: (channel, input) => ipcRenderer.invoke('funddesk:invoke', channel, input),
  saveFile: (suggestedName, data) => ipcRenderer.invoke('funddesk:save-file', suggestedName, data),
  openFile: (filters) => ipcRenderer.invoke('funddesk:open-file', filters),
  relaunch: () => ipcRenderer.invoke('funddesk:relaunch'),
  onNavigate: (go) => {
    ipcRenderer.on('funddesk:navigate', (_event, route: unknown) => {
      if (typeof route === 'string') go(route);
    });
  },
  host: 'electron',
};

contextBridge.exposeInMainWorld('api', api);
