import type { Config } from '../config/config.js';
import { createApp } from '../app.js';
import { prepareStorage } from '../bootstrap.js';
import { openDatabase } from '../storage/database.js';

/** `nashr serve`: migrate, seed an empty database with the demo, listen; close cleanly on SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const storage = openDatabase(config.databaseUrl);
  await prepareStorage(storage, config, (msg) => console.log(msg));
  const app = await createApp(config, { storage });
  app.addHook('onClose', () => storage.close());
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(`nashr is serving ${config.editions.length} editions at http://${host}:${config.port}/`);
}
