import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, loadSession, type Actor, type SessionState } from '../../modules/accounts/index.js';
import type { AdminContext } from './admin-context.js';
import { AdminHttpError } from './admin-errors.js';

export const SESSION_COOKIE = 'nashr_session';
/** Before sign-in there is no session to hold a CSRF token: this cookie does (double submit). */
const PRE_SESSION_COOKIE = 'nashr_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in session, once the newsroom's hook has read the cookie */
    newsroom: SessionState | null;
  }
  interface FastifyContextConfig {
    /** a newsroom route that answers without sign-in (the sign-in pages) */
    public?: boolean;
  }
}

/** The signed-in person, for routes behind the sign-in hook (which guarantees one). */
export function actorOfRequest(req: FastifyRequest): Actor {
  const actor = req.newsroom && actorOf(req.newsroom.user);
  if (!actor) throw new AdminHttpError(401, 'unauthenticated', 'Sign in first.');
  return actor;
}

export function cookieOptions(req: FastifyRequest, maxAgeSeconds?: number) {
  return { path: '/admin', httpOnly: true, sameSite: 'lax' as const, secure: req.protocol === 'https', ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}) };
}

/** The CSRF token forms on this page must send back. */
export function csrfTokenFor(req: FastifyRequest, reply: FastifyReply): string {
  if (req.newsroom) return req.newsroom.csrfToken;
  let token = req.cookies[PRE_SESSION_COOKIE];
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    token = randomBytes(32).toString('base64url');
    reply.setCookie(PRE_SESSION_COOKIE, token, { ...cookieOptions(req), sameSite: 'strict' });
  }
  return token;
}

function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/admin/api/') || (req.headers.accept ?? '').startsWith('application/json') || (req.query as Record<string, unknown> | undefined)?.format === 'json';
}

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The newsroom's gate, for every route of its scope: reads the session cookie; sends anyone
 * not signed in to the sign-in page (pages) or answers 401 (APIs); and refuses any
 * state-changing request whose CSRF token is missing or wrong, or that comes from another origin.
 */
export function registerSessionHooks(app: FastifyInstance, ctx: AdminContext): void {
  app.decorateRequest('newsroom', null);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'private, no-store');
    const token = req.cookies[SESSION_COOKIE];
    req.newsroom = token ? ((await loadSession(ctx.db, token, ctx.clock.now())) ?? null) : null;
    if (req.routeOptions.config.public) return;
    const session = req.newsroom;
    if (session && !session.secondFactorPending) return;
    if (isApi(req) || !SAFE_METHODS.has(req.method)) throw new AdminHttpError(401, 'unauthenticated', 'Sign in first.');
    const next = req.url.startsWith('/admin') && !req.url.startsWith('//') ? req.url : '/admin';
    return reply.redirect(session ? '/admin/sign-in/code' : `/admin/sign-in?next=${encodeURIComponent(next)}`, 303);
  });

  app.addHook('preValidation', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.host) throw new AdminHttpError(403, 'csrf', 'This request came from another site and was refused.');
    }
    const body = req.body as Record<string, unknown> | undefined;
    const sent = req.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined) ?? (req.query as Record<string, unknown>)._csrf;
    const expected = req.newsroom?.csrfToken ?? req.cookies[PRE_SESSION_COOKIE];
    if (typeof sent !== 'string' || !expected || !equal(sent, expected)) {
      throw new AdminHttpError(403, 'csrf', 'This form has expired or did not come from the newsroom. Go back, reload the page and try again.');
    }
  });
}
