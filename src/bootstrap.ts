import { join } from 'node:path';
import type { Config } from './config/config.js';
import type { Storage } from './storage/database.js';
import { migrateToLatest } from './storage/migrations/index.js';
import { isEmpty, seedDemo } from './modules/demo/seed.js';
import { createTranslator } from './i18n/translator.js';
import { ensureAdministrator } from './modules/accounts/index.js';

/** Migrates the database and, on first start, fills it with the demo content. */
export async function prepareStorage(storage: Storage, config: Config, log: (msg: string) => void = () => {}): Promise<void> {
  const applied = await migrateToLatest(storage.db);
  if (applied.length) log(`database migrated: ${applied.join(', ')}`);
  if (config.seedDemo && (await isEmpty(storage.db))) {
    log('empty database: adding the demo content for every edition…');
    const { items } = await seedDemo(storage.db, config.editions, {
      mediaDir: join(config.dataDir, 'media'),
      referencesLabel: (e) => createTranslator(e.uiLocale, e.locale, String)('references'),
    });
    log(`demo content added: ${items} items`);
  }
  const admin = await ensureAdministrator(storage.db);
  if (admin) {
    log(`newsroom sign-in, shown only this once: ${config.baseUrl}/admin  email ${admin.email}  password ${admin.password}`);
    log('change the password under Account after signing in');
  }
}
