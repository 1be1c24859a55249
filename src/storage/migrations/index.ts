import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../database.js';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-media-library.js';
import * as m0003 from './0003-newsroom.js';
import * as m0004 from './0004-media-and-publications.js';
import * as m0005 from './0005-media-previews.js';
import * as m0006 from './0006-search.js';
import * as m0007 from './0007-mail-and-contact.js';
import * as m0008 from './0008-comments.js';
import * as m0009 from './0009-wordpress-import.js';
import * as m0010 from './0010-redirects.js';
import * as m0011 from './0011-api-keys.js';
import * as m0012 from './0012-changes.js';
import * as m0013 from './0013-search-contentless.js';
import * as m0015 from './0015-comment-rate-index.js';
import * as m0016 from './0016-pinned-items.js';

/** Migrations in order; a new one is a new file and a new line here. */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-media-library': m0002,
  '0003-newsroom': m0003,
  '0004-media-and-publications': m0004,
  '0005-media-previews': m0005,
  '0006-search': m0006,
  '0007-mail-and-contact': m0007,
  '0008-comments': m0008,
  '0009-wordpress-import': m0009,
  '0010-redirects': m0010,
  '0011-api-keys': m0011,
  '0012-changes': m0012,
  '0013-search-contentless': m0013,
  '0015-comment-rate-index': m0015,
  '0016-pinned-items': m0016,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // On PostgreSQL, keep Kysely's bookkeeping tables in the schema the connection works in
  // (its existence check would otherwise see another schema's tables).
  const schema = db.getExecutor().adapter instanceof PostgresAdapter
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely first lists the tables of every schema, resolving each by name: another schema dropped
  // meanwhile (by another program on the same server) fails that with "schema … does not exist"
  // before any migration has run. That is worth another try; nothing was changed.
  for (let attempt = 1; attempt < 10 && schema && !results?.length && otherSchemaGone(error, schema); attempt++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function otherSchemaGone(error: unknown, own: string): boolean {
  const m = error instanceof Error ? /^schema "([^"]+)" does not exist$/.exec(error.message) : null;
  return !!m && m[1] !== own;
}
