import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';

/** The two orders a listing of items can walk in; each is a keyset on (column, id). */
export type ItemSort = 'published' | 'updated';

/** Which published items a page of the read API holds. */
export interface ItemQuery {
  editions?: string[];
  types?: string[];
  categoryIds?: number[];
  tagIds?: number[];
  /** ISO 8601 UTC, inclusive */
  updatedSince?: string;
  sort: ItemSort;
  /** the last item of the previous page */
  after?: { key: string; id: number };
  limit: number;
}

const ITEM_COLUMNS = [
  'i.id', 'i.type', 'i.edition', 'i.slug', 'i.title', 'i.excerpt', 'i.published_at', 'i.updated_at', 'i.source_line', 'i.comment_count',
  'i.category_id', 'i.featured_media_id', 'i.parent_id', 'i.translation_key', 'i.seo_title', 'i.seo_description', 'i.details', 'i.pinned',
  'u.display_name as author_name', 'u.slug as author_slug',
] as const;

function itemColumns(db: Db) {
  return db.selectFrom('items as i').leftJoin('users as u', 'u.id', 'i.author_id').select(ITEM_COLUMNS).where('i.status', '=', 'published');
}

type PageArgs = {
  editions?: string[];
  types?: string[];
  categoryIds?: number[];
  tagIds?: number[];
  updatedSince?: string;
  afterKey?: string;
  afterId?: number;
  limit: number;
};

function filtered(db: Db, a: PageArgs) {
  let query = itemColumns(db);
  if (a.editions) query = query.where('i.edition', 'in', a.editions);
  if (a.types) query = query.where('i.type', 'in', a.types);
  if (a.categoryIds) query = query.where('i.category_id', 'in', a.categoryIds);
  if (a.updatedSince !== undefined) query = query.where('i.updated_at', '>=', a.updatedSince);
  if (a.tagIds) {
    const tagIds = a.tagIds;
    query = query.where((eb) => eb.exists(eb.selectFrom('item_tags as it').select('it.item_id').whereRef('it.item_id', '=', 'i.id').where('it.tag_id', 'in', tagIds)));
  }
  return query;
}

// One prepared query per order; each is compiled once per shape of filters.
const newestFirst = preparedQuery((db, a: PageArgs) => {
  let q = filtered(db, a);
  if (a.afterKey !== undefined && a.afterId !== undefined) {
    const [key, id] = [a.afterKey, a.afterId];
    q = q.where((eb) => eb.or([eb('i.published_at', '<', key), eb.and([eb('i.published_at', '=', key), eb('i.id', '<', id)])]));
  }
  return q.orderBy('i.published_at', 'desc').orderBy('i.id', 'desc').limit(sql.lit(a.limit));
}, ['limit']);

const oldestChangeFirst = preparedQuery((db, a: PageArgs) => {
  let q = filtered(db, a);
  if (a.afterKey !== undefined && a.afterId !== undefined) {
    const [key, id] = [a.afterKey, a.afterId];
    q = q.where((eb) => eb.or([eb('i.updated_at', '>', key), eb.and([eb('i.updated_at', '=', key), eb('i.id', '>', id)])]));
  }
  return q.orderBy('i.updated_at', 'asc').orderBy('i.id', 'asc').limit(sql.lit(a.limit));
}, ['limit']);

/**
 * A page of published items in a stable order: newest published first (`published`), or oldest
 * change first (`updated`, for keeping a copy in step). Ties on the date are broken by id, so
 * a walk by cursor meets every item exactly once.
 */
export function selectItemPage(db: Db, q: ItemQuery) {
  if ((q.categoryIds && q.categoryIds.length === 0) || (q.tagIds && q.tagIds.length === 0)) return Promise.resolve([]);
  const args: PageArgs = {
    editions: q.editions, types: q.types, categoryIds: q.categoryIds, tagIds: q.tagIds, updatedSince: q.updatedSince,
    afterKey: q.after?.key, afterId: q.after?.id, limit: q.limit,
  };
  return (q.sort === 'published' ? newestFirst : oldestChangeFirst)(db, args);
}

export type ItemRow = Awaited<ReturnType<typeof selectItemPage>>[number];

/** One published item by id. */
export function selectItemById(db: Db, id: number) {
  return itemColumns(db).where('i.id', '=', id).executeTakeFirst();
}

