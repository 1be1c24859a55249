import { createServer } from 'node:http';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/config.js';
import { systemClock, type Clock } from './lib/clock.js';
import { openDatabase, type Storage } from './storage/database.js';
import { checkpointInBackground } from './storage/sqlite-checkpointer.js';
import { EditionRegistry } from './modules/editions/index.js';
import { SignInLimiter } from './modules/accounts/index.js';
import { getAnyItem, publishDue } from './modules/content/index.js';
import { MailSender } from './modules/mail/index.js';
import { registerSecurityHeaders } from './http/plugins/security-headers.js';
import { registerStaticFiles } from './http/plugins/static-files.js';
import { registerCompression } from './http/plugins/compression.js';
import { ChangeFollower, frontDoor, PageCache, registerHttpCaching, type CachedAnswers } from './http/page-cache/index.js';
import { mediaFiles } from './http/plugins/media-files.js';
import { frameworkErrorHandler, registerErrorHandling, type ContextForPath } from './http/errors.js';
import { commentMailer, EditionSite, editionSite, renderItemPage, SiteDataCache, type SiteContext, type SiteEditions } from './http/site/index.js';
import { DEFAULT_COMMENT_LIMITS, type CommentLimits } from './modules/comments/index.js';
import { adminSite, loadAdminAssets } from './http/admin/index.js';
import type { AdminContext } from './http/admin/admin-context.js';
import { notFound } from './http/admin/admin-errors.js';
import { readApi, readApiContext, withApiFrameworkErrors } from './http/api/index.js';
import { searchEngineRoutes } from './http/site/search-engine-routes.js';
import { registerWordpressQueryRedirects } from './http/site/wordpress-queries.js';

export interface AppOptions {
  /** an already open database (tests, CLI); otherwise the config's URL is opened and closed with the app */
  storage?: Storage;
  /** where "now" comes from (tests move it to check schedules) */
  clock?: Clock;
  /** filled with every route as it registers (the test that walks all state-changing routes) */
  routeLog?: { method: string; url: string }[];
  /** per-address and per-item comment limits (tests and benchmarks loosen or tighten them) */
  commentLimits?: Partial<CommentLimits>;
  /** the page cache to use (the benchmark reads its size); otherwise one of config.pageCacheBytes, if not 0 */
  pageCache?: PageCache;
  /** URLs per sitemap file (default 50,000; tests set it low to see sitemaps split) */
  sitemapUrlsPerFile?: number;
}

