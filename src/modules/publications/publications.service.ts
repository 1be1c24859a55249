import type { Db } from '../../storage/database.js';
import { readDetails, type ImageRef } from '../content/index.js';
import * as repo from './publications.repository.js';
import type { GalleryPhoto, IssueContentsEntry, IssueSummary, MediaFile } from './publications.types.js';

type ImageColumns = { image_path: string | null; image_alt: string | null; image_width: number | null; image_height: number | null; image_variants: string | null };

function imageOf(r: ImageColumns): ImageRef | null {
  return r.image_path
    ? { path: r.image_path, alt: r.image_alt ?? '', width: r.image_width, height: r.image_height, variants: JSON.parse(r.image_variants ?? '[]') }
    : null;
}

/** A gallery's photos in order; a photo's own caption and credit, else the media library's. */
export async function galleryPhotos(db: Db, itemId: number): Promise<GalleryPhoto[]> {
  const rows = await repo.selectGalleryPhotos(db, itemId);
  return rows.map((r) => ({ mediaId: r.media_id, image: imageOf(r)!, caption: r.caption || r.media_caption, credit: r.credit || r.media_credit }));
}

/** What a media listing shows beyond a card: each item's type fields and, for galleries, its photo count. */
export async function listingExtras(db: Db, ids: number[]): Promise<Map<number, { details: Record<string, unknown>; photoCount: number }>> {
  const rows = await repo.selectDetailsAndCounts(db, ids);
  return new Map(rows.map((r) => [r.id, { details: readDetails(r.type, r.details), photoCount: Number(r.photo_count ?? 0) }]));
}

/** A periodical's published issues, newest first. */
export async function issuesOf(db: Db, periodicalId: number): Promise<IssueSummary[]> {
  const rows = await repo.selectIssues(db, periodicalId);
  return rows.map((r) => {
    const d = readDetails('issue', r.details) as { number: number | null; pdfMediaId: number | null; contents: { title: string; itemId: number | null }[] };
    return { id: r.id, slug: r.slug, title: r.title, excerpt: r.excerpt, publishedAt: r.published_at, number: d.number, pdfMediaId: d.pdfMediaId, contents: d.contents, image: imageOf(r) };
  });
}

/** "Inside this issue" with each entry linked when its item is published in the edition; unpublished ones stay plain text. */
export async function resolveContents(db: Db, edition: string, contents: { title: string; itemId: number | null }[]): Promise<IssueContentsEntry[]> {
  const ids = [...new Set(contents.map((c) => c.itemId).filter((i): i is number => i !== null))];
  const links = new Map((await repo.selectPublishedLinks(db, edition, ids)).map((r) => [r.id, r]));
  return contents.map((c) => {
    const item = c.itemId !== null ? links.get(c.itemId) : undefined;
    return { title: c.title, link: item ? { slug: item.slug, title: item.title } : null };
  });
}

/** The media files of some ids (missing ones are left out). */
export async function mediaFiles(db: Db, ids: (number | null | undefined)[]): Promise<Map<number, MediaFile>> {
  const wanted = [...new Set(ids.filter((i): i is number => typeof i === 'number'))];
  const rows = await repo.selectFiles(db, wanted);
  return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, mime: r.mime, path: r.path, sizeBytes: Number(r.size_bytes), originalName: r.original_name }]));
}

/** The published item an issue belongs to (its periodical): slug and title. */
export async function periodicalOf(db: Db, edition: string, parentId: number | null): Promise<{ slug: string; title: string } | null> {
  if (parentId === null) return null;
  const [row] = await repo.selectPublishedLinks(db, edition, [parentId]);
  return row && row.type === 'periodical' ? { slug: row.slug, title: row.title } : null;
}
