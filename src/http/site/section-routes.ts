import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LISTED_TYPES } from '../../modules/content/index.js';
import { renderListing } from './listing.js';
import { messagePage } from './not-found.js';
import type { SiteContext } from './site-context.js';

/**
 * Media and publication sections of the menu. Their content types arrive later; until then each
 * is an honest, empty listing rather than a broken link.
 */
export const SECTIONS = ['cartoons', 'newspics', 'gallery', 'videos', 'books', 'newsletter', 'pars-brief'] as const;

const searchQuery = z.object({ q: z.string().max(200).optional() });

/** The Media/Publications sections and the search page. */
export function registerSectionRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { site, editions } = ctx;
  const code = site.edition.code;
  for (const section of SECTIONS) {
    const base = `/${section}/`;
    for (const path of [base, `${base}page/:n/`]) {
      app.get<{ Params: { n?: string } }>(path, (req, reply) =>
        renderListing(
          ctx, req, reply,
          {
            filter: { edition: code, types: [section] },
            base,
            heading: site.t(`section_${section}`),
            alternates: new Map(editions.sites.map((s) => [s.edition.code, s.url(base)])),
          },
          req.params.n,
        ),
      );
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