/** Builds the whole application without listening: storage, plugins, one site scope per edition, the newsroom. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const storage = options.storage ?? openDatabase(config.databaseUrl);
  const clock = options.clock ?? systemClock;
  let contextFor: ContextForPath | undefined;
  let cachedAnswers: CachedAnswers | null = null;
  const app = Fastify({
    // Kept pages are answered before Fastify sees the request; everything else goes on to it.
    serverFactory: (handler) => createServer(frontDoor(() => cachedAnswers, handler)),
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 1000 },
    frameworkErrors: withApiFrameworkErrors(frameworkErrorHandler(() => contextFor)),
  });
  if (!options.storage) app.addHook('onClose', () => storage.close());
  if (options.routeLog) {
    const log = options.routeLog;
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) log.push({ method, url: r.url });
    });
  }

  registerSecurityHeaders(app);
  const registry = new EditionRegistry(config.editions);
  const data = new SiteDataCache(storage.db, config.siteDataTtlMs);
  const pageCache = options.pageCache ?? (config.pageCacheBytes > 0 ? new PageCache(config.pageCacheBytes) : null);
  const follower = new ChangeFollower(storage.db, config.editions.map((e) => e.code), {
    invalidate(tags) {
      data.forget();
      pageCache?.invalidate(tags);
    },
    clear() {
      data.forget();
      pageCache?.clear();
    },
  });
  await registerCompression(app);
  cachedAnswers = registerHttpCaching(app, {
    cache: pageCache,
    follower,
    editionOf: (path) => registry.fromPath(path).code,
    sMaxAge: config.sharedCacheSeconds,
    staleWhileRevalidate: config.staleWhileRevalidateSeconds,
  });
  const mediaDir = join(config.dataDir, 'media');
  const assets = await registerStaticFiles(app, mediaDir);
  await app.register(mediaFiles, { mediaDir, db: storage.db });

  const sites = config.editions.map((e) => new EditionSite(e, config.baseUrl));
  const editions: SiteEditions = { sites, byCode: new Map(sites.map((s) => [s.edition.code, s])) };
  const comments = { clock, limits: { ...DEFAULT_COMMENT_LIMITS, ...options.commentLimits }, mailer: commentMailer(editions, config.baseUrl) };
  const contexts = new Map<string, SiteContext>(sites.map((site) => [site.edition.code, { db: storage.db, site, editions, assets, data, comments }]));
  contextFor = (path) => contexts.get(registry.fromPath(path).code)!;

  // Before the routes: child scopes take the error handler their parent has when they register.
  registerErrorHandling(app, contextFor);
  registerWordpressQueryRedirects(app, contextFor);
  for (const site of sites) {
    await app.register(editionSite, { prefix: site.edition.prefix, ctx: contexts.get(site.edition.code)! });
  }
  const rootFirst = [...sites].sort((x, y) => Number(y.edition.prefix === '') - Number(x.edition.prefix === '')).map((s) => contexts.get(s.edition.code)!);
  await app.register(searchEngineRoutes, { contexts: rootFirst, clock, urlsPerFile: options.sitemapUrlsPerFile });

  const adminAssets = await loadAdminAssets();
  const admin: AdminContext = {
    db: storage.db,
    config,
    clock,
    limiter: new SignInLimiter(clock),
    editions: config.editions,
    mediaDir,
    assets: adminAssets.urls,
    publishDue: () => publishDue(storage.db, clock.now()),
    commentMailer: comments.mailer,
    async renderPreview(itemId, reply) {
      const item = await getAnyItem(storage.db, itemId);
      const ctx = item && contexts.get(item.edition);
      if (!item || !ctx) throw notFound();
      return renderItemPage(ctx, reply, item, true);
    },
  };
  await app.register(adminSite, { prefix: '/admin', ctx: admin, assets: adminAssets });
  // Its own scope at /api/v1: static paths and a catch-all there win over the root edition's /:slug/ routes.
  await app.register(readApi, { prefix: '/api/v1', ctx: readApiContext(config, storage.db, clock) });

  // Scheduled items publish at their time; the first run right after start catches up on any missed while stopped.
  const tick = () =>
    admin.publishDue().then(
      async (n) => {
        if (!n) return;
        app.log.info(`published ${n} scheduled item(s)`);
        await follower.sync();
      },
      (err: unknown) => app.log.error({ err }, 'scheduled publishing failed'),
    );
  app.addHook('onReady', async () => {
    app.addHook('onClose', await checkpointInBackground(storage.db, (message) => app.log.warn({ message }, 'background checkpoint failed')));
    // Without the change log (the database is down at start), the follower starts from its beginning when it can.
    await follower.start().catch((err: unknown) => app.log.error({ err }, 'could not read the change log'));
    const follow = setInterval(() => follower.sync().catch((err: unknown) => app.log.error({ err }, 'reading the change log failed')), config.changePollMs);
    follow.unref();
    app.addHook('onClose', async () => clearInterval(follow));
    await tick();
    const timer = setInterval(tick, config.schedulerIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  });
  if (config.smtpUrl) startMailSender(app, storage.db, config, clock);
  return app;
}

/** Delivers the mail outbox in the background while the app runs; without SMTP configured, mail simply waits in the outbox. */
function startMailSender(app: FastifyInstance, db: Storage['db'], config: Config, clock: Clock): void {
  const sender = new MailSender(db, { smtpUrl: config.smtpUrl!, from: config.mailFrom, clock, onError: (err, id) => app.log.warn({ err, id }, 'mail not sent; will retry') });
  const send = () => sender.sendDue().then((n) => n && app.log.info(`sent ${n} mail(s)`), (err: unknown) => app.log.error({ err }, 'mail outbox run failed'));
  app.addHook('onReady', async () => {
    void send();
    const timer = setInterval(send, config.mailIntervalMs);
    timer.unref();
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await sender.close();
    });
  });
}
