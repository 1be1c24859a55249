import type { Db } from '../../storage/database.js';
import * as repo from './sitemap.repository.js';

/** What a sitemap says about one published item, before it is given addresses. */
export interface SitemapItem {
  slug: string;
  type: string;
  lastmod: string;
  /** media paths: the featured image, then a gallery's photos */
  images: string[];
  /** edition code → slug of every published version (this one included); empty without translations */
  versions: Map<string, string>;
}

/** `limit` published items of an edition from `offset` on (by id), each with its images and language versions. */
export async function sitemapItems(db: Db, edition: string, offset: number, limit: number): Promise<SitemapItem[]> {
  if (limit <= 0) return [];
  // Three queries whatever the page's size: its items, their translations and their photos, each joined to the same page.
  const [rows, translations, photoRows] = await Promise.all([
    repo.selectSitemapItems(db, edition, offset, limit),
    repo.selectPageTranslations(db, edition, offset, limit),
    repo.selectPageGalleryImages(db, edition, offset, limit),
  ]);
  const versions = new Map<number, Map<string, string>>();
  for (const t of translations) {
    let group = versions.get(t.item_id);
    if (!group) versions.set(t.item_id, (group = new Map()));
    group.set(t.edition, t.slug);
  }
  const photos = new Map<number, string[]>();
  for (const p of photoRows) {
    const list = photos.get(p.item_id) ?? [];
    list.push(p.path);
    photos.set(p.item_id, list);
  }
  return rows.map((r) => {
    const group = versions.get(r.id);
    const images = [...(r.image_path ? [r.image_path] : []), ...(photos.get(r.id) ?? [])];
    return {
      slug: r.slug,
      type: r.type,
      lastmod: r.lastmod,
      images: [...new Set(images)],
      versions: group && group.size > 1 ? group : new Map(),
    };
  });
}

export const countPublished = repo.countPublished;

/** The newest change in each of an edition's sitemaps (0-based), given how many listing entries come before the items. */
export async function chunkLastmods(db: Db, edition: string, skip: number, size: number): Promise<Map<number, string>> {
  const rows = await repo.selectChunkLastmods(db, edition, skip, size);
  return new Map(rows.flatMap((r) => (r.lastmod ? [[Number(r.chunk), String(r.lastmod)] as const] : [])));
}

/** The newest change of an edition's published items per type and per category (items of `types` only). */
export async function listingChanges(db: Db, edition: string, types: readonly string[]): Promise<{ byType: Map<string, string>; byCategory: Map<number, string> }> {
  const byType = new Map<string, string>();
  const byCategory = new Map<number, string>();
  const later = (a: string | undefined, b: string) => (a && a > b ? a : b);
  for (const r of await repo.selectListingChanges(db, edition)) {
    const lastmod = String(r.lastmod);
    byType.set(r.type, later(byType.get(r.type), lastmod));
    if (r.category_id !== null && types.includes(r.type)) byCategory.set(r.category_id, later(byCategory.get(r.category_id), lastmod));
  }
  return { byType, byCategory };
}

/** Articles of every edition published in the `hours` before `now` (Google News takes at most 1,000 per sitemap). */
export async function recentArticles(db: Db, now: Date, hours = 48, limit = 1000) {
  const from = new Date(now.getTime() - hours * 3_600_000).toISOString();
  return repo.selectNewsArticles(db, from, now.toISOString(), limit);
}
