import { type Kysely, sql } from 'kysely';
import { emptyText, withId } from './schema-helpers.js';

/** The first schema: people, taxonomy, items, media, menus, settings. */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('media'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('categories'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('parent_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('translation_key', 'text')
    .addUniqueConstraint('categories_edition_slug', ['edition', 'slug'])
    .execute();

  await withId(db, db.schema.createTable('tags'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('translation_key', 'text')
    .addUniqueConstraint('tags_edition_slug', ['edition', 'slug'])
    .execute();

  await withId(db, db.schema.createTable('items'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('source_line', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('featured_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('category_id', 'integer', (c) => c.references('categories.id').onDelete('set null'))
    .addColumn('parent_id', 'integer', (c) => c.references('items.id').onDelete('set null'))
    .addColumn('translation_key', 'text')
    .addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('seo_title', 'text')
    .addColumn('seo_description', 'text')
    .addUniqueConstraint('items_edition_slug', ['edition', 'slug'])
    .execute();
  // Bodies live apart: a row holding a long body spills into overflow pages, and a listing that
  // reads ten cards would walk them all for columns it needs from the row.
  await db.schema
    .createTable('item_bodies')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id').onDelete('cascade'))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_listing').on('items').columns(['edition', 'status', 'type', 'published_at']).execute();
  await db.schema.createIndex('items_category').on('items').columns(['category_id', 'status', 'type', 'published_at']).execute();
  await db.schema.createIndex('items_author').on('items').columns(['author_id', 'status', 'type', 'published_at']).execute();
  await db.schema.createIndex('items_translation').on('items').column('translation_key').execute();

  await db.schema
    .createTable('item_tags')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('item_tags_pk', ['item_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('item_tags_tag').on('item_tags').columns(['tag_id', 'item_id']).execute();

  await withId(db, db.schema.createTable('menu_items'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('menu_items.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('menu_items_edition').on('menu_items').columns(['edition', 'position']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['edition', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['settings', 'menu_items', 'item_tags', 'item_bodies', 'items', 'tags', 'categories', 'media', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
