import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu's items, in Chinese; `navigate` sends the page to a route. Apart from menu.ts so that it
 * loads without Electron (tests/unit/electron-menu.test.ts).
 */
/** Items that run one of Electron's built-in roles, by their Chinese labels. */
const roles = (items: Record<string, MenuItemConstructorOptions['role']>): MenuItemConstructorOptions[] =>
  Object.entries(items).map(([label, role]) => ({ label, role }));

export function menuTemplate(navigate: (route: string) => void): MenuItemConstructorOptions[] {
  const go = (route: string) => () => navigate(route);
  return [
    {
      label: '文件',
      submenu: [
        { label: '导入台账…', accelerator: 'CmdOrCtrl+I', click: go('/import') },
        { label: '备份与恢复…', accelerator: 'CmdOrCtrl+B', click: go('/backup') },
        { label: '连接服务器数据库…', click: go('/settings?tab=database') },
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
}
