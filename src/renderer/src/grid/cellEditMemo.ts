/**
 * What a grid remembers about edits in progress, per cell (`cellKey`): the text last typed, and for an edit
 * the database refused, that text with the reason, so the cell opens again with the user's own text for
 * correction. One per grid; the editors and the grid's edit handler share it.
 */
/** The key of one cell in the grid's per-cell maps (errors, the edit memo). */
export const cellKey = (id: unknown, field: string) => `${String(id)}:${field}`;

export interface CellEditMemo {
  /** The text last typed in a cell's editor. */
  typed: Map<string, string>;
  /** A refused edit: the text to open the editor with, and why it was refused. */
  refused: Map<string, { text: string; message: string }>;
  /** Esc in a refused cell: the old value stays, and the cell is no longer marked. */
  onCancel: (id: number, field: string) => void;
}

export function newCellEditMemo(onCancel: CellEditMemo['onCancel']): CellEditMemo {
  return { typed: new Map(), refused: new Map(), onCancel };
}
