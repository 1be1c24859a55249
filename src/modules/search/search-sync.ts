import type { Db } from '../../storage/database.js';
import { htmlToText } from './html-text.js';
import { searchIndexFor } from './search-index-factory.js';

/** Item rows with their bodies, by id. */
function loadDocuments(db: Db, ids: readonly number[]) {
  return db
    .selectFrom('items as i')
    .leftJoin('item_bodies as b', 'b.item_id', 'i.id')
    .select(['i.id', 'i.edition', 'i.type', 'i.status', 'i.published_at', 'i.title', 'i.excerpt', 'b.body_html'])
    .where('i.id', 'in', ids)
    .execute();
}

/**
 * Brings the index in step with the items' rows: published ones are (re)indexed, every other
 * status and every deleted id leaves the index. Call it inside the transaction that wrote the
 * items, so the index never disagrees with what was committed.
 */
export async function syncSearchEntries(db: Db, itemIds: readonly number[]): Promise<void> {
  const ids = [...new Set(itemIds)];
  if (!ids.length) return;
  const index = searchIndexFor(db);
  const rows = await loadDocuments(db, ids);
  const published = rows.filter((r) => r.status === 'published');
  const publishedIds = new Set(published.map((r) => r.id));
  await index.remove(db, ids.filter((id) => !publishedIds.has(id)));
  await index.put(db, published.map((r) => ({ itemId: r.id, edition: r.edition, type: r.type, publishedAt: r.published_at, title: r.title, excerpt: r.excerpt, body: htmlToText(r.body_html ?? '') })));
}

/** Forgets items about to be deleted (PostgreSQL's foreign key would too; SQLite's FTS table has none). */
export async function forgetSearchEntries(db: Db, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length) await searchIndexFor(db).remove(db, [...new Set(itemIds)]);
}

/**
 * Rebuilds the whole index from the items table, in batches, each its own transaction, so a
 * reader keeps finding things while it runs (entries are replaced, not emptied first); entries
 * of items no longer published go at the end. `progress(done, total)` after each batch.
 */
export async function rebuildSearchIndex(db: Db, progress: (done: number, total: number) => void = () => {}, batchSize = 500): Promise<number> {
  const { n } = await db.selectFrom('items').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  const total = Number(n);
  progress(0, total);
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = (await db.selectFrom('items').select('id').where('status', '=', 'published').where('id', '>', after).orderBy('id').limit(batchSize).execute()).map((r) => r.id);
    if (!ids.length) break;
    await db.transaction().execute((trx) => syncSearchEntries(trx, ids));
    done += ids.length;
    after = ids[ids.length - 1]!;
    progress(Math.min(done, total), total);
  }
  await searchIndexFor(db).prune(db);
  return done;
}
