import type { FastifyInstance } from 'fastify';
import { resolveRedirect } from '../../modules/redirects/index.js';
import type { ContextForPath } from '../errors.js';
import { messagePage } from './not-found.js';
import { countUse, hitCounter, sendOn } from './old-addresses.js';

/** The query keys of WordPress's own addresses (`/?p=123`, `/?page_id=5`, `/?feed=rss2`, …). */
const WORDPRESS_QUERY = /[?&](?:p|page_id|attachment_id|cat|tag|feed)=/;

/**
 * WordPress's query addresses land on a page nashr does answer (the home page), so their
 * redirects are checked before routing. Cheap for every other request: without a query, or
 * without one of these keys, the hook returns at once and never touches the database.
 */
export function registerWordpressQueryRedirects(app: FastifyInstance, contextFor: ContextForPath): void {
  // Hits counted but not yet written go to the database while it is still open (onClose may come after it closed).
  app.addHook('preClose', () => hitCounter(contextFor('/').db, app.log).flush());
  // A callback hook, not an async one: the common case (no such query) costs no promise.
  app.addHook('onRequest', (req, reply, done) => {
    const q = req.url.indexOf('?');
    if (q < 0 || !WORDPRESS_QUERY.test(req.url.slice(q))) return done();
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url.startsWith('/admin') || req.url.startsWith('/api/')) return done();
    const ctx = contextFor(req.url.slice(0, q));
    resolveRedirect(ctx.db, req.url, false).then(
      (r) => {
        if (!r) return done();
        countUse(ctx.db, req, r);
        // Answered here: done() is not called, so routing never starts.
        if (r.status === 410) void messagePage(ctx, reply, 'notFound', 410).catch(done);
        else sendOn(reply, r);
      },
      (err: unknown) => done(err as Error),
    );
  });
}
