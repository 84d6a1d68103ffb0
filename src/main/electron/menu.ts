import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

/** Items that run one of Electron's built-in roles, by their Chinese labels. */
const roles = (items: Record<string, MenuItemConstructorOptions['role']>): MenuItemConstructorOptions[] =>
  Object.entries(items).map(([label, role]) => ({ label, role }));

/** The application menu, in Chinese; navigation items tell the page where to go. */
export function buildMenu(win: BrowserWindow) {
  const go = (route: string) => () => win.webContents.send('funddesk:navigate', route);
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '导入台账…', accelerator: 'CmdOrCtrl+I', click: go('/import') },
        { label: '备份与恢复…', accelerator: 'CmdOrCtrl+B', click: go('/backup') },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        ...roles({ 撤销: 'undo', 重做: 'redo' }),
        { type: 'separator' },
        ...roles({ 剪切: 'cut', 复制: 'copy', 粘贴: 'paste', 全选: 'selectAll' }),
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '总览', accelerator: 'CmdOrCtrl+1', click: go('/') },
        { label: '子基金', accelerator: 'CmdOrCtrl+2', click: go('/sub-funds') },
        { type: 'separator' },
        ...roles({
          重新加载: 'reload',
          实际大小: 'resetZoom',
          放大: 'zoomIn',
          缩小: 'zoomOut',
          全屏: 'togglefullscreen',
        }),
      ],
    },
    { label: '帮助', submenu: [{ label: '审计日志', click: go('/audit') }] },
  ];
  return Menu.buildFromTemplate(template);
}
