import { type Kysely } from 'kysely';
import { withId } from './schema-helpers.js';

/**
 * Old addresses and where they went: every WordPress permalink an import saw, and the ones
 * editors add. Matched by `from_path` (normalized, unique) when nashr has no page of its own there.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('redirects'))
    .addColumn('from_path', 'text', (c) => c.notNull().unique())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull().defaultTo(301))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_hit_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('redirects').execute();
}
