import type { CommentsVM } from '../comment-view-models.js';
import type { ChromeVM } from '../view-models.js';
import type { ImageItemVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Picture } from '../partials/picture.js';
import { CaptionCredit, EntryFooter, EntryHeader } from '../partials/entry-parts.js';

/** A cartoon or a news picture: the picture large, its caption and credit, then what an article has. */
export function ImageItemPage(props: { chrome: ChromeVM; item: ImageItemVM; comments?: CommentsVM | null }) {
  const { chrome, item: i } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry image-entry">
        <EntryHeader entry={i} t={t} />
        {i.image ? (
          <figure class="entry-image media-figure">
            <Picture image={i.image} sizes="(min-width: 1100px) 820px, 100vw" eager />
            <CaptionCredit caption={i.caption} credit={i.credit} t={t} />
          </figure>
        ) : null}
        <div class="entry-content">{i.body}</div>
        <EntryFooter entry={i} t={t} comments={props.comments} />
      </article>
    </BaseLayout>
  );
}
