import { sql } from 'kysely';
import type { Db } from '../../storage/database.js';

/** Which published items a feed carries: one edition, some types, optionally a category subtree or a periodical's issues. */
export interface FeedFilter {
  edition: string;
  types: readonly string[];
  categoryIds?: readonly number[];
  /** the periodical whose issues these are */
  parentId?: number;
}

/** One page of a feed's items, newest first (one row more than asked tells whether an older page exists). */
export function selectFeedItems(db: Db, f: FeedFilter, limit: number, offset: number, withBody: boolean) {
  let q = db
    .selectFrom('items as i')
    .leftJoin('media as m', 'm.id', 'i.featured_media_id')
    .leftJoin('users as u', 'u.id', 'i.author_id')
    .select([
      'i.id', 'i.type', 'i.slug', 'i.title', 'i.excerpt', 'i.published_at', 'i.updated_at', 'i.created_at', 'i.details', 'i.category_id', 'i.source_line',
      'm.path as image_path', 'm.alt as image_alt', 'm.width as image_width', 'm.height as image_height', 'm.variants as image_variants',
      'u.display_name as author_name', 'u.slug as author_slug',
    ])
    .select((eb) =>
      withBody
        ? eb.selectFrom('item_bodies as b').select('b.body_html').whereRef('b.item_id', '=', 'i.id').$castTo<string | null>().as('body_html')
        : sql<string | null>`null`.as('body_html'),
    )
    .where('i.edition', '=', f.edition)
    .where('i.status', '=', 'published')
    .where('i.type', 'in', [...f.types]);
  if (f.categoryIds) q = q.where('i.category_id', 'in', [...f.categoryIds]);
  if (f.parentId !== undefined) q = q.where('i.parent_id', '=', f.parentId);
  return q.orderBy('i.published_at', 'desc').orderBy('i.id', 'desc').limit(limit).offset(offset).execute();
}

export type FeedItemRow = Awaited<ReturnType<typeof selectFeedItems>>[number];

/** The tags of some items. */
export function selectTagsOfItems(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('item_tags as it')
    .innerJoin('tags as t', 't.id', 'it.tag_id')
    .select(['it.item_id', 't.slug', 't.name'])
    .where('it.item_id', 'in', [...ids])
    .orderBy('t.name')
    .execute();
}

/** A published periodical of an edition by slug. */
export function selectPeriodical(db: Db, edition: string, slug: string) {
  return db
    .selectFrom('items')
    .select(['id', 'slug', 'title', 'excerpt'])
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .where('type', '=', 'periodical')
    .where('status', '=', 'published')
    .executeTakeFirst();
}
