import type { Db } from '../../storage/database.js';
import { CategoryTree } from './category-tree.js';

/** The edition's category tree. */
export async function categoryTree(db: Db, edition: string): Promise<CategoryTree> {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'slug', 'name', 'description', 'parent_id', 'translation_key'])
    .where('edition', '=', edition)
    .orderBy('name')
    .execute();
  return new CategoryTree(rows);
}

export function findTag(db: Db, edition: string, slug: string) {
  return db.selectFrom('tags').select(['id', 'slug', 'name', 'translation_key']).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
}

/** Categories sharing a translation key: edition code → the category's slug path there. */
export async function categoryTranslations(db: Db, translationKey: string | null): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (!translationKey) return result;
  const rows = await db.selectFrom('categories').select(['edition', 'id']).where('translation_key', '=', translationKey).execute();
  for (const { edition, id } of rows) {
    const node = (await categoryTree(db, edition)).get(id);
    if (node) result.set(edition, node.path);
  }
  return result;
}

export async function tagTranslations(db: Db, translationKey: string | null): Promise<Map<string, string>> {
  if (!translationKey) return new Map();
  const rows = await db.selectFrom('tags').select(['edition', 'slug']).where('translation_key', '=', translationKey).execute();
  return new Map(rows.map((r) => [r.edition, r.slug]));
}

export function findAuthor(db: Db, slug: string) {
  return db.selectFrom('users').select(['id', 'slug', 'display_name', 'bio']).where('slug', '=', slug).executeTakeFirst();
}
