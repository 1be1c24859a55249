import { type Kysely } from 'kysely';

/** A video's poster frame or a PDF's first page, made at upload, is an image of the library linked to its file. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').addColumn('preview_media_id', 'integer', (c) => c.references('media.id').onDelete('set null')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('media').dropColumn('preview_media_id').execute();
}
