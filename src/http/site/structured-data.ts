import { raw, type Html } from '#jsx/jsx-runtime';
import type { ImageRef, ItemDetail } from '../../modules/content/index.js';
import { mediaUrl } from './cards.js';
import type { Assets } from './chrome.js';
import type { EditionSite } from './edition-site.js';
import { sectionOfType } from './media-sections.js';
import type { SiteData } from './site-data.js';

type Node = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` written as \u escapes (still
 * the same JSON), so no title can close the element (`</script>`) or open a comment, and the
 * two line separators JavaScript once refused.
 */
export function jsonForScript(value: unknown): Html {
  return raw(JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** An image's absolute address: the largest JPEG, which every network and search engine takes. */
export function imageUrl(site: EditionSite, image: ImageRef): string {
  return site.baseUrl + encodeURI(mediaUrl(image.path));
}

const organizations = new WeakMap<SiteData, Node>();

/** The edition as a news organisation: name, address, logo, and the footer's social profiles as `sameAs`. */
export function organizationNode(site: EditionSite, data: SiteData, assets: Assets): Node {
  let node = organizations.get(data);
  if (node) return node;
  const home = site.baseUrl + site.home();
  const sameAs = Object.values(data.settings.social).filter((u): u is string => typeof u === 'string' && u !== '');
  node = {
    '@type': 'Organization',
    '@id': `${home}#organization`,
    name: site.edition.title,
    url: home,
    logo: { '@type': 'ImageObject', url: site.baseUrl + assets.icon },
    ...(sameAs.length ? { sameAs } : {}),
  };
  organizations.set(data, node);
  return node;
}

/** Home › … › this page, each step with its absolute address. */
export function breadcrumbNode(site: EditionSite, trail: { label: string; url: string }[]): Node {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.label, item: site.baseUrl + step.url })),
  };
}

/** The steps above an item: Home, its media section, its category and the category's parents (as its page shows them). */
export function itemTrail(site: EditionSite, data: SiteData, item: ItemDetail): { label: string; url: string }[] {
  const tree = data.categories;
  const node = item.categoryId !== null ? tree.get(item.categoryId) : undefined;
  const section = sectionOfType(item.type);
  return [
    { label: site.t('home'), url: site.home() },
    ...(section ? [{ label: site.t(`section_${section}`), url: site.url(`/${section}/`) }] : []),
    ...(node ? tree.ancestry(node).map((c) => ({ label: c.name, url: site.category(c.path) })) : []),
    { label: item.title, url: site.item(item.slug) },
  ];
}

/** schema.org types of nashr's content types. */
const SCHEMA_TYPES: Record<string, string> = {
  article: 'NewsArticle',
  page: 'WebPage',
  cartoon: 'ImageObject',
  newspic: 'ImageObject',
  gallery: 'ImageGallery',
  video: 'VideoObject',
  book: 'Book',
  periodical: 'Periodical',
  issue: 'PublicationIssue',
};

/** The item itself: headline, dates, author, publisher, image, language, and what its type adds. */
export function itemNode(site: EditionSite, data: SiteData, assets: Assets, item: ItemDetail, description: string): Node {
  const url = site.baseUrl + site.item(item.slug);
  const org = organizationNode(site, data, assets);
  const publisher = { '@type': 'Organization', '@id': org['@id'], name: org.name, url: org.url, logo: org.logo };
  const image = item.image ? imageUrl(site, item.image) : null;
  const node: Node = {
    '@type': SCHEMA_TYPES[item.type] ?? 'CreativeWork',
    '@id': `${url}#item`,
    headline: item.title,
    name: item.title,
    ...(description ? { description } : {}),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: site.edition.code,
    datePublished: item.publishedAt,
    dateModified: item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt,
    author: item.author ? { '@type': 'Person', name: item.author.name, url: site.baseUrl + site.author(item.author.slug) } : publisher,
    publisher,
    ...(image ? { image: [image] } : {}),
  };
  const category = item.categoryId !== null ? data.categories.get(item.categoryId) : undefined;
  if (category) node.articleSection = category.name;
  if (item.tags.length) node.keywords = item.tags.map((t) => t.name);
  const d = item.details;
  if (item.type === 'video') {
    node.uploadDate = item.publishedAt;
    if (image) node.thumbnailUrl = image;
    if (typeof d.externalUrl === 'string' && d.externalUrl) node.embedUrl = d.externalUrl;
  }
  if ((item.type === 'cartoon' || item.type === 'newspic') && image) node.contentUrl = image;
  if (item.type === 'book' && typeof d.bookAuthor === 'string' && d.bookAuthor) node.author = { '@type': 'Person', name: d.bookAuthor };
  if (item.type === 'issue' && typeof d.number === 'number') node.issueNumber = d.number;
  return node;
}

/** One JSON-LD document of the nodes, ready for the page head. */
export function jsonLd(nodes: Node[]): Html {
  return jsonForScript({ '@context': 'https://schema.org', '@graph': nodes });
}
