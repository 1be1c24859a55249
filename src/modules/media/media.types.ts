/** What the library holds: images get responsive variants; PDFs and videos are stored as they came. */
export type MediaKind = 'image' | 'pdf' | 'video';

export const MEDIA_KINDS: readonly MediaKind[] = ['image', 'pdf', 'video'];

/** One rendering of an image at one width in one format; `path` is relative to the media directory. */
export interface MediaVariant {
  path: string;
  width: number;
  mime: string;
}

/** A media item as the newsroom sees it. `url` and variant URLs are site paths (`/media/…`). */
export interface MediaRecord {
  id: number;
  kind: MediaKind;
  mime: string;
  /** the main file, relative to the media directory (for images, the largest JPEG) */
  path: string;
  url: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  title: string;
  credit: string;
  /** the name the file had on the uploader's computer: shown, never used as a path */
  originalName: string;
  sizeBytes: number;
  uploadedBy: number | null;
  createdAt: string;
  updatedAt: string | null;
  variants: (MediaVariant & { url: string })[];
  /** for a video or PDF: the library image made from its frame or first page, if one could be made */
  previewMediaId: number | null;
}

/** One place an item uses a media item. */
export interface MediaUsage {
  itemId: number;
  title: string;
  edition: string;
  type: string;
  how: 'featured' | 'body';
}

/** A page of the library, newest first. */
export interface MediaPage {
  items: MediaRecord[];
  hasMore: boolean;
}
