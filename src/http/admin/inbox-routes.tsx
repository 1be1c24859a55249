import type { FastifyInstance } from 'fastify';
import { canManageSite, type Actor } from '../../modules/accounts/index.js';
import { ContactError, getInboxMessage, listInbox, updateInbox, type InboxAction } from '../../modules/contact/index.js';
import { InboxListView, InboxMessageView, type InboxFilterVM } from '../../themes/admin/inbox-views.js';
import type { AdminContext } from './admin-context.js';
import { badRequest, forbidden, idParam, notFound } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formList, formOf, formText } from './form-values.js';
import { actorOfRequest } from './session-hooks.js';

const ACTIONS: readonly InboxAction[] = ['read', 'unread', 'archive', 'unarchive'];
const NOTICE: Record<InboxAction, string> = { read: 'bulk', unread: 'unread', archive: 'archived', unarchive: 'unarchived' };
const PER_PAGE = 25;
const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Where to go back after an action: an inbox address only, never one from elsewhere. */
function backTo(raw: string): string {
  return /^\/admin\/inbox(\?[A-Za-z0-9_=&%.-]*)?$/.test(raw) ? raw : '/admin/inbox';
}

function withNotice(url: string, notice: string): string {
  const clean = url.replace(/([?&])notice=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return `${clean}${clean.includes('?') ? '&' : '?'}notice=${notice}`;
}

/**
 * The newsroom inbox of contact-form messages: administrators and editors, each seeing only the
 * editions they work in (a message of another edition is "not found", as if it did not exist).
 */
export async function inboxRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  const editionsOf = (actor: Actor) => ctx.editions.filter((e) => canManageSite(actor, e.code));

  app.addHook('preHandler', async (req) => {
    if (req.url === '/admin/inbox' || req.url.startsWith('/admin/inbox/') || req.url.startsWith('/admin/inbox?')) {
      if (editionsOf(actorOfRequest(req)).length === 0) throw forbidden('Only editors and administrators read the contact inbox.');
    }
  });

  app.get('/inbox', async (req, reply) => {
    const actor = actorOfRequest(req);
    const q = req.query as Record<string, unknown>;
    const editions = editionsOf(actor);
    const edition = one(q.edition);
    const filter: InboxFilterVM = {
      edition: editions.some((e) => e.code === edition) ? edition : '',
      archived: one(q.show) === 'archived',
      page: /^[1-9][0-9]{0,5}$/.test(one(q.page)) ? Number(one(q.page)) : 1,
    };
    const codes = filter.edition ? [filter.edition] : editions.map((e) => e.code);
    const { messages, total, unread } = await listInbox(ctx.db, { editions: codes, archived: filter.archived, page: filter.page, perPage: PER_PAGE });
    const href = (page: number) => {
      const p = new URLSearchParams();
      if (filter.edition) p.set('edition', filter.edition);
      if (filter.archived) p.set('show', 'archived');
      if (page > 1) p.set('page', String(page));
      const s = p.toString();
      return s ? `/admin/inbox?${s}` : '/admin/inbox';
    };
    return sendAdminPage(ctx, req, reply, { title: filter.archived ? 'Inbox: archived' : 'Inbox', section: 'inbox' }, (csrf) => (
      <InboxListView csrf={csrf} messages={messages} total={total} unread={unread} filter={filter} editions={editions} href={href} hasMore={filter.page * PER_PAGE < total} returnTo={href(filter.page)} />
    ));
  });

  const load = async (actor: Actor, rawId: unknown) => {
    try {
      return await getInboxMessage(ctx.db, idParam(rawId), editionsOf(actor).map((e) => e.code));
    } catch (err) {
      if (err instanceof ContactError && err.code === 'contact.not_found') throw notFound('There is no such message.');
      throw err;
    }
  };

  // Opening a message marks it read, as a mail program does; "Mark unread" undoes it.
  app.get('/inbox/:id', async (req, reply) => {
    const actor = actorOfRequest(req);
    const message = await load(actor, (req.params as { id: string }).id);
    if (!message.readAt) {
      await updateInbox(ctx.db, [message.id], [message.edition], 'read', ctx.clock.now());
      message.readAt = ctx.clock.now().toISOString();
    }
    return sendAdminPage(ctx, req, reply, { title: message.subject || `Message from ${message.name}`, section: 'inbox' }, (csrf) => (
      <InboxMessageView csrf={csrf} message={message} editions={ctx.editions} />
    ));
  });

  app.post('/inbox/bulk', async (req, reply) => {
    const actor = actorOfRequest(req);
    const f = formOf(req.body);
    const action = formText(f, 'action', 20) as InboxAction;
    if (!ACTIONS.includes(action)) throw badRequest('Choose what to do with the selected messages.');
    const ids = formList(f, 'ids').slice(0, 500).map((x) => idParam(x));
    if (!ids.length) throw badRequest('Select at least one message.');
    await updateInbox(ctx.db, ids, editionsOf(actor).map((e) => e.code), action, ctx.clock.now());
    return reply.redirect(withNotice(backTo(formText(f, 'returnTo', 500)), NOTICE[action]), 303);
  });

  app.post('/inbox/:id/:action', async (req, reply) => {
    const actor = actorOfRequest(req);
    const { id, action } = req.params as { id: string; action: string };
    if (!ACTIONS.includes(action as InboxAction)) throw notFound();
    const message = await load(actor, id);
    await updateInbox(ctx.db, [message.id], [message.edition], action as InboxAction, ctx.clock.now());
    // After "mark unread" or "archive" the message is done with: back to the list.
    const to = action === 'read' || action === 'unarchive' ? `/admin/inbox/${message.id}` : '/admin/inbox';
    return reply.redirect(withNotice(to, NOTICE[action as InboxAction]), 303);
  });
}
