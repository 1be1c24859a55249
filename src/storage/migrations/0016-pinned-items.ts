import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { itemTriggers, LIST_COLUMNS } from './0012-changes.js';

/**
 * Pinned items (WordPress's sticky posts) head their edition's home page. Pinning or unpinning
 * moves an item between lists, so the items trigger of 0012 now counts `pinned` among its list
 * columns; a partial index finds the few pinned items.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`create index items_pinned on items (edition, published_at) where pinned = 1`.execute(db);
  await replaceItemTriggers(db, [...LIST_COLUMNS, 'pinned']);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The triggers and the index name the column: they go (or change) before it does.
  await replaceItemTriggers(db, LIST_COLUMNS);
  await db.schema.dropIndex('items_pinned').execute();
  await db.schema.alterTable('items').dropColumn('pinned').execute();
}

async function replaceItemTriggers(db: Kysely<any>, listColumns: readonly string[]): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const drops = postgres
    ? ['drop trigger changes_items on items', 'drop function nashr_change_items()']
    : ['ins', 'upd', 'del'].map((op) => `drop trigger changes_items_${op}`);
  for (const statement of [...drops, ...itemTriggers(postgres, listColumns)]) await sql.raw(statement).execute(db);
}
