import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, realpath, rm, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { MediaError, mediaUrl, storeUpload, updateMediaMeta, type MediaRecord } from '../media/index.js';
import { digest, permalinkPath, type ImportedMedia, type ImportRun } from './import-run.js';
import { originalUploadPath } from './wordpress-body.js';
import { htmlToPlain } from './wp-text.js';
import type { WxrItem } from './wxr.types.js';

/** Files larger than this are not copied (WordPress sites keep the odd huge video). */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The attachment's file, relative to the uploads folder, as WordPress recorded it. */
export function attachedPath(a: WxrItem): string {
  const meta = a.meta.get('_wp_attached_file')?.trim();
  if (meta) return meta;
  const m = /\/wp-content\/uploads\/(?:sites\/\d+\/)?([^?#]+)/.exec(a.attachmentUrl);
  if (!m) return '';
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

function toBodyMedia(r: MediaRecord): ImportedMedia {
  const jpegs = r.variants.filter((v) => v.mime === 'image/jpeg').sort((a, b) => a.width - b.width);
  return { id: r.id, url: r.url, kind: r.kind, width: r.width, height: r.height, alt: r.alt, caption: r.caption, variants: jpegs.map((v) => ({ url: v.url, width: v.width })) };
}

function register(run: ImportRun, a: WxrItem, path: string, media: ImportedMedia): void {
  run.media.set(a.postId, media);
  if (path) {
    run.mediaByPath.set(path, media);
    run.mediaByPath.set(originalUploadPath(path), media);
  }
}

/**
 * The file under the uploads folder, or why it cannot be used: a path that leaves the folder
 * (`..`, absolute, or a link pointing out) is refused; a missing one is reported.
 */
async function locate(uploadsRoot: string, rel: string): Promise<{ file: string } | { problem: string }> {
  if (!rel || isAbsolute(rel) || rel.includes('\0') || /^[a-zA-Z]:/.test(rel)) return { problem: `its file "${rel.slice(0, 200)}" is not a path inside the uploads folder: refused` };
  const file = resolve(uploadsRoot, rel);
  if (!file.startsWith(uploadsRoot + sep)) return { problem: `its file "${rel.slice(0, 200)}" lies outside the uploads folder: refused` };
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { problem: `its file ${rel} is not in the uploads folder` };
  }
  if (!real.startsWith(uploadsRoot + sep)) return { problem: `its file "${rel.slice(0, 200)}" links outside the uploads folder: refused` };
  const s = await stat(real);
  if (!s.isFile()) return { problem: `${rel} is not a file` };
  if (s.size > MAX_FILE_BYTES) return { problem: `its file ${rel} is larger than ${MAX_FILE_BYTES} bytes: not copied` };
  return { file: real };
}

/**
 * Copies the export's attachments from the local uploads folder into the media library (images
 * get their variants there), each batch in one transaction. Already imported files are not
 * copied again; changed titles, alt texts and captions are brought up to date.
 */
export async function importAttachments(run: ImportRun, batch: <T>(fn: () => Promise<T>) => Promise<T>): Promise<void> {
  const list = run.scan.attachments;
  const uploadsRoot = run.opts.uploadsDir ? await realpath(resolve(run.opts.uploadsDir)).catch(() => undefined) : undefined;
  if (run.opts.uploadsDir && !uploadsRoot) run.report.warn({ kind: 'attachment', message: `the uploads folder ${run.opts.uploadsDir} does not exist: no file is copied` });
  else if (!run.opts.uploadsDir && list.length) run.report.warn({ kind: 'attachment', message: `${list.length} attachment(s) not copied: give the local copy of wp-content/uploads with --uploads` });

  // Files already in the library from an earlier import.
  const knownIds = list.map((a) => run.source('attachment', a.postId)?.targetId).filter((id): id is number => id !== undefined);
  const known = new Map<number, MediaRecord>();
  for (let i = 0; i < knownIds.length; i += 500) {
    const rows = await run.db.selectFrom('media').selectAll().where('id', 'in', knownIds.slice(i, i + 500)).execute();
    for (const r of rows) known.set(r.id, { id: r.id, kind: r.kind, url: mediaUrl(r.path), width: r.width, height: r.height, alt: r.alt, caption: r.caption, variants: (JSON.parse(r.variants) as { path: string; width: number; mime: string }[]).map((v) => ({ ...v, url: mediaUrl(v.path) })) } as MediaRecord);
  }

  const tmp = join(dirname(run.opts.mediaDir), 'import', `files-${randomBytes(6).toString('hex')}`);
  const size = 20;
  try {
    for (let start = 0; start < list.length; start += size) {
      await batch(async () => {
        for (const a of list.slice(start, start + size)) await importAttachment(run, a, uploadsRoot, known, tmp);
      });
      run.progress('attachments', Math.min(start + size, list.length), list.length);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function importAttachment(run: ImportRun, a: WxrItem, uploadsRoot: string | undefined, known: Map<number, MediaRecord>, tmp: string): Promise<void> {
  run.report.add('attachment', 'found');
  const rel = attachedPath(a);
  const meta = { title: a.title.slice(0, 300), alt: (a.meta.get('_wp_attachment_image_alt') ?? '').trim().slice(0, 1000), caption: htmlToPlain(a.excerpt).slice(0, 2000) };
  const hash = digest({ rel, ...meta });
  const source = run.source('attachment', a.postId);
  const existing = source ? known.get(source.targetId) : undefined;
  const warn = (message: string) => run.report.warn({ kind: 'attachment', wpId: a.postId, title: a.title, message });

  if (existing) {
    let record = existing;
    if (source!.hash !== hash && !run.opts.dryRun) {
      record = await updateMediaMeta(run.db, existing.id, meta);
      await run.remember('attachment', a.postId, '', 'media', existing.id, hash);
      run.report.add('attachment', 'updated');
    } else run.report.add('attachment', source!.hash === hash ? 'skipped' : 'updated');
    register(run, a, rel, toBodyMedia(record));
    await redirectAttachment(run, a, record.url);
    return;
  }
  if (!uploadsRoot) {
    run.report.add('attachment', 'skipped');
    return;
  }
  const found = await locate(uploadsRoot, rel);
  if ('problem' in found) {
    run.report.add('attachment', 'skipped');
    warn(found.problem);
    return;
  }
  if (run.opts.dryRun) {
    // Nothing is copied in a dry run; the file is there and would be.
    run.report.add('attachment', 'imported');
    return;
  }
  await mkdir(tmp, { recursive: true });
  const copy = join(tmp, `${randomBytes(8).toString('hex')}.upload`);
  await copyFile(found.file, copy);
  try {
    const record = await storeUpload(run.db, run.opts.mediaDir, { tempPath: copy, originalName: basename(rel), uploadedBy: null, maxBytes: MAX_FILE_BYTES, preview: false, ...meta });
    await run.remember('attachment', a.postId, '', 'media', record.id, hash);
    run.report.add('attachment', 'imported');
    register(run, a, rel, toBodyMedia(record));
    await redirectAttachment(run, a, record.url);
  } catch (err) {
    if (!(err instanceof MediaError)) throw err;
    run.report.add('attachment', 'skipped');
    warn(`${rel}: ${err.message}`);
  }
}

/** `/?attachment_id=ID` and the attachment page's permalink lead to the file itself. */
async function redirectAttachment(run: ImportRun, a: WxrItem, url: string): Promise<void> {
  await run.redirect(run.oldPath(`/?attachment_id=${a.postId}`), url);
  const path = permalinkPath(a.link);
  if (path && !/[?&](?:attachment_id|p)=/.test(path) && path !== `${run.scan.basePath}/`) await run.redirect(path, url);
  // The file's own old address too (/wp-content/uploads/…), for links from elsewhere.
  const file = permalinkPath(a.attachmentUrl);
  if (file?.includes('/wp-content/uploads/')) await run.redirect(file, url);
}
