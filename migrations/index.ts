import type { Migration } from 'kysely';
import * as m0001 from './0001_initial_schema';

/** Every migration, bundled statically: the app never scans a folder at run time. Append only. */
export const migrations: Record<string, Migration> = {
  '0001_initial_schema': m0001,
};

export const LATEST_MIGRATION = Object.keys(migrations).at(-1) as string;
