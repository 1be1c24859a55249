import type { Kysely } from 'kysely';
import { foldForSearch } from '../../lib/search-text.js';
import { emptyText } from './schema-helpers.js';

/** The media library: who uploaded what, under which name and size, with title, credit and search text. */
export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  const media = () => db.schema.alterTable('media');
  await media().addColumn('original_name', 'text', (c) => c.notNull().defaultTo(emptyText)).execute();
  await media().addColumn('size_bytes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await media().addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null')).execute();
  await media().addColumn('title', 'text', (c) => c.notNull().defaultTo(emptyText)).execute();
  await media().addColumn('credit', 'text', (c) => c.notNull().defaultTo(emptyText)).execute();
  await media().addColumn('search_text', 'text', (c) => c.notNull().defaultTo(emptyText)).execute();
  await media().addColumn('updated_at', 'text').execute();
  await db.schema.createIndex('media_listing').on('media').columns(['kind', 'created_at']).execute();
  await db.schema.createIndex('media_created').on('media').column('created_at').execute();

  // Rows from before the library (demo images) become searchable by their alt text and caption.
  const rows = await db.selectFrom('media').select(['id', 'alt', 'caption']).execute();
  for (const r of rows as { id: number; alt: string; caption: string }[]) {
    await db.updateTable('media').set({ search_text: foldForSearch(`${r.alt}\n${r.caption}`) }).where('id', '=', r.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('media_created').execute();
  await db.schema.dropIndex('media_listing').execute();
  for (const column of ['updated_at', 'search_text', 'credit', 'title', 'uploaded_by', 'size_bytes', 'original_name']) {
    await db.schema.alterTable('media').dropColumn(column).execute();
  }
}
