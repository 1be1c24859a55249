import type { CommentsVM } from '../comment-view-models.js';
import type { ChromeVM } from '../view-models.js';
import type { BookVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Picture } from '../partials/picture.js';
import { EntryFooter, EntryHeader } from '../partials/entry-parts.js';
import { DownloadLink } from '../partials/issue-card.js';

/** A book: cover beside its facts, the ways to get it (PDF, purchase), then its description. */
export function BookPage(props: { chrome: ChromeVM; book: BookVM; comments?: CommentsVM | null }) {
  const { chrome, book: b } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry book-entry">
        <EntryHeader entry={b} t={t} />
        <div class="book-main">
          {b.image ? (
            <figure class="book-cover">
              <Picture image={b.image} sizes="(min-width: 700px) 260px, 70vw" eager />
            </figure>
          ) : null}
          <div class="book-facts">
            <dl>
              {b.facts.map((f) => (
                <div>
                  <dt>{f.label}</dt>
                  <dd><bdi lang={f.lang}>{f.value}</bdi></dd>
                </div>
              ))}
            </dl>
            {b.pdf || b.purchaseUrl ? (
              <p class="book-actions">
                {b.pdf ? <DownloadLink pdf={b.pdf} /> : null}
                {b.purchaseUrl ? <a class="button buy" href={b.purchaseUrl} rel="noopener">{t('buyBook')}</a> : null}
              </p>
            ) : null}
          </div>
        </div>
        <div class="entry-content">{b.body}</div>
        <EntryFooter entry={b} t={t} comments={props.comments} />
      </article>
    </BaseLayout>
  );
}
