import { PostgresAdapter } from 'kysely';
import type { Db } from '../../storage/database.js';
import { postgresSearchIndex } from './postgres-search-index.js';
import type { SearchIndex } from './search-index.js';
import { sqliteSearchIndex } from './sqlite-search-index.js';

/** The search index for the database behind a handle (or a transaction on it): the one place that asks which dialect it is. */
export function searchIndexFor(db: Db): SearchIndex {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSearchIndex : sqliteSearchIndex;
}
