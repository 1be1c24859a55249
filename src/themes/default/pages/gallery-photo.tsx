import type { ChromeVM } from '../view-models.js';
import type { GalleryPhotoVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Picture } from '../partials/picture.js';
import { Breadcrumbs, CaptionCredit } from '../partials/entry-parts.js';

/** One photo of an album on its own page: works with no script, shareable, with previous/next links. */
export function GalleryPhotoPage(props: { chrome: ChromeVM; photo: GalleryPhotoVM }) {
  const { chrome, photo: p } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry photo-entry">
        <Breadcrumbs items={p.breadcrumbs} t={t} />
        <header class="entry-header">
          <h1 class="entry-title">{p.albumTitle}</h1>
          <p class="photo-position">{p.position}</p>
        </header>
        <figure class="photo-large media-figure">
          <Picture image={p.image} sizes="(min-width: 1100px) 820px, 100vw" eager />
          <CaptionCredit caption={p.caption} credit={p.credit} t={t} />
        </figure>
        <nav class="photo-nav" aria-label={t('photoNavigation')}>
          {p.prev ? <a class="photo-prev" href={p.prev} rel="prev">{t('previousPhoto')}</a> : <span></span>}
          <a class="photo-back" href={p.albumUrl}>{t('backToAlbum')}</a>
          {p.next ? <a class="photo-next" href={p.next} rel="next">{t('nextPhoto')}</a> : <span></span>}
        </nav>
      </article>
    </BaseLayout>
  );
}
