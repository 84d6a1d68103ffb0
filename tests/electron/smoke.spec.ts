// The desktop app as a user meets it (issue #12 §3): run by `npm run test:electron` where an Electron binary is
// present (scripts/test-electron.mjs says so in one line where none is).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { bodyRows, cell, openSection, runCli } from '../e2e/fixtures';

const root = join(import.meta.dirname, '..', '..');

/** Every fund's size in fen, by id, read from the file after the app has quit. */
function sizes(dbPath: string): Map<number, number> {
  const db = new Database(dbPath, { readonly: true });
  const rows = db.prepare('SELECT id, total_size_fen FROM funds').all() as {
    id: number;
    total_size_fen: number;
  }[];
  db.close();
  return new Map(rows.map((r) => [r.id, r.total_size_fen]));
}

test('launch, 总览 figures, 子基金: edit one cell, quit: the edit is in the file', async () => {
  const executablePath = process.env.FUNDDESK_ELECTRON;
  if (!executablePath) throw new Error('FUNDDESK_ELECTRON 未设置：请用 npm run test:electron 运行');
  const dir = mkdtempSync(join(tmpdir(), 'funddesk-electron-'));
  const dbPath = join(dir, 'funddesk.sqlite');
  try {
    const demo = await runCli(['demo', '--db', dbPath]);
    expect(demo.code, demo.err).toBe(0);
    const before = sizes(dbPath);

    const app = await _electron.launch({
      executablePath,
      args: [root, '--db', dbPath],
      cwd: root,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    const page = await app.firstWindow();
    await expect(page.getByTestId('stat-sub-count')).toContainText('11');
    await expect(page.getByTestId('stat-sub-size')).toContainText('49.6300');
    await expect(page.getByTestId('stat-direct-count')).toContainText('4');

    await openSection(page, '子基金');
    const grid = page.getByTestId('grid-sub-funds');
    await expect(bodyRows(grid)).toHaveCount(11);
    const size = cell(page, 0, 'total_size_fen');
    await size.dblclick();
    await size.locator('input').fill('60亿');
    await size.locator('input').press('Enter');
    await expect(size).toHaveText('60.0000');
    await app.close();

    const after = sizes(dbPath);
    const changed = [...after].filter(([id, fen]) => before.get(id) !== fen);
    expect(changed).toEqual([[changed[0]?.[0], 600_000_000_000]]);
    expect(after.size).toBe(before.size);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
