import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/** Where a new upload's files go, relative to the media directory: `uploads/YYYY/MM` (UTC). */
export function uploadDir(now: Date): string {
  return `uploads/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A fresh name stem for an upload's files: random, so no client ever chooses a path. */
export function newFileId(): string {
  return randomBytes(8).toString('hex');
}

/** A temporary name beside `file`, on the same file system, so the final rename is atomic. */
export function tempNameBeside(file: string): string {
  return `${file}.${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * Moves a file into place. A rename when both sides share a file system; otherwise a copy to a
 * temporary name beside the target, then a rename, so the target is never seen half-written.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const tmp = tempNameBeside(to);
    try {
      await copyFile(from, tmp);
      await rename(tmp, to);
    } catch (copyError) {
      await rm(tmp, { force: true });
      throw copyError;
    }
    await rm(from, { force: true });
  }
}

/**
 * Removes files given relative to the media directory. A path that would leave the directory
 * is skipped: paths come from the database, but a bad row must not delete elsewhere.
 */
export async function removeMediaFiles(mediaDir: string, paths: readonly string[]): Promise<void> {
  const root = resolve(mediaDir) + sep;
  for (const path of paths) {
    const file = resolve(join(mediaDir, path));
    if (file.startsWith(root)) await rm(file, { force: true });
  }
}
