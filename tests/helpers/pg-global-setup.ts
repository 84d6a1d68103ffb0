import type { TestProject } from 'vitest/node';
import { pgTemplate, TEST_PG } from './pg-schema';

declare module 'vitest' {
  interface ProvidedContext {
    /** The PostgreSQL leg: a database migrated once for the run, that tempDb() copies for each test. */
    pgMigrated: string | null;
  }
}

/**
 * Vitest's global setup for the PostgreSQL leg (#17): the migrations run once over the wire into a template
 * database, and each tempDb() is a `CREATE DATABASE … TEMPLATE` copy of it, as the e2e leg copies its demo
 * database. Migrating a fresh schema per test took 2.4 s under a load average of 16, a copy 0.6–1 s; in
 * export-import-property's 18 databases it was most of its 473 s. Migrations from an empty schema stay
 * covered by tests/postgres (engine.test.ts, tempPgSchema) and by this setup itself.
 */
export default async function setup(project: TestProject) {
  if (!TEST_PG) {
    project.provide('pgMigrated', null);
    return;
  }
  // Imported here: the SQLite run does not load the app's modules into Vitest's main process.
  const { openDatabase } = await import('../../src/main/db/open');
  const template = await pgTemplate(TEST_PG, async (url) => {
    const opened = await openDatabase(url);
    await opened.close();
  });
  project.provide('pgMigrated', template.name);
  return () => template.drop();
}
