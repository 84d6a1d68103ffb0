// The link picker (LinkSelect.tsx), its antd Select loaded on first use: grid/lazyDialogs.tsx says why.
export { LinkCellEditor } from './lazyDialogs';
