import { basename, join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { Db } from '../../storage/database.js';
import { makeImageVariants } from './image-variants.js';
import { moveFile, newFileId, removeMediaFiles, uploadDir } from './media-files.js';
import { insertMedia } from './media.repository.js';
import { getMedia, mediaSearchText, parseMediaMeta } from './media.service.js';
import type { MediaRecord, MediaVariant } from './media.types.js';
import { checkUpload } from './upload-check.js';
import { makePreview } from './media-previews.js';

export interface UploadInput {
  /** the file as received, written in full by the caller; consumed (moved or removed) whatever happens */
  tempPath: string;
  /** the client's name for the file: kept for display and search, never used as a path */
  originalName: string;
  uploadedBy: number | null;
  maxBytes: number;
  alt?: string;
  caption?: string;
  title?: string;
  credit?: string;
  /** make a poster frame (video) or cover (PDF) when the tools are installed; default true */
  preview?: boolean;
}

/** A client's file name made safe to show: its last segment, no control characters, at most 255 characters. */
export function cleanOriginalName(name: string): string {
  const last = basename(name.replaceAll('\\', '/'));
  return last.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
}

/**
 * Adds an uploaded file to the library. The file is checked by its content; an image becomes
 * responsive variants under `uploads/YYYY/MM/`, a PDF or video is moved there as it is, under a
 * random name. If the row cannot be written, the files made for it are removed again.
 */
export async function storeUpload(db: Db, mediaDir: string, input: UploadInput): Promise<MediaRecord> {
  try {
    const meta = parseMediaMeta({ alt: input.alt ?? '', caption: input.caption ?? '', title: input.title ?? '', credit: input.credit ?? '' });
    const checked = await checkUpload(input.tempPath, input.maxBytes);
    const now = new Date();
    const dir = uploadDir(now);
    const fileId = newFileId();

    let stored: { path: string; width: number | null; height: number | null; variants: MediaVariant[] };
    if (checked.kind === 'image') {
      stored = await makeImageVariants(input.tempPath, mediaDir, dir, fileId);
    } else {
      const path = `${dir}/${fileId}.${checked.ext}`;
      await moveFile(input.tempPath, join(mediaDir, path));
      stored = { path, width: null, height: null, variants: [] };
    }
    // Images are re-encoded to JPEG, PDFs and videos keep their own type.
    const mime = checked.kind === 'image' ? 'image/jpeg' : checked.mime;

    const written = [stored.path, ...stored.variants.map((v) => v.path)];
    const originalName = cleanOriginalName(input.originalName);
    const record = { alt: meta.alt ?? '', caption: meta.caption ?? '', title: meta.title ?? '', credit: meta.credit ?? '' };
    let id: number;
    try {
      id = await insertMedia(db, {
        kind: checked.kind,
        path: stored.path,
        mime,
        width: stored.width,
        height: stored.height,
        ...record,
        variants: JSON.stringify(stored.variants),
        original_name: originalName,
        size_bytes: checked.sizeBytes,
        uploaded_by: input.uploadedBy,
        search_text: mediaSearchText({ ...record, originalName }),
        created_at: now.toISOString(),
      });
    } catch (error) {
      await removeMediaFiles(mediaDir, written);
      throw error;
    }
    if (checked.kind !== 'image' && input.preview !== false) await addPreview(db, mediaDir, id, join(mediaDir, stored.path), checked.kind, input);
    return await getMedia(db, id);
  } finally {
    await rm(input.tempPath, { force: true });
  }
}

/** Makes the poster frame of a video or the first page of a PDF into a library image linked to it. */
async function addPreview(db: Db, mediaDir: string, id: number, file: string, kind: 'pdf' | 'video', input: UploadInput): Promise<void> {
  const preview = await makePreview(file, kind);
  if (!preview) return;
  try {
    const name = cleanOriginalName(input.originalName).replace(/\.[a-z0-9]+$/i, '') || 'file';
    const image = await storeUpload(db, mediaDir, {
      tempPath: preview.path,
      originalName: `${name} (${kind === 'video' ? 'poster' : 'cover'}).${kind === 'video' ? 'jpg' : 'png'}`,
      uploadedBy: input.uploadedBy,
      maxBytes: Number.MAX_SAFE_INTEGER,
      title: input.title,
    });
    await db.updateTable('media').set({ preview_media_id: image.id }).where('id', '=', id).execute();
  } catch {
    // A preview that cannot be made leaves the upload as it is: the editor can choose an image.
  } finally {
    await preview.dispose();
  }
}
