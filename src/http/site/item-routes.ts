import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { raw } from '#jsx/jsx-runtime';
import { getPublished, LISTED_TYPES, relatedFrom, type ItemDetail } from '../../modules/content/index.js';
import { ArticlePage } from '../../themes/default/pages/article.js';
import { StaticPage } from '../../themes/default/pages/static-page.js';
import { buildChrome } from './chrome.js';
import { cardVM } from './cards.js';
import { parseDateArchive } from './date-archive.js';
import { renderListing } from './listing.js';
import { notFound } from './not-found.js';
import { sendHtml, type SiteContext } from './site-context.js';

type DateParams = { y: string; m?: string; d?: string; n?: string };

/** Articles and pages at /slug/, and the date archives that share their URL shape. */
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
  if (!item) return notFound(ctx, req, reply);
  return renderItemPage(ctx, reply, item);
}

/** An item's public page; the newsroom's preview renders drafts through it too, unindexed. */
export async function renderItemPage(ctx: SiteContext, reply: FastifyReply, item: ItemDetail, preview = false) {
  const { site, editions } = ctx;
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
  });
  if (item.type === 'page') {
    return sendHtml(reply, StaticPage({ chrome, page: { title: item.title, body: raw(item.bodyHtml) } }));
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
    }),
  );
}
