import { createHash } from 'node:crypto';
import type { OpenedDb } from '../../db/open';
import type { Analysis, ImportOptions } from './service';

/**
 * The analysis of the last previewed file, per open database, so that 导入 right after the preview does not
 * read, convert and check the same 50,000 rows again (2 s at 100x the demo data). It is used only for the
 * very same bytes and options and only while the database is exactly as it was: SQLite's total_changes()
 * (every row this connection wrote since it opened) and data_version (commits by other connections, e.g. a
 * CLI import) both unchanged. Otherwise the commit analyses the file afresh, as the CLI always does.
 */
interface Entry {
  key: string;
  state: string;
  analysis: Analysis;
}

const last = new WeakMap<OpenedDb, Entry>();

function keyOf(o: ImportOptions): string {
  const h = createHash('sha1');
  h.update(o.bytes);
  const { bytes: _bytes, ...rest } = o;
  h.update(JSON.stringify(rest));
  return h.digest('hex');
}

function stateOf(opened: OpenedDb): string {
  // PostgreSQL's data_version (pg-raw.ts: the WAL position) already moves with this connection's own commits.
  if (opened.engine === 'postgres') return String(opened.raw.pragma('data_version', { simple: true }));
  const version = opened.raw.pragma('data_version', { simple: true });
  const changes = opened.raw.prepare('SELECT total_changes()').pluck().get();
  return `${version}:${changes}`;
}

export function rememberAnalysis(opened: OpenedDb, o: ImportOptions, analysis: Analysis) {
  last.set(opened, { key: keyOf(o), state: stateOf(opened), analysis });
}

/** The remembered analysis of these bytes and options if the database has not changed since; it is forgotten. */
export function takeAnalysis(opened: OpenedDb, o: ImportOptions): Analysis | null {
  const e = last.get(opened);
  last.delete(opened);
  if (!e || e.key !== keyOf(o) || e.state !== stateOf(opened)) return null;
  return e.analysis;
}
