import { type Kysely, sql } from 'kysely';
import { emptyText, withId } from './schema-helpers.js';

/** Media and publication types: their own fields as JSON per item, and the ordered photos of galleries. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('details', 'text', (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
  await withId(db, db.schema.createTable('gallery_photos'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('media_id', 'integer', (c) => c.notNull().references('media.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(emptyText))
    .execute();
  await db.schema.createIndex('gallery_photos_item').on('gallery_photos').columns(['item_id', 'position']).execute();
  // Issues of a periodical are its children: listed newest first.
  await db.schema.createIndex('items_parent').on('items').columns(['parent_id', 'status', 'type', 'published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('items_parent').execute();
  await db.schema.dropTable('gallery_photos').execute();
  await db.schema.alterTable('items').dropColumn('details').execute();
}
