import type { CommentsVM } from '../comment-view-models.js';
import { CommentsSection } from '../partials/comments.js';
import type { ChromeVM } from '../view-models.js';
import type { PeriodicalVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Breadcrumbs } from '../partials/entry-parts.js';
import { IssueTile, LatestIssue } from '../partials/issue-card.js';
import { ShareLinks } from '../partials/share-links.js';

/** A periodical (Newsletter, Pars Brief…): its description, the latest issue large, then every issue by year. */
export function PeriodicalPage(props: { chrome: ChromeVM; periodical: PeriodicalVM; comments?: CommentsVM | null }) {
  const { chrome, periodical: p } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry periodical-entry">
        <Breadcrumbs items={p.breadcrumbs} t={t} />
        <header class="entry-header">
          <h1 class="entry-title">{p.title}</h1>
        </header>
        <div class="entry-content">{p.body}</div>
        {p.latest ? (
          <LatestIssue issue={p.latest} t={t} />
        ) : (
          <section class="empty-state">
            <h2>{t('noIssuesYet')}</h2>
          </section>
        )}
        {p.archive.length ? (
          <section class="issue-archive" aria-labelledby="archive-title">
            <h2 id="archive-title">{t('issueArchive')}</h2>
            {p.archive.map((y) => (
              <section class="issue-year" aria-label={y.year}>
                <h3>{y.year}</h3>
                <ul class="issue-list">{y.issues.map((i) => <IssueTile issue={i} />)}</ul>
              </section>
            ))}
          </section>
        ) : null}
        <ShareLinks links={p.share} t={t} />
        {props.comments ? <CommentsSection comments={props.comments} t={chrome.t} /> : null}
      </article>
    </BaseLayout>
  );
}
