// The real app for the comment benchmark: a fresh SQLite site with the demo content, listening on a
// free port (sent to the parent), with the comment rate limits lifted so the load is not refused,
// and X-Forwarded-For believed from 127.0.0.1, as behind nginx, so each connection is a reader.
import { createApp } from '../src/app.js';
import { prepareStorage } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/storage/database.js';

const dir = process.argv[2]!;
const config = loadConfig({ NODE_ENV: 'production', NASHR_DATA_DIR: dir, LOG_LEVEL: 'warn', NASHR_SEED_DEMO: 'true', NASHR_BASE_URL: 'http://127.0.0.1', NASHR_TRUST_PROXY: '127.0.0.1' });
const storage = openDatabase(config.databaseUrl);
await prepareStorage(storage, config);
const unlimited = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
const app = await createApp(config, { storage, commentLimits: { perIp: unlimited, perItem: unlimited } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ address });
process.on('SIGTERM', () => void app.close().then(() => storage.close()).then(() => process.exit(0)));
