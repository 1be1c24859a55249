import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';
import type { Clock } from '../../lib/clock.js';
import { ApiKeyGate } from '../../modules/api-keys/index.js';
import type { Db } from '../../storage/database.js';
import type { ApiContext } from './api-context.js';
import { ApiUrls } from './api-urls.js';
import { requireKey } from './api-auth.js';
import { apiNotFound, ApiError, sendApiError } from './api-errors.js';
import { applyCors } from './cors.js';
import { registerEditionRoutes } from './edition-routes.js';
import { registerItemRoutes } from './item-routes.js';
import { openApiDocument } from './openapi.js';
import { registerTaxonomyRoutes } from './taxonomy-routes.js';

/** The paths of the API, for telling an unknown path (404) from a known one asked with another method (405). */
const KNOWN = [/^\/api\/v1\/(items|categories|tags|editions|openapi\.json)$/, /^\/api\/v1\/items\/[^/]+$/, /^\/api\/v1\/menus\/[^/]+$/];

/**
 * The read API at /api/v1: JSON only, an API key on every request but the OpenAPI document,
 * CORS as configured, and one error shape for every refusal. Its static paths and its catch-all
 * take precedence over the root edition's parametric routes (/:slug/, date archives) whatever
 * the order they are registered in, so nothing under /api/v1 ever reaches the site.
 */
export async function readApi(app: FastifyInstance, opts: { ctx: ApiContext }): Promise<void> {
  const { ctx } = opts;
  const document = JSON.stringify(openApiDocument(ctx.urls.baseUrl, ctx.editions.map((e) => e.code)));

  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    if (error instanceof ApiError) return sendApiError(reply, error);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      req.log.error({ err: error }, 'API request failed');
      return sendApiError(reply, new ApiError(500, 'internal_error', 'Something went wrong on our side.'));
    }
    return sendApiError(reply, new ApiError(status, 'bad_request', 'The request is malformed.'));
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (applyCors(req, reply, ctx.corsOrigins)) return reply;
    if (!req.routeOptions.config.apiPublic) await requireKey(req, reply, ctx.gate);
  });

  app.get('/openapi.json', { config: { apiPublic: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(document),
  );
  registerItemRoutes(app, ctx);
  registerTaxonomyRoutes(app, ctx);
  registerEditionRoutes(app, ctx);

  // Everything else under /api/v1 (any method) is answered here, never by the site's slug routes.
  const unknown = async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method !== 'GET' && req.method !== 'HEAD' && KNOWN.some((re) => re.test(path))) {
      reply.header('allow', 'GET, HEAD, OPTIONS');
      throw new ApiError(405, 'method_not_allowed', 'The read API only answers GET (and HEAD).');
    }
    throw apiNotFound();
  };
  app.all('/', { config: { apiPublic: true } }, unknown);
  app.all('/*', { config: { apiPublic: true } }, unknown);
}

/** The read API's context from the configuration; its rate limits live as long as the app. */
export function readApiContext(config: Config, db: Db, clock: Clock): ApiContext {
  return { db, editions: config.editions, urls: new ApiUrls(config.baseUrl, config.editions), gate: new ApiKeyGate(db, clock, config.apiRateLimit), corsOrigins: config.apiCorsOrigins };
}

/**
 * Malformed URLs (bad percent-encoding) never reach a route: under /api/v1 they get the API's
 * JSON error, anywhere else the site's own answer.
 */
export function withApiFrameworkErrors(site: (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => void) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (!/^\/api\/v1(\/|\?|$)/.test(req.url)) return site(error, req, reply);
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    sendApiError(reply, new ApiError(status, 'invalid_parameter', 'The address is malformed (bad percent-encoding).'));
  };
}

export type { ApiContext } from './api-context.js';
