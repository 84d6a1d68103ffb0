/**
 * The renderer in Chromium, against the real preview server on a copy of each benchmark database: the
 * 投资 (investments) grid — 100,000 rows at 100x. Timed inside the page (performance.now(), so Playwright's
 * own overhead is not counted):
 * - first rows, opened in the running app: the app started on its 总览 page and done loading it, a click on
 *   投资 in the menu until the first body row holds text and that frame is painted (what a user waits for
 *   when opening a ledger: the target); the same for 现金流, a ledger not prepared hidden, whose click creates
 *   its page and grid (the cold open);
 * - first rows at app start: from navigation start of a fresh browser profile straight to the 投资 page to the
 *   first body row holding text, plus the frame that paints it (the whole app's start-up is in it);
 * - sort: a click on the 投资金额 header until row 0 shows another record (and that frame);
 * - filter: the quick search box set to an enterprise's name until row 0 changes (and that frame);
 * - memory: JSHeapUsedSize (CDP Performance.getMetrics) after a forced GC, with the grid loaded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../src/main/host/chromium-pdf';
import { type BenchContext, copyDb, fmtInt, runsOf, workDir } from '../lib/context';
import { median, timingOf } from '../lib/measure';
import { rendererBuild } from '../lib/renderer';
import type { Results } from '../lib/results';

const root = join(import.meta.dirname, '..', '..');
const ROUTE = '/investments';
const GRID = '[data-testid="grid-investments"]';
const ROW0 = '.ag-grid-scrolling-container .ag-row[row-index="0"]';
const SORT_COL = 'amount_fen';
const max = (value: number, unit = 'ms') => ({ kind: 'max' as const, value, text: `≤ ${value} ${unit}` });
/** Targets of issue #13 (per scale; a scale without one is measured, not judged). */
type Targets = Partial<Record<string, ReturnType<typeof max>>>;
const TARGETS: Record<'menu' | 'sort' | 'filter' | 'firstRows' | 'allRows' | 'heapMb', Targets> = {
  menu: { '1x': max(150), '100x': max(250) },
  sort: { '1x': max(80), '100x': max(150) },
  filter: { '100x': max(100) },
  firstRows: { '1x': max(1200) },
  allRows: { '100x': max(3000) },
  heapMb: { '100x': max(80, 'MB') },
};
/** Each load's browser context: a fresh profile, the window size and locale of a user's screen. */
const CONTEXT = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };

/**
 * Which engine a set of grid rows measured: SQLite's rows keep their plain ids; the pg suite (#17) measures the
 * same rows through the same functions on its PostgreSQL copy, under ids and names of its own.
 */
export interface GridEngine {
  id: string;
  name: string;
}
const SQLITE: GridEngine = { id: '', name: '' };
type RowRest = Parameters<Results['add']> extends [string, string, ...infer T] ? T : never;

export async function browserSuite(ctx: BenchContext) {
  const { results: R } = ctx;
  const ui = await startUi(ctx);
  if ('why' in ui) {
    R.missing('grid.first-rows', 'grid: first rows shown', '—', ui.why);
    return;
  }
  const { browser } = ui;
  try {
    for (const scale of ctx.scales) {
      const w = workDir(`browser-${scale}`);
      const db = copyDb(ctx.dbs[scale]!, w.dir);
      const { rows, needle } = gridFacts(db);
      const server = await serve(db, ui.rendererDir);
      try {
        await gridRuns(ctx, browser, server.url, scale, rows, needle);
      } finally {
        server.proc.kill('SIGTERM');
        await new Promise((ok) => server.proc.once('exit', ok));
        w.cleanup();
      }
    }
  } finally {
    await browser.close();
  }
}

export type Ui = { browser: Browser; rendererDir: string } | { why: string };

/** Chromium and a renderer build of the current sources for the grid rows, or why there are none. */
export async function startUi(ctx: BenchContext): Promise<Ui> {
  const executablePath = findChromium();
  if (!executablePath) return { why: 'Chromium not found (set FUNDDESK_CHROMIUM)' };
  const renderer = await rendererBuild(ctx.log);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return { browser, rendererDir: renderer.dir };
}

