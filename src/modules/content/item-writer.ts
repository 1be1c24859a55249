import { z } from 'zod';
import type { Db } from '../../storage/database.js';
import { sanitizeBody } from './body-html.js';

/** What it takes to create an item; validated, and its body sanitized, before anything is written. */
export const newItemSchema = z.object({
  edition: z.string().min(2),
  type: z.string().min(1).max(40),
  slug: z.string().min(1).max(200).regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'slug: letters, digits and single hyphens'),
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
});

export type NewItem = z.input<typeof newItemSchema>;

/** Creates an item and its tag links; returns its id. Pass a transaction to group writes. */
export async function createItem(db: Db, input: NewItem): Promise<number> {
  const item = newItemSchema.parse(input);
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('items')
    .values({
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
      seo_title: null,
      seo_description: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('item_bodies').values({ item_id: id, body_html: sanitizeBody(item.bodyHtml) }).execute();
  if (item.tagIds.length) await db.insertInto('item_tags').values(item.tagIds.map((tag_id) => ({ item_id: id, tag_id }))).execute();
  return id;
}
