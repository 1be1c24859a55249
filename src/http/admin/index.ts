import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { gzipSync } from 'node:zlib';
import { buildAdminBundles, type AdminAsset } from '../../admin-client/bundle.js';
import type { AdminAssets, AdminContext } from './admin-context.js';
import { registerAdminErrors } from './admin-error-handler.js';
import { registerSessionHooks } from './session-hooks.js';
import { signInRoutes } from './sign-in-routes.js';
import { dashboardRoutes } from './dashboard-routes.js';
import { usersRoutes } from './users-routes.js';
import { accountRoutes } from './account-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { menusRoutes } from './menus-routes.js';
import { itemEditorRoutes } from './item-editor-routes.js';
import { itemListRoutes } from './item-list-routes.js';
import { itemRevisionRoutes } from './item-revision-routes.js';
import { mediaRoutes } from './media-routes.js';
import { galleryRoutes } from './gallery-routes.js';
import { inboxRoutes } from './inbox-routes.js';
import { commentModerationRoutes } from './comment-routes.js';
import { apiKeysRoutes } from './api-keys-routes.js';
import { redirectsRoutes } from './redirects-routes.js';
import { importRoutes } from './import-routes.js';

const ADMIN_CSS = fileURLToPath(new URL('../../themes/admin/assets/admin.css', import.meta.url));

/** Served bytes of the newsroom's stylesheets and scripts, by name, with their versioned URLs. */
export interface AdminAssetFiles {
  files: Map<string, AdminAsset>;
  urls: AdminAssets;
}

let loaded: Promise<AdminAssetFiles> | undefined;

/** Reads the stylesheet and builds the scripts once per process, at start-up (they never change while it runs). */
export function loadAdminAssets(): Promise<AdminAssetFiles> {
  loaded ??= buildAssets();
  return loaded;
}

async function buildAssets(): Promise<AdminAssetFiles> {
  const files = await buildAdminBundles();
  const css = readFileSync(ADMIN_CSS);
  files.set('admin.css', { body: css, gzip: gzipSync(css), etag: `"${createHash('sha256').update(css).digest('base64url').slice(0, 22)}"`, contentType: 'text/css; charset=utf-8' });
  const urls: Record<string, string> = {};
  for (const [name, file] of files) urls[name] = `/admin/assets/${name}?v=${file.etag.slice(1, 11)}`;
  return { files, urls: { css: urls['admin.css']!, scripts: urls } };
}

/** The newsroom at /admin: its own scope, so its cookies, body parsers and sign-in hook never touch public pages. */
export async function adminSite(app: FastifyInstance, opts: { ctx: AdminContext; assets: AdminAssetFiles }): Promise<void> {
  const { ctx } = opts;
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 4 * 1024 * 1024 });

  app.get('/assets/:name', { config: { public: true } }, async (req, reply) => {
    const file = opts.assets.files.get((req.params as { name: string }).name);
    if (!file) return reply.code(404).type('text/plain').send('not found');
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', file.etag).header('vary', 'accept-encoding').type(file.contentType);
    if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return gzip ? reply.header('content-encoding', 'gzip').send(file.gzip) : reply.send(file.body);
  });

  registerSessionHooks(app, ctx);
  registerAdminErrors(app, ctx);
  await app.register(signInRoutes, { ctx });
  await app.register(dashboardRoutes, { ctx });
  await app.register(usersRoutes, { ctx });
  await app.register(accountRoutes, { ctx });
  await app.register(settingsRoutes, { ctx });
  await app.register(menusRoutes, { ctx });
  await app.register(itemListRoutes, { ctx });
  await app.register(itemEditorRoutes, { ctx });
  await app.register(itemRevisionRoutes, { ctx });
  await app.register(mediaRoutes, { ctx });
  await app.register(galleryRoutes, { ctx });
  await app.register(inboxRoutes, { ctx });
  await app.register(commentModerationRoutes, { ctx });
  await app.register(apiKeysRoutes, { ctx });
  await app.register(redirectsRoutes, { ctx });
  await app.register(importRoutes, { ctx });
}
