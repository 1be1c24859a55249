import { stat } from 'node:fs/promises';
import { MediaError } from './media.errors.js';
import { checkPdf } from './pdf-check.js';
import type { MediaKind } from './media.types.js';

/** What an upload really is, read from its bytes. */
export interface CheckedUpload {
  kind: MediaKind;
  mime: string;
  /** the extension nashr gives the stored file (never the client's) */
  ext: string;
  sizeBytes: number;
}

/** The types the library accepts, by the MIME type file-type reads from the content. */
const ACCEPTED: Record<string, { kind: MediaKind; ext: string }> = {
  'image/jpeg': { kind: 'image', ext: 'jpg' },
  'image/png': { kind: 'image', ext: 'png' },
  'image/webp': { kind: 'image', ext: 'webp' },
  'image/avif': { kind: 'image', ext: 'avif' },
  'image/gif': { kind: 'image', ext: 'gif' },
  'application/pdf': { kind: 'pdf', ext: 'pdf' },
  'video/mp4': { kind: 'video', ext: 'mp4' },
  'video/webm': { kind: 'video', ext: 'webm' },
};

/**
 * An image larger than this many pixels is refused before it is decoded, whatever its file
 * size: a small PNG can unpack into gigabytes (a decompression bomb). 50 megapixels holds
 * today's high-resolution press cameras.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

/**
 * Checks an uploaded file by its content: not empty, not over `maxBytes`, of an accepted type
 * whatever its name or the client's claimed type, and (for images) with a header sharp can
 * read and a pixel count under MAX_INPUT_PIXELS. Full decoding happens when the variants are
 * made, which reports damage further into the file as `media.corrupt` too.
 */
export async function checkUpload(file: string, maxBytes: number): Promise<CheckedUpload> {
  const { size } = await stat(file);
  if (size === 0) throw new MediaError('media.empty', 'The file is empty.');
  if (size > maxBytes) throw new MediaError('media.too_large', `The file is larger than the limit of ${maxBytes} bytes.`);

  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(file);
  const accepted = detected ? ACCEPTED[detected.mime] : undefined;
  if (!detected || !accepted) {
    throw new MediaError('media.unsupported_type', 'This kind of file cannot be uploaded: use JPEG, PNG, WebP, AVIF, GIF, PDF, MP4 or WebM.');
  }
  if (accepted.kind === 'image') await checkImageHeader(file);
  if (accepted.kind === 'pdf') await checkPdf(file);
  return { kind: accepted.kind, mime: detected.mime, ext: accepted.ext, sizeBytes: size };
}

async function checkImageHeader(file: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(file, { limitInputPixels: MAX_INPUT_PIXELS }).metadata());
  } catch (error) {
    throw imageError(error);
  }
  if (!width || !height) throw new MediaError('media.corrupt', 'The image cannot be read.');
}

/** Turns a sharp failure into the library's error: too many pixels, or a file that does not decode. */
export function imageError(error: unknown): MediaError {
  if (error instanceof MediaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return /pixel limit/i.test(message)
    ? new MediaError('media.too_large', `The image has more than ${MAX_INPUT_PIXELS} pixels.`, { cause: error })
    : new MediaError('media.corrupt', 'The image is damaged or incomplete and cannot be read.', { cause: error });
}
