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

/** IN lists stay well under both databases' limits on bound values. */
const IN_LIST = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** `limit` published items of an edition from `offset` on (by id), each with its images and language versions. */
export async function sitemapItems(db: Db, edition: string, offset: number, limit: number): Promise<SitemapItem[]> {
  if (limit <= 0) return [];
  const rows = await repo.selectSitemapItems(db, edition, offset, limit);
  const keys = [...new Set(rows.flatMap((r) => (r.translation_key ? [r.translation_key] : [])))];
  const versions = new Map<string, Map<string, string>>();
  for (const part of chunks(keys, IN_LIST)) {
    for (const t of await repo.selectTranslationsOf(db, part)) {
      let group = versions.get(t.translation_key!);
      if (!group) versions.set(t.translation_key!, (group = new Map()));
      group.set(t.edition, t.slug);
    }
  }
  const photos = new Map<number, string[]>();
  const galleries = rows.filter((r) => r.type === 'gallery').map((r) => r.id);
  for (const part of chunks(galleries, IN_LIST)) {
    for (const p of await repo.selectGalleryImages(db, part)) {
      const list = photos.get(p.item_id) ?? [];
      list.push(p.path);
      photos.set(p.item_id, list);
    }
  }
  return rows.map((r) => {
    const group = r.translation_key ? versions.get(r.translation_key) : undefined;
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
