import { pageTag, tagPage } from '../page-cache/index.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { raw } from '#jsx/jsx-runtime';
import { getPublished, LISTED_TYPES, relatedFrom, type ItemDetail } from '../../modules/content/index.js';
import { ArticlePage } from '../../themes/default/pages/article.js';
import { StaticPage } from '../../themes/default/pages/static-page.js';
import { buildChrome } from './chrome.js';
import { itemAbout } from './page-meta.js';
import { feedLinks } from './feed-links.js';
import { cardVM } from './cards.js';
import { parseDateArchive } from './date-archive.js';
import { renderGalleryPhoto } from './gallery-photo.js';
import { MENU_PERIODICALS } from './media-sections.js';
import { MEDIA_PAGE_TYPES, renderMediaPage } from './media-pages.js';
import { MediaListingPage } from '../../themes/default/pages/media-listing.js';
import { contentSecurityPolicy } from '../plugins/security-headers.js';
import { foreignOrigin, parseVideoLink } from '../../lib/video-links.js';
import { renderListing } from './listing.js';
import { contactFormFor, type ContactFormState } from './contact-form.js';
import { notFound } from './not-found.js';
import { sendHtml, type SiteContext } from './site-context.js';
import { commentsVM } from './comment-view.js';

type DateParams = { y: string; m?: string; d?: string; n?: string };

/** Every item at /slug/ (articles, pages, media and publications), gallery photos at /slug/photo/n/, and the date archives that share their URL shape. */
export function registerItemRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { site } = ctx;

  const archive = (req: FastifyRequest, reply: FastifyReply, { y, m, d, n }: DateParams) => {
    const range = parseDateArchive(y, m, d);
    if (!range) return notFound(ctx, req, reply);
    const name = site.format.archiveTitle(range.year, range.month, range.day);
    return renderListing(
      ctx, req, reply,
      { filter: { edition: site.edition.code, types: LISTED_TYPES, from: range.from, to: range.to }, base: range.base, heading: site.t('dateArchive', { date: name }), title: name },
      n,
    );
  };

  app.get<{ Params: { slug: string; n: string } }>('/:slug/photo/:n/', (req, reply) => renderGalleryPhoto(ctx, req, reply, req.params.slug, req.params.n));
  app.get<{ Params: { slug: string } }>('/:slug/', (req, reply) => {
    const { slug } = req.params;
    if (/^\d{4}$/.test(slug)) return archive(req, reply, { y: slug });
    return renderItem(ctx, req, reply, slug);
  });
  for (const path of ['/:y/page/:n/', '/:y/:m/', '/:y/:m/page/:n/', '/:y/:m/:d/', '/:y/:m/:d/page/:n/']) {
    app.get<{ Params: DateParams }>(path, (req, reply) => archive(req, reply, req.params));
  }
}

async function renderItem(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, slug: string) {
  const item = await getPublished(ctx.db, ctx.site.edition.code, slug);
  if (!item) {
    const periodical = MENU_PERIODICALS.find((p) => p === slug);
    return periodical ? emptyPeriodical(ctx, reply, periodical) : notFound(ctx, req, reply);
  }
  const sent = (req.query as Record<string, unknown>).sent === '1';
  return renderItemPage(ctx, reply, item, false, sent ? { contact: { sent }, status: 200 } : undefined);
}

/** A menu periodical this edition does not publish yet: an honest empty page, not a 404. */
async function emptyPeriodical(ctx: SiteContext, reply: FastifyReply, slug: (typeof MENU_PERIODICALS)[number]) {
  const { site } = ctx;
  const data = await ctx.data.get(site.edition.code);
  const title = site.t(`section_${slug}`);
  const chrome = buildChrome(site, ctx.editions, ctx.assets, data, { title, path: site.url(`/${slug}/`), noindex: true, canonical: false });
  return sendHtml(
    reply,
    MediaListingPage({
      chrome,
      listing: { heading: title, kind: 'images', tiles: [], pagination: { newer: null, older: null, label: '' }, emptyTitle: site.t('nothingHereYet'), emptyText: site.t('nothingHereYetText') },
    }),
  );
}

