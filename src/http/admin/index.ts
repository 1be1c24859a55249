import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { AdminAssets, AdminContext } from './admin-context.js';
import { registerAdminErrors } from './admin-error-handler.js';
import { registerSessionHooks } from './session-hooks.js';
import { signInRoutes } from './sign-in-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';

const ADMIN_CSS = fileURLToPath(new URL('../../themes/admin/assets/admin.css', import.meta.url));

/** Served bytes of the newsroom's stylesheet and scripts, by name, with their versioned URLs. */
export interface AdminAssetFiles {
  files: Map<string, { body: Buffer; type: string }>;
  urls: AdminAssets;
}

/** Reads the stylesheet and builds the scripts once, at start-up. */
export async function loadAdminAssets(): Promise<AdminAssetFiles> {
  const files = new Map<string, { body: Buffer; type: string }>();
  files.set('admin.css', { body: readFileSync(ADMIN_CSS), type: 'text/css; charset=utf-8' });
  const version = (body: Buffer) => createHash('sha256').update(body).digest('hex').slice(0, 10);
  const url = (name: string) => `/admin/assets/${name}?v=${version(files.get(name)!.body)}`;
  const scripts: Record<string, string> = {};
  for (const name of files.keys()) if (name.endsWith('.js')) scripts[name] = url(name);
  return { files, urls: { css: url('admin.css'), scripts } };
}

/** The newsroom at /admin: its own scope, so its cookies, body parsers and sign-in hook never touch public pages. */
export async function adminSite(app: FastifyInstance, opts: { ctx: AdminContext; assets: AdminAssetFiles }): Promise<void> {
  const { ctx } = opts;
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 4 * 1024 * 1024 });

  app.get('/assets/:name', { config: { public: true } }, async (req, reply) => {
    const file = opts.assets.files.get((req.params as { name: string }).name);
    if (!file) return reply.code(404).type('text/plain').send('not found');
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(file.type).send(file.body);
  });

  registerSessionHooks(app, ctx);
  registerAdminErrors(app, ctx);
  await app.register(signInRoutes, { ctx });
  await app.register(dashboardRoutes, { ctx });
}
