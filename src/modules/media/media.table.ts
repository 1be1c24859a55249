import type { Generated } from 'kysely';

/** A file in the media library. `path` is relative to the media directory and never comes from a client. */
export interface MediaTable {
  id: Generated<number>;
  /** image | pdf | video */
  kind: string;
  path: string;
  mime: string;
  width: number | null;
  height: number | null;
  alt: Generated<string>;
  caption: Generated<string>;
  /** JSON: [{ path, width, mime }] responsive variants */
  variants: Generated<string>;
  created_at: string;
  /** the uploader's file name, for display and search only */
  original_name: Generated<string>;
  size_bytes: Generated<number>;
  uploaded_by: Generated<number | null>;
  title: Generated<string>;
  credit: Generated<string>;
  /** title, alt, caption and original name folded for search (see lib/search-text.ts) */
  search_text: Generated<string>;
  updated_at: Generated<string | null>;
  /** the image made from a video's frame or a PDF's first page at upload */
  preview_media_id: Generated<number | null>;
}
