import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canEditItem, type Actor } from '../../modules/accounts/index.js';
import { loadEditable, saveItem, type EditableItem } from '../../modules/content/index.js';
import type { MediaRecord } from '../../modules/media/index.js';
import type { AdminContext } from './admin-context.js';
import { AdminHttpError, badRequest, forbidden, idParam } from './admin-errors.js';
import { forgetUploads, receiveUploads, registerUploads } from './media-receive.js';
import { actorOfRequest } from './session-hooks.js';

function wantsJson(req: FastifyRequest): boolean {
  return (req.query as Record<string, unknown>).format === 'json' || (req.headers.accept ?? '').startsWith('application/json');
}

/** What the gallery's photo list needs of an uploaded photo. */
const photoItem = (m: MediaRecord) => ({ id: m.id, kind: m.kind, url: m.url, alt: m.alt, title: m.title || m.originalName, width: m.width, height: m.height });

/**
 * A gallery's photos beyond the editor's own form: uploading many photos straight into the
 * gallery, and moving one up or down without JavaScript. Each change is a save with a revision.
 */
export async function galleryRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  const editionCodes = ctx.editions.map((e) => e.code);
  await registerUploads(app, ctx);

  async function galleryFor(actor: Actor, rawId: unknown): Promise<EditableItem> {
    const item = await loadEditable(ctx.db, actor, idParam(rawId));
    if (!canEditItem(actor, item)) throw forbidden('You may not change this gallery.');
    if (item.type !== 'gallery') throw badRequest('Only galleries have photos.');
    return item;
  }

  // Uploads of one batch arrive in parallel: each appends to the list as the one before left it.
  const queues = new Map<number, Promise<unknown>>();
  function oneAtATime<T>(itemId: number, work: () => Promise<T>): Promise<T> {
    const run = (queues.get(itemId) ?? Promise.resolve()).catch(() => undefined).then(work);
    queues.set(itemId, run);
    void run.finally(() => {
      if (queues.get(itemId) === run) queues.delete(itemId);
    }).catch(() => undefined);
    return run;
  }

  const save = (actor: Actor, item: EditableItem, photos: EditableItem['photos']) =>
    saveItem(ctx.db, { actor, now: ctx.clock.now(), editionCodes }, item.id, { ...item, photos });

  /** Multipart field `file`, one or many images: stored in the library and appended to the gallery. */
  app.post('/items/:id/photos', async (req, reply) => {
    const actor = actorOfRequest(req);
    const item = await galleryFor(actor, (req.params as { id: string }).id);
    const stored = await receiveUploads(ctx, req, actor.id, (m) => {
      if (m.kind !== 'image') throw new AdminHttpError(415, 'media.unsupported_type', 'Only images can be photos of a gallery.');
    });
    try {
      await oneAtATime(item.id, async () => {
        // Read again: another upload of the same batch may have added its photos meanwhile.
        const now = await loadEditable(ctx.db, actor, item.id);
        await save(actor, now, [...now.photos, ...stored.map((m) => ({ mediaId: m.id, caption: m.caption, credit: m.credit }))]);
      });
    } catch (err) {
      await forgetUploads(ctx, stored);
      throw err;
    }
    if (wantsJson(req)) return reply.code(201).send({ item: photoItem(stored[0]!), items: stored.map(photoItem) });
    return reply.redirect(`/admin/items/${item.id}?notice=photos#photos`, 303);
  });

  /** `move=up:<n>` or `move=down:<n>`, n the photo's position (the editor's Move buttons without JavaScript). */
  app.post('/items/:id/photos/move', async (req, reply) => {
    const actor = actorOfRequest(req);
    const item = await galleryFor(actor, (req.params as { id: string }).id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const m = /^(up|down):([0-9]{1,4})$/.exec(typeof body.move === 'string' ? body.move : '');
    if (!m) throw badRequest('Choose a photo to move.');
    const from = Number(m[2]);
    const to = m[1] === 'up' ? from - 1 : from + 1;
    if (from >= item.photos.length) throw badRequest('That photo is no longer in the gallery; reload the page.');
    const photos = [...item.photos];
    if (to >= 0 && to < photos.length) {
      [photos[from], photos[to]] = [photos[to]!, photos[from]!];
      await save(actor, item, photos);
    }
    return reply.redirect(`/admin/items/${item.id}?notice=saved#photo-${Math.max(0, Math.min(to, photos.length - 1))}`, 303);
  });
}
