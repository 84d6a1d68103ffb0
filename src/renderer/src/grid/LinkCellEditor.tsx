import type { LinkOption } from '@shared/contract/ledger';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { loadLinkSelect } from './lazyDialogs';

const LinkSelect = lazy(() => loadLinkSelect().then((m) => ({ default: m.LinkSelect })));

/** The link picker (LinkSelect.tsx), its antd Select loaded on first use (lazyDialogs.tsx says why). */
export function LinkCellEditor(props: CustomCellEditorProps & { options: LinkOption[] }) {
  return (
    <Suspense fallback={<Spin size="small" style={{ margin: 8 }} />}>
      <LinkSelect {...props} />
    </Suspense>
  );
}
