/** Sitemaps as data, and their XML (sitemaps.org 0.9 with Google's image and news extensions and xhtml:link alternates). */

export interface SitemapUrl {
  /** absolute */
  loc: string;
  /** W3C datetime (ISO 8601) */
  lastmod: string | null;
  /** every language version of the page, itself included, and x-default; empty when it has none */
  alternates: { hreflang: string; href: string }[];
  /** absolute image addresses */
  images: string[];
}

export interface SitemapRef {
  loc: string;
  lastmod: string | null;
}

export interface NewsUrl {
  loc: string;
  publication: string;
  language: string;
  publishedAt: string;
  title: string;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Text and attribute values: the five markup characters, and no character XML 1.0 forbids (a stray control byte would make the whole file unreadable). */
export function xmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function urlXml(u: SitemapUrl): string {
  let out = `<url><loc>${xmlText(u.loc)}</loc>`;
  if (u.lastmod) out += `<lastmod>${xmlText(u.lastmod)}</lastmod>`;
  for (const a of u.alternates) out += `<xhtml:link rel="alternate" hreflang="${xmlText(a.hreflang)}" href="${xmlText(a.href)}"/>`;
  for (const image of u.images) out += `<image:image><image:loc>${xmlText(image)}</image:loc></image:image>`;
  return `${out}</url>\n`;
}

/** A `<urlset>` with hreflang alternates and images. */
export function urlsetXml(urls: readonly SitemapUrl[]): string {
  const head = `${XML_DECL}<urlset xmlns="${NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n`;
  return head + urls.map(urlXml).join('') + '</urlset>\n';
}

/** A `<sitemapindex>` of sitemaps. */
export function sitemapIndexXml(sitemaps: readonly SitemapRef[]): string {
  const body = sitemaps.map((s) => `<sitemap><loc>${xmlText(s.loc)}</loc>${s.lastmod ? `<lastmod>${xmlText(s.lastmod)}</lastmod>` : ''}</sitemap>\n`).join('');
  return `${XML_DECL}<sitemapindex xmlns="${NS}">\n${body}</sitemapindex>\n`;
}

/** A Google News sitemap: one `<news:news>` per recent article. */
export function newsSitemapXml(urls: readonly NewsUrl[]): string {
  const body = urls
    .map(
      (u) =>
        `<url><loc>${xmlText(u.loc)}</loc><news:news><news:publication><news:name>${xmlText(u.publication)}</news:name>` +
        `<news:language>${xmlText(u.language)}</news:language></news:publication>` +
        `<news:publication_date>${xmlText(u.publishedAt)}</news:publication_date><news:title>${xmlText(u.title)}</news:title></news:news></url>\n`,
    )
    .join('');
  return `${XML_DECL}<urlset xmlns="${NS}" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${body}</urlset>\n`;
}
