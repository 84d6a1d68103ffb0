/** A record as the ledger grid holds it: the row's columns by their SQLite names, and its id. */
export type Row = Record<string, unknown> & { id: number };
