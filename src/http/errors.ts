import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { escapeHtml } from '#jsx/jsx-runtime';
import { messagePage } from './site/not-found.js';
import { oldAddress, sendOn } from './site/old-addresses.js';
import type { SiteContext } from './site/site-context.js';

/** Chooses the edition whose language an error page speaks, from the URL prefix. */
export type ContextForPath = (path: string) => SiteContext;

/** The last resort when even the error page cannot be built (say, the database is down): no details, no stack. */
function bareErrorPage(reply: FastifyReply, status: number) {
  const text = status === 400 ? 'Bad request' : status === 404 ? 'Not found' : 'Something went wrong';
  return reply.code(status).type('text/html; charset=utf-8').send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(text)}</title><h1>${escapeHtml(text)}</h1>`);
}

function pathOf(req: FastifyRequest): string {
  return req.url.split('?')[0] ?? '/';
}

/**
 * The one place where failures become HTTP answers: unknown paths → localized 404, client
 * errors (malformed URLs, bad encodings) → 400, anything else → 500 with nothing leaked.
 */
export function registerErrorHandling(app: FastifyInstance, contextFor: ContextForPath): void {
  app.setNotFoundHandler(async (req, reply) => {
    const path = pathOf(req);
    // An old address (an imported WordPress permalink, an editor's redirect) goes first, in one hop.
    const old = await oldAddress(contextFor(path).db, req).catch((err: unknown) => void req.log.error({ err }, 'redirect lookup failed'));
    if (old && old.status !== 410) return sendOn(reply, old);
    // A listing or item URL typed without its trailing slash: send the reader to the real one
    // (never for `//host` or `/\host`, which a browser would take for another site).
    const sameSite = /^\/[^/\\]/.test(path) && !path.includes('\\');
    if (!old && (req.method === 'GET' || req.method === 'HEAD') && sameSite && !path.endsWith('/') && !/\.[a-z0-9]+$/i.test(path) && path.length < 2000) {
      const query = req.url.slice(path.length);
      return reply.redirect(`${path}/${query}`, 301);
    }
    try {
      return await messagePage(contextFor(path), reply, 'notFound', old ? 410 : 404);
    } catch (err) {
      req.log.error({ err }, 'could not render the 404 page');
      return bareErrorPage(reply, 404);
    }
  });

  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error }, 'request failed');
    const kind = status === 404 ? 'notFound' : status >= 500 ? 'error' : 'badRequest';
    try {
      return await messagePage(contextFor(pathOf(req)), reply, kind, status);
    } catch (err) {
      req.log.error({ err }, 'could not render the error page');
      return bareErrorPage(reply, status);
    }
  });
}

/** Malformed URLs (bad percent-encoding) never reach a route: answer 400 in the edition's language. */
export function frameworkErrorHandler(contextFor: () => ContextForPath | undefined) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lookup = contextFor();
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    if (!lookup) return bareErrorPage(reply, status);
    // The raw URL may not decode; choose the edition from its undecoded prefix.
    messagePage(lookup(pathOf(req)), reply, 'badRequest', status).catch(() => bareErrorPage(reply, status));
  };
}
