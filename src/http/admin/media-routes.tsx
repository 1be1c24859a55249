import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canChangeMedia } from '../../modules/accounts/index.js';
import { deleteMedia, findMediaUsage, getMedia, listMedia, MEDIA_KINDS, MediaError, updateMediaMeta, type MediaKind, type MediaRecord } from '../../modules/media/index.js';
import { Csrf, Field, ListPager, Select, TextArea } from '../../themes/admin/form-fields.js';
import { MediaGrid, MediaUsageList } from '../../themes/admin/media-views.js';
import type { AdminContext } from './admin-context.js';
import { forbidden, idParam } from './admin-errors.js';
import { receiveUploads, registerUploads } from './media-receive.js';
import { sendAdminPage } from './admin-page.js';
import { actorOfRequest } from './session-hooks.js';

const KIND_NAMES: Record<MediaKind, string> = { image: 'Images', pdf: 'PDFs', video: 'Videos' };
const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function wantsJson(req: FastifyRequest): boolean {
  return (req.query as Record<string, unknown>).format === 'json' || (req.headers.accept ?? '').startsWith('application/json');
}

/** What the editor's media dialog needs of an item. */
function pickerItem(m: MediaRecord) {
  return { id: m.id, kind: m.kind, url: m.url, alt: m.alt, title: m.title || m.originalName, width: m.width, height: m.height, previewId: m.previewMediaId };
}

