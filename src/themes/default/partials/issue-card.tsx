import type { Translator } from '../../../i18n/translator.js';
import type { DownloadVM, IssueVM } from '../media-view-models.js';
import { Picture } from './picture.js';

/** A "Download PDF (size)" link. */
export function DownloadLink(props: { pdf: DownloadVM }) {
  return <a class="button download" href={props.pdf.url} download>{props.pdf.label}</a>;
}

/** "Inside this issue": entries link to their articles when those are published. */
export function IssueContents(props: { contents: IssueVM['contents']; t: Translator; headingLevel: 'h2' | 'h3' }) {
  if (!props.contents.length) return <></>;
  const Heading = props.headingLevel;
  return (
    <section class="issue-contents">
      <Heading>{props.t('insideThisIssue')}</Heading>
      <ul>{props.contents.map((c) => <li>{c.url ? <a href={c.url}>{c.title}</a> : c.title}</li>)}</ul>
    </section>
  );
}

/** The latest issue, large: cover, number, date, contents, PDF. */
export function LatestIssue(props: { issue: IssueVM; t: Translator }) {
  const { issue: i, t } = props;
  return (
    <section class="latest-issue" aria-labelledby="latest-issue-title">
      {i.image ? (
        <a class="issue-cover" href={i.url} tabindex="-1" aria-hidden="true">
          <Picture image={i.image} sizes="(min-width: 700px) 240px, 60vw" eager />
        </a>
      ) : null}
      <div class="issue-body">
        <p class="issue-kicker">{t('latestIssue')}</p>
        <h2 id="latest-issue-title"><a href={i.url}>{i.title}</a></h2>
        <p class="issue-meta">
          {i.numberLabel ? <span class="issue-number">{i.numberLabel}</span> : null}
          <time datetime={i.datetime}>{i.date}</time>
        </p>
        <IssueContents contents={i.contents} t={t} headingLevel="h3" />
        {i.pdf ? <DownloadLink pdf={i.pdf} /> : null}
      </div>
    </section>
  );
}

/** An issue in the archive: small cover, title, number, date. */
export function IssueTile(props: { issue: IssueVM }) {
  const i = props.issue;
  return (
    <li class="issue-tile">
      <a class="issue-tile-cover" href={i.url} tabindex="-1" aria-hidden="true">
        {i.image ? <Picture image={i.image} sizes="140px" /> : <span class="tile-placeholder"></span>}
      </a>
      <div>
        <a class="issue-tile-title" href={i.url}>{i.title}</a>
        <p class="issue-meta">
          {i.numberLabel ? <span class="issue-number">{i.numberLabel}</span> : null}
          <time datetime={i.datetime}>{i.date}</time>
        </p>
      </div>
    </li>
  );
}
