import { ITEM_TYPE_NAMES } from './item-routes.js';
import { ITEM_FIELDS, schemas, type JsonSchema, type SchemaName } from './schemas.js';

/** The parts of OpenAPI 3.1 this document uses, typed so a mistake in it is a type error. */
export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}
type Ref = { $ref: string };
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: (OpenApiParameter | Ref)[];
  security?: Record<string, string[]>[];
  responses: Record<string, OpenApiResponse | Ref>;
}
export interface OpenApiDocument {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  paths: Record<string, { get: OpenApiOperation }>;
  components: {
    schemas: Record<SchemaName, JsonSchema>;
    securitySchemes: Record<string, { type: 'http'; scheme: 'bearer'; description: string } | { type: 'apiKey'; in: 'header'; name: string; description: string }>;
    parameters: Record<string, OpenApiParameter>;
    responses: Record<string, OpenApiResponse>;
  };
}

const json = (name: SchemaName) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
const param = (name: string): Ref => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string): Ref => ({ $ref: `#/components/responses/${name}` });
const commaList = (values: readonly string[], description: string): OpenApiParameter['schema'] => ({ type: 'string', description: `${description}: one or more of ${values.join(', ')}, separated by commas` });

const rateHeaders = {
  'RateLimit-Limit': { description: 'requests a key may make per minute', schema: { type: 'integer' } },
  'RateLimit-Remaining': { description: 'requests left in this minute', schema: { type: 'integer' } },
  'RateLimit-Reset': { description: 'seconds until the minute ends', schema: { type: 'integer' } },
};
const errors = { '400': response('BadRequest'), '401': response('Unauthorized'), '429': response('TooManyRequests') };

/** The OpenAPI 3.1 document of the read API, served at /api/v1/openapi.json. */
export function openApiDocument(baseUrl: string, editionCodes: readonly string[]): OpenApiDocument {
  const ok = (name: SchemaName, description: string): OpenApiResponse => ({ description, headers: rateHeaders, content: json(name) });
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'nashr read API',
      version: '1.0.0',
      description:
        'Read-only JSON for everything the public site publishes, in every edition. Every request except this document needs an API key made in the newsroom (API keys), ' +
        'sent as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. Lists page by cursor: pass `next_cursor` back as `cursor` with the same filters until it is null. ' +
        'Every error has the shape of the Error schema.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearerKey: [] }, { headerKey: [] }],
    tags: [
      { name: 'content', description: 'articles, pages, media and publications' },
      { name: 'site', description: 'editions, categories, tags and menus' },
    ],
    paths: {
      '/items': {
        get: {
          operationId: 'listItems',
          tags: ['content'],
          summary: 'Published items of every type',
          description:
            'Order: with `sort=published` (the default) newest publication date first, then highest id; with `sort=updated` oldest change first, then lowest id ' +
            '(to keep a copy in step: walk to the end, then ask again with `updated_since` set to the newest `updated_at` you saw). A walk by cursor meets every item exactly once.',
          parameters: [param('edition'), param('type'), param('category'), param('tag'), param('updated_since'), param('sort'), param('fields'), param('limit'), param('cursor')],
          responses: { '200': ok('ItemList', 'a page of items'), ...errors },
        },
      },
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          tags: ['content'],
          summary: 'One published item',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'the item id', schema: { type: 'integer', minimum: 1 } }, param('fields')],
          responses: { '200': ok('ItemOne', 'the item'), ...errors, '404': response('NotFound') },
        },
      },
      '/categories': {
        get: {
          operationId: 'listCategories',
          tags: ['site'],
          summary: 'Categories, in id order',
          parameters: [param('edition'), param('limit'), param('cursor')],
          responses: { '200': ok('CategoryList', 'a page of categories'), ...errors },
        },
      },
      '/tags': {
        get: {
          operationId: 'listTags',
          tags: ['site'],
          summary: 'Tags, in id order',
          parameters: [param('edition'), param('limit'), param('cursor')],
          responses: { '200': ok('TagList', 'a page of tags'), ...errors },
        },
      },
      '/editions': {
        get: {
          operationId: 'listEditions',
          tags: ['site'],
          summary: 'The language editions',
          responses: { '200': ok('EditionList', 'every edition'), ...errors },
        },
      },
      '/menus/{edition}': {
        get: {
          operationId: 'getMenu',
          tags: ['site'],
          summary: "An edition's nested menu",
          parameters: [{ name: 'edition', in: 'path', required: true, description: 'an edition code', schema: { type: 'string', enum: [...editionCodes] } }],
          responses: { '200': ok('Menu', 'the menu, entries in order'), ...errors, '404': response('NotFound') },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          tags: ['site'],
          summary: 'This document (no key needed)',
          security: [],
          responses: { '200': { description: 'the OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'an API key made in the newsroom: `Authorization: Bearer nashr_…`' },
        headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'the same key in a header of its own' },
      },
      parameters: {
        edition: { name: 'edition', in: 'query', description: 'only these editions', schema: commaList(editionCodes, 'edition codes') },
        type: { name: 'type', in: 'query', description: 'only these types', schema: commaList(ITEM_TYPE_NAMES, 'item types') },
        category: { name: 'category', in: 'query', description: 'only items in this category or its sub-categories: an id, or a slug (in the editions asked for)', schema: { type: 'string' } },
        tag: { name: 'tag', in: 'query', description: 'only items with this tag: an id, or a slug (in the editions asked for)', schema: { type: 'string' } },
        updated_since: { name: 'updated_since', in: 'query', description: 'only items changed at or after this time (RFC 3339 with offset)', schema: { type: 'string', format: 'date-time' } },
        sort: { name: 'sort', in: 'query', description: '`published`: newest first (default); `updated`: oldest change first', schema: { type: 'string', enum: ['published', 'updated'], default: 'published' } },
        fields: { name: 'fields', in: 'query', description: 'send only these top-level fields (id is always sent)', schema: commaList(ITEM_FIELDS, 'field names') },
        limit: { name: 'limit', in: 'query', description: 'items per page', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
        cursor: { name: 'cursor', in: 'query', description: '`next_cursor` of the previous page, as it was sent', schema: { type: 'string' } },
      },
      responses: {
        BadRequest: { description: 'a parameter is unknown, malformed or out of range, or the cursor was not made here', content: json('Error') },
        Unauthorized: { description: 'no key, or a wrong or revoked one (the same answer for each)', headers: { 'WWW-Authenticate': { description: 'Bearer', schema: { type: 'string' } } }, content: json('Error') },
        NotFound: { description: 'nothing published here', content: json('Error') },
        TooManyRequests: { description: "the key's requests per minute are used up", headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } }, content: json('Error') },
      },
    },
  };
}

