import type { ArticleVM, ChromeVM } from '../view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Picture } from '../partials/picture.js';
import { ShareLinks } from '../partials/share-links.js';
import { EntryMeta } from '../partials/entry-meta.js';
import { Card } from '../partials/card.js';
import { CommentsSection } from '../partials/comments.js';
import type { CommentsVM } from '../comment-view-models.js';

/** A single article. */
export function ArticlePage(props: { chrome: ChromeVM; article: ArticleVM; comments?: CommentsVM | null }) {
  const { chrome, article: a } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry">
        <nav class="breadcrumbs" aria-label={t('breadcrumbs')}>
          <ol>{a.breadcrumbs.map((b) => <li><a href={b.url}>{b.label}</a></li>)}</ol>
        </nav>
        <header class="entry-header">
          {a.category ? <a class="category-label" href={a.category.url}>{a.category.label}</a> : null}
          <h1 class="entry-title">{a.title}</h1>
          <EntryMeta card={a} t={t} />
        </header>
        {a.image ? (
          <figure class="entry-image">
            <Picture image={a.image} sizes="(min-width: 1100px) 760px, 100vw" eager />
          </figure>
        ) : null}
        <div class="entry-content">{a.body}</div>
        {a.tags.length ? (
          <p class="entry-tags">
            <span>{t('tags')}:</span> {a.tags.map((tag) => <a href={tag.url} rel="tag">{tag.label}</a>)}
          </p>
        ) : null}
        <ShareLinks links={a.share} t={t} />
        {props.comments ? <CommentsSection comments={props.comments} t={t} /> : (
          <section class="comments" id="comments">
            <h2>{a.commentsLabel}</h2>
          </section>
        )}
      </article>
      {a.related.length ? (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">{t('relatedPosts')}</h2>
          <div class="related-grid">{a.related.map((r) => <Card card={r} t={t} variant="brief" />)}</div>
        </section>
      ) : null}
    </BaseLayout>
  );
}