// The queries that fill a page of items run on every request: each is compiled once per
// length of its id list (at most 101 shapes), then only run.
const bodies = preparedQuery((db, a: { ids: number[] }) => db.selectFrom('item_bodies').select(['item_id', 'body_html']).where('item_id', 'in', a.ids));
const tagsOfItems = preparedQuery((db, a: { ids: number[] }) =>
  db.selectFrom('item_tags as it').innerJoin('tags as t', 't.id', 'it.tag_id').select(['it.item_id', 't.id', 't.slug', 't.name']).where('it.item_id', 'in', a.ids).orderBy('t.name').orderBy('t.id'),
);
const translationsOf = preparedQuery((db, a: { keys: string[] }) =>
  db.selectFrom('items').select(['id', 'edition', 'translation_key']).where('translation_key', 'in', a.keys).where('status', '=', 'published').orderBy('edition').orderBy('id'),
);
const publishedIds = preparedQuery((db, a: { ids: number[] }) => db.selectFrom('items').select('id').where('id', 'in', a.ids).where('status', '=', 'published'));
const media = preparedQuery((db, a: { ids: number[] }) =>
  db.selectFrom('media').select(['id', 'kind', 'mime', 'path', 'width', 'height', 'alt', 'caption', 'title', 'credit', 'variants', 'size_bytes', 'original_name', 'preview_media_id']).where('id', 'in', a.ids),
);
const galleryPhotos = preparedQuery((db, a: { ids: number[] }) =>
  db.selectFrom('gallery_photos').select(['item_id', 'media_id', 'caption', 'credit']).where('item_id', 'in', a.ids).orderBy('item_id').orderBy('position').orderBy('id'),
);
const categories = preparedQuery((db, a: { editions?: string[] }) => {
  let q = db.selectFrom('categories').select(['id', 'edition', 'slug', 'name', 'description', 'parent_id', 'translation_key']);
  if (a.editions) q = q.where('edition', 'in', a.editions);
  return q.orderBy('id');
});

export function selectBodies(db: Db, ids: number[]) {
  return ids.length ? bodies(db, { ids }) : Promise.resolve([]);
}

export function selectTagsOfItems(db: Db, ids: number[]) {
  return ids.length ? tagsOfItems(db, { ids }) : Promise.resolve([]);
}

/** Published items sharing any of the translation keys. */
export function selectTranslationsOf(db: Db, keys: string[]) {
  return keys.length ? translationsOf(db, { keys }) : Promise.resolve([]);
}

/** Which of some items are published. */
export function selectPublishedIds(db: Db, ids: number[]) {
  return ids.length ? publishedIds(db, { ids }) : Promise.resolve([]);
}

export function selectMedia(db: Db, ids: number[]) {
  return ids.length ? media(db, { ids }) : Promise.resolve([]);
}

export function selectGalleryPhotosOf(db: Db, itemIds: number[]) {
  return itemIds.length ? galleryPhotos(db, { ids: itemIds }) : Promise.resolve([]);
}

/** Categories, of some editions or all, in id order. */
export function selectCategories(db: Db, editions?: string[]) {
  return categories(db, { editions });
}

/** A page of tags in id order, after an id. */
export function selectTagPage(db: Db, q: { editions?: string[]; afterId?: number; limit: number }) {
  let query = db.selectFrom('tags').select(['id', 'edition', 'slug', 'name', 'translation_key']);
  if (q.editions) query = query.where('edition', 'in', q.editions);
  if (q.afterId !== undefined) query = query.where('id', '>', q.afterId);
  return query.orderBy('id').limit(sql.lit(q.limit)).execute();
}

/** Tags named by id or slug (a slug may name one tag in each edition). */
export function selectTagsByIdOrSlug(db: Db, ref: { id?: number; slug?: string }, editions?: string[]) {
  let q = db.selectFrom('tags').select(['id']);
  q = ref.id !== undefined ? q.where('id', '=', ref.id) : q.where('slug', '=', ref.slug!);
  if (editions) q = q.where('edition', 'in', editions);
  return q.execute();
}

/** Tags sharing translation keys, for the tags' translations. */
export function selectTagTranslations(db: Db, keys: string[]) {
  if (!keys.length) return Promise.resolve([]);
  return db.selectFrom('tags').select(['id', 'edition', 'translation_key']).where('translation_key', 'in', keys).orderBy('edition').execute();
}
