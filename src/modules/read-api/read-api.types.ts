import type { MediaVariant } from '../media/index.js';

/** A file of the media library as the read API describes it; paths are relative to the media directory. */
export interface ReadMedia {
  id: number;
  kind: string;
  mime: string;
  path: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  title: string;
  credit: string;
  sizeBytes: number;
  originalName: string;
  variants: MediaVariant[];
}

/** The fields of an item's type, its files resolved. Which are present depends on the type. */
export interface ReadDetails {
  caption?: string;
  credit?: string;
  videoFile?: ReadMedia | null;
  externalUrl?: string;
  bookAuthor?: string;
  publisher?: string;
  year?: number | null;
  language?: string;
  pdf?: ReadMedia | null;
  purchaseUrl?: string;
  number?: number | null;
  contents?: { title: string; itemId: number | null }[];
  photos?: { image: ReadMedia; caption: string; credit: string }[];
}

/** A published item with what the read API may show of it; parts not asked for are left undefined. */
export interface ReadItem {
  id: number;
  type: string;
  edition: string;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  updatedAt: string;
  sourceLine: string;
  commentCount: number;
  /** first on its edition's home page */
  pinned: boolean;
  author: { name: string; slug: string } | null;
  parentId: number | null;
  seoTitle: string | null;
  seoDescription: string | null;
  bodyHtml?: string;
  category?: { id: number; slug: string; name: string; path: string[] } | null;
  tags?: { id: number; slug: string; name: string }[];
  featuredImage?: ReadMedia | null;
  translations?: { id: number; edition: string }[];
  details?: ReadDetails;
}

/** Which of an item's costly parts to load (each is one query for a whole page). */
export interface ItemParts {
  body: boolean;
  category: boolean;
  tags: boolean;
  featuredImage: boolean;
  translations: boolean;
  details: boolean;
}

export const ALL_PARTS: ItemParts = { body: true, category: true, tags: true, featuredImage: true, translations: true, details: true };

export interface ReadCategory {
  id: number;
  edition: string;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  path: string[];
  translations: { id: number; edition: string }[];
}

export interface ReadTag {
  id: number;
  edition: string;
  slug: string;
  name: string;
  translations: { id: number; edition: string }[];
}
