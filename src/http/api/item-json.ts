import type { ReadDetails, ReadItem, ReadMedia } from '../../modules/read-api/index.js';
import type { ApiUrls } from './api-urls.js';

type Json = Record<string, unknown>;

export function imageJson(urls: ApiUrls, m: ReadMedia): Json {
  return {
    id: m.id, url: urls.media(m.path), alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height, mime: m.mime,
    variants: m.variants.map((v) => ({ url: urls.media(v.path), width: v.width, mime: v.mime })),
  };
}

function fileJson(urls: ApiUrls, m: ReadMedia | null | undefined): Json | null {
  if (!m) return null;
  return { id: m.id, kind: m.kind, mime: m.mime, url: urls.media(m.path), download_url: urls.download(m.id), size_bytes: m.sizeBytes, name: m.originalName };
}

const orNull = (s: string | undefined) => (s ? s : null);

function detailsJson(urls: ApiUrls, type: string, d: ReadDetails): Json {
  switch (type) {
    case 'cartoon':
    case 'newspic':
      return { caption: d.caption, credit: d.credit };
    case 'video':
      return { credit: d.credit, file: fileJson(urls, d.videoFile), external_url: orNull(d.externalUrl) };
    case 'book':
      return { author: d.bookAuthor, publisher: d.publisher, year: d.year, language: d.language, pdf: fileJson(urls, d.pdf), purchase_url: orNull(d.purchaseUrl) };
    case 'issue':
      return { number: d.number, pdf: fileJson(urls, d.pdf), contents: (d.contents ?? []).map((c) => ({ title: c.title, item_id: c.itemId })) };
    case 'gallery':
      return { photos: (d.photos ?? []).map((p) => ({ image: imageJson(urls, p.image), caption: p.caption, credit: p.credit })) };
    default:
      return {};
  }
}

/** Each field of an item's answer, made only when asked for. */
const FIELD_MAKERS: Record<string, (item: ReadItem, urls: ApiUrls) => unknown> = {
  id: (i) => i.id,
  type: (i) => i.type,
  edition: (i) => i.edition,
  slug: (i) => i.slug,
  title: (i) => i.title,
  excerpt: (i) => i.excerpt,
  body_html: (i) => i.bodyHtml ?? '',
  url: (i, u) => u.item(i.edition, i.slug),
  published_at: (i) => i.publishedAt,
  updated_at: (i) => i.updatedAt,
  source_line: (i) => i.sourceLine,
  comment_count: (i) => i.commentCount,
  pinned: (i) => i.pinned,
  author: (i, u) => (i.author ? { name: i.author.name, slug: i.author.slug, url: u.author(i.edition, i.author.slug) } : null),
  category: (i, u) => (i.category ? { id: i.category.id, slug: i.category.slug, name: i.category.name, url: u.category(i.edition, i.category.path) } : null),
  tags: (i, u) => (i.tags ?? []).map((t) => ({ id: t.id, slug: t.slug, name: t.name, url: u.tag(i.edition, t.slug) })),
  featured_image: (i, u) => (i.featuredImage ? imageJson(u, i.featuredImage) : null),
  translations: (i) => i.translations ?? [],
  parent_id: (i) => i.parentId,
  seo_title: (i) => i.seoTitle,
  seo_description: (i) => i.seoDescription,
  details: (i, u) => detailsJson(u, i.type, i.details ?? {}),
};

/** An item as the API sends it: every field, or only `fields` (and always `id`), in the documented order. */
export function itemJson(urls: ApiUrls, item: ReadItem, fields: ReadonlySet<string> | null): Json {
  const out: Json = {};
  for (const [name, make] of Object.entries(FIELD_MAKERS)) if (!fields || name === 'id' || fields.has(name)) out[name] = make(item, urls);
  return out;
}
