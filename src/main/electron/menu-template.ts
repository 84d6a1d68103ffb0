import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu's items, in Chinese; `navigate` sends the page to a route. Apart from menu.ts so that it
 * loads without Electron (tests/unit/electron-menu.test.ts).
 */
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
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '总览', accelerator: 'CmdOrCtrl+1', click: go('/') },
        { label: '子基金', accelerator: 'CmdOrCtrl+2', click: go('/sub-funds') },
        { type: 'separator' },
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: '审计日志', click: go('/audit') }] },
  ];
}
