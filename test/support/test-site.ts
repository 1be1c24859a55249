import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse, type HTMLElement } from 'node-html-parser';
import { createApp, type AppOptions } from '../../src/app.js';
import { prepareStorage } from '../../src/bootstrap.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { DialectName, Storage } from '../../src/storage/database.js';
import { freshStorage } from './dialects.js';

/** Generated demo images are the same in every test: render them once into a shared folder. */
const SHARED_DATA_DIR = join(tmpdir(), 'nashr-test-data');

export interface TestSite {
  app: FastifyInstance;
  storage: Storage;
  config: Config;
  close(): Promise<void>;
}

/** The whole app on a fresh database of the dialect, migrated and (unless told otherwise) filled with the demo. */
export async function openTestSite(dialect: DialectName, options: { seed?: boolean; config?: Partial<Config>; app?: Omit<AppOptions, 'storage'> } = {}): Promise<TestSite> {
  const fresh = await freshStorage(dialect);
  const config = loadConfig(
    { NODE_ENV: 'test', NASHR_DATA_DIR: SHARED_DATA_DIR, NASHR_BASE_URL: 'https://news.example', NASHR_SEED_DEMO: options.seed === false ? 'false' : 'true' },
    // The page cache is off unless a test asks for it: most tests change data directly and look again at once.
    { databaseUrl: fresh.url, pageCacheBytes: 0, ...options.config },
  );
  let app: FastifyInstance;
  try {
    await prepareStorage(fresh.storage, config);
    app = await createApp(config, { ...options.app, storage: fresh.storage });
  } catch (err) {
    await fresh.dispose();
    throw err;
  }
  return {
    app,
    storage: fresh.storage,
    config,
    async close() {
      await app.close();
      await fresh.dispose();
    },
  };
}

/** GETs a path and parses the HTML answer. */
export async function getPage(app: FastifyInstance, url: string): Promise<{ status: number; body: string; doc: HTMLElement; headers: Record<string, unknown> }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.body, doc: parse(res.body), headers: res.headers };
}
