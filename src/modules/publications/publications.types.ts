import type { ImageRef } from '../content/index.js';

/** One photo of a gallery as the site shows it. */
export interface GalleryPhoto {
  mediaId: number;
  image: ImageRef;
  caption: string;
  credit: string;
}

/** One entry of an issue's "Inside this issue". */
export interface IssueContentsEntry {
  title: string;
  /** the linked item when it is published in the issue's edition */
  link: { slug: string; title: string } | null;
}

/** An issue of a periodical, as its periodical's page lists it. */
export interface IssueSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  publishedAt: string;
  number: number | null;
  pdfMediaId: number | null;
  contents: { title: string; itemId: number | null }[];
  image: ImageRef | null;
}

/** A file of the media library, for a download link or a player. */
export interface MediaFile {
  id: number;
  kind: string;
  mime: string;
  path: string;
  sizeBytes: number;
  originalName: string;
}
