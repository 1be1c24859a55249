import type { FastifyInstance } from 'fastify';
import { canUseEdition } from '../../modules/accounts/index.js';
import { canSeeCommentQueue, commentForModeration, commentQueue, COMMENT_STATUSES, isModerationAction, moderate, replyAsNewsroom, setCommentsClosed, type ModerationAction } from '../../modules/comments/index.js';
import { commentTarget } from '../../modules/comments/index.js';
import { CommentQueueView, CommentReplyView, type QueueFilterVM } from '../../themes/admin/comment-views.js';
import type { AdminContext } from './admin-context.js';
import { badRequest, forbidden, idParam, notFound } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formOf, formList, formText } from './form-values.js';
import { actorOfRequest } from './session-hooks.js';

const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Where to go back after an action: the queue with the filters it had (only ever a queue address). */
function backTo(raw: string): string {
  return /^\/admin\/comments(\?[A-Za-z0-9_=&%.-]*)?$/.test(raw) ? raw : '/admin/comments';
}

function withNotice(url: string, notice: string): string {
  const clean = url.replace(/([?&])notice=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return `${clean}${clean.includes('?') ? '&' : '?'}notice=${notice}`;
}

/** The moderation queue: filters, approve / spam / trash / delete (one or many), replies, and closing an item's comments. */
export async function commentModerationRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  const env = () => ({ now: ctx.clock.now(), mailer: ctx.commentMailer });

  app.addHook('preHandler', async (req) => {
    if (req.url.startsWith('/admin/comments') || /^\/admin\/items\/[^/]+\/comments-closed/.test(req.url)) {
      if (!canSeeCommentQueue(actorOfRequest(req))) throw forbidden('Contributors do not moderate comments.');
    }
  });

  app.get('/comments', async (req, reply) => {
    const actor = actorOfRequest(req);
    const q = req.query as Record<string, unknown>;
    const edition = one(q.edition);
    const statusRaw = one(q.status);
    const filter: QueueFilterVM = {
      edition: edition && ctx.editions.some((e) => e.code === edition) && canUseEdition(actor, edition) ? edition : '',
      // The queue opens on what waits; "all" shows every status.
      status: statusRaw === 'all' ? 'all' : (COMMENT_STATUSES as readonly string[]).includes(statusRaw) ? statusRaw : 'pending',
      itemId: /^[1-9][0-9]{0,9}$/.test(one(q.item)) ? Number(one(q.item)) : null,
      page: /^[1-9][0-9]{0,5}$/.test(one(q.page)) ? Number(one(q.page)) : 1,
    };
    const { rows, hasMore } = await commentQueue(
      ctx.db, actor,
      { ...(filter.edition ? { edition: filter.edition } : {}), ...(filter.status !== 'all' ? { status: filter.status } : {}), ...(filter.itemId ? { itemId: filter.itemId } : {}) },
      filter.page,
    );
    const target = filter.itemId ? await commentTarget(ctx.db, filter.itemId) : undefined;
    if (filter.itemId && (!target || !canUseEdition(actor, target.edition))) throw notFound();
    const editions = ctx.editions.filter((e) => canUseEdition(actor, e.code));
    return sendAdminPage(ctx, req, reply, { title: target ? `Comments on “${target.title}”` : 'Comments', section: 'comments' }, (csrf) => (
      <CommentQueueView csrf={csrf} rows={rows} hasMore={hasMore} filter={filter} editions={editions} allEditions={ctx.editions} returnTo={req.url}
        item={target ? { id: target.id, title: target.title, closed: !!target.comments_closed, edition: target.edition } : null} />
    ));
  });

  app.post('/comments/bulk', async (req, reply) => {
    const actor = actorOfRequest(req);
    const f = formOf(req.body);
    // A row's own button sends `one=approved:12`; the bulk controls send `action` (or `bulk=delete`) with `ids`.
    const single = /^([a-z]+):([1-9][0-9]{0,9})$/.exec(formText(f, 'one', 40));
    const action = single ? single[1]! : formText(f, 'bulk', 20) === 'delete' ? 'delete' : formText(f, 'action', 20);
    if (!isModerationAction(action)) throw badRequest('Choose what to do with the selected comments.');
    const ids = single ? [Number(single[2])] : formList(f, 'ids').slice(0, 500).map((x) => idParam(x));
    if (!ids.length) throw badRequest('Select at least one comment.');
    await moderate(ctx.db, env(), actor, ids, action as ModerationAction);
    return reply.redirect(withNotice(backTo(formText(f, 'returnTo', 500)), 'bulk'), 303);
  });

  app.get('/comments/:id/reply', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const comment = await commentForModeration(ctx.db, actor, id);
    return sendAdminPage(ctx, req, reply, { title: 'Reply to a comment', section: 'comments' }, (csrf) => (
      <CommentReplyView csrf={csrf} comment={comment} editions={ctx.editions} />
    ));
  });

  app.post('/comments/:id/reply', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const f = formOf(req.body);
    const user = req.newsroom!.user;
    const replyId = await replyAsNewsroom(ctx.db, env(), { actor, name: user.displayName, email: user.email }, id, formText(f, 'body', 50_000));
    const row = await commentForModeration(ctx.db, actor, replyId);
    return reply.redirect(`/admin/comments?item=${row.itemId}&status=all&notice=replied`, 303);
  });

  app.post('/items/:id/comments-closed', async (req, reply) => {
    const actor = actorOfRequest(req);
    const id = idParam((req.params as { id: string }).id);
    const closed = formText(formOf(req.body), 'closed', 5) === '1';
    await setCommentsClosed(ctx.db, actor, id, closed);
    return reply.redirect(`/admin/comments?item=${id}&status=all&notice=${closed ? 'comments_closed' : 'comments_open'}`, 303);
  });
}
