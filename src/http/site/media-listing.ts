import { pageShowsItems, pageTag, tagPage } from '../page-cache/index.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { listPublished } from '../../modules/content/index.js';
import { listingExtras } from '../../modules/publications/index.js';
import type { TileVM } from '../../themes/default/media-view-models.js';
import { MediaListingPage } from '../../themes/default/pages/media-listing.js';
import { buildChrome } from './chrome.js';
import { feedLinks } from './feed-links.js';
import { imageVM } from './cards.js';
import { MEDIA_SECTIONS, type MediaSection } from './media-sections.js';
import { notFound } from './not-found.js';
import { parsePageNumber, sendHtml, type SiteContext } from './site-context.js';

/** One page of a media section (Cartoons, NewsPics, Photo Gallery, Videos, Books) as a grid of tiles. */
export async function renderMediaListing(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, section: MediaSection, rawPage: string | undefined) {
  const { db, site, editions } = ctx;
  const { t, format } = site;
  const base = `/${section}/`;
  if (rawPage === '1') return reply.redirect(site.page(base, 1), 301);
  const page = parsePageNumber(rawPage);
  if (page === null) return notFound(ctx, req, reply);
  const data = await ctx.data.get(site.edition.code);
  const { type, grid } = MEDIA_SECTIONS[section];
  const result = await listPublished(db, { edition: site.edition.code, types: [type] }, page, data.settings.perPage);
  if (!result) return notFound(ctx, req, reply);
  tagPage(pageTag.lists(site.edition.code));
  pageShowsItems(result.items.map((i) => i.id));
  const extras = await listingExtras(db, result.items.map((i) => i.id));
  const heading = t(`section_${section}`);
  const own = site.page(base, page);
  const alternates = page === 1 ? new Map(editions.sites.map((s) => [s.edition.code, s.url(base)])) : new Map([[site.edition.code, own]]);
  const chrome = buildChrome(site, editions, ctx.assets, data, {
    title: [heading, page > 1 ? t('pageNumber', { page: format.number(page) }) : null].filter(Boolean).join(' – '),
    path: site.url(base),
    alternates,
    feeds: feedLinks(site, base, heading),
  });
  const tiles: TileVM[] = result.items.map((item) => {
    const extra = extras.get(item.id);
    const d = extra?.details ?? {};
    const facts: string[] = [];
    if (type === 'book') {
      if (typeof d.bookAuthor === 'string' && d.bookAuthor) facts.push(d.bookAuthor);
      if (typeof d.year === 'number') facts.push(format.number(d.year));
    }
    return {
      title: item.title,
      url: site.item(item.slug),
      image: item.image ? imageVM(item.image) : null,
      facts,
      date: format.date(item.publishedAt),
      datetime: item.publishedAt,
      badge: type === 'gallery' ? t.plural('photos', extra?.photoCount ?? 0) : null,
    };
  });
  return sendHtml(
    reply,
    MediaListingPage({
      chrome,
      listing: {
        heading,
        kind: grid,
        tiles,
        pagination: {
          newer: page > 1 ? site.page(base, page - 1) : null,
          older: result.hasOlder ? site.page(base, page + 1) : null,
          label: t('pageNumber', { page: format.number(page) }),
        },
        emptyTitle: t('nothingHereYet'),
        emptyText: t('nothingHereYetText'),
      },
    }),
  );
}
