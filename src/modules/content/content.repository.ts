import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, Db } from '../../storage/database.js';
import type { ItemTable } from './item.table.js';
import { preparedQuery } from '../../storage/prepared-query.js';

/** Filters for public listings; all optional except the edition and types. */
export interface ListingFilter {
  edition: string;
  types: string[];
  categoryIds?: number[];
  tagId?: number;
  authorId?: number;
  /** ISO bounds, from inclusive, to exclusive */
  from?: string;
  to?: string;
  /** true: pinned items only; false: pinned items left out (the home page lists them apart) */
  pinned?: boolean;
}

/** The filter as query arguments. (Searching words is modules/search's full-text index.) */
function listingArgs(f: ListingFilter) {
  return {
    edition: f.edition,
    types: f.types,
    categoryIds: f.categoryIds,
    tagId: f.tagId,
    authorId: f.authorId,
    from: f.from,
    to: f.to,
    pinnedOnly: f.pinned === true ? 1 : undefined,
    unpinned: f.pinned === false ? 1 : undefined,
  };
}
type ListingArgs = ReturnType<typeof listingArgs>;

/** Adds the listing's conditions to a query over `items as i`. */
function whereListed<Q extends SelectQueryBuilder<Database & { i: ItemTable }, 'i' | any, any>>(query: Q, a: ListingArgs): Q {
  let q = query.where('i.edition', '=', a.edition).where('i.status', '=', 'published').where('i.type', 'in', a.types) as Q;
  if (a.categoryIds) q = q.where('i.category_id', 'in', a.categoryIds) as Q;
  if (a.authorId !== undefined) q = q.where('i.author_id', '=', a.authorId) as Q;
  if (a.from !== undefined) q = q.where('i.published_at', '>=', a.from) as Q;
  if (a.to !== undefined) q = q.where('i.published_at', '<', a.to) as Q;
  // Written into the SQL, so SQLite may use the partial index items_pinned.
  if (a.pinnedOnly !== undefined) q = q.where('i.pinned', '=', sql.lit(1)) as Q;
  if (a.unpinned !== undefined) q = q.where('i.pinned', '=', sql.lit(0)) as Q;
  if (a.tagId !== undefined) {
    const tagId = a.tagId;
    q = q.where((eb) => eb.exists(eb.selectFrom('item_tags as it').select('it.item_id').whereRef('it.item_id', '=', 'i.id').where('it.tag_id', '=', tagId))) as Q;
  }
  return q;
}

/**
 * The columns a listing card needs, with the joins that fill them — and no more: every value
 * read costs, and a listing reads a dozen rows. Category names come from the in-memory tree.
 */
function withCardColumns(db: Db) {
  return db
    .selectFrom('items as i')
    .leftJoin('media as m', 'm.id', 'i.featured_media_id')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .select([
      'i.id', 'i.slug', 'i.title', 'i.excerpt', 'i.published_at', 'i.source_line', 'i.comment_count', 'i.category_id',
      'm.path as image_path', 'm.alt as image_alt', 'm.width as image_width', 'm.height as image_height', 'm.variants as image_variants',
      'u.display_name as author_name', 'u.slug as author_slug',
    ]);
}

const summaries = preparedQuery((db, a: ListingArgs & { limit: number; offset: number; withBody: number | undefined }) =>
  whereListed(withCardColumns(db), a)
    .select((eb) =>
      a.withBody !== undefined
        ? eb.selectFrom('item_bodies as b').select('b.body_html').whereRef('b.item_id', '=', 'i.id').$castTo<string>().as('body_html')
        : sql<string>`''`.as('body_html'),
    )
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(sql.lit(a.limit))
    .offset(a.offset),
  ['limit'],
);

/** One page of a listing, newest first; bodies only when asked for. */
export function selectSummaries(db: Db, f: ListingFilter, limit: number, offset: number, withBody = false) {
  if (f.categoryIds && f.categoryIds.length === 0) return Promise.resolve([]);
  return summaries(db, { ...listingArgs(f), limit, offset, withBody: withBody ? 1 : undefined });
}

export type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/** Published items of an edition by id, with card columns, body and type, in no particular order (search results). */
// By id alone, edition and status checked here: with them in the WHERE clause SQLite may walk the
// edition's whole listing index instead of looking up ten ids.
const byIds = preparedQuery((db, a: { ids: readonly number[] }) =>
  withCardColumns(db)
    .leftJoin('item_bodies as b', 'b.item_id', 'i.id')
    .select(['b.body_html', 'i.type', 'i.edition', 'i.status'])
    .where('i.id', 'in', [...a.ids]),
);

export async function selectSummariesByIds(db: Db, edition: string, ids: readonly number[]) {
  if (!ids.length) return [];
  return (await byIds(db, { ids })).filter((r) => r.edition === edition && r.status === 'published');
}

const bySlug = preparedQuery((db, a: { edition: string; slug: string }) =>
  withCardColumns(db)
    .leftJoin('item_bodies as b', 'b.item_id', 'i.id')
    .select(['b.body_html', 'i.type', 'i.updated_at', 'i.translation_key', 'i.seo_title', 'i.seo_description', 'i.details', 'i.parent_id'])
    .where('i.edition', '=', a.edition)
    .where('i.slug', '=', a.slug)
    .where('i.status', '=', 'published'),
);

/** Any item by id whatever its status (the newsroom's preview), with its card columns and body. */
export function selectAnyById(db: Db, id: number) {
  return withCardColumns(db)
    .leftJoin('item_bodies as b', 'b.item_id', 'i.id')
    .select(['b.body_html', 'i.type', 'i.updated_at', 'i.translation_key', 'i.seo_title', 'i.seo_description', 'i.details', 'i.parent_id', 'i.edition'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** One published item by edition and slug, with its card columns and body. */
export async function selectPublishedBySlug(db: Db, edition: string, slug: string) {
  const [row] = await bySlug(db, { edition, slug });
  return row;
}

const tagsOf = preparedQuery((db, a: { itemId: number }) =>
  db.selectFrom('item_tags as it').innerJoin('tags as t', 't.id', 'it.tag_id').select(['t.id', 't.slug', 't.name']).where('it.item_id', '=', a.itemId).orderBy('t.name'),
);

export function selectTagsOf(db: Db, itemId: number) {
  return tagsOf(db, { itemId });
}

const recentQuery = preparedQuery((db, a: { edition: string; types: string[]; limit: number }) =>
  db
    .selectFrom('items')
    .select(['id', 'slug', 'title', 'published_at'])
    .where('edition', '=', a.edition)
    .where('status', '=', 'published')
    .where('type', 'in', a.types)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(sql.lit(a.limit)),
  ['limit'],
);

/** Titles and dates of the newest published items, for the sidebar. */
export function selectRecent(db: Db, edition: string, types: string[], limit: number) {
  return recentQuery(db, { edition, types, limit });
}

const translations = preparedQuery((db, a: { key: string }) =>
  db.selectFrom('items').select(['edition', 'slug']).where('translation_key', '=', a.key).where('status', '=', 'published'),
);

/** Published items sharing a translation key, in every edition. */
export function selectTranslations(db: Db, translationKey: string) {
  return translations(db, { key: translationKey });
}
