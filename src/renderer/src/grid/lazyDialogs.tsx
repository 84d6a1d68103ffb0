// The grid's dialogs (新增, 粘贴导入) and its link picker, loaded on first open instead of with the grid.
// They bring antd's Form, Select, Table, Modal … that the ledger's first screen never shows; evaluated with
// the grid, they delayed its first rows at app start. Their code is fetched from the app's own files (no
// network) when the page is idle after the first rows. Code that has arrived renders at once (lib/lazy.ts
// says why not through React.lazy); before that, a spinner shows until it is there (React.lazy + Suspense).
import { Spin } from 'antd';
import {
  type ComponentType,
  createElement,
  lazy,
  type ReactNode,
  Suspense,
  useContext,
  useEffect,
  useState,
} from 'react';
import { type Loader, loader } from '../lib/lazy';
import { PageHidden } from '../lib/onScreen';
import type { AddRecordModal as AddRecordModalImpl } from './AddRecordModal';
import type { PasteDialog as PasteDialogImpl } from './PasteDialog';

const loadAdd = loader(() => import('./AddRecordModal'));
const loadPaste = loader(() => import('./PasteDialog'));
const loadLinkSelect = loader(() => import('./LinkSelect'));

interface Part<P> {
  now: () => ComponentType<P> | undefined;
  Lazy: ComponentType<P>;
  wait: ReactNode;
}

/** A component whose code loads on its first use: at once when it has arrived, else `wait` until it has. */
function onFirstUse<M, P extends object>(
  code: Loader<M>,
  pick: (m: M) => ComponentType<P>,
  wait: ReactNode,
): ComponentType<P> {
  const part: Part<P> = {
    now: () => {
      const m = code.now();
      return m === undefined ? undefined : pick(m);
    },
    Lazy: lazy(() => code().then((m) => ({ default: pick(m) }))),
    wait,
  };
  return (props: P) => createElement(FirstUse<P>, { part, props });
}

function FirstUse<P extends object>({ part, props }: { part: Part<P>; props: P }) {
  // Decided once per mount: switching from the lazy form to the direct one would remount it.
  const [Ready] = useState(() => {
    const C = part.now();
    return C === undefined ? undefined : { C };
  });
  if (Ready) return <Ready.C {...props} />;
  return (
    <Suspense fallback={part.wait}>
      <part.Lazy {...props} />
    </Suspense>
  );
}

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

/** The link cell's editor (LinkSelect.tsx): a small spinner in the cell until its Select is there. */
export const LinkCellEditor = onFirstUse(
  loadLinkSelect,
  (m) => m.LinkSelect,
  <Spin size="small" style={{ margin: 8 }} />,
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
