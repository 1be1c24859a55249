import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AdminHttpError } from './admin-errors.js';

/** What an import upload brought: our own temp file (never named by the client), the file's name for people, and the form's fields. */
export interface ImportUpload {
  file: string;
  fileName: string;
  fields: Record<string, string>;
}

const notWxr = () =>
  new AdminHttpError(400, 'import.not_xml', 'This file is not a WordPress export. Choose the XML file WordPress makes under Tools → Export (WXR, usually named like site.WordPress.2024-06-10.xml).');

/** A WXR file is XML text: it starts (after a byte-order mark and blank space) with `<?xml` or a comment, and has an `<rss` element. */
async function looksLikeXml(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0)) return false; // binary, or UTF-16, which WordPress never writes
    const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('<') && (text.startsWith('<?xml') || /<rss[\s>]/.test(text));
  } finally {
    await handle.close();
  }
}

/**
 * Streams the export of a multipart upload to a temp file in `workDir`, cut off at `maxBytes`
 * (so a 1 GB file never sits in memory), and checks that it looks like XML. Anything refused
 * leaves no file behind.
 */
export async function receiveImportUpload(req: FastifyRequest, workDir: string, maxBytes: number): Promise<ImportUpload> {
  if (!req.isMultipart()) throw new AdminHttpError(415, 'import.not_multipart', 'Send the export file with the form (multipart/form-data).');
  await mkdir(workDir, { recursive: true });
  const fields: Record<string, string> = {};
  let file: string | undefined;
  let fileName = '';
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (file || part.fieldname !== 'file') {
        part.file.resume();
        throw new AdminHttpError(400, 'import.one_file', 'Send one export file at a time.');
      }
      file = join(workDir, `upload-${randomBytes(12).toString('hex')}.xml`);
      fileName = (part.filename ?? '').slice(0, 200);
      const tooLarge = () => new AdminHttpError(413, 'import.too_large', `The file is larger than the ${formatBytes(maxBytes)} this site accepts (NASHR_IMPORT_MAX_BYTES), so nothing was imported.`);
      try {
        await pipeline(part.file, createWriteStream(file));
      } catch (err) {
        throw (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : err;
      }
      if (part.file.truncated) throw tooLarge();
    }
    if (!file) throw new AdminHttpError(400, 'import.no_file', 'Choose the WordPress export file to import.');
    if (!(await looksLikeXml(file))) throw notWxr();
    return { file, fileName, fields };
  } catch (err) {
    if (file) await rm(file, { force: true });
    throw err;
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}
