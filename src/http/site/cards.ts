import { pageShowsItems } from '../page-cache/index.js';
import { raw } from '#jsx/jsx-runtime';
import type { ImageRef, ItemSummary } from '../../modules/content/index.js';
import type { CategoryTree } from '../../modules/taxonomy/index.js';
import type { CardVM, ImageVM } from '../../themes/default/view-models.js';
import { escapeHtml } from '#jsx/jsx-runtime';
import type { EditionSite } from './edition-site.js';
import { shareLinks } from './share-links.js';

/** Media files are served under /media/ from the data directory. */
export function mediaUrl(path: string): string {
  return `/media/${path}`;
}

/** A responsive image's view: one srcset per format its variants come in (uploads: AVIF, WebP, JPEG; demo art: WebP, JPEG). */
export function imageVM(image: ImageRef): ImageVM {
  const srcset = (mime: string) =>
    image.variants
      .filter((v) => v.mime === mime)
      .map((v) => `${mediaUrl(v.path)} ${v.width}w`)
      .join(', ');
  return { src: mediaUrl(image.path), alt: image.alt, width: image.width, height: image.height, avifSrcset: srcset('image/avif'), webpSrcset: srcset('image/webp'), jpegSrcset: srcset('image/jpeg') };
}

/**
 * A listing card from an item summary. `full` shows the body instead of the excerpt (an edition
 * setting); `brief` cards (related posts) show neither, nor share links.
 */
export function cardVM(site: EditionSite, tree: CategoryTree, item: ItemSummary, mode: 'excerpt' | 'full' | 'brief' = 'excerpt'): CardVM {
  pageShowsItems([item.id]);
  const node = item.categoryId !== null ? tree.get(item.categoryId) : undefined;
  const url = site.item(item.slug);
  return {
    title: item.title,
    url,
    summary: mode === 'full' ? raw(item.bodyHtml) : mode === 'brief' ? raw('') : raw(`<p>${escapeHtml(item.excerpt)}</p>`),
    image: item.image ? imageVM(item.image) : null,
    category: node ? { label: node.name, url: site.category(node.path) } : null,
    author: item.author ? { label: item.author.name, url: site.author(item.author.slug) } : null,
    sourceLine: item.sourceLine,
    date: site.format.date(item.publishedAt),
    datetime: item.publishedAt,
    commentsLabel: site.t.plural('comments', item.commentCount),
    share: mode === 'brief' ? [] : shareLinks(site.shareNetworks, site.baseUrl + url, item.title, item.image ? site.baseUrl + mediaUrl(item.image.path) : ''),
  };
}