/** Other hosts a page plays video files from (a linked MP4 in a body, a video item's address): its CSP must allow exactly those. */
function foreignMediaOrigins(item: ItemDetail): string[] {
  const origins = new Set<string>();
  if (item.bodyHtml.includes('<video')) {
    for (const m of item.bodyHtml.matchAll(/<(?:video|source)\s[^>]*?src="(https?:\/\/[^"]+)"/g)) {
      const origin = foreignOrigin(m[1]!.replace(/&amp;/g, '&'));
      if (origin) origins.add(origin);
    }
  }
  if (item.type === 'video' && typeof item.details.externalUrl === 'string') {
    const link = parseVideoLink(item.details.externalUrl);
    const origin = link?.kind === 'file' ? foreignOrigin(link.url) : null;
    if (origin) origins.add(origin);
  }
  return [...origins];
}

/**
 * An item's public page; the newsroom's preview renders drafts through it too, unindexed. A page
 * that is its edition's contact page gets the contact form, in the state `form` gives (after a post).
 */
export async function renderItemPage(ctx: SiteContext, reply: FastifyReply, item: ItemDetail, preview = false, form?: { contact: ContactFormState; status: number }) {
  const { site, editions } = ctx;
  // The page shows the item and links to its translations; all but static pages show lists too (related posts, issues).
  tagPage(pageTag.item(item.id), ...(item.type === 'page' ? [] : [pageTag.lists(site.edition.code)]), ...(item.translationKey ? [pageTag.translations(item.translationKey)] : []));
  const data = await ctx.data.get(site.edition.code);
  const translations = new Map(await data.translations(item.translationKey));
  translations.set(site.edition.code, item.slug);
  const alternates = new Map<string, string>();
  for (const [code, slug] of translations) {
    const other = editions.byCode.get(code);
    if (other) alternates.set(code, other.item(slug));
  }
  const chrome = buildChrome(site, editions, ctx.assets, data, {
    title: item.seoTitle || item.title,
    description: item.seoDescription || item.excerpt,
    path: site.item(item.slug),
    alternates,
    ...(preview ? { noindex: true } : {}),
    about: itemAbout(site, data, ctx.assets, item, item.seoDescription || item.excerpt),
    // A periodical's page announces the feed of its issues.
    ...(item.type === 'periodical' ? { feeds: feedLinks(site, `/${item.slug}/`, item.title) } : {}),
  });
  const origins = foreignMediaOrigins(item);
  if (origins.length) reply.header('content-security-policy', contentSecurityPolicy(origins));
  const comments = await commentsVM(ctx, data.settings, item, reply.request, preview);
  if (MEDIA_PAGE_TYPES.has(item.type)) return renderMediaPage({ ctx, reply, item, chrome, data, comments });
  if (item.type === 'page') {
    const after = await contactFormFor(ctx, item, form?.contact);
    return sendHtml(reply, StaticPage({ chrome, page: { title: item.title, body: raw(item.bodyHtml) }, after }), form?.status ?? 200);
  }
  const tree = data.categories;
  const others = relatedFrom(await data.latestIn(item.categoryId), item);
  const card = cardVM(site, tree, item);
  const node = item.categoryId !== null ? tree.get(item.categoryId) : undefined;
  const breadcrumbs = [{ label: site.t('home'), url: site.home() }, ...(node ? tree.ancestry(node).map((c) => ({ label: c.name, url: site.category(c.path) })) : [])];
  return sendHtml(
    reply,
    ArticlePage({
      chrome,
      article: {
        ...card,
        body: raw(item.bodyHtml),
        tags: item.tags.map((t) => ({ label: t.name, url: site.tag(t.slug) })),
        breadcrumbs,
        related: others.map((o) => cardVM(site, tree, o, 'brief')),
      },
      comments,
    }),
  );
}
