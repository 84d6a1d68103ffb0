/**
 * Figures computed once per document. The 年度报送 pack is built from several reports as of one date, and
 * each of them asks for the same all-funds figures (every fund's 返投, every alert, every fund's metrics):
 * at 100x that was the same computation six times over. Inside sharingFigures(opened, build) each of those
 * is computed at its first use and handed to the later ones. Own code because the scope is one document
 * build on one connection, checked against that connection's writes, which no memo library knows about.
 *
 * A write on the connection in the meantime (total_changes()), or by another process (data_version), drops
 * what was kept, so a figure is never older than the data. Outside a scope nothing is kept. PostgreSQL has no
 * such cheap counter for other sessions' commits, so there nothing is kept either (each figure is computed).
 */
import type { OpenedDb } from '../../db/open';

interface Scope {
  version: string;
  kept: Map<string, unknown>;
}

const scopes = new WeakMap<OpenedDb, Scope>();

function versionOf(opened: OpenedDb): string {
  const changes = opened.raw.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}|${opened.raw.pragma('data_version', { simple: true }) as number}`;
}

/**
 * Runs `build` (sync, or async until its promise settles) with the all-funds figures shared between its
 * parts; a nested call shares the outer scope.
 */
export function sharingFigures<T>(opened: OpenedDb, build: () => T): T {
  if (scopes.has(opened) || opened.engine === 'postgres') return build();
  scopes.set(opened, { version: versionOf(opened), kept: new Map() });
  let pending = false;
  try {
    const out = build();
    if (out instanceof Promise) {
      pending = true;
      return out.finally(() => scopes.delete(opened)) as T;
    }
    return out;
  } finally {
    if (!pending) scopes.delete(opened);
  }
}

/** compute(), or inside sharingFigures the value already computed under `key` (callers must not change it). */
export function once<T>(opened: OpenedDb, key: string, compute: () => T): T {
  const scope = scopes.get(opened);
  if (!scope) return compute();
  const version = versionOf(opened);
  if (version !== scope.version) {
    scope.kept.clear();
    scope.version = version;
  }
  if (scope.kept.has(key)) return scope.kept.get(key) as T;
  const value = compute();
  scope.kept.set(key, value);
  return value;
}
