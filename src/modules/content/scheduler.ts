import type { Db } from '../../storage/database.js';

/**
 * Publishes every scheduled item whose time has come. The schedule is the items table itself,
 * so nothing is lost across restarts: the first run after a start catches up.
 */
export async function publishDue(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('items')
    .set({ status: 'published', updated_at: now.toISOString() })
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
