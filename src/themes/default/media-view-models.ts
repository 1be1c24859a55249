import type { Html } from '#jsx/jsx-runtime';
import type { CardVM, ImageVM, LinkVM, PaginationVM } from './view-models.js';

/** View models of the media and publication pages (cartoons, news pictures, galleries, videos, books, periodicals). */

/** One tile of a media grid: picture, title, a few facts, date. */
export interface TileVM {
  title: string;
  url: string;
  image: ImageVM | null;
  /** short facts under the title: a book's author and year, an album's photo count */
  facts: string[];
  date: string;
  datetime: string;
  /** a badge over the picture: an album's photo count */
  badge: string | null;
}

export type GridKind = 'images' | 'albums' | 'videos' | 'books';

export interface MediaListingVM {
  heading: string;
  kind: GridKind;
  tiles: TileVM[];
  pagination: PaginationVM;
  emptyTitle: string;
  emptyText: string;
}

/** What every media item page shows around its own content, like an article. */
export interface EntryVM extends CardVM {
  body: Html;
  tags: LinkVM[];
  breadcrumbs: LinkVM[];
}

export interface ImageItemVM extends EntryVM {
  caption: string;
  credit: string;
}

export interface PhotoTileVM {
  n: number;
  /** the photo's own page */
  url: string;
  image: ImageVM;
  /** the largest rendering, for the viewer */
  large: string;
  caption: string;
  credit: string;
  /** "Photo 3 of 12", in the edition's digits */
  position: string;
}

export interface GalleryVM extends EntryVM {
  photos: PhotoTileVM[];
  photoCount: string;
}

export interface GalleryPhotoVM {
  albumTitle: string;
  albumUrl: string;
  /** "Photo 3 of 12" */
  position: string;
  image: ImageVM;
  caption: string;
  credit: string;
  prev: string | null;
  next: string | null;
  breadcrumbs: LinkVM[];
}

/** How a video plays: an uploaded or linked file, a click-to-load YouTube/Vimeo poster, or nothing to play. */
export type PlayerVM =
  | { kind: 'file'; src: string; mime: string; poster: string | null; fallbackLabel: string }
  | { kind: 'embed'; pageUrl: string; label: string; poster: ImageVM | null }
  | { kind: 'none' };

export interface VideoVM extends EntryVM {
  player: PlayerVM;
  credit: string;
}

export interface DownloadVM {
  url: string;
  /** "Download PDF (1.2 MB)" */
  label: string;
}

export interface BookVM extends EntryVM {
  facts: { label: string; value: string; lang?: string }[];
  pdf: DownloadVM | null;
  purchaseUrl: string | null;
}

export interface IssueVM {
  title: string;
  url: string;
  /** "No. 12" */
  numberLabel: string | null;
  date: string;
  datetime: string;
  image: ImageVM | null;
  contents: { title: string; url: string | null }[];
  pdf: DownloadVM | null;
}

export interface PeriodicalVM {
  title: string;
  body: Html;
  breadcrumbs: LinkVM[];
  latest: IssueVM | null;
  archive: { year: string; issues: IssueVM[] }[];
  share: CardVM['share'];
}

export interface IssuePageVM extends IssueVM {
  body: Html;
  breadcrumbs: LinkVM[];
  periodical: LinkVM | null;
  share: CardVM['share'];
}
