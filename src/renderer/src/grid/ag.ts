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
