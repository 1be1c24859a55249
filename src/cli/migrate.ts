import type { Config } from '../config/config.js';
import { openDatabase } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrations/index.js';

/** `nashr migrate`: applies pending migrations and says which. */
export async function migrate(config: Config): Promise<void> {
  const storage = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(storage.db);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
  } finally {
    await storage.close();
  }
}
