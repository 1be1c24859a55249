import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LISTED_TYPES } from '../../modules/content/index.js';
import { renderListing } from './listing.js';
import { renderMediaListing } from './media-listing.js';
import { MEDIA_SECTIONS, type MediaSection } from './media-sections.js';
import { messagePage } from './not-found.js';
import type { SiteContext } from './site-context.js';

const searchQuery = z.object({ q: z.string().max(200).optional() });

/** The Media/Publications sections (grids of one content type each) and the search page. Periodicals live at their own slugs. */
export function registerSectionRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { site } = ctx;
  const code = site.edition.code;
  for (const section of Object.keys(MEDIA_SECTIONS) as MediaSection[]) {
    const base = `/${section}/`;
    for (const path of [base, `${base}page/:n/`]) {
      app.get<{ Params: { n?: string } }>(path, (req, reply) => renderMediaListing(ctx, req, reply, section, req.params.n));
    }
  }

  for (const path of ['/search', '/search/', '/search/page/:n/']) {
    app.get<{ Params: { n?: string }; Querystring: unknown }>(path, (req, reply) => {
      const parsed = searchQuery.safeParse(req.query);
      if (!parsed.success) return messagePage(ctx, reply, 'badRequest');
      const q = (parsed.data.q ?? '').trim();
      return renderListing(
        ctx, req, reply,
        {
          filter: { edition: code, types: LISTED_TYPES, text: q },
          base: '/search/',
          heading: q ? site.t('searchResultsFor', { query: q }) : site.t('search'),
          search: q,
        },
        req.params.n,
      );
    });
  }
}
