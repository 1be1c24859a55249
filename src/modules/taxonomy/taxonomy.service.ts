import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';
import { CategoryTree } from './category-tree.js';

/** The edition's category tree. */
const categoryRows = preparedQuery((db, a: { edition: string }) =>
  db.selectFrom('categories').select(['id', 'slug', 'name', 'description', 'parent_id', 'translation_key']).where('edition', '=', a.edition).orderBy('name'),
);

export async function categoryTree(db: Db, edition: string): Promise<CategoryTree> {
  return new CategoryTree(await categoryRows(db, { edition }));
}

export function findTag(db: Db, edition: string, slug: string) {
  return db.selectFrom('tags').select(['id', 'slug', 'name', 'translation_key']).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
}

const categoryTranslationRows = preparedQuery((db, a: { key: string }) => db.selectFrom('categories').select(['edition', 'id']).where('translation_key', '=', a.key));

/** Categories sharing a translation key: edition code → category id there. */
export async function categoryTranslations(db: Db, translationKey: string | null): Promise<Map<string, number>> {
  if (!translationKey) return new Map();
  const rows = await categoryTranslationRows(db, { key: translationKey });
  return new Map(rows.map((r) => [r.edition, r.id]));
}

export async function tagTranslations(db: Db, translationKey: string | null): Promise<Map<string, string>> {
  if (!translationKey) return new Map();
  const rows = await db.selectFrom('tags').select(['edition', 'slug']).where('translation_key', '=', translationKey).execute();
  return new Map(rows.map((r) => [r.edition, r.slug]));
}

export function findAuthor(db: Db, slug: string) {
  return db.selectFrom('users').select(['id', 'slug', 'display_name', 'bio']).where('slug', '=', slug).executeTakeFirst();
}

/** The edition's tags by name. */
export function listTags(db: Db, edition: string) {
  return db.selectFrom('tags').select(['id', 'slug', 'name']).where('edition', '=', edition).orderBy('name').execute();
}
