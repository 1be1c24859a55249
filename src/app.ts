import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { openDatabase, type Storage } from './storage/database.js';
import { EditionRegistry } from './modules/editions/index.js';
import { registerSecurityHeaders } from './http/plugins/security-headers.js';
import { registerStaticFiles } from './http/plugins/static-files.js';
import { frameworkErrorHandler, registerErrorHandling, type ContextForPath } from './http/errors.js';
import { EditionSite, editionSite, SiteDataCache, type SiteContext, type SiteEditions } from './http/site/index.js';

export interface AppOptions {
  /** an already open database (tests, CLI); otherwise the config's URL is opened and closed with the app */
  storage?: Storage;
}

/** Builds the whole application without listening: storage, plugins, one site scope per edition. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const storage = options.storage ?? openDatabase(config.databaseUrl);
  let contextFor: ContextForPath | undefined;
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: frameworkErrorHandler(() => contextFor),
  });
  if (!options.storage) app.addHook('onClose', () => storage.close());

  registerSecurityHeaders(app);
  const assets = await registerStaticFiles(app, join(config.dataDir, 'media'));

  const registry = new EditionRegistry(config.editions);
  const sites = config.editions.map((e) => new EditionSite(e, config.baseUrl));
  const editions: SiteEditions = { sites, byCode: new Map(sites.map((s) => [s.edition.code, s])) };
  const data = new SiteDataCache(storage.db, config.siteDataTtlMs);
  const contexts = new Map<string, SiteContext>(sites.map((site) => [site.edition.code, { db: storage.db, site, editions, assets, data }]));
  contextFor = (path) => contexts.get(registry.fromPath(path).code)!;

  // Before the routes: child scopes take the error handler their parent has when they register.
  registerErrorHandling(app, contextFor);
  for (const site of sites) {
    await app.register(editionSite, { prefix: site.edition.prefix, ctx: contexts.get(site.edition.code)! });
  }
  return app;
}
