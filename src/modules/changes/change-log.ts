import type { Db } from '../../storage/database.js';
import { preparedQuery } from '../../storage/prepared-query.js';

/**
 * How far a change reaches: 'item' — the pages that show the item; 'list' — also every list it
 * was or is in (it was published, unpublished, moved, redated); 'edition' — every page of the
 * edition (menus, settings, categories, tags), '' or null meaning every edition.
 */
export type ChangeScope = 'item' | 'list' | 'edition';

export interface Change {
  seq: number;
  subject: 'item' | 'media' | 'user' | 'menu' | 'settings' | 'category' | 'tag';
  ref: number | null;
  edition: string | null;
  scope: ChangeScope;
}

/** The newest change's number (0 when none): where a follower that starts now begins. */
export async function latestChange(db: Db): Promise<number> {
  const row = await db.selectFrom('changes').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Changes after `seq`, oldest first, at most `limit`. */
// (compiled once: the page cache asks after every request that may have written something)
const since = preparedQuery(
  (db, a: { seq: number; limit: number }) => db.selectFrom('changes').select(['seq', 'subject', 'ref', 'edition', 'scope']).where('seq', '>', a.seq).orderBy('seq').limit(a.limit),
  ['limit'],
);

export async function changesSince(db: Db, seq: number, limit: number): Promise<Change[]> {
  const rows = await since(db, { seq, limit });
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as Change);
}

/** Forgets changes older than `olderThanSeconds`: every follower has long read them. */
export async function pruneChanges(db: Db, olderThanSeconds: number, now = new Date()): Promise<void> {
  await db.deleteFrom('changes').where('at', '<', Math.floor(now.getTime() / 1000) - olderThanSeconds).execute();
}

/** Edition and translation key of the given items (deleted ones are simply missing). */
export async function itemFacts(db: Db, ids: number[]): Promise<{ id: number; edition: string; translationKey: string | null }[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('items').select(['id', 'edition', 'translation_key']).where('id', 'in', ids).execute();
  return rows.map((r) => ({ id: r.id, edition: r.edition, translationKey: r.translation_key }));
}

/** Published items whose pages show a media file: as featured image, gallery photo, or in their details (video, PDF, cover). */
export async function itemsShowingMedia(db: Db, mediaId: number): Promise<{ id: number; edition: string }[]> {
  const id = String(mediaId);
  return db
    .selectFrom('items')
    .select(['id', 'edition'])
    .where('status', '=', 'published')
    .where((eb) =>
      eb.or([
        eb('featured_media_id', '=', mediaId),
        eb.exists(eb.selectFrom('gallery_photos as g').select('g.item_id').whereRef('g.item_id', '=', 'items.id').where('g.media_id', '=', mediaId)),
        eb('details', 'like', `%:${id},%`),
        eb('details', 'like', `%:${id}}%`),
      ]),
    )
    .execute();
}

/** Published items that show an author's name. */
export async function itemsByAuthor(db: Db, userId: number): Promise<{ id: number; edition: string }[]> {
  return db.selectFrom('items').select(['id', 'edition']).where('status', '=', 'published').where('author_id', '=', userId).execute();
}
