import type { FastifyInstance } from 'fastify';
import { contactRoutes } from './contact-routes.js';
import { registerItemRoutes } from './item-routes.js';
import { registerFeedRoutes } from './feed-routes.js';
import { commentRoutes } from './comment-routes.js';
import { registerListingRoutes } from './listing-routes.js';
import { registerSectionRoutes } from './section-routes.js';
import type { SiteContext } from './site-context.js';

/** The public site of one edition, mounted at the edition's prefix. Static paths first, /slug/ last. */
export async function editionSite(app: FastifyInstance, opts: { ctx: SiteContext }): Promise<void> {
  registerListingRoutes(app, opts.ctx);
  registerSectionRoutes(app, opts.ctx);
  registerFeedRoutes(app, opts.ctx);
  registerItemRoutes(app, opts.ctx);
  await app.register(contactRoutes, { ctx: opts.ctx });
  // Its own scope: the comment form's body parser stays off every other public route.
  await app.register(commentRoutes, { ctx: opts.ctx });
}

export { EditionSite } from './edition-site.js';
export { SiteDataCache } from './site-data.js';
export type { SiteContext } from './site-context.js';
export { renderItemPage } from './item-routes.js';
export { commentMailer } from './comment-mailer.js';
export type { SiteEditions, Assets } from './chrome.js';
