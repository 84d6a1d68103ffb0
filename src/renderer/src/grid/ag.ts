import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';
// One list of the modules: a namespace import read by static names, which the bundler still tree-shakes.
import * as ag from 'ag-grid-community';

/** Only the Community modules the app uses (the full set would double the bundle). */
ag.ModuleRegistry.registerModules([
  ag.ClientSideRowModelModule,
  ag.ClientSideRowModelApiModule,
  // Large ledgers (#13): blocks read from ledger.page (pageSource.ts).
  ag.InfiniteRowModelModule,
  ag.CellApiModule,
  ag.CellStyleModule,
  ag.ColumnApiModule,
  ag.ColumnAutoSizeModule,
  ag.CustomEditorModule,
  ag.DateFilterModule,
  ag.EventApiModule,
  ag.ExternalFilterModule,
  ag.LocaleModule,
  ag.NumberFilterModule,
  ag.PinnedRowModule,
  ag.QuickFilterModule,
  ag.RenderApiModule,
  ag.RowApiModule,
  ag.RowSelectionModule,
  ag.RowStyleModule,
  ag.ScrollApiModule,
  ag.SelectEditorModule,
  ag.TextEditorModule,
  ag.TextFilterModule,
  ag.TooltipModule,
]);

export const gridLocale = AG_GRID_LOCALE_CN;

export const gridTheme = ag.themeQuartz.withParams({
  fontFamily: '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
  fontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#f5f7fa',
  accentColor: '#1677ff',
  rowHeight: 34,
  headerHeight: 38,
  borderRadius: 4,
  wrapperBorderRadius: 6,
});

let keeper: ag.GridApi<Record<string, never>> | null = null;

/**
 * Keeps the grid's styles in the page for the app's whole life. AG Grid injects its theme's CSS (some
 * hundred kB) when a page's first grid starts and removes all of it when the last grid goes (its
 * _unregisterInstanceUsingThemingAPI), so every visit to a ledger from a page without a grid paid for
 * injecting, parsing and matching it again. One empty grid, never shown and never destroyed, holds it.
 */
export function keepGridStyles() {
  if (keeper || typeof document === 'undefined') return;
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.dataset.gridStyles = 'kept';
  box.style.display = 'none';
  document.body.appendChild(box);
  keeper = ag.createGrid<Record<string, never>>(box, { theme: gridTheme, columnDefs: [], rowData: [] });
}
