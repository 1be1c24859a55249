import { sql } from 'kysely';
import { sqliteFileOf, type Db } from '../../storage/database.js';
import { checkpointInBackground } from '../../storage/sqlite-checkpointer.js';

/**
 * Runs `fn` with SQLite's checkpoints on a thread of their own (see sqlite-checkpointer.ts):
 * an import's commits then only append to the write-ahead log, and copying the log into the
 * database file (with its fsync, longer as the file grows) happens beside them instead of inside
 * every few commits. Where something already checkpoints in the background (the server does:
 * the writer's own checkpoints are off) or the database is not a SQLite file, `fn` just runs.
 * The writer's own setting is restored afterwards.
 */
export async function withBackgroundCheckpoints<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (!sqliteFileOf(db)) return fn();
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  const pages = Number(rows[0]?.wal_autocheckpoint ?? 0);
  if (!(pages > 0)) return fn();
  const stop = await checkpointInBackground(db);
  try {
    return await fn();
  } finally {
    await stop();
    await sql.raw(`pragma wal_autocheckpoint = ${pages}`).execute(db);
  }
}
