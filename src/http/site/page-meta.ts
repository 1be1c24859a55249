import type { ImageRef, ItemDetail } from '../../modules/content/index.js';
import type { PageMetaVM } from '../../themes/default/meta-view-models.js';
import type { Assets, SiteEditions } from './chrome.js';
import type { EditionSite } from './edition-site.js';
import type { SiteData } from './site-data.js';
import { breadcrumbNode, imageUrl, itemNode, itemTrail, jsonLd, organizationNode } from './structured-data.js';

/** What a page is about, beyond its title and description: given by item pages, defaults elsewhere. */
export interface PageAbout {
  kind: 'article' | 'website';
  image: ImageRef | null;
  publishedAt?: string;
  modifiedAt?: string;
  /** the category's name */
  section?: string;
  tags?: string[];
  /** JSON-LD nodes beside the Organization */
  nodes?: Record<string, unknown>[];
}

export interface MetaInput {
  /** the page's own title (an SEO title where the newsroom gave one), without the site's name */
  title: string;
  description: string;
  /** absolute; null for a page that is not to be shared or indexed */
  canonical: string | null;
  /** edition code → absolute URL of each version of the page, its own included */
  versions: ReadonlyMap<string, string>;
  about?: PageAbout;
}

export const NO_META: PageMetaVM = { openGraph: [], twitter: [], jsonLd: null };

/** Open Graph locales are `ll_TT`: `fa-IR` → `fa_IR`; a bare language gets its likeliest territory (`ar` → `ar_EG`). */
function ogLocale(locale: string): string {
  try {
    const { language, region } = new Intl.Locale(locale).maximize();
    return region ? `${language}_${region}` : language;
  } catch {
    return locale.replace('-', '_');
  }
}

/** The `@handle` of an X/Twitter profile address, for `twitter:site`. */
function twitterHandle(url: string | undefined): string | null {
  const m = url ? /^https?:\/\/(?:www\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/?$/.exec(url) : null;
  return m ? `@${m[1]}` : null;
}

/** Open Graph, Twitter card and JSON-LD of a page that has a canonical address; none for error and search pages. */
export function pageMeta(site: EditionSite, editions: SiteEditions, assets: Assets, data: SiteData, input: MetaInput): PageMetaVM {
  if (!input.canonical) return NO_META;
  const { edition } = site;
  const about = input.about ?? { kind: 'website', image: null };
  const og: PageMetaVM['openGraph'] = [
    { property: 'og:type', content: about.kind },
    { property: 'og:title', content: input.title },
    ...(input.description ? [{ property: 'og:description', content: input.description }] : []),
    { property: 'og:url', content: input.canonical },
    { property: 'og:site_name', content: edition.title },
    { property: 'og:locale', content: ogLocale(edition.locale) },
  ];
  for (const code of input.versions.keys()) {
    const other = editions.byCode.get(code);
    if (other && other !== site) og.push({ property: 'og:locale:alternate', content: ogLocale(other.edition.locale) });
  }
  const image = about.image;
  if (image) {
    og.push({ property: 'og:image', content: imageUrl(site, image) });
    if (image.width && image.height) og.push({ property: 'og:image:width', content: String(image.width) }, { property: 'og:image:height', content: String(image.height) });
    if (image.alt) og.push({ property: 'og:image:alt', content: image.alt });
  }
  if (about.kind === 'article') {
    if (about.publishedAt) og.push({ property: 'article:published_time', content: about.publishedAt });
    if (about.modifiedAt) og.push({ property: 'article:modified_time', content: about.modifiedAt });
    if (about.section) og.push({ property: 'article:section', content: about.section });
    for (const tag of about.tags ?? []) og.push({ property: 'article:tag', content: tag });
  }
  const twitter: PageMetaVM['twitter'] = [
    { name: 'twitter:card', content: image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: input.title },
    ...(input.description ? [{ name: 'twitter:description', content: input.description }] : []),
    ...(image ? [{ name: 'twitter:image', content: imageUrl(site, image) }, ...(image.alt ? [{ name: 'twitter:image:alt', content: image.alt }] : [])] : []),
  ];
  const handle = twitterHandle(data.settings.social.twitter);
  if (handle) twitter.push({ name: 'twitter:site', content: handle });
  return { openGraph: og, twitter, jsonLd: jsonLd([organizationNode(site, data, assets), ...(about.nodes ?? [])]) };
}

/** What an item's page is about: its image, dates, category and tags, and its JSON-LD (the item, its breadcrumbs). */
export function itemAbout(site: EditionSite, data: SiteData, assets: Assets, item: ItemDetail, description: string): PageAbout {
  const category = item.categoryId !== null ? data.categories.get(item.categoryId) : undefined;
  const modified = item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt;
  return {
    kind: item.type === 'page' || item.type === 'periodical' ? 'website' : 'article',
    image: item.image,
    publishedAt: item.publishedAt,
    modifiedAt: modified,
    ...(category ? { section: category.name } : {}),
    tags: item.tags.map((t) => t.name),
    nodes: [itemNode(site, data, assets, item, description), breadcrumbNode(site, itemTrail(site, data, item))],
  };
}
