import { stat } from 'node:fs/promises';
import { isAbsolute, join, normalize, relative } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { getMedia, MediaError } from '../../modules/media/index.js';
import type { Db } from '../../storage/database.js';
import { unsatisfiableRange, unsatisfiedContentRange } from './byte-ranges.js';

/** A file inside the media directory for a URL path below /media/, or undefined for anything that would leave it. */
function fileInside(mediaDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = normalize(join(mediaDir, decoded));
  const rel = relative(mediaDir, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? file : undefined;
}

async function sizeOf(file: string): Promise<number | undefined> {
  return stat(file).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
}

/** Answers 416 for a Range the file cannot satisfy; true when it did. */
async function refusedRange(req: FastifyRequest, reply: FastifyReply, file: string | undefined): Promise<boolean> {
  const range = req.headers.range;
  if (!range || (req.method !== 'GET' && req.method !== 'HEAD') || !file) return false;
  const size = await sizeOf(file);
  if (size === undefined || !unsatisfiableRange(range, size)) return false;
  await reply.code(416).header('content-range', unsatisfiedContentRange(size)).header('accept-ranges', 'bytes').type('text/plain; charset=utf-8').send('Range Not Satisfiable');
  return true;
}

/** `filename*` (RFC 6266/8187) for any script, with an ASCII `filename` for old clients. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Media files: images, videos and PDFs under /media/ from the media directory only (with byte
 * ranges, so videos seek), and /media/download/<id>, which looks the file up by its library id —
 * the path is the library's, never the client's — and sends it as a download under its original name.
 */
export async function mediaFiles(app: FastifyInstance, opts: { mediaDir: string; db: Db }): Promise<void> {
  const { mediaDir, db } = opts;
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/media/') || path.startsWith('/media/download/')) return;
    if (await refusedRange(req, reply, fileInside(mediaDir, path.slice('/media/'.length)))) return reply;
  });

  await app.register(fastifyStatic, {
    root: mediaDir,
    prefix: '/media/',
    decorateReply: false,
    maxAge: '30d',
    cacheControl: true,
    etag: true,
    lastModified: true,
    acceptRanges: true,
    index: false,
    dotfiles: 'deny',
  });

  app.get<{ Params: { id: string } }>('/media/download/:id', async (req, reply) => {
    if (!/^[1-9][0-9]{0,9}$/.test(req.params.id)) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    let media;
    try {
      media = await getMedia(db, Number(req.params.id));
    } catch (err) {
      if (err instanceof MediaError && err.code === 'media.not_found') return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      throw err;
    }
    if (media.kind === 'image') return reply.redirect(media.url, 302);
    const file = join(mediaDir, media.path);
    if (await refusedRange(req, reply, file)) return reply;
    const ext = media.path.slice(media.path.lastIndexOf('.'));
    const name = (media.originalName || `file${ext}`).toLowerCase().endsWith(ext) ? media.originalName || `file${ext}` : `${media.originalName}${ext}`;
    reply.header('content-disposition', attachment(name)).header('cache-control', 'public, max-age=86400');
    return reply.type(media.mime).sendFile(media.path, mediaDir);
  });
}
