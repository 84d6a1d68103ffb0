import type { Migration } from 'kysely';
import * as m0001 from './0001_initial_schema';
import * as m0002 from './0002_covering_indexes';
import * as m0003 from './0003_headline_figures';
import * as m0004 from './0004_overview_aggregates';
import * as m0005 from './0005_compliance';
import * as m0006 from './0006_evaluation';
import * as m0007 from './0007_acquired_category';
import * as m0008 from './0008_sort_keys';
import * as m0009 from './0009_users_and_versions';
import * as m0010 from './0010_pg_insert_totals';
import * as m0011 from './0011_name_indexes';
import * as m0012 from './0012_search_text_index';
import * as m0013 from './0013_pg_sort_indexes';

/** Every migration, bundled statically: the app never scans a folder at run time. Append only. */
export const migrations: Record<string, Migration> = {
  '0001_initial_schema': m0001,
  '0002_covering_indexes': m0002,
  '0003_headline_figures': m0003,
  '0004_overview_aggregates': m0004,
  '0005_compliance': m0005,
  '0006_evaluation': m0006,
  '0007_acquired_category': m0007,
  '0008_sort_keys': m0008,
  '0009_users_and_versions': m0009,
  '0010_pg_insert_totals': m0010,
  '0011_name_indexes': m0011,
  '0012_search_text_index': m0012,
  '0013_pg_sort_indexes': m0013,
};

export const LATEST_MIGRATION = Object.keys(migrations).at(-1) as string;
