import type { Db } from '../../storage/database.js';
import { syncSearchEntries } from '../search/search-sync.js';

/**
 * Publishes every scheduled item whose time has come. The schedule is the items table itself,
 * so nothing is lost across restarts: the first run after a start catches up. The items enter
 * the search index in the same transaction.
 */
export async function publishDue(db: Db, now: Date): Promise<number> {
  const stamp = now.toISOString();
  const dueIn = (q: Db) => q.selectFrom('items').select('id').where('status', '=', 'scheduled').where('published_at', '<=', stamp).execute();
  // Most runs find nothing due: check before opening a transaction.
  if (!(await dueIn(db)).length) return 0;
  return db.transaction().execute(async (trx) => {
    const due = (await dueIn(trx)).map((r) => r.id);
    if (!due.length) return 0;
    await trx.updateTable('items').set({ status: 'published', updated_at: stamp }).where('id', 'in', due).execute();
    await syncSearchEntries(trx, due);
    return due.length;
  });
}
