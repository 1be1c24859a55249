import type { Config } from '../config/config.js';
import { prepareStorage } from '../bootstrap.js';
import { isEmpty } from '../modules/demo/seed.js';
import { openDatabase } from '../storage/database.js';

/** `nashr seed`: adds the demo content, only to an empty database. */
export async function seed(config: Config): Promise<void> {
  const storage = openDatabase(config.databaseUrl);
  try {
    const log = (msg: string) => console.log(msg);
    if (!(await isEmpty(storage.db).catch(() => true))) throw new Error('the database already has content; the demo goes only into an empty one');
    await prepareStorage(storage, { ...config, seedDemo: true }, log);
  } finally {
    await storage.close();
  }
}
