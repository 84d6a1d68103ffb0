import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '../helpers/faults';
import { expect, test } from './fixtures';

// The preview's saved connection goes to a folder of this test, never to the tester's own data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'funddesk-e2e-conn-'));
process.env.FUNDDESK_DATA_DIR = dataDir;
test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('连接服务器数据库: a server that does not answer gives the Chinese error; 改回本机文件 forgets a saved server', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}#/settings?tab=database`);
  const panel = page.getByTestId('connection-setting');
  await expect(panel).toContainText('当前打开的数据库');
  await expect(page.getByTestId('connection-saved')).toHaveText('本机数据库文件');

  // Fields left empty: said in Chinese, nothing tried.
  await page.getByTestId('connection-test').click();
  await expect(page.getByTestId('connection-error')).toContainText('请填写服务器地址（主机名或 IP）');

  // A port where nothing listens: the server's address in the message, never the password.
  const port = await closedPort();
  await page.getByTestId('connection-host').fill('127.0.0.1');
  await page.getByTestId('connection-port').fill(String(port));
  await page.getByTestId('connection-database').fill('funddesk');
  await page.getByTestId('connection-user').fill('fd_editor');
  await page.getByTestId('connection-password').fill('Sesam-99');
  await page.getByTestId('connection-test').click();
  const error = page.getByTestId('connection-error');
  await expect(error).toContainText('无法连接 PostgreSQL 服务器');
  await expect(error).toContainText(`127.0.0.1:${port}/funddesk`);
  await expect(error).not.toContainText('Sesam-99');
  await expect(page.getByTestId('connection-save')).toBeDisabled();
  expect(existsSync(join(dataDir, 'connection.json'))).toBe(false);

  // A server saved earlier: shown without its password; 改回本机文件 removes it.
  writeFileSync(
    join(dataDir, 'connection.json'),
    JSON.stringify({ url: 'postgres://fd:Sesam-99@db.example:5432/fd' }),
  );
  await page.reload();
  await expect(page.getByTestId('connection-saved')).toHaveText('postgres://fd:***@db.example:5432/fd');
  await page.getByTestId('connection-clear').click();
  await expect(page.getByTestId('connection-done')).toContainText('已改回本机数据库文件');
  await expect(page.getByTestId('connection-saved')).toHaveText('本机数据库文件');
  expect(existsSync(join(dataDir, 'connection.json'))).toBe(false);
});
