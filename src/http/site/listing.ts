import { pageTag, tagPage } from '../page-cache/index.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listHome, listPublished, type ListingFilter } from '../../modules/content/index.js';
import { ListingPage } from '../../themes/default/pages/listing.js';
import type { FeedLinkVM, LinkVM } from '../../themes/default/view-models.js';
import { buildChrome } from './chrome.js';
import { cardVM } from './cards.js';
import { notFound } from './not-found.js';
import { parsePageNumber, sendHtml, type SiteContext } from './site-context.js';

export interface ListingSpec {
  filter: ListingFilter;
  /** the listing's own path inside the edition, ending in '/' */
  base: string;
  heading: string | null;
  title?: string;
  description?: string;
  children?: LinkVM[];
  /** edition code → URL of the same listing there (page 1) */
  alternates?: Map<string, string>;
  /** the listing's own feeds (a category's, a section's), announced in the head */
  feeds?: FeedLinkVM[];
  /** the edition's home page: pinned items first (see listHome) */
  home?: boolean;
}

/** Renders one page of a listing, or the 404 page when the page number is not a page of it. */
export async function renderListing(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, spec: ListingSpec, rawPage: string | undefined) {
  const { db, site } = ctx;
  // Page one lives at the listing's own URL.
  if (rawPage === '1') return reply.redirect(site.page(spec.base, 1), 301);
  const page = parsePageNumber(rawPage);
  if (page === null) return notFound(ctx, req, reply);
  tagPage(pageTag.lists(site.edition.code));
  const data = await ctx.data.get(site.edition.code);
  const { settings, categories: tree } = data;
  const result = await (spec.home ? listHome : listPublished)(db, spec.filter, page, settings.perPage, settings.listingShows === 'full');
  if (!result) return notFound(ctx, req, reply);
  const own = site.page(spec.base, page);
  const alternates = page === 1 && spec.alternates ? spec.alternates : new Map([[site.edition.code, own]]);
  alternates.set(site.edition.code, own);
  const { t, format } = site;
  const chrome = buildChrome(site, ctx.editions, ctx.assets, data, {
    title: [spec.title ?? spec.heading, page > 1 ? t('pageNumber', { page: format.number(page) }) : null].filter(Boolean).join(' – ') || undefined,
    description: spec.description,
    path: site.url(spec.base),
    alternates,
    feeds: spec.feeds,
  });
  const listing = {
    heading: spec.heading,
    description: spec.description ?? null,
    children: spec.children ?? [],
    cards: result.items.map((i) => cardVM(site, tree, i, settings.listingShows)),
    pagination: {
      newer: page > 1 ? site.page(spec.base, page - 1) : null,
      older: result.hasOlder ? site.page(spec.base, page + 1) : null,
      label: t('pageNumber', { page: format.number(page) }),
    },
    emptyTitle: t('nothingHereYet'),
    emptyText: t('nothingHereYetText'),
  };
  return sendHtml(reply, ListingPage({ chrome, listing }));
}
