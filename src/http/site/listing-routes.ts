import type { FastifyInstance } from 'fastify';
import { LISTED_TYPES } from '../../modules/content/index.js';
import { categoryTranslations, findAuthor, findTag, tagTranslations } from '../../modules/taxonomy/index.js';
import { renderListing } from './listing.js';
import { feedFileExtension, redirectWordpressCategoryFeed, serveCategoryFeed } from './feed-routes.js';
import { feedLinks } from './feed-links.js';
import { notFound } from './not-found.js';
import type { SiteContext } from './site-context.js';

type PageParams = { n?: string };

/** Home, the Articles section, and the category, tag and author archives, each with /page/N/. */
export function registerListingRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { site, db, editions } = ctx;
  const code = site.edition.code;
  const everyHome = () => new Map(editions.sites.map((s) => [s.edition.code, s.home()]));

  for (const path of ['/', '/page/:n/']) {
    app.get<{ Params: PageParams }>(path, (req, reply) =>
      renderListing(ctx, req, reply, { filter: { edition: code, types: LISTED_TYPES }, base: '/', heading: null, alternates: everyHome(), home: true }, req.params.n),
    );
  }

  for (const path of ['/articles/', '/articles/page/:n/']) {
    app.get<{ Params: PageParams }>(path, (req, reply) =>
      renderListing(
        ctx, req, reply,
        { filter: { edition: code, types: LISTED_TYPES }, base: '/articles/', heading: site.t('articles'), alternates: new Map(editions.sites.map((s) => [s.edition.code, s.url('/articles/')])), feeds: feedLinks(site, '/articles/', site.t('articles')) },
        req.params.n,
      ),
    );
  }

  // Category paths nest: /category/a/b/c/ and /category/a/b/c/page/2/; the category's feeds are /category/a/b/c/feed.xml (.atom, .json)
  app.get<{ Params: { '*': string } }>('/category/*', async (req, reply) => {
    const segments = req.params['*'].normalize('NFC').split('/');
    const feedExt = feedFileExtension(segments[segments.length - 1]);
    if (feedExt !== undefined) return serveCategoryFeed(ctx, req, reply, segments.slice(0, -1), feedExt);
    if (segments.pop() !== '') return notFound(ctx, req, reply);
    let pageRaw: string | undefined;
    if (segments.length >= 3 && segments[segments.length - 2] === 'page') {
      pageRaw = segments.pop();
      segments.pop();
    }
    const tree = (await ctx.data.get(code)).categories;
    const node = tree.findByPath(segments);
    if (!node) return (pageRaw === undefined && redirectWordpressCategoryFeed(ctx, reply, tree, segments)) || notFound(ctx, req, reply);
    const alternates = new Map<string, string>();
    for (const [ed, id] of await categoryTranslations(db, node.translationKey)) {
      const other = editions.byCode.get(ed);
      const path = other && (await ctx.data.get(ed)).categories.get(id)?.path;
      if (other && path) alternates.set(ed, other.category(path));
    }
    return renderListing(
      ctx, req, reply,
      {
        filter: { edition: code, types: LISTED_TYPES, categoryIds: tree.descendantIds(node.id) },
        base: `/category/${node.path.join('/')}/`,
        heading: site.t('categoryArchive', { name: node.name }),
        title: node.name,
        description: node.description,
        children: tree.childrenOf(node.id).map((c) => ({ label: c.name, url: site.category(c.path) })),
        alternates,
        feeds: feedLinks(site, `/category/${node.path.join('/')}/`, node.name),
      },
      pageRaw,
    );
  });

  for (const path of ['/tag/:slug/', '/tag/:slug/page/:n/']) {
    app.get<{ Params: PageParams & { slug: string } }>(path, async (req, reply) => {
      const tag = await findTag(db, code, req.params.slug.normalize('NFC'));
      if (!tag) return notFound(ctx, req, reply);
      const translations = await tagTranslations(db, tag.translation_key);
      const alternates = new Map([...translations].map(([ed, slug]) => [ed, editions.byCode.get(ed)!.tag(slug)]));
      return renderListing(
        ctx, req, reply,
        { filter: { edition: code, types: LISTED_TYPES, tagId: tag.id }, base: `/tag/${tag.slug}/`, heading: site.t('tagArchive', { name: tag.name }), title: tag.name, alternates },
        req.params.n,
      );
    });
  }

  for (const path of ['/author/:slug/', '/author/:slug/page/:n/']) {
    app.get<{ Params: PageParams & { slug: string } }>(path, async (req, reply) => {
      const author = await findAuthor(db, req.params.slug);
      if (!author) return notFound(ctx, req, reply);
      return renderListing(
        ctx, req, reply,
        {
          filter: { edition: code, types: LISTED_TYPES, authorId: author.id },
          base: `/author/${author.slug}/`,
          heading: site.t('authorArchive', { name: author.display_name }),
          title: author.display_name,
          description: author.bio,
        },
        req.params.n,
      );
    });
  }
}
