import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addRedirect, deleteRedirect, getRedirect, listRedirects, RedirectError, updateRedirect, type Redirect, type RedirectStatus } from '../../modules/redirects/index.js';
import { RedirectEditView, RedirectListView, type RedirectFormVM } from '../../themes/admin/redirect-views.js';
import type { AdminContext } from './admin-context.js';
import { forbidden, idParam, notFound } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formOf, formText } from './form-values.js';
import { actorOfRequest } from './session-hooks.js';

const PER_PAGE = 50;
const EMPTY_FORM: RedirectFormVM = { from: '', to: '', status: '301', errors: {} };
const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function formValues(body: unknown): RedirectFormVM {
  const f = formOf(body);
  return { from: formText(f, 'from', 2100).trim(), to: formText(f, 'to', 2100).trim(), status: formText(f, 'status', 5), errors: {} };
}

/** The form's status, or a number the module refuses with its own message. */
const statusOf = (raw: string): RedirectStatus => (/^(301|302|410)$/.test(raw) ? (Number(raw) as RedirectStatus) : (0 as RedirectStatus));

/** A refusal of the module, shown beside the field it is about. */
function withError(values: RedirectFormVM, err: RedirectError): RedirectFormVM {
  return { ...values, errors: { [err.field ?? 'from']: err.message } };
}

/** Redirects from old addresses: administrators and editors (they are the site's, not an edition's). */
export async function redirectsRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  app.addHook('preHandler', async (req) => {
    const { role } = actorOfRequest(req);
    if (role !== 'administrator' && role !== 'editor') throw forbidden('Only editors and administrators manage redirects.');
  });

  const listPage = async (req: FastifyRequest, reply: FastifyReply, form: RedirectFormVM, status?: number) => {
    const q = req.query as Record<string, unknown>;
    const search = one(q.q).slice(0, 500);
    const page = /^[1-9][0-9]{0,5}$/.test(one(q.page)) ? Number(one(q.page)) : 1;
    const { redirects, total } = await listRedirects(ctx.db, { search, page, perPage: PER_PAGE });
    const href = (n: number) => {
      const p = new URLSearchParams();
      if (search) p.set('q', search);
      if (n > 1) p.set('page', String(n));
      const s = p.toString();
      return s ? `/admin/redirects?${s}` : '/admin/redirects';
    };
    const error = Object.keys(form.errors).length ? 'The redirect was not added: see below.' : undefined;
    return sendAdminPage(ctx, req, reply, { title: 'Redirects', section: 'redirects', error, status }, (csrf) => (
      <RedirectListView csrf={csrf} redirects={redirects} total={total} search={search} page={page} hasMore={page * PER_PAGE < total} href={href} form={form} />
    ));
  };

  const editPage = (req: FastifyRequest, reply: FastifyReply, redirect: Redirect, form: RedirectFormVM, status?: number) =>
    sendAdminPage(ctx, req, reply, { title: 'Edit redirect', section: 'redirects', error: Object.keys(form.errors).length ? 'Not saved: see below.' : undefined, status }, (csrf) => (
      <RedirectEditView csrf={csrf} redirect={redirect} form={form} />
    ));

  const load = async (raw: unknown) => {
    try {
      return await getRedirect(ctx.db, idParam(raw));
    } catch (err) {
      if (err instanceof RedirectError && err.code === 'redirects.not_found') throw notFound('There is no such redirect.');
      throw err;
    }
  };

  app.get('/redirects', (req, reply) => listPage(req, reply, EMPTY_FORM));

  app.post('/redirects', async (req, reply) => {
    const values = formValues(req.body);
    try {
      await addRedirect(ctx.db, { from: values.from, to: values.to, status: statusOf(values.status) }, ctx.clock.now());
    } catch (err) {
      if (!(err instanceof RedirectError)) throw err;
      return listPage(req, reply, withError(values, err), err.code === 'redirects.taken' ? 409 : 400);
    }
    return reply.redirect('/admin/redirects?notice=created', 303);
  });

  app.get('/redirects/:id', async (req, reply) => {
    const r = await load((req.params as { id: string }).id);
    return editPage(req, reply, r, { from: r.from, to: r.to, status: String(r.status), errors: {} });
  });

  app.post('/redirects/:id', async (req, reply) => {
    const r = await load((req.params as { id: string }).id);
    const values = formValues(req.body);
    try {
      await updateRedirect(ctx.db, r.id, { from: values.from, to: values.to, status: statusOf(values.status) }, ctx.clock.now());
    } catch (err) {
      if (!(err instanceof RedirectError) || err.code === 'redirects.not_found') throw err;
      return editPage(req, reply, r, withError(values, err), err.code === 'redirects.taken' ? 409 : 400);
    }
    return reply.redirect('/admin/redirects?notice=saved', 303);
  });

  app.post('/redirects/:id/delete', async (req, reply) => {
    const r = await load((req.params as { id: string }).id);
    await deleteRedirect(ctx.db, r.id);
    return reply.redirect('/admin/redirects?notice=deleted', 303);
  });
}
