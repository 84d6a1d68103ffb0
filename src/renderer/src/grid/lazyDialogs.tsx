// The grid's dialogs (新增, 粘贴导入) and its link picker, loaded on first open instead of with the grid.
// They bring antd's Form, Select, Table, Modal … that the ledger's first screen never shows; evaluated with
// the grid, they delayed its first rows at app start. Their code is fetched from the app's own files (no
// network) when the page is idle after the first rows, so a first open is normally at once; on a slow first
// load a spinner shows until it is there. React.lazy + Suspense, nothing of our own beyond the wrappers.
import { Spin } from 'antd';
import { type ComponentProps, lazy, Suspense, useEffect } from 'react';
import type { AddRecordModal as AddRecordModalImpl } from './AddRecordModal';
import type { PasteDialog as PasteDialogImpl } from './PasteDialog';

const loadAdd = () => import('./AddRecordModal');
const loadPaste = () => import('./PasteDialog');
export const loadLinkSelect = () => import('./LinkSelect');

const LazyAdd = lazy(() => loadAdd().then((m) => ({ default: m.AddRecordModal })));
const LazyPaste = lazy(() => loadPaste().then((m) => ({ default: m.PasteDialog })));

/** Shown while a dialog's code arrives: over the page, where the dialog will open. */
function DialogLoading() {
  return (
    <div className="fd-dialog-loading" data-testid="dialog-loading">
      <Spin /> 正在打开…
    </div>
  );
}

export function AddRecordModal(props: ComponentProps<typeof AddRecordModalImpl>) {
  return (
    <Suspense fallback={<DialogLoading />}>
      <LazyAdd {...props} />
    </Suspense>
  );
}

export function PasteDialog(props: ComponentProps<typeof PasteDialogImpl>) {
  return (
    <Suspense fallback={<DialogLoading />}>
      <LazyPaste {...props} />
    </Suspense>
  );
}

let preloaded = false;

/** Fetches the dialogs' code once the grid shows its rows and the page is idle. */
export function PreloadDialogs(props: { ready: boolean }) {
  useEffect(() => {
    if (!props.ready || preloaded) return;
    const id = requestIdleCallback(
      () => {
        preloaded = true;
        void loadAdd();
        void loadPaste();
        void loadLinkSelect();
      },
      { timeout: 4000 },
    );
    return () => cancelIdleCallback(id);
  }, [props.ready]);
  return null;
}
