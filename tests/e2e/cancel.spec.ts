import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import SqliteDatabase from 'better-sqlite3';
import { cashFlowCsv } from '../helpers/cash-flow-file';
import { apiCall as call, dialogOpened, expect, openSection, pickCashFlowFile, test } from './fixtures';

/**
 * Long tasks cancelled by the user (issue #12): an import from 导入台账 and a restore from 备份与恢复. Each
 * is cancelled while it runs; the page says in Chinese that nothing changed, and the file proves it.
 */

/** Every record and audit entry in the file (settings in meta aside), read through a connection of the test. */
function snapshot(dbPath: string) {
  const raw = new SqliteDatabase(dbPath, { readonly: true });
  try {
    const tables = (
      raw
        .prepare(
          `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[]
    ).filter((t) => t !== 'meta');
    // Per table its row count and a digest of every row's content.
    return Object.fromEntries(
      tables.map((t) => {
        const rows = raw.prepare(`SELECT * FROM "${t}"`).raw().all();
        return [
          t,
          { n: rows.length, digest: createHash('sha256').update(JSON.stringify(rows)).digest('hex') },
        ];
      }),
    );
  } finally {
    raw.close();
  }
}

/**
 * Clicks `start`, then `cancel` as soon as the page shows it. Clicked in the page: Playwright's own click can
 * take seconds on a busy machine, longer than the part of the task that can still be cancelled.
 */
async function startThenCancel(page: Page, start: string, cancel: string) {
  await page.evaluate(
    async ([s, c]) => {
      (document.querySelector(`[data-testid="${s}"]`) as HTMLElement).click();
      for (;;) {
        const button = document.querySelector(`[data-testid="${c}"]`) as HTMLElement | null;
        if (button) return button.click();
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    [start, cancel] as const,
  );
}

test('an import cancelled from 导入台账 leaves the database exactly as before, and says so', async ({
  page,
  app,
}) => {
  const file = join(app.dir, '现金流（大）.csv');
  writeFileSync(file, cashFlowCsv(80_000, 3_000_000));
  await pickCashFlowFile(page, app.url, file);
  await expect(page.getByTestId('import-counts')).toContainText('可导入 80,000', { timeout: 120_000 });
  // A colleague adds a record after the preview: 导入 then checks all 80,000 rows again (the preview's
  // analysis is trusted only while the database is unchanged), and that is when it is cancelled.
  // (Once it writes, the write is one synchronous transaction and no longer cancellable: import/commit.ts.)
  const created = await call(page, 'ledger.create', {
    entity: 'institution',
    values: { name: '预览之后新增的机构', kind: 'vc' },
  });
  expect(created.ok).toBe(true);
  const before = snapshot(app.dbPath);

  // 导入, then 取消导入 as soon as it shows: the rows are checked again first (about a second for 80,000
  // rows), then written.
  await startThenCancel(page, 'commit-import', 'import-cancel');
  await expect(page.getByText('已取消导入，数据库没有改动')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-cancel')).toHaveCount(0);
  expect(snapshot(app.dbPath)).toEqual(before);
  const flows = await call(page, 'ledger.table', { entity: 'cash_flow', where: {}, limit: 100_000 });
  expect(flows.data.rows).toHaveLength(before.cash_flows?.n ?? -1);
});

test('a restore cancelled from 备份与恢复 leaves the data as it was, and says so', async ({ page, app }) => {
  await page.goto(app.url);
  // A database large enough that the restore's checks and the safety backup take a while.
  const csv = cashFlowCsv(40_000, 5_000_000);
  const imported = await call(page, 'import.commit', {
    ledger: 'cash_flow',
    fileName: '现金流.csv',
    bytes: Buffer.from(csv).toString('base64'),
    duplicates: 'refuse',
    remember: false,
  });
  expect(imported.ok).toBe(true);
  expect((await call(page, 'backup.now', {})).ok).toBe(true);
  // A change after the backup: a restore would remove it.
  const created = await call(page, 'ledger.create', {
    entity: 'institution',
    values: { name: '备份之后新增的机构', kind: 'vc' },
  });
  expect(created.ok).toBe(true);
  const before = snapshot(app.dbPath);

  await openSection(page, '备份与恢复');
  const manual = page.getByTestId('backup-table').locator('tr', { hasText: '手动' });
  await expect(manual).toHaveCount(1);
  await manual.getByTestId('restore-button').click();
  await dialogOpened(page.locator('.ant-modal', { hasText: '恢复前会先自动备份当前数据' }));
  // 取消恢复 as soon as the progress line shows it (clicked in the page, as for the import above).
  await startThenCancel(page, 'confirm-restore', 'restore-cancel');
  await expect(page.locator('.ant-message')).toContainText('已取消恢复，数据库没有改动', { timeout: 60_000 });
  await expect(page.getByTestId('restore-progress')).toHaveCount(0);

  expect(snapshot(app.dbPath)).toEqual(before);
  const after = await call(page, 'ledger.list', { entity: 'institution' });
  expect(after.data.some((r: { name: string }) => r.name === '备份之后新增的机构')).toBe(true);
});
