import type { Db } from '../../storage/database.js';
import { readDetails } from '../content/index.js';
import { CategoryTree } from '../taxonomy/index.js';
import * as repo from './read-api.repository.js';
import type { ItemParts, ReadDetails, ReadItem, ReadMedia } from './read-api.types.js';

type MediaRow = Awaited<ReturnType<typeof repo.selectMedia>>[number];

function toMedia(r: MediaRow): ReadMedia {
  return {
    id: r.id, kind: r.kind, mime: r.mime, path: r.path, width: r.width, height: r.height, alt: r.alt, caption: r.caption, title: r.title,
    credit: r.credit, sizeBytes: Number(r.size_bytes), originalName: r.original_name, variants: JSON.parse(r.variants || '[]'),
  };
}

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}

const mediaIdsOf = (d: Record<string, unknown>) => [d.videoMediaId, d.pdfMediaId].filter((v): v is number => typeof v === 'number');

/**
 * Fills a page of item rows with the parts asked for. Each part costs one query for the whole
 * page, never one per item: bodies, tags, translations, categories, gallery photos, media.
 */
export async function completeItems(db: Db, rows: repo.ItemRow[], parts: ItemParts): Promise<ReadItem[]> {
  const ids = rows.map((r) => r.id);
  const details = new Map(rows.map((r) => [r.id, readDetails(r.type, r.details)]));
  const galleryIds = parts.details ? rows.filter((r) => r.type === 'gallery').map((r) => r.id) : [];
  const keys = [...new Set(rows.map((r) => r.translation_key).filter((k): k is string => !!k))];
  const editions = [...new Set(rows.map((r) => r.edition))];

  const linked = parts.details ? rows.filter((r) => r.type === 'issue').flatMap((r) => ((details.get(r.id)!.contents ?? []) as { itemId: number | null }[]).map((c) => c.itemId)) : [];
  const [bodies, tags, translations, photos, categories, published] = await Promise.all([
    parts.body ? repo.selectBodies(db, ids) : [],
    parts.tags ? repo.selectTagsOfItems(db, ids) : [],
    parts.translations ? repo.selectTranslationsOf(db, keys) : [],
    repo.selectGalleryPhotosOf(db, galleryIds),
    parts.category && rows.some((r) => r.category_id !== null) ? repo.selectCategories(db, editions) : [],
    repo.selectPublishedIds(db, [...new Set(linked.filter((id): id is number => id !== null))]),
  ]);
  const isPublished = new Set(published.map((p) => p.id));
  const mediaIds = new Set<number>();
  for (const r of rows) {
    if (parts.featuredImage && r.featured_media_id !== null) mediaIds.add(r.featured_media_id);
    if (parts.details) for (const id of mediaIdsOf(details.get(r.id)!)) mediaIds.add(id);
  }
  for (const p of photos) mediaIds.add(p.media_id);
  const media = new Map((await repo.selectMedia(db, [...mediaIds])).map((m) => [m.id, toMedia(m)]));

  const bodyOf = new Map(bodies.map((b) => [b.item_id, b.body_html]));
  const tagsOf = group(tags, (t) => t.item_id);
  const translationsOf = group(translations, (t) => t.translation_key!);
  const photosOf = group(photos, (p) => p.item_id);
  const tree = new CategoryTree(categories);

  return rows.map((r) => {
    const item: ReadItem = {
      id: r.id, type: r.type, edition: r.edition, slug: r.slug, title: r.title, excerpt: r.excerpt, publishedAt: r.published_at, updatedAt: r.updated_at,
      sourceLine: r.source_line, commentCount: Number(r.comment_count), pinned: !!r.pinned, author: r.author_name !== null ? { name: r.author_name, slug: r.author_slug! } : null,
      parentId: r.parent_id, seoTitle: r.seo_title, seoDescription: r.seo_description,
    };
    if (parts.body) item.bodyHtml = bodyOf.get(r.id) ?? '';
    if (parts.category) {
      const node = r.category_id !== null ? tree.get(r.category_id) : undefined;
      item.category = node ? { id: node.id, slug: node.slug, name: node.name, path: node.path } : null;
    }
    if (parts.tags) item.tags = (tagsOf.get(r.id) ?? []).map((t) => ({ id: t.id, slug: t.slug, name: t.name }));
    if (parts.featuredImage) item.featuredImage = r.featured_media_id !== null ? (media.get(r.featured_media_id) ?? null) : null;
    if (parts.translations) item.translations = r.translation_key ? (translationsOf.get(r.translation_key) ?? []).filter((t) => t.id !== r.id).map((t) => ({ id: t.id, edition: t.edition })) : [];
    if (parts.details) item.details = detailsOf(r.type, details.get(r.id)!, media, photosOf.get(r.id) ?? [], isPublished);
    return item;
  });
}

function detailsOf(type: string, d: Record<string, unknown>, media: Map<number, ReadMedia>, photos: { media_id: number; caption: string; credit: string }[], isPublished: Set<number>): ReadDetails {
  const file = (id: unknown) => (typeof id === 'number' ? (media.get(id) ?? null) : null);
  switch (type) {
    case 'cartoon':
    case 'newspic':
      return { caption: d.caption as string, credit: d.credit as string };
    case 'video':
      return { credit: d.credit as string, videoFile: file(d.videoMediaId), externalUrl: d.externalUrl as string };
    case 'book':
      return { bookAuthor: d.bookAuthor as string, publisher: d.publisher as string, year: d.year as number | null, language: d.language as string, pdf: file(d.pdfMediaId), purchaseUrl: d.purchaseUrl as string };
    case 'issue':
      // An entry links its item only while that item is published, as on the page.
      return {
        number: d.number as number | null,
        pdf: file(d.pdfMediaId),
        contents: (d.contents as { title: string; itemId: number | null }[]).map((c) => ({ title: c.title, itemId: c.itemId !== null && isPublished.has(c.itemId) ? c.itemId : null })),
      };
    case 'gallery':
      return {
        photos: photos.flatMap((p) => {
          const image = media.get(p.media_id);
          return image ? [{ image, caption: p.caption || image.caption, credit: p.credit || image.credit }] : [];
        }),
      };
    default:
      return {};
  }
}
