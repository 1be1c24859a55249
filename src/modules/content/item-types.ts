import { z } from 'zod';

const text = (max: number) => z.string().max(max).default('');
const mediaId = z.number().int().positive().nullable().default(null);
/** Only web addresses: a link a reader follows must never be `javascript:` or a local file. */
const webUrl = z.string().trim().max(2000).refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'an http(s) address').default('');

/**
 * Every content type nashr publishes, and the fields each has beyond the shared ones (title, slug,
 * excerpt, body, featured image — the picture of a cartoon, the cover of a book —, category, tags…).
 * Those fields live in the item's `details` JSON and are validated here on every save.
 */
export const ITEM_TYPES = {
  article: z.object({}),
  page: z.object({}),
  cartoon: z.object({ caption: text(2000), credit: text(300) }),
  newspic: z.object({ caption: text(2000), credit: text(300) }),
  /** the photos themselves are rows of gallery_photos, in order */
  gallery: z.object({}),
  video: z.object({
    /** an uploaded MP4/WebM in the media library */
    videoMediaId: mediaId,
    /** or a page on YouTube/Vimeo (shown as a click-to-load poster) or a direct MP4/WebM address */
    externalUrl: webUrl,
    credit: text(300),
  }),
  book: z.object({
    bookAuthor: text(300),
    publisher: text(300),
    year: z.number().int().min(1000).max(2200).nullable().default(null),
    language: text(100),
    pdfMediaId: mediaId,
    purchaseUrl: webUrl,
  }),
  /** Newsletter, Pars Brief, …: its issues are items of type `issue` whose parent is the periodical */
  periodical: z.object({}),
  issue: z.object({
    number: z.number().int().min(0).max(1_000_000).nullable().default(null),
    pdfMediaId: mediaId,
    /** "Inside this issue": each entry optionally linked to an item of the same edition */
    contents: z.array(z.object({ title: z.string().trim().min(1).max(500), itemId: z.number().int().positive().nullable().default(null) })).max(200).default([]),
  }),
} as const;

export type ItemType = keyof typeof ITEM_TYPES;
export type ItemDetails<T extends ItemType> = z.output<(typeof ITEM_TYPES)[T]>;
export type AnyDetails = { [T in ItemType]: ItemDetails<T> }[ItemType];

export function isItemType(type: string): type is ItemType {
  return Object.hasOwn(ITEM_TYPES, type);
}

/** The type's fields from stored or submitted JSON, defaults filled in; throws a ZodError when they are wrong. */
export function parseDetails(type: ItemType, value: unknown): Record<string, unknown> {
  return ITEM_TYPES[type].parse(value ?? {}) as Record<string, unknown>;
}

/** Stored details, read leniently: a row written by an older version never breaks a page. */
export function readDetails(type: string, json: string): Record<string, unknown> {
  if (!isItemType(type)) return {};
  const parsed = ITEM_TYPES[type].safeParse(JSON.parse(json || '{}'));
  return (parsed.success ? parsed.data : ITEM_TYPES[type].parse({})) as Record<string, unknown>;
}
