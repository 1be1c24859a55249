import type { FeedLinkVM } from '../../themes/default/view-models.js';
import type { EditionSite } from './edition-site.js';

/** The file names of a feed in each format, after the path it follows. */
export const FEED_FILES = [
  { file: 'feed.xml', type: 'application/rss+xml', name: 'RSS' },
  { file: 'feed.atom', type: 'application/atom+xml', name: 'Atom' },
  { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed' },
] as const;

/** A feed's title: the edition's own, or "Cartoons – Nashr Review". */
export function feedTitle(site: EditionSite, name: string | null): string {
  return name ? `${name} – ${site.edition.title}` : site.edition.title;
}

/** `<link rel="alternate">` entries for the feeds of the path `base` (inside the edition, ending in '/'). */
export function feedLinks(site: EditionSite, base: string, name: string | null): FeedLinkVM[] {
  const title = feedTitle(site, name);
  return FEED_FILES.map((f) => ({ type: f.type, title: `${title} (${f.name})`, href: site.url(`${base}${f.file}`) }));
}

const editionLinks = new WeakMap<EditionSite, FeedLinkVM[]>();

/** The edition's own feeds, which every page of it announces (built once per edition). */
export function editionFeedLinks(site: EditionSite): FeedLinkVM[] {
  let links = editionLinks.get(site);
  if (!links) {
    links = feedLinks(site, '/', null);
    editionLinks.set(site, links);
  }
  return links;
}
