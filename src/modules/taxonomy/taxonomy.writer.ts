import type { Db } from '../../storage/database.js';

export async function createCategory(db: Db, c: { edition: string; slug: string; name: string; description?: string; parentId?: number | null; translationKey?: string | null }): Promise<number> {
  const row = await db
    .insertInto('categories')
    .values({ edition: c.edition, slug: c.slug.normalize('NFC'), name: c.name, description: c.description ?? '', parent_id: c.parentId ?? null, translation_key: c.translationKey ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createTag(db: Db, t: { edition: string; slug: string; name: string; translationKey?: string | null }): Promise<number> {
  const row = await db
    .insertInto('tags')
    .values({ edition: t.edition, slug: t.slug.normalize('NFC'), name: t.name, translation_key: t.translationKey ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
