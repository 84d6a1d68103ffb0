// The link picker (LinkSelect.tsx), its antd Select loaded on first use: grid/lazyDialogs.tsx says why.
import { Spin } from 'antd';
import { loader, onFirstUse } from '../lib/lazy';

export const loadLinkSelect = loader(() => import('./LinkSelect'));

/** The link cell's editor (LinkSelect.tsx): a small spinner in the cell until its Select is there. */
export const LinkCellEditor = onFirstUse(
  loadLinkSelect,
  (m) => m.LinkSelect,
  <Spin size="small" style={{ margin: 8 }} />,
);
