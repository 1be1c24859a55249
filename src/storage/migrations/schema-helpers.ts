import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/** Adds an auto-increment integer primary key `id`, the one column type the two dialects spell differently. */
export function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return postgres
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Empty-string default, written the same way on both dialects. */
export const emptyText = sql`''`;
