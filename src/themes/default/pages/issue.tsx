import type { CommentsVM } from '../comment-view-models.js';
import { CommentsSection } from '../partials/comments.js';
import type { ChromeVM } from '../view-models.js';
import type { IssuePageVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Picture } from '../partials/picture.js';
import { Breadcrumbs } from '../partials/entry-parts.js';
import { DownloadLink, IssueContents } from '../partials/issue-card.js';
import { ShareLinks } from '../partials/share-links.js';

/** One issue of a periodical: cover, number, date, "Inside this issue", PDF. */
export function IssuePage(props: { chrome: ChromeVM; issue: IssuePageVM; comments?: CommentsVM | null }) {
  const { chrome, issue: i } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <article class="entry issue-entry">
        <Breadcrumbs items={i.breadcrumbs} t={t} />
        <header class="entry-header">
          {i.periodical ? <a class="category-label" href={i.periodical.url}>{i.periodical.label}</a> : null}
          <h1 class="entry-title">{i.title}</h1>
          <p class="issue-meta">
            {i.numberLabel ? <span class="issue-number">{i.numberLabel}</span> : null}
            <time datetime={i.datetime}>{i.date}</time>
          </p>
        </header>
        <div class="issue-main">
          {i.image ? (
            <figure class="issue-cover">
              <Picture image={i.image} sizes="(min-width: 700px) 260px, 70vw" eager />
            </figure>
          ) : null}
          <div class="issue-body">
            <IssueContents contents={i.contents} t={t} headingLevel="h2" />
            {i.pdf ? <p><DownloadLink pdf={i.pdf} /></p> : null}
          </div>
        </div>
        <div class="entry-content">{i.body}</div>
        <ShareLinks links={i.share} t={t} />
        {props.comments ? <CommentsSection comments={props.comments} t={chrome.t} /> : null}
      </article>
    </BaseLayout>
  );
}
