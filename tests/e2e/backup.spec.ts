import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiCall as call, dialogOpened, expect, openSection, test } from './fixtures';

/** 备份与恢复 in the browser preview: back up now, change, restore (after a backup of the present). */

test('back up now, change the data, restore it from the list', async ({ page, app }) => {
  await page.goto(app.url);
  await openSection(page, '备份与恢复');
  await expect(page.getByTestId('backup-dir')).toContainText(join(app.dir, 'backups'));
  await page.getByTestId('backup-now').click();
  await expect(page.locator('.ant-message')).toContainText('已备份并校验');
  const table = page.getByTestId('backup-table');
  const manual = table.locator('tr', { hasText: '手动' });
  await expect(manual).toHaveCount(1);
  await expect(manual).toContainText('已校验');
  await expect(manual).toContainText('基金 15 只');

  // A change after the backup.
  const created = await call(page, 'ledger.create', {
    entity: 'institution',
    values: { name: '备份之后新增的机构', kind: 'vc' },
  });
  expect(created.ok).toBe(true);

  await manual.getByTestId('restore-button').click();
  await expect(page.getByRole('dialog')).toContainText('恢复前会先自动备份当前数据');
  await dialogOpened(page.locator('.ant-modal', { hasText: '恢复前会先自动备份当前数据' }));
  await page.getByTestId('confirm-restore').click();
  await expect(page.locator('.ant-message')).toContainText('已恢复到');
  await page.getByRole('button', { name: '刷新' }).click();
  await expect(table.locator('tr', { hasText: '恢复前' })).toHaveCount(1);

  const after = await call(page, 'ledger.list', { entity: 'institution' });
  expect(after.data.some((r: { name: string }) => r.name === '备份之后新增的机构')).toBe(false);
  const files = readdirSync(join(app.dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
  expect(files.some((f) => f.endsWith('-before-restore.sqlite'))).toBe(true);
  expect(files.some((f) => f.endsWith('-manual.sqlite'))).toBe(true);
});

test('backup settings are validated and saved', async ({ page, app }) => {
  await page.goto(`${app.url}#/backup`);
  const interval = page.locator('#intervalMinutes');
  await interval.fill('5');
  await page.getByTestId('save-settings').click();
  await expect(page.locator('.ant-message')).toContainText('备份设置已保存');
  await page.locator('#dir').fill('相对路径');
  await page.getByTestId('save-settings').click();
  await expect(page.locator('.ant-message')).toContainText('完整路径');
  const s = await call(page, 'backup.settings', {});
  expect(s.data).toMatchObject({ intervalMinutes: 5, dir: '' });
});
