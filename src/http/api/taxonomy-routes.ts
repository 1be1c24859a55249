import type { FastifyInstance } from 'fastify';
import { siteSecret } from '../../modules/contact/index.js';
import { listCategories, listTags } from '../../modules/read-api/index.js';
import type { ApiContext } from './api-context.js';
import { ApiError } from './api-errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { limitOf, listOf, queryOf } from './query-params.js';

export const TAXONOMY_PARAMS = ['edition', 'limit', 'cursor'] as const;

/** /categories and /tags: each edition's, in id order, by cursor. */
export function registerTaxonomyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const editionCodes = ctx.editions.map((e) => e.code);

  const pageArgs = async (req: Parameters<typeof queryOf>[0], order: string) => {
    const q = queryOf(req, TAXONOMY_PARAMS);
    const editions = listOf('edition', q.edition, editionCodes);
    const limit = limitOf(q.limit);
    const secret = await siteSecret(ctx.db);
    const after = q.cursor === undefined ? undefined : decodeCursor(secret, q.cursor, order);
    if (q.cursor !== undefined && !after) throw new ApiError(400, 'invalid_cursor', 'This cursor was not made by this API for this list. Use the next_cursor of the previous answer as it was sent.', 'cursor');
    const next = (id: number | null) => (id === null ? null : encodeCursor(secret, { order, key: '', id }));
    return { editions, limit, afterId: after?.id, next };
  };

  app.get('/categories', async (req) => {
    const { next, ...args } = await pageArgs(req, 'categories');
    const page = await listCategories(ctx.db, args);
    return {
      items: page.items.map((c) => ({
        id: c.id, edition: c.edition, slug: c.slug, name: c.name, description: c.description, parent_id: c.parentId, url: ctx.urls.category(c.edition, c.path), translations: c.translations,
      })),
      next_cursor: next(page.next),
    };
  });

  app.get('/tags', async (req) => {
    const { next, ...args } = await pageArgs(req, 'tags');
    const page = await listTags(ctx.db, args);
    return {
      items: page.items.map((t) => ({ id: t.id, edition: t.edition, slug: t.slug, name: t.name, url: ctx.urls.tag(t.edition, t.slug), translations: t.translations })),
      next_cursor: next(page.next),
    };
  });
}
