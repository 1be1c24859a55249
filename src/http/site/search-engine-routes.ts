import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../lib/clock.js';
import { newsSitemapXml, sitemapIndexXml, urlsetXml } from '../../modules/sitemaps/index.js';
import { pageTag, tagPage } from '../page-cache/index.js';
import { messagePage, notFound } from './not-found.js';
import type { SiteContext } from './site-context.js';
import { editionSitemap, newsUrls, NEWS_SITEMAP_PATH, SITEMAP_URLS_PER_FILE, sitemapIndex, sitemapPath } from './sitemap-entries.js';

export interface SearchEngineOptions {
  /** every edition's context, the root edition's first */
  contexts: SiteContext[];
  clock: Clock;
  /** URLs per sitemap file (tests set it low to see the split) */
  urlsPerFile?: number;
}

const XML = 'application/xml; charset=utf-8';
/** 50 MB, the protocol's limit in bytes, as characters: a percent-encoded sitemap is all ASCII. */
const MAX_SITEMAP_CHARS = 50 * 1024 * 1024;

/** The robots rules: the newsroom and every edition's search results stay out of search engines. */
export function robotsTxt(contexts: readonly SiteContext[]): string {
  const lines = ['User-agent: *', 'Disallow: /admin/', 'Disallow: /admin$'];
  for (const { site } of contexts) {
    // `$` and exact paths: a plain `Disallow: /search` would also hide an article whose slug begins with "search".
    const search = site.search();
    lines.push(`Disallow: ${search}$`, `Disallow: ${search}?`, `Disallow: ${search}/`);
  }
  return `${lines.join('\n')}\n\nSitemap: ${contexts[0]!.site.baseUrl}/sitemap.xml\n`;
}

/** `/robots.txt`, the sitemap index at `/sitemap.xml`, each edition's sitemaps and the news sitemap under `/sitemaps/`. */
export async function searchEngineRoutes(app: FastifyInstance, opts: SearchEngineOptions): Promise<void> {
  const root = opts.contexts[0]!;
  const size = opts.urlsPerFile ?? SITEMAP_URLS_PER_FILE;
  const byCode = new Map(opts.contexts.map((c) => [c.site.edition.code, c]));

  // These files have one address each: a query string (`?page=2`) names nothing here.
  app.addHook('preHandler', async (req, reply) => {
    if (req.url.includes('?')) return messagePage(root, reply, 'badRequest');
  });

  const send = (reply: FastifyReply, type: string, body: string) => reply.type(type).send(body);
  // A sitemap summarises every edition's content (an item's alternates name its translations'
  // addresses): a kept copy goes whenever content, categories or settings of any edition change.
  const everyEdition = opts.contexts.flatMap((c) => [pageTag.content(c.site.edition.code), pageTag.edition(c.site.edition.code)]);

  app.get('/robots.txt', async (_req, reply) => send(reply, 'text/plain; charset=utf-8', robotsTxt(opts.contexts)));
  // Articles leave the news sitemap as they turn two days old, with no change to any content, and
  // the index names the news sitemap only while it has articles: both are made afresh every time
  // (a few aggregate queries; crawlers ask for them now and then) rather than kept.
  app.get('/sitemap.xml', async (_req, reply) => send(reply.header('cache-control', 'no-cache'), XML, sitemapIndexXml(await sitemapIndex(opts.contexts, size, opts.clock.now()))));
  app.get(NEWS_SITEMAP_PATH, async (_req, reply) => send(reply.header('cache-control', 'no-cache'), XML, newsSitemapXml(await newsUrls(root.editions, root.db, opts.clock.now()))));
  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const m = /^(.+)-([1-9][0-9]{0,5})\.xml$/.exec(req.params.file);
    const ctx = m ? byCode.get(m[1]!) : undefined;
    if (!m || !ctx || req.url !== sitemapPath(ctx.site.edition.code, Number(m[2]))) return notFound(root, req, reply);
    tagPage(...everyEdition);
    const urls = await editionSitemap(ctx, Number(m[2]), size);
    if (!urls) return notFound(root, req, reply);
    const xml = urlsetXml(urls);
    // The protocol also caps a sitemap at 50 MB: long Persian addresses in four languages come to
    // about 1.5 KB a URL, so a full file of 50,000 can pass it. Say so rather than fail silently.
    if (xml.length > MAX_SITEMAP_CHARS) req.log.warn({ file: req.params.file, chars: xml.length }, 'sitemap over 50 MB: search engines may refuse it');
    return send(reply, XML, xml);
  });
}
