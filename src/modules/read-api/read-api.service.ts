import type { Db } from '../../storage/database.js';
import { CategoryTree } from '../taxonomy/index.js';
import { completeItems } from './read-items.js';
import * as repo from './read-api.repository.js';
import type { ItemParts, ReadCategory, ReadItem, ReadTag } from './read-api.types.js';

/** A page of a listing and where the next one starts (null: this was the last). */
export interface ReadPage<T, P> {
  items: T[];
  next: P | null;
}

/** A page of published items; one row more than asked tells whether another page follows. */
export async function listItems(db: Db, q: repo.ItemQuery, parts: ItemParts): Promise<ReadPage<ReadItem, { key: string; id: number }>> {
  const rows = await repo.selectItemPage(db, { ...q, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const next = rows.length > q.limit && last ? { key: q.sort === 'published' ? last.published_at : last.updated_at, id: last.id } : null;
  return { items: await completeItems(db, page, parts), next };
}

/** One published item, or undefined. */
export async function getItem(db: Db, id: number, parts: ItemParts): Promise<ReadItem | undefined> {
  const row = await repo.selectItemById(db, id);
  return row ? (await completeItems(db, [row], parts))[0] : undefined;
}

/**
 * The categories a filter names (by id, or by slug in any of the editions) with all their
 * sub-categories, as the site's category pages list them. Empty when none matches.
 */
export async function categoryIdsFor(db: Db, ref: { id?: number; slug?: string }, editions?: string[]): Promise<number[]> {
  const rows = await repo.selectCategories(db, editions);
  const tree = new CategoryTree(rows);
  const roots = rows.filter((r) => (ref.id !== undefined ? r.id === ref.id : r.slug === ref.slug));
  const out = new Set<number>();
  for (const root of roots) for (const r of rows) if (tree.ancestry(tree.get(r.id)!).some((a) => a.id === root.id)) out.add(r.id);
  return [...out];
}

/** The tags a filter names (by id, or by slug in any of the editions). */
export async function tagIdsFor(db: Db, ref: { id?: number; slug?: string }, editions?: string[]): Promise<number[]> {
  return (await repo.selectTagsByIdOrSlug(db, ref, editions)).map((r) => r.id);
}

/** Categories in id order, with their paths and translations. There are few: one query reads them all, the page is cut in memory. */
export async function listCategories(db: Db, q: { editions?: string[]; afterId?: number; limit: number }): Promise<ReadPage<ReadCategory, number>> {
  const all = await repo.selectCategories(db);
  const tree = new CategoryTree(all);
  const byKey = new Map<string, { id: number; edition: string }[]>();
  for (const r of all) if (r.translation_key) byKey.set(r.translation_key, [...(byKey.get(r.translation_key) ?? []), { id: r.id, edition: r.edition }]);
  const editions = q.editions && new Set(q.editions);
  const rest = all.filter((r) => (!editions || editions.has(r.edition)) && (q.afterId === undefined || r.id > q.afterId));
  const page = rest.slice(0, q.limit);
  const items = page.map((r) => ({
    id: r.id, edition: r.edition, slug: r.slug, name: r.name, description: r.description, parentId: r.parent_id, path: tree.get(r.id)!.path,
    translations: r.translation_key ? byKey.get(r.translation_key)!.filter((t) => t.id !== r.id) : [],
  }));
  return { items, next: rest.length > q.limit ? page.at(-1)!.id : null };
}

/** Tags in id order, with their translations. */
export async function listTags(db: Db, q: { editions?: string[]; afterId?: number; limit: number }): Promise<ReadPage<ReadTag, number>> {
  const rows = await repo.selectTagPage(db, { ...q, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const keys = [...new Set(page.map((r) => r.translation_key).filter((k): k is string => !!k))];
  const byKey = new Map<string, { id: number; edition: string }[]>();
  for (const t of await repo.selectTagTranslations(db, keys)) byKey.set(t.translation_key!, [...(byKey.get(t.translation_key!) ?? []), { id: t.id, edition: t.edition }]);
  const items = page.map((r) => ({
    id: r.id, edition: r.edition, slug: r.slug, name: r.name,
    translations: r.translation_key ? (byKey.get(r.translation_key) ?? []).filter((t) => t.id !== r.id) : [],
  }));
  return { items, next: rows.length > q.limit ? page.at(-1)!.id : null };
}
