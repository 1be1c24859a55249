import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FEED_FORMATS, FEED_MIME, FEED_TYPES, feedPage, findPeriodical, MAX_FEED_PAGE, renderAtom, renderJsonFeed, renderRss, type FeedFilter, type FeedFormat } from '../../modules/feeds/index.js';
import type { CategoryNode, CategoryTree } from '../../modules/taxonomy/index.js';
import { feedDocument, type FeedPlace } from './feed-document.js';
import { feedTitle } from './feed-links.js';
import { MEDIA_SECTIONS, type MediaSection } from './media-sections.js';
import type { SiteContext } from './site-context.js';

const WRITERS: Record<FeedFormat, typeof renderRss> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/** A refusal in the read API's shape and codes: `{ "error": { "code", "message", "parameter"? } }`. */
function refuse(reply: FastifyReply, status: number, code: 'not_found' | 'invalid_parameter', message: string, parameter?: string): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: parameter ? { code, message, parameter } : { code, message } });
}

const notAFeed = (reply: FastifyReply) => refuse(reply, 404, 'not_found', 'There is no such feed. Feeds are feed.xml (RSS 2.0), feed.atom (Atom 1.0) and feed.json (JSON Feed 1.1).');

/** The format a feed file name asks for (`feed.xml`, `feed.atom`, `feed.json`), or undefined. */
function formatOf(ext: string): FeedFormat | undefined {
  return Object.hasOwn(FEED_FORMATS, ext) ? FEED_FORMATS[ext as keyof typeof FEED_FORMATS] : undefined;
}

/** `?page=`: absent is page 1; a whole number from 1 to MAX_FEED_PAGE, written once; anything else is refused. */
function pageOf(query: unknown): number | null {
  const raw = (query as Record<string, unknown> | undefined)?.page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,4}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_FEED_PAGE ? n : null;
}

/** Answers one page of a feed in the format `ext` asks for. */
async function serveFeed(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, ext: string, place: FeedPlace, filter: FeedFilter): Promise<FastifyReply> {
  const format = formatOf(ext);
  if (!format) return notAFeed(reply);
  const page = pageOf(req.query);
  if (page === null) return refuse(reply, 400, 'invalid_parameter', `page must be a whole number from 1 to ${MAX_FEED_PAGE}.`, 'page');
  const { site, db } = ctx;
  const data = await ctx.data.get(site.edition.code);
  const { feedItems, feedFullContent } = data.settings;
  const result = await feedPage(db, filter, page, feedItems, feedFullContent);
  if (!result) return refuse(reply, 404, 'not_found', `This feed has no page ${page}.`);
  // A feed with no words of its own is described by the edition's tagline.
  const described = place.description ? place : { ...place, description: data.settings.tagline || place.title };
  const doc = feedDocument(site, data.categories, ctx.assets.icon, described, result.items, page, result.hasOlder, feedFullContent);
  return reply.code(200).type(FEED_MIME[format]).send(Buffer.from(WRITERS[format](doc)));
}

/** A category's feed (the category wildcard route hands `/category/…/feed.*` here): its items and its sub-categories'. */
export async function serveCategoryFeed(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, segments: string[], ext: string): Promise<FastifyReply> {
  if (!formatOf(ext)) return notAFeed(reply);
  const { site } = ctx;
  const tree = (await ctx.data.get(site.edition.code)).categories;
  const node: CategoryNode | undefined = tree.findByPath(segments);
  if (!node) return refuse(reply, 404, 'not_found', 'There is no such category in this edition.');
  const title = feedTitle(site, node.name);
  return serveFeed(ctx, req, reply, ext, { base: `/category/${node.path.join('/')}/`, title, description: node.description }, {
    edition: site.edition.code,
    types: FEED_TYPES,
    categoryIds: tree.descendantIds(node.id),
  });
}

