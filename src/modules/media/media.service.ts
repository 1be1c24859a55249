import { z } from 'zod';
import { foldForSearch } from '../../lib/search-text.js';
import type { Db } from '../../storage/database.js';
import type { GeneratedImage } from './generated-image.js';
import { MediaError } from './media.errors.js';
import { removeMediaFiles } from './media-files.js';
import * as repo from './media.repository.js';
import { MEDIA_KINDS, type MediaKind, type MediaPage, type MediaRecord, type MediaUsage, type MediaVariant } from './media.types.js';

/** Media files are served under /media/ from the media directory. */
export function mediaUrl(path: string): string {
  return `/media/${path}`;
}

/** The text a media item is found by, folded once on write. */
export function mediaSearchText(m: { title: string; alt: string; caption: string; credit: string; originalName: string }): string {
  return foldForSearch([m.title, m.alt, m.caption, m.credit, m.originalName].join('\n'));
}

/** The one place a media row becomes a record. */
export function toMediaRecord(row: repo.MediaRow): MediaRecord {
  const variants = JSON.parse(row.variants) as MediaVariant[];
  return {
    id: row.id,
    kind: row.kind as MediaKind,
    mime: row.mime,
    path: row.path,
    url: mediaUrl(row.path),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    title: row.title,
    credit: row.credit,
    originalName: row.original_name,
    sizeBytes: Number(row.size_bytes),
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    variants: variants.map((v) => ({ ...v, url: mediaUrl(v.path) })),
    previewMediaId: row.preview_media_id,
  };
}

/** Records a generated (demo) image in the media library; returns its id. */
export async function addImage(db: Db, image: GeneratedImage, alt: string, caption = ''): Promise<number> {
  return repo.insertMedia(db, {
    kind: 'image',
    path: image.path,
    mime: 'image/jpeg',
    width: image.width,
    height: image.height,
    alt,
    caption,
    variants: JSON.stringify(image.variants),
    search_text: mediaSearchText({ title: '', alt, caption, credit: '', originalName: '' }),
    created_at: new Date().toISOString(),
  });
}

/** The describing fields an editor sets; each one optional, so a form can change some. */
export const mediaMetaSchema = z
  .object({
    alt: z.string().trim().max(1000),
    caption: z.string().trim().max(2000),
    title: z.string().trim().max(300),
    credit: z.string().trim().max(300),
  })
  .partial()
  .strict();

export type MediaMeta = z.input<typeof mediaMetaSchema>;

/** Validates describing fields; throws `media.invalid_input` naming the fields at fault. */
export function parseMediaMeta(input: unknown): z.output<typeof mediaMetaSchema> {
  const parsed = mediaMetaSchema.safeParse(input);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'input'))].join(', ');
    throw new MediaError('media.invalid_input', `Check these fields: ${fields}.`);
  }
  return parsed.data;
}

/** One media item, or `media.not_found`. */
export async function getMedia(db: Db, id: number): Promise<MediaRecord> {
  const row = await repo.selectMediaById(db, id);
  if (!row) throw new MediaError('media.not_found', 'There is no such media item.');
  return toMediaRecord(row);
}

const listSchema = z.object({
  kind: z.enum(MEDIA_KINDS as [MediaKind, ...MediaKind[]]).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).default(1),
  perPage: z.number().int().min(1).max(100).default(30),
});

export type MediaListOptions = z.input<typeof listSchema>;

/**
 * A page of the library, newest first, optionally of one kind and matching `q` in title, alt
 * text, caption, credit or original file name (case-insensitive, in any script).
 */
export async function listMedia(db: Db, options: MediaListOptions = {}): Promise<MediaPage> {
  const parsed = listSchema.safeParse(options);
  if (!parsed.success) throw new MediaError('media.invalid_input', 'The library cannot be listed that way.');
  const { kind, q, page, perPage } = parsed.data;
  const search = q ? foldForSearch(q) : undefined;
  const rows = await repo.selectMediaPage(db, { kind, search, limit: perPage + 1, offset: (page - 1) * perPage });
  return { items: rows.slice(0, perPage).map(toMediaRecord), hasMore: rows.length > perPage };
}

/** Changes an item's alt text, caption, title or credit; returns the item as it now is. */
export async function updateMediaMeta(db: Db, id: number, input: MediaMeta): Promise<MediaRecord> {
  const meta = parseMediaMeta(input);
  return db.transaction().execute(async (trx) => {
    const current = await getMedia(trx, id);
    const next = { ...current, ...meta };
    await repo.updateMediaRow(trx, id, {
      alt: next.alt,
      caption: next.caption,
      title: next.title,
      credit: next.credit,
      search_text: mediaSearchText(next),
      updated_at: new Date().toISOString(),
    });
    return getMedia(trx, id);
  });
}

/** Every item that uses a media item: as its featured image, or in its body (any of its files). */
export async function findMediaUsage(db: Db, id: number): Promise<MediaUsage[]> {
  const media = await getMedia(db, id);
  const paths = [...new Set([media.path, ...media.variants.map((v) => v.path)])];
  const featured = await repo.selectFeaturedUsers(db, id);
  const body = await repo.selectBodyUsers(db, paths);
  return [
    ...featured.map((r) => ({ itemId: r.id, title: r.title, edition: r.edition, type: r.type, how: 'featured' as const })),
    ...body.map((r) => ({ itemId: r.id, title: r.title, edition: r.edition, type: r.type, how: 'body' as const })),
  ].sort((a, b) => a.itemId - b.itemId || a.how.localeCompare(b.how));
}

/**
 * Deletes a media item. One in use is refused with `media.in_use`, carrying where it is used,
 * unless `force` is set: then items lose it as their featured image (bodies keep their HTML).
 * Files go once the row is gone, and only when no other row shares them.
 */
export async function deleteMedia(db: Db, mediaDir: string, id: number, options: { force?: boolean } = {}): Promise<void> {
  const usage = await findMediaUsage(db, id);
  if (usage.length && !options.force) {
    throw new MediaError('media.in_use', `This file is used by ${usage.length} item(s); confirm to delete it anyway.`, { usage });
  }
  const media = await db.transaction().execute(async (trx) => {
    const record = await getMedia(trx, id);
    await repo.deleteMediaRow(trx, id);
    const shared = await repo.countOtherMediaWithPath(trx, record.path, id);
    return { record, shared };
  });
  if (!media.shared) await removeMediaFiles(mediaDir, [media.record.path, ...media.record.variants.map((v) => v.path)]);
}
