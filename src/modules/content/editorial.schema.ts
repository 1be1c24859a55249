import { z } from 'zod';
import { ITEM_TYPES, type ItemType } from './item-types.js';

export const ITEM_STATUSES = ['draft', 'pending', 'scheduled', 'published'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** The content types the newsroom's editor writes: every type of item-types.ts. */
export const EDITABLE_TYPES = Object.keys(ITEM_TYPES) as ItemType[];

const optionalId = z.number().int().positive().nullable().default(null);

/** Everything the editor saves about an item. A revision stores exactly this. */
export const itemStateSchema = z.object({
  title: z.string().trim().min(1, 'a title').max(500),
  /** empty: made from the title */
  slug: z.string().trim().max(200).default(''),
  excerpt: z.string().max(2000).default(''),
  bodyHtml: z.string().max(2_000_000).default(''),
  status: z.enum(ITEM_STATUSES),
  /** ISO 8601; empty: now */
  publishedAt: z.string().default(''),
  authorId: optionalId,
  sourceLine: z.string().max(500).default(''),
  featuredMediaId: optionalId,
  categoryId: optionalId,
  parentId: optionalId,
  tagIds: z.array(z.number().int().positive()).max(100).default([]),
  seoTitle: z.string().max(300).default(''),
  seoDescription: z.string().max(500).default(''),
  /** first on the edition's home page (only the types the home lists: LISTED_TYPES) */
  pinned: z.boolean().default(false),
  /** the fields of the item's type, checked against its schema in item-types.ts */
  details: z.record(z.string(), z.unknown()).default({}),
  /** a gallery's photos, in order */
  photos: z.array(z.object({ mediaId: z.number().int().positive(), caption: z.string().max(2000).default(''), credit: z.string().max(300).default('') })).max(500).default([]),
});

export type ItemStateInput = z.input<typeof itemStateSchema>;
export type ItemState = z.output<typeof itemStateSchema>;
