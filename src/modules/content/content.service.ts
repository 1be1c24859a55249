import type { Db } from '../../storage/database.js';
import * as repo from './content.repository.js';
import type { ItemDetail, ItemSummary, Page } from './content.types.js';
import { readDetails } from './item-types.js';

function toSummary(r: Omit<repo.SummaryRow, 'body_html'> & { body_html: string | null }): ItemSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    excerpt: r.excerpt,
    bodyHtml: r.body_html ?? '',
    publishedAt: r.published_at,
    sourceLine: r.source_line,
    commentCount: Number(r.comment_count),
    categoryId: r.category_id,
    image: r.image_path
      ? { path: r.image_path, alt: r.image_alt ?? '', width: r.image_width, height: r.image_height, variants: JSON.parse(r.image_variants ?? '[]') }
      : null,
    author: r.author_name !== null ? { name: r.author_name, slug: r.author_slug! } : null,
  };
}

/**
 * One page of published items, newest first. Returns null when the page lies past the last one
 * (page 1 of an empty listing is a real, empty page). One row more than a page tells whether an
 * older page exists, so no listing has to count all its items.
 */
export async function listPublished(db: Db, filter: repo.ListingFilter, page: number, perPage: number, withBody = false): Promise<Page<ItemSummary> | null> {
  const rows = await repo.selectSummaries(db, filter, perPage + 1, (page - 1) * perPage, withBody);
  if (rows.length === 0 && page > 1) return null;
  return { items: rows.slice(0, perPage).map(toSummary), page, hasOlder: rows.length > perPage };
}

/**
 * The edition's home page: like listPublished, but pinned items are left out of the dated
 * listing, and page 1 shows them first (newest first, at most a page of them), so no item
 * appears twice and the later pages stay as they are when one is pinned.
 */
export async function listHome(db: Db, filter: repo.ListingFilter, page: number, perPage: number, withBody = false): Promise<Page<ItemSummary> | null> {
  const rest = await listPublished(db, { ...filter, pinned: false }, page, perPage, withBody);
  if (!rest || page > 1) return rest;
  const pinned = await repo.selectSummaries(db, { ...filter, pinned: true }, perPage, 0, withBody);
  return { ...rest, items: [...pinned.map(toSummary), ...rest.items] };
}

/** Published items of an edition by id, in the order of `ids` (search results); ids not published there are left out. */
export async function summariesByIds(db: Db, edition: string, ids: readonly number[]): Promise<(ItemSummary & { type: string })[]> {
  const rows = new Map((await repo.selectSummariesByIds(db, edition, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = rows.get(id);
    return r ? [{ ...toSummary(r), type: r.type }] : [];
  });
}

/** A published item with its tags, or undefined. */
export async function getPublished(db: Db, edition: string, slug: string): Promise<ItemDetail | undefined> {
  // Slugs are stored in NFC; a URL may carry another normalization form of the same letters.
  const row = await repo.selectPublishedBySlug(db, edition, slug.normalize('NFC'));
  return row ? detailOf(db, row) : undefined;
}

/** Any item by id, published or not, with its edition (the newsroom's preview). */
export async function getAnyItem(db: Db, id: number): Promise<(ItemDetail & { edition: string }) | undefined> {
  const row = await repo.selectAnyById(db, id);
  return row ? { ...(await detailOf(db, row)), edition: row.edition } : undefined;
}

async function detailOf(db: Db, row: Omit<repo.SummaryRow, 'body_html'> & { body_html: string | null; type: string; updated_at: string; translation_key: string | null; seo_title: string | null; seo_description: string | null; details: string; parent_id: number | null }): Promise<ItemDetail> {
  const tags = await repo.selectTagsOf(db, row.id);
  return {
    ...toSummary(row),
    type: row.type,
    updatedAt: row.updated_at,
    translationKey: row.translation_key,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    details: readDetails(row.type, row.details),
    parentId: row.parent_id,
    tags,
  };
}

/** The newest `limit` items of a type in a category (or in the whole edition for null). */
export async function latestInCategory(db: Db, edition: string, type: string, categoryId: number | null, limit: number): Promise<ItemSummary[]> {
  const filter = { edition, types: [type], ...(categoryId !== null ? { categoryIds: [categoryId] } : {}) };
  return (await repo.selectSummaries(db, filter, limit, 0)).map(toSummary);
}

/** Related items: the newest others of the item's category, from a list of that category's newest (one more than needed). */
export function relatedFrom(candidates: ItemSummary[], item: ItemSummary, limit = 3): ItemSummary[] {
  return candidates.filter((c) => c.id !== item.id).slice(0, limit);
}

export const recent = repo.selectRecent;

/** Where each edition keeps its translation of an item: edition code → slug. */
export async function translationsOf(db: Db, translationKey: string | null): Promise<Map<string, string>> {
  if (!translationKey) return new Map();
  const rows = await repo.selectTranslations(db, translationKey);
  return new Map(rows.map((r) => [r.edition, r.slug]));
}