/** Rows of the grid, and a quick-search text that narrows it to a few rows (the last investment's enterprise). */
export function gridFacts(db: string): { rows: number; needle: string } {
  const raw = new SqliteDatabase(db, { readonly: true });
  try {
    const rows = raw.prepare('SELECT count(*) FROM investments').pluck().get() as number;
    const needle = raw
      .prepare(
        'SELECT e.name FROM investments i JOIN enterprises e ON e.id = i.enterprise_id ORDER BY i.id DESC LIMIT 1',
      )
      .pluck()
      .get() as string;
    return { rows, needle };
  } finally {
    raw.close();
  }
}

/** The preview server (bench/serve.ts) on a SQLite file or a postgres:// URL. */
export function serve(db: string, rendererDir: string): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench', 'serve.ts'), db, rendererDir],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`preview server did not start: ${err}`)), 60_000);
    proc.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve({ url: (JSON.parse(line) as { url: string }).url, proc });
      }
    });
    proc.stderr!.on('data', (d) => {
      err += d;
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview server exited (${code}): ${err}`));
    });
  });
}

export async function gridRuns(
  ctx: BenchContext,
  browser: Browser,
  url: string,
  scale: (typeof ctx.scales)[number],
  rows: number,
  needle: string,
  engine: GridEngine = SQLITE,
) {
  const R = {
    add: (id: string, name: string, ...rest: RowRest) =>
      ctx.results.add(`${engine.id}${id}`, `${engine.name}${name}`, ...rest),
  };
  const first: number[] = [];
  const list: number[] = [];
  const boot: number[] = [];
  const after: number[] = [];
  const allRows: number[] = [];
  const sort: number[] = [];
  const filter: number[] = [];
  const heap: number[] = [];
  let payload = 0;
  let requests = 0;
  const loads = runsOf(ctx, scale === '100x' ? 3 : 4);
  for (let i = 0; i < loads + 1; i++) {
    const warm = i === 0; // the first load warms the server and the HTTP cache of the static files
    const context = await browser.newContext(CONTEXT);
    const page = await context.newPage();
    try {
      await page.addInitScript(
        `(${PROBE_JS})(${JSON.stringify(`${GRID} ${ROW0}`)}, ${JSON.stringify(GRID)})`,
      );
      await page.goto(`${url}#${ROUTE}`, { waitUntil: 'commit' });
      // Poll with evaluate (CDP Runtime.evaluate: not subject to the page's CSP, unlike waitForFunction).
      const deadline = Date.now() + 120_000;
      while (!(await page.evaluate('!!(window.__bench && window.__bench.painted != null)'))) {
        if (Date.now() > deadline) throw new Error(`no grid rows within 120 s at ${scale}`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
      // Sort, search and memory are about the whole ledger: wait for every row (a grid may show its first
      // screenful before the rest has arrived; timing a sort of those alone would measure nothing).
      while (!(await page.evaluate('!!(window.__bench && window.__bench.all != null)'))) {
        if (Date.now() > deadline) throw new Error(`not all grid rows within 120 s at ${scale}`);
        await new Promise((ok) => setTimeout(ok, 50));
      }
      const t = (await page.evaluate(`(() => {
        const res = performance.getEntriesByType('resource');
        // The rows' requests: one ledger.list, or ledger.table pages (the first screenful, then the rest);
        // the split times the first, which the first rows wait for.
        const apis = res.filter((e) => ['list', 'table', 'page'].some((c) => e.name.includes('/api/ledger.' + c)));
        const api = apis[0];
        const first = res.find((e) => e.name.includes('/api/'));
        return {
          painted: window.__bench.painted,
          all: window.__bench.all,
          boot: first ? first.startTime : null,
          list: api ? api.responseEnd - api.startTime : null,
          after: api ? window.__bench.painted - api.responseEnd : null,
          bytes: apis.reduce((n, e) => n + e.encodedBodySize, 0),
          requests: apis.length,
        };
      })()`)) as {
        painted: number;
        all: number;
        boot: number | null;
        list: number | null;
        after: number | null;
        bytes: number;
        requests: number;
      };
      // Every row shown: the grid reports all of them (a large ledger's grid holds only the blocks in
      // view, so its 合计 row's count is the check), never a partial list.
      const total = (await page.evaluate(
        `(document.querySelector(${JSON.stringify(`${GRID} .fd-total-row`)}) || {}).textContent || ''`,
      )) as string;
      if (!total.replace(/,/g, '').includes(`合计（${rows} `))
        throw new Error(`grid does not report all ${rows} rows at ${scale}: ${total.slice(0, 80)}`);
      if (!warm) {
        first.push(t.painted);
        allRows.push(t.all);
        if (t.list != null) list.push(t.list);
        if (t.boot != null) boot.push(t.boot);
        if (t.after != null) after.push(t.after);
        payload = t.bytes;
        requests = t.requests;
        heap.push(await heapUsed(page));
        sort.push(await timed(page, 'sort', SORT_COL));
        sort.push(await timed(page, 'sort', SORT_COL));
        await timed(page, 'sort', SORT_COL); // third click: back to the stored order
        filter.push(await timed(page, 'filter', needle));
        await timed(page, 'filter', '');
      }
      await resetLayout(page);
    } finally {
      await context.close();
    }
  }
  const note = `${fmtInt(rows)} investment rows`;
  R.add('grid.first-rows', 'grid: app start straight to 投资, first rows shown', scale, timingOf(first), {
    target: TARGETS.firstRows[scale] ?? null,
    note: `${note}; a fresh browser profile, no cache: app start ${Math.round(median(boot))} ms, ${
      requests > 1 ? 'first page of rows' : 'ledger.list'
    } ${Math.round(median(list))} ms (${(payload / 1024 / 1024).toFixed(1)} MB JSON in ${requests} request${
      requests > 1 ? 's' : ''
    }), then grid ${Math.round(median(after))} ms; every row shown at ${Math.round(median(allRows))} ms`,
    extra: { bootMs: boot, listMs: list, afterListMs: after, payloadBytes: payload, allRowsMs: allRows },
  });
  R.add('grid.all-rows', 'grid: app start, every row shown', scale, timingOf(allRows), {
    target: TARGETS.allRows[scale] ?? null,
    note: `${note}; a fresh browser profile: navigation start to the grid reporting every row (its 合计 count, checked, none loading; a large ledger's grid pages its rows in SQL and holds only the blocks in view)`,
  });
  R.add('grid.sort', 'grid: sort by a column', scale, timingOf(sort), {
    target: TARGETS.sort[scale] ?? null,
    note: `${note}; header click to repainted rows`,
  });
  R.add('grid.filter', 'grid: quick search', scale, timingOf(filter), {
    target: TARGETS.filter[scale] ?? null,
    note: `${note}; an enterprise's name typed at once`,
  });
  const menu = await menuRuns(browser, url, runsOf(ctx, 3), PREPARED);
  R.add(
    'grid.menu-first-rows',
    'grid: first rows after 投资 is clicked in the menu',
    scale,
    timingOf(menu.ms),
    {
      target: TARGETS.menu[scale] ?? null,
      note: `${note}; the app started on 总览 and done loading it (投资, the ledger most likely next, then prepared hidden: App.tsx PageView); click to first rows shown and painted; ledger requests started meanwhile: ${
        menu.requests.join(', ') || 'none'
      }`,
    },
  );
  const cold = await menuRuns(browser, url, runsOf(ctx, 3), COLD);
  R.add(
    'grid.menu-cold-first-rows',
    'grid: first rows after 现金流 (not prepared) is clicked in the menu',
    scale,
    timingOf(cold.ms),
    {
      target: TARGETS.menu[scale] ?? null,
      note: `${fmtInt(cold.rows)} cash-flow rows; the same start on 总览, then a click on 现金流, a ledger not prepared (checked before each click: no 现金流 grid in the page, the hidden one is 投资): its page and grid created on the click, the hidden 投资 page dropped; ledger requests started meanwhile: ${
        cold.requests.join(', ') || 'none'
      }`,
    },
  );
  const mb = median(heap) / 1024 / 1024;
  R.add('grid.memory', 'renderer JS heap with the grid (MB)', scale, null, {
    figure: mb,
    target: TARGETS.heapMb[scale] ?? null,
    note: `${mb.toFixed(0)} MB JSHeapUsedSize after GC (median of ${heap.length})`,
    extra: { heapBytes: heap },
  });
}

// In-page code is kept as plain JavaScript text: functions compiled by tsx carry helpers (__name) that do
// not exist in the page.

/** Runs in the page before its scripts: notes when row 0 first holds text, then when that frame is painted. */
const PROBE_JS = `(selector, grid) => {
  // Room for every request's timing (the font's 300 subsets would otherwise fill the default 250).
  performance.setResourceTimingBufferSize(5000);
  window.__bench = { painted: null, all: null };
  let seen = false;
  const obs = new MutationObserver(() => {
    if (seen) return;
    const row = document.querySelector(selector);
    if (row && (row.textContent || '').trim() !== '') {
      seen = true;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__bench.painted = performance.now(); }, 0));
      // A grid that shows its first rows while the rest load marks itself data-loading="rest" meanwhile.
      const all = () => {
        if (window.__bench.all !== null || document.querySelector(grid + '[data-loading]')) return false;
        requestAnimationFrame(() => setTimeout(() => { window.__bench.all = performance.now(); }, 0));
        return true;
      };
      if (!all()) {
        const rest = new MutationObserver(() => { if (all()) rest.disconnect(); });
        rest.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-loading'] });
      }
    }
  });
  obs.observe(document, { childList: true, subtree: true, characterData: true });
}`;

/**
 * Arms a watcher for one sort click or quick-search change: the clock starts at the user's input (mousedown
 * on the header, the input event of the search box) and stops when row 0 shows another record and that
 * frame is painted. The input itself comes from Playwright, as a user's would.
 */
const WATCH_JS = `({ what, grid, row0 }) => {
  const g = document.querySelector(grid);
  const rowId = () => { const r = g.querySelector(row0); return r ? r.getAttribute('row-id') : null; };
  const before = rowId();
  let t0 = null;
  const start = () => { if (t0 === null) t0 = performance.now(); };
  document.addEventListener(what === 'sort' ? 'mousedown' : 'input', start, { capture: true, once: true });
  window.__timed = new Promise((resolve, reject) => {
    let done = false;
    const obs = new MutationObserver(() => {
      // A loading row of a large ledger's grid (no record yet: no row-id) is not an answer.
      if (done || t0 === null || rowId() === before || rowId() === null) return;
      done = true;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    obs.observe(g, { childList: true, subtree: true, attributes: true, attributeFilter: ['row-id'] });
    setTimeout(() => { if (!done) reject(new Error(what + ': row 0 still ' + before + ' after 60 s')); }, 60000);
  });
}`;

/**
 * Forgets the grid's remembered layout (sort, quick search — saved 400 ms after a change), so the next load
 * starts from the plain grid as a first visit does.
 */
async function resetLayout(page: Page) {
  await page.waitForTimeout(800);
  await page.evaluate(`fetch('/api/settings.set', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-funddesk-token': document.querySelector('meta[name="funddesk-token"]').getAttribute('content'),
    },
    body: JSON.stringify({ key: 'grid:investments', value: null }),
  }).then((r) => r.json())`);
}

/** A ledger clicked in the menu from 总览: its menu label and grid, and whether the app should have it prepared. */
interface MenuTarget {
  label: string;
  grid: string;
  prepared: boolean;
}
/** 投资: the ledger a fresh profile prepares hidden (pages/ledgers/prepared.ts). */
const PREPARED: MenuTarget = { label: '投资', grid: GRID, prepared: true };
/** 现金流: a ledger not prepared, so its click creates the page and its grid. */
const COLD: MenuTarget = { label: '现金流', grid: '[data-testid="grid-cash-flows"]', prepared: false };

/**
 * The app started on its 总览 page (a fresh browser profile), left until that page has its report and the
 * network is quiet; then a click on the target's ledger in the menu, timed from the mousedown to the first
 * grid row holding text and that frame painted. Before the click, the page is checked to hold the target's
 * grid hidden (prepared) or not at all (not prepared), so the row measures what its name says.
 */
async function menuRuns(
  browser: Browser,
  url: string,
  runs: number,
  target: MenuTarget,
): Promise<{ ms: number[]; requests: string[]; rows: number }> {
  const out: number[] = [];
  let requests: string[] = [];
  let rows = 0;
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext(CONTEXT);
    const page = await context.newPage();
    try {
      await page.goto(`${url}#/`);
      await page.getByTestId('brief').waitFor({ timeout: 120_000 });
      await page.waitForLoadState('networkidle', { timeout: 120_000 });
      await page.waitForTimeout(1000);
      const there = (await page.evaluate(
        `document.querySelectorAll(${JSON.stringify(target.grid)}).length`,
      )) as number;
      if (there > 0 !== target.prepared)
        throw new Error(
          `${target.label}: expected ${target.prepared ? 'prepared (hidden grid in the page)' : 'not prepared (no grid in the page)'} before the click, found ${there} grid(s)`,
        );
      await page.evaluate(`(${MENU_JS})(${JSON.stringify(`${target.grid} ${ROW0}`)})`);
      await page
        .locator('.ant-menu-item')
        .filter({ hasText: new RegExp(`^${target.label}$`) })
        .click();
      const ms = (await page.evaluate('window.__timed')) as number;
      if (i > 0) out.push(ms); // the first run warms the server
      // The ledger requests the first rows waited for (a second ledger.page or the linked names here
      // once doubled the 100x figure).
      requests = (await page.evaluate(`performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/ledger.') && e.startTime >= window.__menuT0
          && e.startTime <= window.__menuT0 + ${ms})
        .map((e) => e.name.replace(/^.*\\/api\\//, ''))`)) as string[];
      rows = await totalRows(page, target.grid);
      if (target.prepared) await resetLayout(page);
    } finally {
      await context.close();
    }
  }
  return { ms: out, requests, rows };
}

