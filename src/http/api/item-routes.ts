import type { FastifyInstance } from 'fastify';
import { ITEM_TYPES } from '../../modules/content/index.js';
import { siteSecret } from '../../modules/contact/index.js';
import { categoryIdsFor, getItem, listItems, tagIdsFor, type ItemParts, type ItemSort } from '../../modules/read-api/index.js';
import type { ApiContext } from './api-context.js';
import { apiNotFound, ApiError, badParameter } from './api-errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { itemJson } from './item-json.js';
import { dateTimeOf, idOrSlugOf, limitOf, listOf, queryOf } from './query-params.js';
import { ITEM_FIELDS } from './schemas.js';

export const ITEM_LIST_PARAMS = ['edition', 'type', 'category', 'tag', 'updated_since', 'sort', 'fields', 'limit', 'cursor'] as const;
export const ITEM_TYPE_NAMES = Object.keys(ITEM_TYPES);

/** `fields=`: the top-level fields to send, or null for all. */
function fieldsOf(raw: string | undefined): Set<string> | null {
  const list = listOf('fields', raw, ITEM_FIELDS);
  return list ? new Set(list) : null;
}

/** Which costly parts of items the chosen fields need. */
function partsFor(fields: Set<string> | null): ItemParts {
  const has = (f: string) => !fields || fields.has(f);
  return { body: has('body_html'), category: has('category'), tags: has('tags'), featuredImage: has('featured_image'), translations: has('translations'), details: has('details') };
}

/** /items (published items of every type, filtered, by cursor) and /items/{id}. */
export function registerItemRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const editionCodes = ctx.editions.map((e) => e.code);

  app.get('/items', async (req) => {
    const q = queryOf(req, ITEM_LIST_PARAMS);
    const editions = listOf('edition', q.edition, editionCodes);
    const types = listOf('type', q.type, ITEM_TYPE_NAMES);
    if (q.sort !== undefined && q.sort !== 'published' && q.sort !== 'updated') throw badParameter('sort', '"sort" must be "published" (newest first, the default) or "updated" (oldest change first).');
    const sort: ItemSort = q.sort ?? 'published';
    const fields = fieldsOf(q.fields);
    const limit = limitOf(q.limit);
    const updatedSince = dateTimeOf('updated_since', q.updated_since);
    const category = idOrSlugOf('category', q.category);
    const tag = idOrSlugOf('tag', q.tag);
    const secret = await siteSecret(ctx.db);
    const order = `items:${sort}`;
    const after = q.cursor === undefined ? undefined : decodeCursor(secret, q.cursor, order);
    if (q.cursor !== undefined && !after) throw new ApiError(400, 'invalid_cursor', 'This cursor was not made by this API for this order. Use the next_cursor of the previous answer as it was sent, with the same sort.', 'cursor');
    const categoryIds = category ? await categoryIdsFor(ctx.db, category, editions) : undefined;
    if (categoryIds && !categoryIds.length) throw badParameter('category', 'There is no category with this id or slug (in the editions asked for).');
    const tagIds = tag ? await tagIdsFor(ctx.db, tag, editions) : undefined;
    if (tagIds && !tagIds.length) throw badParameter('tag', 'There is no tag with this id or slug (in the editions asked for).');

    const page = await listItems(ctx.db, { editions, types, categoryIds, tagIds, updatedSince, sort, after: after && { key: after.key, id: after.id }, limit }, partsFor(fields));
    return {
      items: page.items.map((item) => itemJson(ctx.urls, item, fields)),
      next_cursor: page.next ? encodeCursor(secret, { order, key: page.next.key, id: page.next.id }) : null,
    };
  });

  app.get<{ Params: { id: string } }>('/items/:id', async (req) => {
    const q = queryOf(req, ['fields']);
    const fields = fieldsOf(q.fields);
    const id = req.params.id;
    const item = /^[1-9][0-9]{0,9}$/.test(id) ? await getItem(ctx.db, Number(id), partsFor(fields)) : undefined;
    if (!item) throw apiNotFound('There is no published item with this id.');
    return { item: itemJson(ctx.urls, item, fields) };
  });
}
