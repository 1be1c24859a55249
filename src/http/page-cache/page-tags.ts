import { AsyncLocalStorage } from 'node:async_hooks';

/** What one page being rendered shows: the tags its cache entry is filed under. */
export interface PageTags {
  tags: Set<string>;
}

const current = new AsyncLocalStorage<PageTags>();

/** Runs the rest of a request's handling with a fresh tag set (only for pages that may be cached). */
export function withPageTags(tags: PageTags, next: () => void): void {
  current.run(tags, next);
}

/** Files the page being rendered under these tags (no-op outside a cacheable request). */
export function tagPage(...tags: string[]): void {
  const page = current.getStore();
  if (page) for (const t of tags) page.tags.add(t);
}

/** The page shows these items (cards, related posts, an issue's contents): it changes when they do. */
export function pageShowsItems(ids: Iterable<number>): void {
  const page = current.getStore();
  if (page) for (const id of ids) page.tags.add(pageTag.item(id));
}

/**
 * The tags a change files under (see the change follower): `ed:E` every page of an edition,
 * `lists:E` every page listing items of it (archives, sections, feeds, related posts),
 * `content:E` every page that summarises all of its content (feeds, sitemaps), `item:N` pages
 * showing item N, `tr:KEY` pages linking to the translations sharing KEY.
 */
export const pageTag = {
  edition: (e: string) => `ed:${e}`,
  lists: (e: string) => `lists:${e}`,
  content: (e: string) => `content:${e}`,
  item: (id: number) => `item:${id}`,
  translations: (key: string) => `tr:${key}`,
};
