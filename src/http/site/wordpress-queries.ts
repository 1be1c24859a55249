import type { FastifyInstance } from 'fastify';
import { resolveRedirect } from '../../modules/redirects/index.js';
import type { ContextForPath } from '../errors.js';
import { messagePage } from './not-found.js';
import { countUse, sendOn } from './old-addresses.js';

/** The query keys of WordPress's own addresses (`/?p=123`, `/?page_id=5`, `/?feed=rss2`, …). */
const WORDPRESS_QUERY = /[?&](?:p|page_id|attachment_id|cat|tag|feed)=/;

/**
 * WordPress's query addresses land on a page nashr does answer (the home page), so their
 * redirects are checked before routing. Cheap for every other request: without a query, or
 * without one of these keys, the hook returns at once and never touches the database.
 */
export function registerWordpressQueryRedirects(app: FastifyInstance, contextFor: ContextForPath): void {
  app.addHook('onRequest', async (req, reply) => {
    const q = req.url.indexOf('?');
    if (q < 0 || !WORDPRESS_QUERY.test(req.url.slice(q))) return;
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.url.startsWith('/admin') || req.url.startsWith('/api/')) return;
    const ctx = contextFor(req.url.slice(0, q));
    const r = await resolveRedirect(ctx.db, req.url, false);
    if (!r) return;
    countUse(ctx.db, req, r);
    return r.status === 410 ? messagePage(ctx, reply, 'notFound', 410) : sendOn(reply, r);
  });
}
