import { type Kysely } from 'kysely';
import { emptyText, withId } from './schema-helpers.js';

/**
 * What a WordPress import remembers: which nashr row each WordPress object became (so a second
 * run changes nothing and a changed post is updated by its WordPress id), and how far a run got
 * (so a failed import resumes where it stopped).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('import_sources'))
    // the WordPress site (its base blog URL): several exports can go into one nashr site
    .addColumn('wp_site', 'text', (c) => c.notNull())
    // post | page | attachment | comment | category | tag | author | <custom post type>
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('wp_id', 'text', (c) => c.notNull())
    // a WordPress term used in two editions becomes a row in each; '' where no edition applies
    .addColumn('edition', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    // SHA-256 of what was written: the same again is skipped, a different one updates
    .addColumn('content_hash', 'text', (c) => c.notNull().defaultTo(emptyText))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_sources_key').on('import_sources').columns(['wp_site', 'source_kind', 'wp_id', 'edition']).unique().execute();
  await db.schema.createIndex('import_sources_target').on('import_sources').columns(['target_kind', 'target_id']).execute();
  await db.schema
    .createTable('import_checkpoints')
    // the export file, by its site and a digest of its size and first bytes
    .addColumn('file_key', 'text', (c) => c.primaryKey())
    // items of the file done (committed) so far, in file order
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_checkpoints').execute();
  await db.schema.dropTable('import_sources').execute();
}
