import type { Db } from '../../storage/database.js';
import { readDetails } from '../content/index.js';
import { galleryPhotos, mediaFiles, type MediaFile } from '../publications/index.js';
import type { FeedItem } from './feed.types.js';
import * as repo from './feeds.repository.js';

export type { FeedFilter } from './feeds.repository.js';

/** Every type an edition's feed carries: what readers follow (pages and periodicals themselves are not news). */
export const FEED_TYPES = ['article', 'cartoon', 'newspic', 'gallery', 'video', 'book', 'issue'] as const;

/** The largest page number a feed answers (beyond it a request is refused, not run). */
export const MAX_FEED_PAGE = 10_000;

/** The media library file an item offers as an enclosure: an uploaded video, or a book's or issue's PDF. */
function enclosureId(type: string, d: Record<string, unknown>): number | null {
  const id = type === 'video' ? d.videoMediaId : type === 'book' || type === 'issue' ? d.pdfMediaId : null;
  return typeof id === 'number' ? id : null;
}

function isEnclosure(type: string, file: MediaFile | undefined): file is MediaFile {
  return !!file && (type === 'video' ? file.kind === 'video' : file.kind === 'pdf');
}

/**
 * One page of a feed, newest first, with tags, enclosures and (when `full`) bodies and gallery
 * photos. Null when the page lies past the last one (page 1 of an empty feed is an empty feed).
 */
export async function feedPage(db: Db, filter: repo.FeedFilter, page: number, perPage: number, full: boolean): Promise<{ items: FeedItem[]; hasOlder: boolean } | null> {
  if (filter.categoryIds && filter.categoryIds.length === 0) return page === 1 ? { items: [], hasOlder: false } : null;
  const rows = await repo.selectFeedItems(db, filter, perPage + 1, (page - 1) * perPage, full);
  if (rows.length === 0 && page > 1) return null;
  const shown = rows.slice(0, perPage);
  const ids = shown.map((r) => r.id);
  const details = new Map(shown.map((r) => [r.id, readDetails(r.type, r.details)]));
  const [tagRows, files, photos] = await Promise.all([
    repo.selectTagsOfItems(db, ids),
    mediaFiles(db, shown.map((r) => enclosureId(r.type, details.get(r.id)!))),
    full ? Promise.all(shown.map((r) => (r.type === 'gallery' ? galleryPhotos(db, r.id) : Promise.resolve([])))) : Promise.resolve(shown.map(() => [])),
  ]);
  const tags = new Map<number, { slug: string; name: string }[]>();
  for (const t of tagRows) {
    const list = tags.get(t.item_id) ?? [];
    list.push({ slug: t.slug, name: t.name });
    tags.set(t.item_id, list);
  }
  const items = shown.map((r, n): FeedItem => {
    const d = details.get(r.id)!;
    const file = files.get(enclosureId(r.type, d) ?? 0);
    return {
      id: r.id,
      type: r.type,
      slug: r.slug,
      title: r.title,
      excerpt: r.excerpt,
      bodyHtml: r.body_html ?? '',
      sourceLine: r.source_line,
      publishedAt: r.published_at,
      updatedAt: r.updated_at,
      createdAt: r.created_at,
      categoryId: r.category_id,
      image: r.image_path ? { path: r.image_path, alt: r.image_alt ?? '', width: r.image_width, height: r.image_height, variants: JSON.parse(r.image_variants ?? '[]') } : null,
      author: r.author_name !== null ? { name: r.author_name, slug: r.author_slug! } : null,
      tags: tags.get(r.id) ?? [],
      details: d,
      enclosure: isEnclosure(r.type, file) ? file : null,
      photos: photos[n] ?? [],
    };
  });
  return { items, hasOlder: rows.length > perPage };
}

/** A published periodical of the edition by slug (its issues make a feed), or undefined. */
export function findPeriodical(db: Db, edition: string, slug: string) {
  return repo.selectPeriodical(db, edition, slug.normalize('NFC'));
}
