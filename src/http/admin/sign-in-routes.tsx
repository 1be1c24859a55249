import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccountError, confirmSecondFactor, endSession, SESSION_MAX_MS, signIn } from '../../modules/accounts/index.js';
import { Csrf, Field } from '../../themes/admin/form-fields.js';
import type { AdminContext } from './admin-context.js';
import { sendAdminPage } from './admin-page.js';
import { cookieOptions, SESSION_COOKIE } from './session-hooks.js';

/** Only newsroom paths: a `next` that points elsewhere would make sign-in an open redirect. */
function safeNext(raw: unknown): string {
  return typeof raw === 'string' && /^\/admin(?:[/?#]|$)/.test(raw) ? raw : '/admin';
}

function visitOf(ctx: AdminContext, req: FastifyRequest) {
  return { address: req.ip, userAgent: req.headers['user-agent'] ?? null, now: ctx.clock.now() };
}

export async function signInRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;
  const publicRoute = { config: { public: true } };

  const form = (req: FastifyRequest, reply: Parameters<typeof sendAdminPage>[2], values: { email?: string; next?: string }, error?: string, status?: number) =>
    sendAdminPage(ctx, req, reply, { title: 'Sign in', error, status }, (csrf) => (
      <form method="post" action="/admin/sign-in" class="narrow">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={safeNext(values.next)} />
        <Field name="email" label="Email" type="email" value={values.email} autocomplete="username" required />
        <Field name="password" label="Password" type="password" autocomplete="current-password" required />
        <button type="submit" class="primary">Sign in</button>
      </form>
    ));

  app.get('/sign-in', publicRoute, async (req, reply) => {
    if (req.newsroom && !req.newsroom.secondFactorPending) return reply.redirect('/admin', 303);
    return form(req, reply, { next: (req.query as Record<string, string>).next });
  });

  app.post('/sign-in', publicRoute, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.slice(0, 200) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1000) : '';
    try {
      const { token, secondFactorPending } = await signIn(ctx.db, ctx.limiter, email, password, visitOf(ctx, req));
      if (req.cookies[SESSION_COOKIE]) await endSession(ctx.db, req.cookies[SESSION_COOKIE]!);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, SESSION_MAX_MS / 1000));
      const next = safeNext(body.next);
      return reply.redirect(secondFactorPending ? `/admin/sign-in/code?next=${encodeURIComponent(next)}` : next, 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      req.log.info({ code: err.code, ip: req.ip }, 'sign-in refused');
      const status = err.code === 'accounts.rate_limited' ? 429 : 401;
      return form(req, reply, { email, next: body.next as string }, err.message, status);
    }
  });

  const codeForm = (req: FastifyRequest, reply: Parameters<typeof sendAdminPage>[2], next: unknown, error?: string, status?: number) =>
    sendAdminPage(ctx, req, reply, { title: 'Two-factor code', error, status }, (csrf) => (
      <form method="post" action="/admin/sign-in/code" class="narrow">
        <Csrf token={csrf} />
        <input type="hidden" name="next" value={safeNext(next)} />
        <Field name="code" label="The 6-digit code from your authenticator app" autocomplete="one-time-code" inputmode="numeric" maxlength={8} required />
        <button type="submit" class="primary">Continue</button>
      </form>
    ));

  app.get('/sign-in/code', publicRoute, async (req, reply) => {
    if (!req.newsroom) return reply.redirect('/admin/sign-in', 303);
    if (!req.newsroom.secondFactorPending) return reply.redirect('/admin', 303);
    return codeForm(req, reply, (req.query as Record<string, string>).next);
  });

  app.post('/sign-in/code', publicRoute, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!req.newsroom) return reply.redirect('/admin/sign-in', 303);
    try {
      await confirmSecondFactor(ctx.db, ctx.limiter, req.newsroom, typeof body.code === 'string' ? body.code : '', visitOf(ctx, req));
      return reply.redirect(safeNext(body.next), 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return codeForm(req, reply, body.next, err.message, err.code === 'accounts.rate_limited' ? 429 : 401);
    }
  });

  app.post('/sign-out', publicRoute, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/admin' });
    return reply.redirect('/admin/sign-in', 303);
  });
}
