import { type BrowserWindow, Menu } from 'electron';
import { menuTemplate } from './menu-template';

/** The application menu, in Chinese; navigation items tell the page where to go (preload onNavigate). */
export function buildMenu(win: BrowserWindow) {
  return Menu.buildFromTemplate(menuTemplate((route) => win.webContents.send('funddesk:navigate', route)));
}