/** The row count a grid's 合计 row reports, once every row is in (0 if it does not say within 60 s). */
async function totalRows(page: Page, grid: string): Promise<number> {
  const sel = JSON.stringify(`${grid} .fd-total-row`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const text = (await page.evaluate(`(document.querySelector(${sel}) || {}).textContent || ''`)) as string;
    const m = /合计（([\d,]+) /.exec(text);
    if (m) return Number(m[1]!.replace(/,/g, ''));
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return 0;
}

/**
 * Arms a watcher: from the next mousedown until the grid's row 0 holds text, is shown (a prepared page's grid
 * is drawn before the click, hidden: its reveal is an attribute change) and that frame is painted.
 */
const MENU_JS = `(selector) => {
  let t0 = null;
  document.addEventListener('mousedown', () => { if (t0 === null) window.__menuT0 = t0 = performance.now(); }, { capture: true, once: true });
  window.__timed = new Promise((resolve, reject) => {
    let done = false;
    const obs = new MutationObserver(() => {
      if (done || t0 === null) return;
      const row = document.querySelector(selector);
      // Shown: a row of a page kept mounted hidden (lib/hiddenPage.ts marks it; it is inert with visibility
      // hidden or skipped by content-visibility, so checkVisibility is false too) is not what the user sees.
      if (!row || (row.textContent || '').trim() === '' || row.closest('[data-page-hidden]')
        || !row.checkVisibility({ visibilityProperty: true })) return;
      done = true;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    });
    obs.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    setTimeout(() => { if (!done) reject(new Error('no grid rows 60 s after the menu click')); }, 60000);
  });
}`;

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

async function timed(page: Page, what: 'sort' | 'filter', arg: string): Promise<number> {
  // Each action starts from a settled page, as a user's next click comes a moment after the last answer:
  // work the previous action left behind (the remembered layout written 400 ms after a change, the grid's
  // deferred redraws) is not counted in this one.
  await page.waitForTimeout(1000);
  await page.evaluate(`(${WATCH_JS})(${JSON.stringify({ what, grid: GRID, row0: ROW0 })})`);
  if (what === 'sort')
    await page.locator(`${GRID} .ag-header-cell[col-id="${arg}"] .ag-header-cell-label`).click();
  else await page.getByPlaceholder('快速搜索（名称、代码、金额…）').fill(arg);
  return (await page.evaluate('window.__timed')) as number;
}
