import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { containsPattern } from '../../lib/search-text.js';
import type { Db } from '../../storage/database.js';
import type { MediaTable } from './media.table.js';

export type MediaRow = Selectable<MediaTable>;

/** Inserts a media row; returns its id. */
export async function insertMedia(db: Db, values: Insertable<MediaTable>): Promise<number> {
  const row = await db.insertInto('media').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function selectMediaById(db: Db, id: number): Promise<MediaRow | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MediaQuery {
  kind?: string;
  /** already folded for search */
  search?: string;
  limit: number;
  offset: number;
}

/** A page of media rows, newest first (ties by id, so pages never overlap). */
export async function selectMediaPage(db: Db, q: MediaQuery): Promise<MediaRow[]> {
  let query = db.selectFrom('media').selectAll();
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.search) query = query.where(sql<boolean>`search_text like ${containsPattern(q.search)} escape '!'`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
}

export async function updateMediaRow(db: Db, id: number, values: Updateable<MediaTable>): Promise<boolean> {
  const result = await db.updateTable('media').set(values).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a media row, first unsetting it as any item's featured image (whatever the foreign-key settings). */
export async function deleteMediaRow(db: Db, id: number): Promise<void> {
  await db.updateTable('items').set({ featured_media_id: null }).where('featured_media_id', '=', id).execute();
  await db.deleteFrom('media').where('id', '=', id).execute();
}

/** How many other rows point at the same main file (demo images share their rendered files). */
export async function countOtherMediaWithPath(db: Db, path: string, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('path', '=', path)
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UsageRow {
  id: number;
  title: string;
  edition: string;
  type: string;
}

/** Items that show the media item as their featured image. */
export async function selectFeaturedUsers(db: Db, mediaId: number): Promise<UsageRow[]> {
  return db
    .selectFrom('items')
    .select(['id', 'title', 'edition', 'type'])
    .where('featured_media_id', '=', mediaId)
    .orderBy('id')
    .execute();
}

/** Items whose body mentions any of `paths` (an `<img>`, a `srcset`, a link). */
export async function selectBodyUsers(db: Db, paths: readonly string[]): Promise<UsageRow[]> {
  if (!paths.length) return [];
  return db
    .selectFrom('items as i')
    .innerJoin('item_bodies as b', 'b.item_id', 'i.id')
    .select(['i.id', 'i.title', 'i.edition', 'i.type'])
    .where((eb) => eb.or(paths.map((p) => sql<boolean>`${eb.ref('b.body_html')} like ${containsPattern(p)} escape '!'`)))
    .orderBy('i.id')
    .execute();
}
