/**
 * First path segments the public site routes itself; an item with one of these slugs would be
 * unreachable (or would hide a listing). Four digits are a year archive. Periodicals (`newsletter`,
 * `pars-brief`) are items themselves, so their slugs are not reserved.
 */
const RESERVED = new Set([
  'page', 'category', 'tag', 'author', 'search', 'articles', 'media', 'publications', 'cartoons', 'newspics',
  'gallery', 'videos', 'books', 'feed', 'rss', 'atom',
  'sitemap', 'api', 'admin', 'assets', 'wp-content', 'wp-admin', 'robots-txt',
]);

export function isReservedSlug(slug: string, editionCodes: readonly string[]): boolean {
  return RESERVED.has(slug) || /^[0-9]{4}$/.test(slug) || editionCodes.includes(slug);
}
