import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canAssignAuthor, canEditItem, canSetStatus, canUseEdition, type Actor } from '../../modules/accounts/index.js';
import {
  ContentError, deleteItems, untranslatedItems, EDITABLE_TYPES, editorChoices, ITEM_STATUSES, LISTED_TYPES, linkTranslation, loadEditable, saveItem, translationsOfItem,
  type ItemState, type SaveContext,
} from '../../modules/content/index.js';
import type { Edition } from '../../modules/editions/index.js';
import { ItemEditor, type ItemEditorVM } from '../../themes/admin/item-editor.js';
import { Csrf } from '../../themes/admin/form-fields.js';
import { typeName } from '../../themes/admin/item-types.js';
import type { AdminContext } from './admin-context.js';
import { badRequest, forbidden, idParam } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { parseItemForm } from './item-form.js';
import { actorOfRequest } from './session-hooks.js';

const EDITOR_SCRIPTS = ['editor.js'];

const blank = (): ItemState => ({
  title: '', slug: '', excerpt: '', bodyHtml: '', status: 'draft', publishedAt: '', authorId: null, sourceLine: '',
  featuredMediaId: null, categoryId: null, parentId: null, tagIds: [], seoTitle: '', seoDescription: '', pinned: false, details: {}, photos: [],
});

