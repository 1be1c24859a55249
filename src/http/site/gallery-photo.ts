import { pageTag, tagPage } from '../page-cache/index.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getPublished } from '../../modules/content/index.js';
import { galleryPhotos } from '../../modules/publications/index.js';
import { GalleryPhotoPage } from '../../themes/default/pages/gallery-photo.js';
import { buildChrome } from './chrome.js';
import { imageVM } from './cards.js';
import { notFound } from './not-found.js';
import { sendHtml, type SiteContext } from './site-context.js';

/**
 * A gallery photo's own page, `/<album>/photo/<n>/` (1-based): the viewer's shareable address and
 * the way through an album without script. The switcher leads to the album in other editions.
 */
export async function renderGalleryPhoto(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, slug: string, rawN: string) {
  const { site, editions, db } = ctx;
  if (!/^[1-9][0-9]{0,3}$/.test(rawN)) return notFound(ctx, req, reply);
  const n = Number(rawN);
  const item = await getPublished(db, site.edition.code, slug);
  if (!item || item.type !== 'gallery') return notFound(ctx, req, reply);
  tagPage(pageTag.item(item.id), ...(item.translationKey ? [pageTag.translations(item.translationKey)] : []));
  const photos = await galleryPhotos(db, item.id);
  const photo = photos[n - 1];
  if (!photo) return notFound(ctx, req, reply);
  const data = await ctx.data.get(site.edition.code);
  const albumUrl = site.item(item.slug);
  const photoUrl = (k: number) => `${albumUrl}photo/${k}/`;
  const alternates = new Map<string, string>();
  for (const [code, s] of await data.translations(item.translationKey)) {
    const other = editions.byCode.get(code);
    if (other && code !== site.edition.code) alternates.set(code, other.item(s));
  }
  alternates.set(site.edition.code, photoUrl(n));
  const { t, format } = site;
  const position = t('photoPosition', { n: format.number(n), total: format.number(photos.length) });
  const chrome = buildChrome(site, editions, ctx.assets, data, {
    title: `${photo.caption || item.title} – ${position}`,
    description: photo.caption || item.excerpt,
    path: photoUrl(n),
    alternates,
    // Shared, the photo's own page shows the photo.
    about: { kind: 'website', image: photo.image },
  });
  // Only this page is the canonical one: hreflang alternates would point at albums, not equivalents.
  chrome.alternates = [];
  return sendHtml(
    reply,
    GalleryPhotoPage({
      chrome,
      photo: {
        albumTitle: item.title,
        albumUrl,
        position,
        image: imageVM(photo.image),
        caption: photo.caption,
        credit: photo.credit,
        prev: n > 1 ? photoUrl(n - 1) : null,
        next: n < photos.length ? photoUrl(n + 1) : null,
        breadcrumbs: [
          { label: t('home'), url: site.home() },
          { label: t('section_gallery'), url: site.url('/gallery/') },
          { label: item.title, url: albumUrl },
        ],
      },
    }),
  );
}
