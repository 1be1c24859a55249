import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';

/** Filters for public listings; all optional except the edition. */
export interface ListingFilter {
  edition: string;
  types: string[];
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  /** ISO bounds, from inclusive, to exclusive */
  from?: string;
  to?: string;
  /** plain words matched against title and excerpt */
  text?: string;
}

function listingQuery(db: Db, f: ListingFilter) {
  let q = db
    .selectFrom('items as i')
    .where('i.edition', '=', f.edition)
    .where('i.status', '=', 'published')
    .where('i.type', 'in', f.types);
  if (f.categoryIds) q = q.where('i.category_id', 'in', f.categoryIds.length ? f.categoryIds : [-1]);
  if (f.authorId !== undefined) q = q.where('i.author_id', '=', f.authorId);
  if (f.from) q = q.where('i.published_at', '>=', f.from);
  if (f.to) q = q.where('i.published_at', '<', f.to);
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    q = q.where((eb) => eb.exists(eb.selectFrom('item_tags as it').select('it.item_id').whereRef('it.item_id', '=', 'i.id').where('it.tag_id', '=', tagId)));
  }
  if (f.text) {
    for (const word of f.text.split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${word.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      q = q.where((eb) => eb.or([eb('i.title', 'like', sql<string>`${like} escape '\\'`), eb('i.excerpt', 'like', sql<string>`${like} escape '\\'`)]));
    }
  }
  return q;
}

/** The columns a listing card needs, with the joins that fill them. */
export function selectSummaries(db: Db, f: ListingFilter, limit: number, offset: number) {
  return listingQuery(db, f)
    .leftJoin('media as m', 'm.id', 'i.featured_media_id')
    .leftJoin('categories as c', 'c.id', 'i.category_id')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .select([
      'i.id', 'i.type', 'i.slug', 'i.title', 'i.excerpt', 'i.body_html', 'i.published_at', 'i.updated_at', 'i.source_line', 'i.comment_count', 'i.translation_key',
      'm.path as image_path', 'm.alt as image_alt', 'm.width as image_width', 'm.height as image_height', 'm.variants as image_variants',
      'c.id as category_id', 'c.name as category_name', 'c.slug as category_slug',
      'u.display_name as author_name', 'u.slug as author_slug',
    ])
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

export async function countListing(db: Db, f: ListingFilter): Promise<number> {
  const row = await listingQuery(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One published item by edition and slug, with its card columns. */
export function selectPublishedBySlug(db: Db, edition: string, slug: string) {
  return db
    .selectFrom('items as i')
    .leftJoin('media as m', 'm.id', 'i.featured_media_id')
    .leftJoin('categories as c', 'c.id', 'i.category_id')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .select([
      'i.id', 'i.type', 'i.slug', 'i.title', 'i.excerpt', 'i.body_html', 'i.published_at', 'i.updated_at', 'i.source_line', 'i.comment_count', 'i.translation_key',
      'i.seo_title', 'i.seo_description',
      'm.path as image_path', 'm.alt as image_alt', 'm.width as image_width', 'm.height as image_height', 'm.variants as image_variants',
      'c.id as category_id', 'c.name as category_name', 'c.slug as category_slug',
      'u.display_name as author_name', 'u.slug as author_slug',
    ])
    .where('i.edition', '=', edition)
    .where('i.slug', '=', slug)
    .where('i.status', '=', 'published')
    .executeTakeFirst();
}

export function selectTagsOf(db: Db, itemId: number) {
  return db
    .selectFrom('item_tags as it')
    .innerJoin('tags as t', 't.id', 'it.tag_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('it.item_id', '=', itemId)
    .orderBy('t.name')
    .execute();
}

/** Titles and dates of the newest published items, for the sidebar. */
export function selectRecent(db: Db, edition: string, types: string[], limit: number) {
  return db
    .selectFrom('items')
    .select(['id', 'slug', 'title', 'published_at'])
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .where('type', 'in', types)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Published items sharing a translation key, in every edition. */
export function selectTranslations(db: Db, translationKey: string) {
  return db
    .selectFrom('items')
    .select(['edition', 'slug'])
    .where('translation_key', '=', translationKey)
    .where('status', '=', 'published')
    .execute();
}
