import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { sanitizeBody } from './body-html.js';
import { isItemType, parseDetails } from './item-types.js';
import { SLUG_PATTERN } from '../../lib/slug.js';
import { syncSearchEntries } from '../search/search-sync.js';
import { preparedStatement } from '../../storage/prepared-query.js';

/** What it takes to create an item; validated, and its body sanitized, before anything is written. */
export const newItemSchema = z.object({
  edition: z.string().min(2),
  type: z.string().min(1).max(40),
  slug: z.string().min(1).max(200).regex(SLUG_PATTERN, 'slug: letters, digits and single hyphens'),
  title: z.string().min(1).max(500),
  excerpt: z.string().max(2000).default(''),
  bodyHtml: z.string().max(2_000_000).default(''),
  status: z.enum(['draft', 'pending', 'scheduled', 'published']),
  publishedAt: z.string().datetime(),
  authorId: z.number().int().nullable().default(null),
  sourceLine: z.string().max(500).default(''),
  featuredMediaId: z.number().int().nullable().default(null),
  categoryId: z.number().int().nullable().default(null),
  parentId: z.number().int().nullable().default(null),
  translationKey: z.string().max(200).nullable().default(null),
  tagIds: z.array(z.number().int()).default([]),
  /** first on the edition's home page (WordPress: sticky) */
  pinned: z.boolean().default(false),
  /** the type's own fields (see item-types.ts), validated for the type */
  details: z.record(z.string(), z.unknown()).default({}),
  /** a gallery's photos, in order */
  photos: z
    .array(z.object({ mediaId: z.number().int().positive(), caption: z.string().max(2000).default(''), credit: z.string().max(300).default('') }))
    .max(1000)
    .default([]),
});

export type NewItem = z.input<typeof newItemSchema>;

export type ItemRow = { edition: string; type: string; slug: string; title: string; excerpt: string; status: string; published_at: string; created_at: string; updated_at: string; author_id: number | null; source_line: string; featured_media_id: number | null; category_id: number | null; parent_id: number | null; translation_key: string | null; details: string; pinned: number };

/** The item's row and its body: compiled once (an import writes thousands). */
const insertItem = preparedStatement((db, a: ItemRow) => db.insertInto('items').values({ ...a, seo_title: null, seo_description: null }).returning('id'));
const insertBody = preparedStatement((db, a: { item_id: number; body_html: string }) => db.insertInto('item_bodies').values(a));

/** A new item as rows: its `items` row, its sanitized body, its tags and photos; checked against newItemSchema (throws its error). */
export function newItemRows(input: NewItem, now = new Date().toISOString()) {
  const item = newItemSchema.parse(input);
  if (!isItemType(item.type) && Object.keys(item.details).length) throw new Error(`createItem: type ${item.type} has no details`);
  const details = isItemType(item.type) ? parseDetails(item.type, item.details) : {};
  if (item.photos.length && item.type !== 'gallery') throw new Error('createItem: only galleries have photos');
  const row: ItemRow = {
    edition: item.edition,
    type: item.type,
    slug: item.slug.normalize('NFC'),
    title: item.title,
    excerpt: item.excerpt,
    status: item.status,
    published_at: item.publishedAt,
    created_at: now,
    updated_at: now,
    author_id: item.authorId,
    source_line: item.sourceLine,
    featured_media_id: item.featuredMediaId,
    category_id: item.categoryId,
    parent_id: item.parentId,
    translation_key: item.translationKey,
    details: JSON.stringify(details),
    pinned: item.pinned ? 1 : 0,
  };
  return { row, bodyHtml: sanitizeBody(item.bodyHtml), tagIds: item.tagIds, photos: item.photos };
}

/**
 * Creates an item and its tag links; returns its id. Pass a transaction to group writes. With
 * `indexLater`, the caller brings its search entry in step itself (syncSearchEntries, many at
 * once, in the same transaction).
 */
export async function createItem(db: Db, input: NewItem, opts: { indexLater?: boolean } = {}): Promise<number> {
  const item = newItemRows(input);
  const [row] = await insertItem(db, item.row);
  const id = row!.id;
  await insertBody(db, { item_id: id, body_html: item.bodyHtml });
  if (item.photos.length) {
    await db.insertInto('gallery_photos').values(item.photos.map((p, position) => ({ item_id: id, media_id: p.mediaId, position, caption: p.caption, credit: p.credit }))).execute();
  }
  if (item.tagIds.length) await db.insertInto('item_tags').values(item.tagIds.map((tag_id) => ({ item_id: id, tag_id }))).execute();
  if (!opts.indexLater) await syncSearchEntries(db, [id]);
  return id;
}
