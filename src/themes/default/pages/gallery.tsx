import type { CommentsVM } from '../comment-view-models.js';
import type { ChromeVM } from '../view-models.js';
import type { GalleryVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Picture } from '../partials/picture.js';
import { EntryFooter, EntryHeader } from '../partials/entry-parts.js';

/**
 * A photo album: its description and a grid of photos, each linking to the photo's own page.
 * The public script opens them in a viewer instead; the data-* strings are the viewer's labels.
 */
export function GalleryPage(props: { chrome: ChromeVM; gallery: GalleryVM; comments?: CommentsVM | null }) {
  const { chrome, gallery: g } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry gallery-entry">
        <EntryHeader entry={g} t={t} />
        <div class="entry-content">{g.body}</div>
        <p class="photo-count">{g.photoCount}</p>
        <ul
          class="photo-grid"
          data-viewer
          data-label-close={t('viewerClose')}
          data-label-prev={t('previousPhoto')}
          data-label-next={t('nextPhoto')}
          data-label-dialog={t('viewerLabel', { album: g.title })}
        >
          {g.photos.map((p) => (
            <li>
              <a href={p.url} data-large={p.large} data-caption={p.caption || undefined} data-credit={p.credit || undefined} data-n={p.n} data-position={p.position}>
                <Picture image={p.image} sizes="(min-width: 1100px) 240px, (min-width: 600px) 30vw, 50vw" eager={p.n <= 3} />
              </a>
            </li>
          ))}
        </ul>
        <EntryFooter entry={g} t={t} comments={props.comments} />
      </article>
    </BaseLayout>
  );
}
