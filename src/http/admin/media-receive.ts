import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import { deleteMedia, MediaError, storeUpload, type MediaRecord } from '../../modules/media/index.js';
import type { AdminContext } from './admin-context.js';
import { AdminHttpError } from './admin-errors.js';

/** Accepts multipart uploads in this plugin's scope; the size limit is checked while a file streams in. */
export async function registerUploads(app: FastifyInstance, ctx: AdminContext): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.uploadMaxBytes, files: 50, fields: 20, fieldSize: 10_000 } });
}

/**
 * Streams each uploaded file of the request to a temp file (never named by the client) and hands
 * it to the media library. One bad file refuses the whole upload: files stored before it go again.
 * `accept` may refuse a stored file (then all are removed and its error is thrown).
 */
export async function receiveUploads(ctx: AdminContext, req: FastifyRequest, userId: number, accept?: (m: MediaRecord) => void): Promise<MediaRecord[]> {
  if (!req.isMultipart()) throw new AdminHttpError(415, 'media.not_multipart', 'Send the files as multipart/form-data.');
  const incoming = join(ctx.mediaDir, '.incoming');
  await mkdir(incoming, { recursive: true });
  const fields: Record<string, string> = {};
  const stored: MediaRecord[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const temp = join(incoming, `${randomBytes(12).toString('hex')}.part`);
      const tooLarge = () => new MediaError('media.too_large', `“${part.filename}” is larger than the ${Math.round(ctx.config.uploadMaxBytes / 1024 / 1024)} MB this site accepts.`);
      try {
        await pipeline(part.file, createWriteStream(temp));
      } catch (err) {
        await rm(temp, { force: true });
        throw (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : err;
      }
      // Past the limit the stream is cut off: what arrived is not the file, so none of it is kept.
      if (part.file.truncated) {
        await rm(temp, { force: true });
        throw tooLarge();
      }
      const m = await storeUpload(ctx.db, ctx.mediaDir, { tempPath: temp, originalName: part.filename ?? '', uploadedBy: userId, maxBytes: ctx.config.uploadMaxBytes, alt: fields.alt, caption: fields.caption });
      stored.push(m);
      accept?.(m);
    }
  } catch (err) {
    await forgetUploads(ctx, stored);
    throw err;
  }
  if (!stored.length) throw new MediaError('media.empty', 'Choose at least one file.');
  return stored;
}

/** Removes files an upload stored when what they were for was refused. */
export async function forgetUploads(ctx: AdminContext, stored: MediaRecord[]): Promise<void> {
  for (const m of stored) await deleteMedia(ctx.db, ctx.mediaDir, m.id, { force: true });
}
