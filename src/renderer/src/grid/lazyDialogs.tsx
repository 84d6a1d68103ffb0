// The grid's dialogs (新增, 粘贴导入), loaded on first open instead of with the grid (its link picker too:
// LinkCellEditor.tsx). They bring antd's Form, Select, Table, Modal … that the ledger's first screen never
// shows; evaluated with the grid, they delayed its first rows at app start. Their code is fetched from the
// app's own files (no network) when the page is idle after the first rows; until it is there, a spinner
// shows (lib/lazy.ts onFirstUse).
import { Spin } from 'antd';
import { type ComponentType, useContext, useEffect } from 'react';
import { loader, onFirstUse } from '../lib/lazy';
import { PageHidden } from '../lib/onScreen';
import type { AddRecordModal as AddRecordModalImpl } from './AddRecordModal';
import { loadLinkSelect } from './LinkCellEditor';
import type { PasteDialog as PasteDialogImpl } from './PasteDialog';

const loadAdd = loader(() => import('./AddRecordModal'));
const loadPaste = loader(() => import('./PasteDialog'));

/** Shown while a dialog's code arrives: over the page, where the dialog will open. */
const dialogLoading = (
  <div className="fd-dialog-loading" data-testid="dialog-loading">
    <div>
      <Spin /> 正在打开…
    </div>
  </div>
);

export const AddRecordModal = onFirstUse(
  loadAdd,
  (m): ComponentType<Parameters<typeof AddRecordModalImpl>[0]> => m.AddRecordModal,
  dialogLoading,
);

export const PasteDialog = onFirstUse(
  loadPaste,
  (m): ComponentType<Parameters<typeof PasteDialogImpl>[0]> => m.PasteDialog,
  dialogLoading,
);

/**
 * Fetches the dialogs' code a moment after the grid shows its rows, when the page is idle: not while the
 * first rows are being drawn, nor in the rest's way of a large ledger.
 */
export function PreloadDialogs(props: { ready: boolean }) {
  // A ledger kept mounted hidden (App.tsx PageView) waits until it is shown: its menu click is not to meet a
  // preload begun meanwhile.
  const hidden = useContext(PageHidden);
  useEffect(() => {
    if (!props.ready || hidden || loadLinkSelect.now()) return;
    // One dialog per idle moment, each a short task: a click meanwhile waits for one at most.
    const queue = [loadAdd, loadPaste, loadLinkSelect];
    let idle = 0;
    const next = () => {
      const load = queue.shift();
      if (!load) return;
      void load();
      idle = requestIdleCallback(next, { timeout: 4000 });
    };
    const timer = setTimeout(() => {
      idle = requestIdleCallback(next, { timeout: 4000 });
    }, 1500);
    return () => {
      clearTimeout(timer);
      cancelIdleCallback(idle);
    };
  }, [props.ready, hidden]);
  return null;
}
