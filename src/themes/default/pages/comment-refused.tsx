import type { ChromeVM, LinkVM } from '../view-models.js';
import type { CommentFormVM } from '../comment-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { CommentForm } from '../partials/comments.js';

/** A comment that was not posted: why, in the edition's language, and (where it can be fixed) the form again with what was typed. */
export function CommentRefusedPage(props: { chrome: ChromeVM; title: string; text: string; back: LinkVM | null; form: CommentFormVM | null }) {
  const { chrome, form, back } = props;
  return (
    <BaseLayout chrome={chrome}>
      <section class="message-page comment-refused">
        <h1>{props.title}</h1>
        <p role="alert">{props.text}</p>
        {form ? <CommentForm form={form} t={chrome.t} level={2} /> : null}
        {back ? <p><a href={back.url}>{back.label}</a></p> : <p><a href={chrome.homeUrl}>{chrome.t('goHome')}</a></p>}
      </section>
    </BaseLayout>
  );
}
