import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canAdminister } from '../../modules/accounts/index.js';
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey } from '../../modules/api-keys/index.js';
import { ApiKeysView } from '../../themes/admin/api-key-views.js';
import type { AdminContext } from './admin-context.js';
import { forbidden, idParam, notFound } from './admin-errors.js';
import { sendAdminPage } from './admin-page.js';
import { formOf, formText } from './form-values.js';
import { actorOfRequest } from './session-hooks.js';

/** Keys of the read API: administrators only, checked here for every route of the plugin. */
export async function apiKeysRoutes(app: FastifyInstance, opts: { ctx: AdminContext }): Promise<void> {
  const { ctx } = opts;

  app.addHook('preHandler', async (req) => {
    if (!canAdminister(actorOfRequest(req))) throw forbidden('Only administrators manage API keys.');
  });

  const page = async (req: FastifyRequest, reply: FastifyReply, a: { created?: { name: string; key: string }; name?: string; error?: string } = {}) => {
    const keys = await listApiKeys(ctx.db);
    return sendAdminPage(ctx, req, reply, { title: 'API keys', section: 'api-keys', error: a.error }, (csrf) => (
      <ApiKeysView csrf={csrf} keys={keys} created={a.created} name={a.name ?? ''} error={a.error} />
    ));
  };

  app.get('/api-keys', (req, reply) => page(req, reply));

  // The new key is in this answer only (never in a URL or a redirect), in a page that is never cached.
  app.post('/api-keys', async (req, reply) => {
    const name = formText(formOf(req.body), 'name', 300);
    try {
      const { key } = await createApiKey(ctx.db, { name, createdBy: actorOfRequest(req).id, now: ctx.clock.now() });
      return await page(req, reply, { created: { name: name.trim(), key } });
    } catch (err) {
      if (!(err instanceof ApiKeyError)) throw err;
      return page(req, reply, { name, error: err.message });
    }
  });

  app.post('/api-keys/:id/revoke', async (req, reply) => {
    try {
      await revokeApiKey(ctx.db, idParam((req.params as { id: string }).id), ctx.clock.now());
    } catch (err) {
      if (err instanceof ApiKeyError && err.code === 'api_keys.not_found') throw notFound(err.message);
      throw err;
    }
    return reply.redirect('/admin/api-keys?notice=revoked', 303);
  });
}
