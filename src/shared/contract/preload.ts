import type { Envelope } from './define';

/** A file type choice of the native open dialog. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the Electron preload (src/preload) exposes to the page as window.api, and what the renderer's client
 * (src/renderer/src/api.ts) calls; absent in the browser preview, which goes over HTTP instead.
 */
export interface PreloadApi {
  /** One contract channel, validated in main; resolves with its Envelope. */
  invoke: (channel: string, input: unknown) => Promise<Envelope<unknown>>;
  /** Save bytes through the native save dialog; resolves with the chosen path or null if cancelled. */
  saveFile: (suggestedName: string, data: Uint8Array) => Promise<string | null>;
  /** Pick a file through the native open dialog; resolves with its name and bytes, or null. */
  openFile: (filters: FileFilter[]) => Promise<{ name: string; data: Uint8Array } | null>;
  /** Restart the app (连接服务器数据库 › 立即重启), so that it opens the newly saved database. */
  relaunch: () => Promise<void>;
  /** The application menu's navigation items (menu.ts): the route to go to, e.g. '/settings?tab=database'. */
  onNavigate: (go: (route: string) => void) => void;
  host: 'electron';
}
