import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';

/** An item's last change as a sitemap gives it: edited, or published (a scheduled item goes live after its last edit). */
const lastChange = sql<string>`case when i.updated_at > i.published_at then i.updated_at else i.published_at end`;

/** Published items of an edition in a stable order (by id), one sitemap's share of them, with their featured image. */
export function selectSitemapItems(db: Db, edition: string, offset: number, limit: number) {
  return db
    .selectFrom('items as i')
    .leftJoin('media as m', (j) => j.onRef('m.id', '=', 'i.featured_media_id').on('m.kind', '=', 'image'))
    .select(['i.id', 'i.slug', 'i.type', 'm.path as image_path'])
    .select(lastChange.as('lastmod'))
    .where('i.edition', '=', edition)
    .where('i.status', '=', 'published')
    .orderBy('i.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many published items an edition has. */
export async function countPublished(db: Db, edition: string): Promise<number> {
  const row = await db.selectFrom('items').select((eb) => eb.fn.countAll<string | number>().as('n')).where('edition', '=', edition).where('status', '=', 'published').executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * The newest change among the items of each of an edition's sitemaps: items are numbered by id
 * after `skip` listing entries, and every `size` entries make one sitemap (0-based chunk numbers).
 */
export function selectChunkLastmods(db: Db, edition: string, skip: number, size: number) {
  const numbered = db
    .selectFrom('items as i')
    .select(lastChange.as('lastmod'))
    .select(sql<number>`row_number() over (order by i.id)`.as('rn'))
    .where('i.edition', '=', edition)
    .where('i.status', '=', 'published')
    .as('n');
  return db
    .selectFrom(numbered)
    .select(sql<number>`(n.rn - 1 + ${sql.lit(skip)}) / ${sql.lit(size)}`.as('chunk'))
    .select((eb) => eb.fn.max('n.lastmod').as('lastmod'))
    .groupBy(sql`(n.rn - 1 + ${sql.lit(skip)}) / ${sql.lit(size)}`)
    .execute();
}

/** The newest change per type and category of an edition's published items (for the listings' lastmod). */
export function selectListingChanges(db: Db, edition: string) {
  return db
    .selectFrom('items as i')
    .select(['i.type', 'i.category_id'])
    .select((eb) => eb.fn.max(lastChange).as('lastmod'))
    .where('i.edition', '=', edition)
    .where('i.status', '=', 'published')
    .groupBy(['i.type', 'i.category_id'])
    .execute();
}

/** The ids of one sitemap's share of an edition's published items (by id), for joining. */
function pageOf(db: Db, edition: string, offset: number, limit: number) {
  return db.selectFrom('items').select(['id', 'translation_key']).where('edition', '=', edition).where('status', '=', 'published').orderBy('id').limit(limit).offset(offset).as('p');
}

/** Every published version (edition, slug) of the items of one page that have translations. */
export function selectPageTranslations(db: Db, edition: string, offset: number, limit: number) {
  return db
    .selectFrom(pageOf(db, edition, offset, limit))
    .innerJoin('items as t', 't.translation_key', 'p.translation_key')
    .select(['p.id as item_id', 't.edition', 't.slug'])
    .where('t.status', '=', 'published')
    .execute();
}

/** The photos of the galleries of one page, in each gallery's order: item id, image path. */
export function selectPageGalleryImages(db: Db, edition: string, offset: number, limit: number) {
  return db
    .selectFrom(pageOf(db, edition, offset, limit))
    .innerJoin('gallery_photos as g', 'g.item_id', 'p.id')
    .innerJoin('media as m', 'm.id', 'g.media_id')
    .select(['g.item_id', 'm.path'])
    .where('m.kind', '=', 'image')
    .orderBy('g.item_id')
    .orderBy('g.position')
    .execute();
}

/** Articles of any edition published in [from, to], newest first, at most `limit`. */
export function selectNewsArticles(db: Db, from: string, to: string, limit: number) {
  return db
    .selectFrom('items')
    .select(['edition', 'slug', 'title', 'published_at'])
    .where('type', '=', 'article')
    .where('status', '=', 'published')
    .where('published_at', '>=', from)
    .where('published_at', '<=', to)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
