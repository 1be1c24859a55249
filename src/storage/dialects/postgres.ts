import { createRequire } from 'node:module';
import type PG from 'pg';
import { PostgresDialect } from 'kysely';

/** PostgreSQL through a pg pool; the URL may carry `?options=-c search_path=…`. */
export function createPostgresDialect(url: string): PostgresDialect {
  // Loaded only when PostgreSQL is used: a SQLite site does not carry the driver in memory.
  const pg = createRequire(import.meta.url)('pg') as typeof PG;
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}
