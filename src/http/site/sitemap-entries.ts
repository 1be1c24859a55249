import { LISTED_TYPES } from '../../modules/content/index.js';
import { chunkLastmods, countPublished, listingChanges, recentArticles, sitemapItems, type NewsUrl, type SitemapRef, type SitemapUrl } from '../../modules/sitemaps/index.js';
import { mediaUrl } from './cards.js';
import type { SiteEditions } from './chrome.js';
import type { EditionSite } from './edition-site.js';
import { hreflangLinks, hreflangOrder } from './hreflang.js';
import { MEDIA_SECTIONS, type MediaSection } from './media-sections.js';
import type { SiteContext } from './site-context.js';

/**
 * URLs per sitemap file. The protocol allows 50,000 or 50 MB, whichever comes first; a fully
 * translated Persian entry (percent-encoded addresses, four hreflang alternates) takes about
 * 1.5 KB, so 50,000 of them would pass 50 MB: 20,000 keeps a file near 30 MB at worst.
 */
export const SITEMAP_URLS_PER_FILE = 20_000;

/** Where an edition's n-th sitemap (1-based) and the news sitemap live: `.xml` names no item slug can take (slugs are letters, digits and hyphens, and item URLs end in `/`). */
export const sitemapPath = (code: string, n: number) => `/sitemaps/${code}-${n}.xml`;
export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml';

const later = (a: string | null | undefined, b: string | null | undefined) => ((a ?? '') > (b ?? '') ? a! : (b ?? null));

/** The absolute address of a path inside an edition. */
const absolute = (site: EditionSite, path: string) => site.baseUrl + site.url(path);

/**
 * The listings of an edition worth a search engine's visit, each with its newest change: the
 * home page, each media section and each category that has something in it. (Tag, author and
 * date archives, `/articles/` — the home page's listing again — and further pages of listings
 * are reached from these.)
 */
async function listingUrls(ctx: SiteContext): Promise<SitemapUrl[]> {
  const { site, editions, db } = ctx;
  const code = site.edition.code;
  const order = hreflangOrder(editions.sites.map((s) => s.edition));
  const everywhere = (path: string) => hreflangLinks(new Map(editions.sites.map((s) => [s.edition.code, absolute(s, path)])), order);
  const { byType, byCategory } = await listingChanges(db, code, LISTED_TYPES);
  const urls: SitemapUrl[] = [];
  const home = LISTED_TYPES.reduce<string | null>((m, t) => later(m, byType.get(t)), null);
  urls.push({ loc: absolute(site, '/'), lastmod: home, alternates: everywhere('/'), images: [] });
  for (const section of Object.keys(MEDIA_SECTIONS) as MediaSection[]) {
    const lastmod = byType.get(MEDIA_SECTIONS[section].type);
    if (lastmod) urls.push({ loc: absolute(site, `/${section}/`), lastmod, alternates: everywhere(`/${section}/`), images: [] });
  }
  // A category lists the articles of its sub-categories too: its newest change is theirs as well.
  const tree = (await ctx.data.get(code)).categories;
  const changed = new Map<number, string>();
  for (const [id, lastmod] of byCategory) {
    const node = tree.get(id);
    for (const n of node ? tree.ancestry(node) : []) changed.set(n.id, later(changed.get(n.id), lastmod)!);
  }
  const counterparts = new Map<string, Map<string, string>>();
  for (const other of editions.sites) {
    for (const node of (await ctx.data.get(other.edition.code)).categories.inTreeOrder()) {
      if (!node.translationKey) continue;
      const group = counterparts.get(node.translationKey) ?? new Map<string, string>();
      group.set(other.edition.code, other.baseUrl + other.category(node.path));
      counterparts.set(node.translationKey, group);
    }
  }
  for (const node of tree.inTreeOrder()) {
    const lastmod = changed.get(node.id);
    if (!lastmod) continue;
    const group = node.translationKey ? counterparts.get(node.translationKey) : undefined;
    urls.push({ loc: site.baseUrl + site.category(node.path), lastmod, alternates: group ? hreflangLinks(group, order) : [], images: [] });
  }
  return urls;
}

/** How an edition's URLs fall into sitemaps: the listings first, then the published items by id. */
async function plan(ctx: SiteContext, size: number) {
  const listings = await listingUrls(ctx);
  const items = await countPublished(ctx.db, ctx.site.edition.code);
  return { listings, items, files: Math.max(1, Math.ceil((listings.length + items) / size)) };
}

/** The n-th (1-based) sitemap of an edition, or null past the last one. */
export async function editionSitemap(ctx: SiteContext, n: number, size: number): Promise<SitemapUrl[] | null> {
  const { site, editions, db } = ctx;
  const { listings, files } = await plan(ctx, size);
  if (n > files) return null;
  const start = (n - 1) * size;
  const urls = listings.slice(start, start + size);
  const order = hreflangOrder(editions.sites.map((s) => s.edition));
  for (const item of await sitemapItems(db, site.edition.code, Math.max(0, start - listings.length), size - urls.length)) {
    const versions = new Map<string, string>();
    for (const [code, slug] of item.versions) {
      const other = editions.byCode.get(code);
      if (other) versions.set(code, other.baseUrl + other.item(slug));
    }
    urls.push({
      loc: site.baseUrl + site.item(item.slug),
      lastmod: item.lastmod,
      alternates: hreflangLinks(versions, order),
      images: item.images.map((path) => site.baseUrl + encodeURI(mediaUrl(path))),
    });
  }
  return urls;
}

/** Every edition's sitemaps with their newest change, and the news sitemap when it has articles. */
export async function sitemapIndex(contexts: readonly SiteContext[], size: number, now: Date): Promise<SitemapRef[]> {
  const refs: SitemapRef[] = [];
  for (const ctx of contexts) {
    const { site, db } = ctx;
    const { listings, files } = await plan(ctx, size);
    const lastmods = await chunkLastmods(db, site.edition.code, listings.length, size);
    for (let n = 1; n <= files; n++) {
      const fromListings = listings.slice((n - 1) * size, n * size).reduce<string | null>((m, u) => later(m, u.lastmod), null);
      refs.push({ loc: site.baseUrl + sitemapPath(site.edition.code, n), lastmod: later(fromListings, lastmods.get(n - 1)) });
    }
  }
  const news = await newsUrls(contexts[0]!.editions, contexts[0]!.db, now);
  if (news.length) refs.push({ loc: contexts[0]!.site.baseUrl + NEWS_SITEMAP_PATH, lastmod: news[0]!.publishedAt });
  return refs;
}

/** The articles of the last two days, every edition's, for the news sitemap. */
export async function newsUrls(editions: SiteEditions, db: SiteContext['db'], now: Date): Promise<NewsUrl[]> {
  return (await recentArticles(db, now)).flatMap((a) => {
    const site = editions.byCode.get(a.edition);
    if (!site) return [];
    return [{ loc: site.baseUrl + site.item(a.slug), publication: site.edition.title, language: site.edition.code, publishedAt: a.published_at, title: a.title }];
  });
}
