import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { pgTemplate, TEST_PG, tempPgCopy, tempPgSchema } from '../helpers/pg-schema';

const root = join(import.meta.dirname, '..', '..');

export interface AppServer {
  url: string;
  /** The SQLite file, or with FUNDDESK_TEST_PG the postgres:// URL of the test's own schema. */
  dbPath: string;
  dir: string;
}

/** Run the built `funddesk` command line (bin/funddesk.js → out/main/cli.js) and wait for it to finish. */
export function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(root, 'bin', 'funddesk.js'), ...args], { cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** Start the built `funddesk serve` (out/main: the real handlers; out/renderer) on a database; resolves with its URL. */
export function startServer(dbPath: string): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [join(root, 'bin', 'funddesk.js'), 'serve', '--db', dbPath, '--create'],
      {
        cwd: root,
      },
    );
    let out = '';
    let err = '';
    // 60 s: on a loaded CI machine a PostgreSQL open (migration check, each query a round trip) took over 30 s.
    const timer = setTimeout(() => reject(new Error(`服务未能启动：${out}${err}`)), 60_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], proc });
      }
    });
    proc.stderr.on('data', (d) => {
      err += d;
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`服务退出（${code}）：${err}`));
    });
  });
}

type Fixtures = { app: AppServer };
type Options = { withDemo: boolean };
type WorkerFixtures = { pgDemo: string | null; sqliteDemo: string | null };

async function loadDemo(dbPath: string) {
  const r = await runCli(['demo', '--db', dbPath]);
  if (r.code !== 0) throw new Error(`示例数据载入失败：${r.err}`);
}

/**
 * Each test gets a fresh temporary database (the demo dataset unless `withDemo` is false) served by
 * the real `funddesk serve`: a copy of a SQLite file that `funddesk demo` loaded once per worker, or with
 * FUNDDESK_TEST_PG (the PostgreSQL leg, scripts/test-pg.mjs) a database on that server copied from one that
 * `funddesk demo --db postgres://…` loaded once per worker (an empty schema when `withDemo` is false).
 */
export const test = base.extend<Fixtures & Options, WorkerFixtures>({
  withDemo: [true, { option: true }],
  pgDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const template = TEST_PG ? await pgTemplate(TEST_PG, loadDemo) : null;
      await use(template?.name ?? null);
      await template?.drop();
    },
    // Its own time: the demo load on a server took 27 s under a load average of 30.
    { scope: 'worker', timeout: 180_000 },
  ],
  sqliteDemo: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      // Loaded once and copied per test: a `funddesk demo` process per test cost each of the SQLite leg's tests
      // ~1 s of CPU. The CLI has exited, so the file is closed and whole (no -wal beside it).
      const dir = TEST_PG ? null : mkdtempSync(join(tmpdir(), 'funddesk-e2e-demo-'));
      if (dir) await loadDemo(join(dir, 'demo.sqlite'));
      await use(dir && join(dir, 'demo.sqlite'));
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  app: async ({ withDemo, pgDemo, sqliteDemo }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'funddesk-e2e-'));
    const schema = TEST_PG
      ? withDemo && pgDemo
        ? await tempPgCopy(TEST_PG, pgDemo)
        : await tempPgSchema(TEST_PG)
      : null;
    const dbPath = schema ? schema.url : join(dir, 'funddesk.sqlite');
    if (withDemo && sqliteDemo) copyFileSync(sqliteDemo, dbPath);
    const { url, proc } = await startServer(dbPath);
    await use({ url, dbPath, dir });
    // A server that has already exited emits no second 'exit': waiting for one would hang the teardown.
    // `serve` quits on SIGTERM even while the page still polls it (tests/service/serve-shutdown.test.ts); one
    // still running 30 s later is killed and the test fails, so such a hang is seen rather than waited out. (Not
    // less: under a load average of 40 a clean quit, with its quit backup, took 6–15 s.)
    let hung = false;
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      const kill = setTimeout(() => {
        hung = true;
        proc.kill('SIGKILL');
      }, 30_000);
      await exited;
      clearTimeout(kill);
    }
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
    if (hung) throw new Error('funddesk serve 收到 SIGTERM 后 30 秒仍未退出，已强制结束');
  },
});

export { expect };

/** One call to the preview's API from the page, with the page's token (as the renderer's client makes it). */
export async function apiCall(page: Page, channel: string, input: unknown) {
  return page.evaluate(
    async ([c, i]) => {
      const token = document.querySelector('meta[name="funddesk-token"]')?.getAttribute('content') ?? '';
      const r = await fetch(`/api/${c}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-funddesk-token': token },
        body: JSON.stringify(i),
      });
      return r.json();
    },
    [channel, input] as const,
  );
}

/** Open a section through the left navigation, as a user would. */
export async function openSection(page: Page, label: string) {
  await page.locator('.ant-menu-item', { hasText: label }).first().click();
}

/** 导入台账 → 现金流 → 选择文件: the file is read and previewed. */
export async function pickCashFlowFile(page: Page, url: string, file: string) {
  await page.goto(url);
  await openSection(page, '导入台账');
  await page.getByTestId('ledger-picker').getByText('现金流').click();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('pick-file').click(),
  ]);
  await chooser.setFiles(file);
}

/** AG Grid 36 DOM: body rows live in one scrolling container, the pinned totals row in another. */
const BODY = '.ag-grid-scrolling-container';
const PINNED_BOTTOM = '.ag-grid-pinned-bottom-rows-container';

/** The body rows of a grid (pass the grid's wrapper, e.g. page.getByTestId('grid-sub-funds')). */
export function bodyRows(scope: Page | Locator) {
  return scope.locator(`${BODY} .ag-row`);
}

/** One cell of the pinned totals row (the first pinned row: per-type rows may follow it). */
export function totalCell(scope: Page | Locator, colId: string) {
  return scope.locator(`${PINNED_BOTTOM} .ag-row [col-id="${colId}"]`).first();
}

/** One cell of the pinned row whose text contains `text` (e.g. a cash-flow type's 合计). */
export function pinnedCell(scope: Page | Locator, text: string, colId: string) {
  return scope.locator(`${PINNED_BOTTOM} .ag-row`, { hasText: text }).locator(`[col-id="${colId}"]`);
}

/** One body cell by row index and column id. */
export function cell(scope: Page | Locator, rowIndex: number, colId: string) {
  return scope.locator(`${BODY} .ag-row[row-index="${rowIndex}"] [col-id="${colId}"]`);
}

/** The body row whose text contains `text`. */
export function rowWith(scope: Page | Locator, text: string) {
  return scope.locator(`${BODY} .ag-row`, { hasText: text }).first();
}

/**
 * Waits until an antd dialog is shown and has finished zooming in: a click on one of its buttons before that
 * can land beside the moving button and do nothing (seen on a busy CI machine).
 */
export async function dialogOpened(dialog: Locator) {
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
}
