import type { ICellRendererParams } from 'ag-grid-community';
import { navigate } from '../lib/router';
import type { Row } from './colDefs';

/** Records that have a detail view, and its route. */
export const DETAIL_ROUTE = { fund: '/funds/detail', enterprise: '/enterprises/detail' } as const;
export type DetailEntity = keyof typeof DETAIL_ROUTE;

export function openDetail(entity: DetailEntity, id: number) {
  navigate(DETAIL_ROUTE[entity], { id });
}

/**
 * A cell naming a fund or an enterprise: the name is a link to its detail view. Clicking elsewhere in the
 * cell selects it as usual; Enter or F2 edits it.
 */
export function LinkCell(p: ICellRendererParams<Row> & { target: DetailEntity; idField: string }) {
  const text = p.valueFormatted ?? (p.value == null ? '' : String(p.value));
  const id = p.data?.[p.idField];
  if (p.node.rowPinned || typeof id !== 'number' || text === '') return <span>{text}</span>;
  return (
    <a
      className="fd-cell-link"
      href={`#${DETAIL_ROUTE[p.target]}?id=${id}`}
      title={`查看“${text}”的详情`}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        openDetail(p.target, id);
      }}
    >
      {text}
    </a>
  );
}
