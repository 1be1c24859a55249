import type { Translator } from '../../../i18n/translator.js';
import type { EntryVM } from '../media-view-models.js';
import type { LinkVM } from '../view-models.js';
import { EntryMeta } from './entry-meta.js';
import { ShareLinks } from './share-links.js';
import { CommentsSection } from './comments.js';
import type { CommentsVM } from '../comment-view-models.js';

/** Breadcrumbs of an item page. */
export function Breadcrumbs(props: { items: LinkVM[]; t: Translator }) {
  return (
    <nav class="breadcrumbs" aria-label={props.t('breadcrumbs')}>
      <ol>{props.items.map((b) => <li><a href={b.url}>{b.label}</a></li>)}</ol>
    </nav>
  );
}

/** Breadcrumbs, category, title and byline of a media item, like an article's. */
export function EntryHeader(props: { entry: EntryVM; t: Translator }) {
  const e = props.entry;
  return (
    <>
      <Breadcrumbs items={e.breadcrumbs} t={props.t} />
      <header class="entry-header">
        {e.category ? <a class="category-label" href={e.category.url}>{e.category.label}</a> : null}
        <h1 class="entry-title">{e.title}</h1>
        <EntryMeta card={e} t={props.t} />
      </header>
    </>
  );
}

/** Tags, share links and the comment count of a media item, like an article's. */
export function EntryFooter(props: { entry: EntryVM; t: Translator; comments?: CommentsVM | null }) {
  const { entry: e, t } = props;
  return (
    <>
      {e.tags.length ? (
        <p class="entry-tags">
          <span>{t('tags')}:</span> {e.tags.map((tag) => <a href={tag.url} rel="tag">{tag.label}</a>)}
        </p>
      ) : null}
      <ShareLinks links={e.share} t={t} />
      {props.comments ? <CommentsSection comments={props.comments} t={t} /> : (
        <section class="comments" id="comments">
          <h2>{e.commentsLabel}</h2>
        </section>
      )}
    </>
  );
}

/** A caption and a credit line under a picture. */
export function CaptionCredit(props: { caption: string; credit: string; t: Translator }) {
  if (!props.caption && !props.credit) return <></>;
  return (
    <figcaption>
      {props.caption ? <span class="caption" dir="auto">{props.caption}</span> : null}
      {props.credit ? <span class="credit">{props.t('creditLabel')} <bdi>{props.credit}</bdi></span> : null}
    </figcaption>
  );
}
