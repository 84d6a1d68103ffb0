import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/** Where Electron keeps userData for "FundDesk", so the CLI and the browser preview find the same file. */
export function defaultDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'funddesk');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'funddesk');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'funddesk');
  }
}