/** The media library: upload (many files, with progress), search, alt text and captions, delete with a check of where a file is used. */
export async function mediaRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  await registerUploads(app, ctx);

  app.get('/media', async (req, reply) => {
    actorOfRequest(req);
    const q = req.query as Record<string, unknown>;
    const kind = (MEDIA_KINDS as readonly string[]).includes(one(q.kind)) ? (one(q.kind) as MediaKind) : undefined;
    const search = one(q.q).slice(0, 200) || undefined;
    const page = /^[1-9][0-9]{0,5}$/.test(one(q.page)) ? Number(one(q.page)) : 1;
    const list = await listMedia(ctx.db, { kind, q: search, page });
    const href = (n: number) => `/admin/media?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(search ? { q: search } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
    return sendAdminPage(ctx, req, reply, { title: 'Media library', section: 'media' }, (csrf) => (
      <>
        <form method="post" action={`/admin/media?_csrf=${encodeURIComponent(csrf)}`} enctype="multipart/form-data" data-media-upload class="panel">
          <div class="drop-zone" data-drop-zone>
            <label for="upload-files">Drop files here, or choose them</label>
            <input id="upload-files" type="file" name="file" multiple accept="image/jpeg,image/png,image/webp,image/avif,image/gif,application/pdf,video/mp4,video/webm" />
            <p class="hint">Images (JPEG, PNG, WebP, AVIF, GIF), PDFs, MP4 and WebM videos, up to {String(Math.round(ctx.config.uploadMaxBytes / 1024 / 1024))} MB each. Images get responsive sizes automatically.</p>
          </div>
          <ul data-upload-list aria-live="polite"></ul>
          <button type="submit" class="primary">Upload</button>
        </form>
        <form method="get" action="/admin/media" class="filters" role="search" aria-label="Search the library">
          <Select name="kind" label="Type" value={kind ?? ''} options={[{ value: '', label: 'All' }, ...MEDIA_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }))]} />
          <div class="field"><label for="f-mq">Words in title, alt text, caption or file name</label><input id="f-mq" type="search" name="q" value={search ?? ''} /></div>
          <button type="submit">Search</button>
        </form>
        <MediaGrid items={list.items} />
        <ListPager page={page} hasMore={list.hasMore} href={href} />
      </>
    ));
  });

  app.post('/media', async (req, reply) => {
    const actor = actorOfRequest(req);
    const stored = await receiveUploads(ctx, req, actor.id);
    if (wantsJson(req)) return reply.code(201).send({ item: pickerItem(stored[0]!), items: stored.map(pickerItem) });
    return reply.redirect(stored.length === 1 ? `/admin/media/${stored[0]!.id}?notice=created` : '/admin/media?notice=created', 303);
  });

  app.get('/api/media', async (req, reply) => {
    actorOfRequest(req);
    const q = req.query as Record<string, unknown>;
    const kind = (MEDIA_KINDS as readonly string[]).includes(one(q.kind)) ? (one(q.kind) as MediaKind) : undefined;
    const list = await listMedia(ctx.db, { kind, q: one(q.q).slice(0, 200) || undefined, perPage: 40 });
    return reply.header('cache-control', 'private, no-store').send({ items: list.items.map(pickerItem), hasMore: list.hasMore });
  });

  const mediaPage = async (req: FastifyRequest, reply: FastifyReply, m: MediaRecord, error?: string) => {
    const usage = await findMediaUsage(ctx.db, m.id);
    return sendAdminPage(ctx, req, reply, { title: m.title || m.originalName || `Media ${m.id}`, section: 'media', error }, (csrf) => (
      <div class="editor-layout">
        <div class="editor-main">
          {m.kind === 'image' ? <img class="thumb" src={m.url} alt={m.alt} width={m.width ?? undefined} height={m.height ?? undefined} /> : m.kind === 'video' ? <video class="thumb" src={m.url} controls preload="metadata"></video> : <p><a href={m.url}>Open the PDF</a></p>}
          <form method="post" action={`/admin/media/${m.id}`} class="panel">
            <Csrf token={csrf} />
            <Field name="title" label="Title" value={m.title} maxlength={300} />
            <Field name="alt" label="Alt text" value={m.alt} maxlength={1000} hint="What the image shows, for readers who cannot see it. Write it in the language of the edition that uses it." />
            <TextArea name="caption" label="Caption" value={m.caption} rows={2} maxlength={2000} />
            <Field name="credit" label="Credit" value={m.credit} maxlength={300} />
            <div class="actions"><button type="submit" class="primary">Save</button> <a href={`/admin/media/${m.id}/delete`}>Delete…</a></div>
          </form>
        </div>
        <div class="editor-side panel">
          <p>File: <span dir="auto">{m.originalName || '—'}</span><br />{m.mime} · {String(Math.round(m.sizeBytes / 1024))} KB{m.width ? ` · ${m.width}×${m.height}` : ''}</p>
          <p>Address: <code>{m.url}</code></p>
          {m.previewMediaId ? <p><a href={`/admin/media/${m.previewMediaId}`}>{m.kind === 'video' ? 'Poster frame' : 'Cover image'}</a> (made from the file; use it as the item’s image)</p> : null}
          {m.variants.length ? <p>{String(m.variants.length)} responsive variants ({[...new Set(m.variants.map((v) => v.mime.replace('image/', '')))].join(', ')}; widths {[...new Set(m.variants.map((v) => v.width))].join(', ')})</p> : null}
          <h2>Used by</h2>
          <MediaUsageList usage={usage} />
        </div>
      </div>
    ));
  };

  app.get('/media/:id', async (req, reply) => {
    actorOfRequest(req);
    return mediaPage(req, reply, await getMedia(ctx.db, idParam((req.params as { id: string }).id)));
  });

  app.post('/media/:id', async (req, reply) => {
    const actor = actorOfRequest(req);
    const m = await getMedia(ctx.db, idParam((req.params as { id: string }).id));
    if (!canChangeMedia(actor, m.uploadedBy)) throw forbidden('Only editors change files someone else uploaded.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await updateMediaMeta(ctx.db, m.id, { title: one(body.title), alt: one(body.alt), caption: one(body.caption), credit: one(body.credit) });
    } catch (err) {
      if (err instanceof MediaError && err.code === 'media.invalid_input') return mediaPage(req, reply, m, err.message);
      throw err;
    }
    return reply.redirect(`/admin/media/${m.id}?notice=saved`, 303);
  });

  app.get('/media/:id/delete', async (req, reply) => {
    const actor = actorOfRequest(req);
    const m = await getMedia(ctx.db, idParam((req.params as { id: string }).id));
    if (!canChangeMedia(actor, m.uploadedBy)) throw forbidden('Only editors delete files someone else uploaded.');
    const usage = await findMediaUsage(ctx.db, m.id);
    return sendAdminPage(ctx, req, reply, { title: 'Delete this file?', section: 'media' }, (csrf) => (
      <form method="post" action={`/admin/media/${m.id}/delete`}>
        <Csrf token={csrf} />
        {usage.length ? (
          <>
            <p class="notice notice-error">This file is in use. Deleting it removes it as the featured image of these items; bodies that show it will show a broken image.</p>
            <MediaUsageList usage={usage} />
            <input type="hidden" name="force" value="yes" />
          </>
        ) : <p>Nothing uses this file.</p>}
        <p>The file and all its sizes will be deleted. This cannot be undone.</p>
        <div class="actions"><button type="submit" class="danger">Delete</button> <a href={`/admin/media/${m.id}`}>Keep it</a></div>
      </form>
    ));
  });

  app.post('/media/:id/delete', async (req, reply) => {
    const actor = actorOfRequest(req);
    const m = await getMedia(ctx.db, idParam((req.params as { id: string }).id));
    if (!canChangeMedia(actor, m.uploadedBy)) throw forbidden('Only editors delete files someone else uploaded.');
    try {
      await deleteMedia(ctx.db, ctx.mediaDir, m.id, { force: one((req.body as Record<string, unknown> | undefined)?.force) === 'yes' });
    } catch (err) {
      // Used since the confirmation page was shown (or it was skipped): ask again, listing the uses.
      if (err instanceof MediaError && err.code === 'media.in_use') return reply.redirect(`/admin/media/${m.id}/delete`, 303);
      throw err;
    }
    return reply.redirect('/admin/media?notice=deleted', 303);
  });
}
