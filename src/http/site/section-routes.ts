import type { FastifyInstance } from 'fastify';
import { renderMediaListing } from './media-listing.js';
import { MEDIA_SECTIONS, type MediaSection } from './media-sections.js';
import { registerSearchRoutes } from './search-routes.js';
import type { SiteContext } from './site-context.js';

/** The Media/Publications sections (grids of one content type each) and the search page. Periodicals live at their own slugs. */
export function registerSectionRoutes(app: FastifyInstance, ctx: SiteContext): void {
  for (const section of Object.keys(MEDIA_SECTIONS) as MediaSection[]) {
    const base = `/${section}/`;
    for (const path of [base, `${base}page/:n/`]) {
      app.get<{ Params: { n?: string } }>(path, (req, reply) => renderMediaListing(ctx, req, reply, section, req.params.n));
    }
  }
  registerSearchRoutes(app, ctx);
}
