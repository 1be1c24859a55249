import type { CommentsVM } from '../comment-view-models.js';
import type { ChromeVM } from '../view-models.js';
import type { VideoVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { EntryFooter, EntryHeader } from '../partials/entry-parts.js';
import { VideoPlayer } from '../partials/video-player.js';

/** A video: the player (or click-to-load poster), credit, description, then what an article has. */
export function VideoPage(props: { chrome: ChromeVM; video: VideoVM; comments?: CommentsVM | null }) {
  const { chrome, video: v } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry video-entry">
        <EntryHeader entry={v} t={t} />
        <VideoPlayer player={v.player} />
        {v.credit ? <p class="credit">{t('creditLabel')} <bdi>{v.credit}</bdi></p> : null}
        <div class="entry-content">{v.body}</div>
        <EntryFooter entry={v} t={t} comments={props.comments} />
      </article>
    </BaseLayout>
  );
}
