import { type Kysely } from 'kysely';
import { emptyText, withId } from './schema-helpers.js';

/** Readers' comments, threaded, moderated; and a per-item switch that closes an item's comments. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('comments_closed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await withId(db, db.schema.createTable('comments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('notify_replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_notice_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_item_status').on('comments').columns(['item_id', 'status', 'id']).execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['status', 'edition', 'id']).execute();
  await db.schema.createIndex('comments_ip_time').on('comments').columns(['ip', 'created_at']).execute();
  await db.schema.createIndex('comments_item_time').on('comments').columns(['item_id', 'created_at']).execute();
  await db.schema.createIndex('comments_email').on('comments').columns(['author_email', 'edition', 'status']).execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent_id').execute();
  // Duplicate detection that holds under concurrent posts too.
  await db.schema.createIndex('comments_duplicate').on('comments').columns(['item_id', 'content_hash']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comments').execute();
  await db.schema.alterTable('items').dropColumn('comments_closed').execute();
}