/** Write, edit, preview, translate and delete items of every type. */
export async function itemEditorRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  const editionCodes = ctx.editions.map((e) => e.code);
  const saveContext = (actor: Actor): SaveContext => ({ actor, now: ctx.clock.now(), editionCodes });
  const editionOf = (code: string): Edition => {
    const e = ctx.editions.find((x) => x.code === code);
    if (!e) throw badRequest('unknown edition');
    return e;
  };

  async function renderEditor(req: FastifyRequest, reply: FastifyReply, actor: Actor, base: { id: number | null; edition: string; type: string; translationKey: string | null; translationOf: number | null }, values: ItemState, error?: string) {
    const edition = editionOf(base.edition);
    const linked = base.id !== null ? await translationsOfItem(ctx.db, { id: base.id, translationKey: base.translationKey }) : [];
    const vm: ItemEditorVM = {
      id: base.id,
      edition,
      type: base.type,
      values,
      choices: await editorChoices(ctx.db, base.edition, base.id, base.type, {
        photoIds: values.photos.map((ph) => ph.mediaId).filter((m) => m > 0),
        chosenMediaIds: [values.featuredMediaId, values.details.videoMediaId, values.details.pdfMediaId].filter((m): m is number => typeof m === 'number'),
        linkedIds: (Array.isArray(values.details.contents) ? (values.details.contents as { itemId?: unknown }[]) : []).map((c) => c.itemId).filter((i): i is number => typeof i === 'number' && i > 0),
      }),
      statuses: ITEM_STATUSES.filter((s) => canSetStatus(actor, s) || s === values.status),
      canAssignAuthor: canAssignAuthor(actor),
      canPin: LISTED_TYPES.includes(base.type),
      action: base.id === null ? `/admin/items?edition=${base.edition}&type=${base.type}` : `/admin/items/${base.id}`,
      translationOf: base.translationOf,
      translations: await Promise.all(
        ctx.editions
          .filter((e) => e.code !== base.edition && canUseEdition(actor, e.code))
          .map(async (e) => {
            const item = linked.find((l) => l.edition === e.code) ?? null;
            return { edition: e, item, candidates: item || base.id === null ? [] : await untranslatedItems(ctx.db, e.code, base.type) };
          }),
      ),
      publicUrl: base.id !== null && values.status === 'published' ? `${edition.prefix}/${encodeURIComponent(values.slug)}/` : null,
    };
    const title = base.id === null ? `New ${typeName(base.type)} · ${edition.name}` : `Edit ${typeName(base.type)}`;
    return sendAdminPage(ctx, req, reply, { title, section: base.type, scripts: EDITOR_SCRIPTS, error }, (csrf) => <ItemEditor vm={vm} csrf={csrf} />);
  }

  function target(req: FastifyRequest, actor: Actor) {
    const q = req.query as Record<string, string | undefined>;
    const edition = q.edition ?? '';
    const type = q.type ?? 'article';
    if (!editionCodes.includes(edition)) throw badRequest('Choose an edition.');
    if (!(EDITABLE_TYPES as readonly string[]).includes(type)) throw badRequest('Unknown content type.');
    if (!canUseEdition(actor, edition)) throw forbidden('You do not work in this edition.');
    const translationOf = q.translationOf ? idParam(q.translationOf) : null;
    return { edition, type, translationOf };
  }

  app.get('/items/new', async (req, reply) => {
    const actor = actorOfRequest(req);
    const t = target(req, actor);
    // "New issue" on a periodical's page: the issue starts in that periodical (the save checks it).
    const parent = (req.query as Record<string, string | undefined>).parent;
    const parentId = t.type === 'issue' && parent && /^[1-9][0-9]{0,9}$/.test(parent) ? Number(parent) : null;
    return renderEditor(req, reply, actor, { id: null, translationKey: null, ...t }, { ...blank(), parentId });
  });

  app.post('/items', async (req, reply) => {
    const actor = actorOfRequest(req);
    const t = target(req, actor);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const translationOf = typeof body.translationOf === 'string' && body.translationOf ? idParam(body.translationOf) : t.translationOf;
    const input = parseItemForm(body, t.type);
    try {
      const id = await saveItem(ctx.db, saveContext(actor), null, input, { ...t, translationOf });
      await ctx.publishDue();
      return reply.redirect(`/admin/items/${id}?notice=created`, 303);
    } catch (err) {
      if (!(err instanceof ContentError) || err.code === 'content.forbidden' || err.code === 'content.not_found') throw err;
      return renderEditor(req, reply, actor, { id: null, translationKey: null, ...t, translationOf }, { ...blank(), ...input, tagIds: input.tagIds ?? [] } as ItemState, err.message);
    }
  });

  app.get('/items/:id', async (req, reply) => {
    const actor = actorOfRequest(req);
    const item = await loadEditable(ctx.db, actor, idParam((req.params as { id: string }).id));
    if (!canEditItem(actor, item)) throw forbidden('You may read this item in the list, but not edit it.');
    return renderEditor(req, reply, actor, { id: item.id, edition: item.edition, type: item.type, translationKey: item.translationKey, translationOf: null }, item);
  });

  app.post('/items/:id', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const item = await loadEditable(ctx.db, actor, id);
    const input = parseItemForm((req.body ?? {}) as Record<string, unknown>, item.type);
    try {
      await saveItem(ctx.db, saveContext(actor), id, input);
      await ctx.publishDue();
      return reply.redirect(`/admin/items/${id}?notice=saved`, 303);
    } catch (err) {
      if (!(err instanceof ContentError) || err.code === 'content.forbidden' || err.code === 'content.not_found') throw err;
      return renderEditor(req, reply, actor, { id, edition: item.edition, type: item.type, translationKey: item.translationKey, translationOf: null }, { ...item, ...input, tagIds: input.tagIds ?? [] } as ItemState, err.message);
    }
  });

  app.get('/items/:id/preview', async (req, reply) => {
    const actor = actorOfRequest(req);
    const item = await loadEditable(ctx.db, actor, idParam((req.params as { id: string }).id));
    if (!canEditItem(actor, item)) throw forbidden();
    reply.header('x-robots-tag', 'noindex');
    return ctx.renderPreview(item.id, reply);
  });

  app.post('/items/:id/translations', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const other = idParam(((req.body ?? {}) as Record<string, unknown>).otherId);
    await linkTranslation(ctx.db, actor, id, other);
    return reply.redirect(`/admin/items/${id}?notice=saved`, 303);
  });

  app.get('/items/:id/delete', async (req, reply) => {
    const actor = actorOfRequest(req);
    const item = await loadEditable(ctx.db, actor, idParam((req.params as { id: string }).id));
    if (!canEditItem(actor, item)) throw forbidden();
    return sendAdminPage(ctx, req, reply, { title: 'Delete this item?', section: item.type }, (csrf) => (
      <form method="post" action={`/admin/items/${item.id}/delete`}>
        <Csrf token={csrf} />
        <p>“<span dir="auto">{item.title}</span>” and all its revisions will be deleted. This cannot be undone.</p>
        <div class="actions">
          <button type="submit" class="danger">Delete</button>
          <a href={`/admin/items/${item.id}`}>Keep it</a>
        </div>
      </form>
    ));
  });

  app.post('/items/:id/delete', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const item = await loadEditable(ctx.db, actor, id);
    await deleteItems(ctx.db, actor, [id]);
    return reply.redirect(`/admin/items?type=${item.type}&notice=deleted`, 303);
  });

}
