import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { removeMediaFiles, tempNameBeside } from './media-files.js';
import type { MediaVariant } from './media.types.js';
import { imageError, MAX_INPUT_PIXELS } from './upload-check.js';

/** The widths uploaded images are made in, never wider than the original. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920];

/** Formats in the order a `<picture>` offers them: smallest files first, JPEG as the fallback. */
const FORMATS = [
  { ext: 'avif', mime: 'image/avif' },
  { ext: 'webp', mime: 'image/webp' },
  { ext: 'jpg', mime: 'image/jpeg' },
] as const;

/** A tall image is cut down to at most this many times its width, so one variant cannot take gigabytes of memory. */
const MAX_HEIGHT_RATIO = 10;

/** The widths to make for an original `width` pixels wide: the standard ones that fit, or the original's own. */
export function variantWidths(width: number): number[] {
  const fitting = VARIANT_WIDTHS.filter((w) => w <= width);
  return fitting.length ? fitting : [width];
}

export interface ImageVariants {
  /** the largest JPEG: the `<img src>` fallback */
  path: string;
  width: number;
  height: number;
  variants: MediaVariant[];
}

/**
 * Makes every variant of an uploaded image under `mediaDir/relDir/<fileId>-<width>.<ext>`:
 * turned upright by its EXIF orientation, metadata stripped (no camera serials or GPS
 * positions leave the newsroom), in AVIF, WebP and JPEG. Each file is written to a temporary
 * name and renamed; on any failure the files already made are removed.
 */
export async function makeImageVariants(input: string, mediaDir: string, relDir: string, fileId: string): Promise<ImageVariants> {
  // Loaded only when images are made, as in generated-image.ts.
  const { default: sharp } = await import('sharp');
  const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const written: string[] = [];
  try {
    const meta = await open().metadata();
    const uprightWidth = meta.autoOrient?.width ?? meta.width;
    if (!uprightWidth) throw new Error('no width');
    await mkdir(join(mediaDir, relDir), { recursive: true });
    const variants: MediaVariant[] = [];
    let largest = { path: '', width: 0, height: 0 };
    for (const target of variantWidths(uprightWidth)) {
      // Decode and resize once per width; the three encodings start from the same pixels.
      const { data, info } = await open()
        .rotate()
        .resize({ width: target, height: target * MAX_HEIGHT_RATIO, fit: 'inside', withoutEnlargement: true })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
      const pixels = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
      for (const format of FORMATS) {
        const path = `${relDir}/${fileId}-${info.width}.${format.ext}`;
        const file = join(mediaDir, path);
        const tmp = tempNameBeside(file);
        try {
          // AVIF at effort 2: the default (4) took over 40 s for one detailed 1920 px image on two
          // cores, for files only a few per cent smaller.
          const encoder =
            format.ext === 'avif' ? pixels().avif({ quality: 55, effort: 2 })
            : format.ext === 'webp' ? pixels().webp({ quality: 75 })
            : pixels().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
          await encoder.toFile(tmp);
          await rename(tmp, file);
        } finally {
          await rm(tmp, { force: true });
        }
        written.push(path);
        variants.push({ path, width: info.width, mime: format.mime });
        if (format.ext === 'jpg' && info.width >= largest.width) largest = { path, width: info.width, height: info.height };
      }
    }
    return { ...largest, variants };
  } catch (error) {
    await removeMediaFiles(mediaDir, written);
    // A file-system failure (a full disk) is the server's, not the image's fault.
    throw typeof (error as NodeJS.ErrnoException).syscall === 'string' ? error : imageError(error);
  }
}
