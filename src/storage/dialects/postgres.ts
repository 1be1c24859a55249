import pg from 'pg';
import { PostgresDialect } from 'kysely';

/** PostgreSQL through a pg pool; the URL may carry `?options=-c search_path=…`. */
export function createPostgresDialect(url: string): PostgresDialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}
