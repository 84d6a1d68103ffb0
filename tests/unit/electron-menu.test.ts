import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../src/main/electron/menu-template';

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const i of items) {
    if (i.label === label) return i;
    const sub = Array.isArray(i.submenu) ? find(i.submenu as MenuItemConstructorOptions[], label) : undefined;
    if (sub) return sub;
  }
  return undefined;
}

describe('the desktop menu', () => {
  it('文件 › 连接服务器数据库… opens 设置 › 数据库', () => {
    const went: string[] = [];
    const item = find(
      menuTemplate((r) => went.push(r)),
      '连接服务器数据库…',
    );
    expect(item).toBeDefined();
    (item!.click as () => void)();
    expect(went).toEqual(['/settings?tab=database']);
  });
});
