import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import { navigate } from '../lib/router';
import type { Row } from './row';

/** Records that have a detail view, and its route. */
export const DETAIL_ROUTE = { fund: '/funds/detail', enterprise: '/enterprises/detail' } as const;
export type DetailEntity = keyof typeof DETAIL_ROUTE;

export function openDetail(entity: DetailEntity, id: number) {
  navigate(DETAIL_ROUTE[entity], { id });
}

type LinkCellParams = ICellRendererParams<Row> & { target: DetailEntity; idField: string };

/**
 * A cell naming a fund or an enterprise: the name is a link to its detail view. Clicking elsewhere in the
 * cell selects it as usual; Enter or F2 edits it. Plain DOM rather than a React component: the grid makes
 * these for every row it shows, and React cells cost several times more to create and scroll.
 */
export class LinkCell implements ICellRendererComp<Row> {
  private gui = document.createElement('span');
  private target: DetailEntity = 'fund';
  private id: number | null = null;

  init(p: LinkCellParams) {
    this.gui.addEventListener('click', (e) => {
      if (this.id === null || !(e.target as HTMLElement).closest('a')) return;
      e.preventDefault();
      e.stopPropagation();
      openDetail(this.target, this.id);
    });
    this.show(p);
  }

  getGui() {
    return this.gui;
  }

  refresh(p: LinkCellParams) {
    this.show(p);
    return true;
  }

  private show(p: LinkCellParams) {
    const text = p.valueFormatted ?? (p.value == null ? '' : String(p.value));
    const id = p.data?.[p.idField];
    this.target = p.target;
    this.gui.replaceChildren();
    if (p.node.rowPinned || typeof id !== 'number' || text === '') {
      this.id = null;
      this.gui.textContent = text;
      return;
    }
    this.id = id;
    const a = document.createElement('a');
    a.className = 'fd-cell-link';
    a.href = `#${DETAIL_ROUTE[p.target]}?id=${id}`;
    a.title = `查看“${text}”的详情`;
    a.textContent = text;
    this.gui.appendChild(a);
  }
}
