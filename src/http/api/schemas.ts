/**
 * The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of every answer of the read API, published
 * under the OpenAPI document's components.schemas. Answers are sent with JSON.stringify, not
 * serialized through these schemas: fast-json-stringify took ten times as long on a page of items
 * (nullable objects and anyOf send it down its slow path). Tests check every endpoint's real
 * answers against them with an independent validator instead.
 */
export type JsonSchema = { [key: string]: unknown };

/** The names of the components; `ref` only takes these. */
export type SchemaName =
  | 'Error' | 'Image' | 'File' | 'CategoryRef' | 'TagRef' | 'Details' | 'Item' | 'ItemFields' | 'ItemList' | 'ItemOne'
  | 'Category' | 'CategoryList' | 'Tag' | 'TagList' | 'Edition' | 'EditionList' | 'MenuEntry' | 'Menu';

const ref = (name: SchemaName): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}) });
const url = (description: string): JsonSchema => ({ type: 'string', format: 'uri', description });
const dateTime = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties), description?: string): JsonSchema => ({
  type: 'object', ...(description ? { description } : {}), properties, required, additionalProperties: false,
});
const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

const translations = list(obj({ id: int(), edition: str('edition code') }));

/** Every top-level field an item can have, in the order they are sent. */
const itemProperties: Record<string, JsonSchema> = {
  id: int('stable numeric id'),
  type: { type: 'string', enum: ['article', 'page', 'cartoon', 'newspic', 'gallery', 'video', 'book', 'periodical', 'issue'] },
  edition: str('edition code'),
  slug: str(),
  title: str(),
  excerpt: str(),
  body_html: str('sanitized HTML of the body'),
  url: url('the public page'),
  published_at: dateTime('the public date (UTC)'),
  updated_at: dateTime('the last change (UTC)'),
  source_line: str('e.g. "by Paul R. Pillar, National Interest"'),
  comment_count: int('published comments'),
  pinned: { type: 'boolean', description: "first on its edition's home page (WordPress: sticky)" },
  author: nullable(obj({ name: str(), slug: str(), url: url('the author archive') })),
  category: nullable(ref('CategoryRef')),
  tags: list(ref('TagRef')),
  featured_image: nullable(ref('Image')),
  translations: { ...translations, description: 'the same item in other editions (published ones)' },
  parent_id: { type: ['integer', 'null'], description: "an issue's periodical, a page's parent page" },
  seo_title: { type: ['string', 'null'] },
  seo_description: { type: ['string', 'null'] },
  details: ref('Details'),
};

/** The item fields `fields=` may name. */
export const ITEM_FIELDS = Object.keys(itemProperties);

export const schemas: Record<SchemaName, JsonSchema> = {
  Error: obj(
    {
      error: obj({
        code: { type: 'string', description: 'stable, for programs: unauthorized, rate_limited, not_found, method_not_allowed, invalid_parameter, unknown_parameter, invalid_cursor, bad_request, internal_error' },
        message: str('for people'),
        parameter: str('the query parameter at fault, when there is one'),
      }, ['code', 'message']),
    },
  ),
  Image: obj({
    id: int('media library id'),
    url: url('the largest JPEG'),
    alt: str(),
    caption: str(),
    credit: str(),
    width: { type: ['integer', 'null'] },
    height: { type: ['integer', 'null'] },
    mime: str(),
    variants: list(obj({ url: url('one width in one format'), width: int(), mime: str() })),
  }, undefined, 'an image with its responsive variants (AVIF, WebP, JPEG)'),
  File: obj({
    id: int('media library id'),
    kind: { type: 'string', enum: ['image', 'pdf', 'video'] },
    mime: str(),
    url: url('the file (byte ranges supported)'),
    download_url: url('the file as a download under its original name'),
    size_bytes: int(),
    name: str('the original file name'),
  }, undefined, 'a PDF or video file'),
  CategoryRef: obj({ id: int(), slug: str(), name: str(), url: url('the category page') }),
  TagRef: obj({ id: int(), slug: str(), name: str(), url: url('the tag page') }),
  Details: obj({
    caption: str('cartoon, news picture'),
    credit: str('cartoon, news picture, video'),
    file: nullable(ref('File')),
    external_url: { type: ['string', 'null'], format: 'uri', description: 'video: a YouTube, Vimeo or MP4 address' },
    author: str('book'),
    publisher: str('book'),
    year: { type: ['integer', 'null'], description: 'book' },
    language: str('book'),
    pdf: nullable(ref('File')),
    purchase_url: { type: ['string', 'null'], format: 'uri', description: 'book' },
    number: { type: ['integer', 'null'], description: 'issue' },
    contents: { ...list(obj({ title: str(), item_id: { type: ['integer', 'null'] } })), description: 'issue: "Inside this issue"' },
    photos: { ...list(obj({ image: ref('Image'), caption: str(), credit: str() })), description: 'gallery, in order' },
  }, [], 'the fields of the item\'s type: cartoon and newspic {caption, credit}; video {credit, file, external_url}; book {author, publisher, year, language, pdf, purchase_url}; issue {number, pdf, contents}; gallery {photos}; others {}'),
  Item: obj(itemProperties, undefined, 'a published article, page, media or publication item'),
  ItemFields: obj(itemProperties, ['id'], 'an item with only the fields asked for with `fields=` (and always `id`)'),
  ItemList: obj({
    items: list({ anyOf: [ref('Item'), ref('ItemFields')] }),
    next_cursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null on the last page' },
  }),
  ItemOne: obj({ item: { anyOf: [ref('Item'), ref('ItemFields')] } }),
  Category: obj({
    id: int(), edition: str(), slug: str(), name: str(), description: str(), parent_id: { type: ['integer', 'null'] },
    url: url('the category page'), translations,
  }),
  CategoryList: obj({ items: list(ref('Category')), next_cursor: { type: ['string', 'null'] } }),
  Tag: obj({ id: int(), edition: str(), slug: str(), name: str(), url: url('the tag page'), translations }),
  TagList: obj({ items: list(ref('Tag')), next_cursor: { type: ['string', 'null'] } }),
  Edition: obj({
    code: str('BCP 47'), name: str(), native_name: str(), dir: { type: 'string', enum: ['ltr', 'rtl'] }, locale: str(), calendar: str(),
    numbering_system: str(), prefix: str('URL prefix, "" for the root edition'), title: str(), url: url('the edition home'),
  }),
  EditionList: obj({ items: list(ref('Edition')) }),
  MenuEntry: obj({
    id: int(), label: str(), target: str('as the newsroom wrote it: a path, an address, "#", or "edition:xx"'),
    url: { type: ['string', 'null'], format: 'uri', description: 'absolute; null for "#" (a label that only opens its sub-menu)' },
    children: list(ref('MenuEntry')),
  }),
  Menu: obj({ edition: str(), items: list(ref('MenuEntry')) }),
};