/** A feed file name at the end of a path (`feed.xml`, `feed.foo`), with its extension; undefined for anything else. */
export function feedFileExtension(segment: string | undefined): string | undefined {
  return segment?.startsWith('feed.') ? segment.slice('feed.'.length) : undefined;
}

/** WordPress's feed addresses (`…/feed/`, `…/feed/atom/`) → the format nashr serves in their place. */
const WORDPRESS_FEEDS: Record<string, string> = { '': 'xml', 'rss2/': 'xml', 'rss/': 'xml', 'rdf/': 'xml', 'atom/': 'atom' };

/**
 * A category address of WordPress's feeds (`/category/a/b/feed/`, `…/feed/atom/`) that is no
 * category here: a permanent redirect to the category's feed, so a site moved from WordPress
 * keeps its subscribers. `segments` is the path below /category/ without its final ''.
 */
export function redirectWordpressCategoryFeed(ctx: SiteContext, reply: FastifyReply, tree: CategoryTree, segments: string[]): FastifyReply | undefined {
  const at = segments.lastIndexOf('feed');
  if (at < 1 || at < segments.length - 2) return undefined;
  const ext = WORDPRESS_FEEDS[segments.slice(at + 1).map((s) => `${s}/`).join('')];
  const node = ext ? tree.findByPath(segments.slice(0, at)) : undefined;
  return node ? reply.redirect(ctx.site.url(`/category/${node.path.join('/')}/feed.${ext}`), 301) : undefined;
}

/**
 * Feeds in RSS 2.0 (`feed.xml`), Atom 1.0 (`feed.atom`) and JSON Feed 1.1 (`feed.json`): the
 * edition's at `/feed.*`, the Articles section's and each media section's at `/<section>/feed.*`,
 * a periodical's issues at `/<periodical>/feed.*`. Category feeds come through the category route.
 * None of these addresses ends in '/', so none can be taken for an item's `/slug/`. WordPress's
 * `/feed/`, `/feed/atom/`… lead to them with a permanent redirect.
 */
export function registerFeedRoutes(app: FastifyInstance, ctx: SiteContext): void {
  const { site, db } = ctx;
  const edition = site.edition.code;
  type Ext = { Params: { ext: string } };

  for (const [path, ext] of Object.entries(WORDPRESS_FEEDS)) {
    app.get(`/feed/${path}`, (_req, reply) => reply.redirect(site.url(`/feed.${ext}`), 301));
  }

  app.get<Ext>('/feed.:ext', (req, reply) => serveFeed(ctx, req, reply, req.params.ext, { base: '/', title: feedTitle(site, null), description: '' }, { edition, types: FEED_TYPES }));

  app.get<Ext>('/articles/feed.:ext', (req, reply) => {
    const title = feedTitle(site, site.t('articles'));
    return serveFeed(ctx, req, reply, req.params.ext, { base: '/articles/', title, description: '' }, { edition, types: ['article'] });
  });

  for (const section of Object.keys(MEDIA_SECTIONS) as MediaSection[]) {
    app.get<Ext>(`/${section}/feed.:ext`, (req, reply) => {
      const title = feedTitle(site, site.t(`section_${section}`));
      return serveFeed(ctx, req, reply, req.params.ext, { base: `/${section}/`, title, description: '' }, { edition, types: [MEDIA_SECTIONS[section].type] });
    });
  }

  app.get<{ Params: { slug: string; ext: string } }>('/:slug/feed.:ext', async (req, reply) => {
    if (!formatOf(req.params.ext)) return notAFeed(reply);
    const periodical = await findPeriodical(db, edition, req.params.slug);
    if (!periodical) return refuse(reply, 404, 'not_found', 'There is no such feed in this edition.');
    const title = feedTitle(site, periodical.title);
    return serveFeed(ctx, req, reply, req.params.ext, { base: `/${periodical.slug}/`, title, description: periodical.excerpt }, { edition, types: ['issue'], parentId: periodical.id });
  });
}
