import type { Translator } from '../../../i18n/translator.js';
import { splitWebLinks } from '../../../lib/web-links.js';
import type { CommentFormVM, CommentsVM, CommentVM } from '../comment-view-models.js';

/** A comment's text: paragraphs and line breaks as typed, every character escaped, http(s) addresses as links that pass no rank. */
export function CommentText(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n{2,}/).map((para) => (
        <p>
          {para.split('\n').map((line, i) => [
            i > 0 ? <br /> : null,
            splitWebLinks(line).map((part) => ('url' in part ? <a href={part.url} rel="nofollow ugc noopener" dir="ltr">{part.url}</a> : part.text)),
          ])}
        </p>
      ))}
    </>
  );
}

function Comment(props: { c: CommentVM; t: Translator }) {
  const { c, t } = props;
  return (
    <li id={`comment-${c.id}`} class={c.fromNewsroom ? 'comment comment-newsroom' : 'comment'}>
      <article aria-label={t('commentBy', { name: c.author })}>
        <header class="comment-meta">
          <b class="comment-author" dir="auto">{c.author}</b>
          {c.fromNewsroom ? <span class="comment-badge">{t('commentFromNewsroom')}</span> : null}
          {' '}<a class="comment-date" href={`#comment-${c.id}`}><time datetime={c.datetime}>{c.date}</time></a>
        </header>
        <div class="comment-text" dir="auto"><CommentText text={c.body} /></div>
        {c.replyUrl ? <p class="comment-reply"><a href={c.replyUrl} aria-label={t('replyToComment', { name: c.author })}>{t('reply')}</a></p> : null}
      </article>
      {c.children.length ? <ol class="comment-replies">{c.children.map((r) => <Comment c={r} t={t} />)}</ol> : null}
    </li>
  );
}

/** The comment form: no script needed; the honeypot is hidden from people and from assistive technology. */
export function CommentForm(props: { form: CommentFormVM; t: Translator; /** its heading's level: under the comments' h2, or alone under a page's h1 */ level?: 2 | 3 }) {
  const { form: f, t } = props;
  const title = f.replyTo ? t('replyTo', { name: f.replyTo.author }) : t('leaveComment');
  const bad = (field: string) => (f.invalid.includes(field) ? 'true' : undefined);
  return (
    <form class="comment-form" id="comment-form" method="post" action={f.action}>
      {props.level === 2 ? <h2 id="comment-form-title">{title}</h2> : <h3 id="comment-form-title">{title}</h3>}
      {f.replyTo ? <p class="comment-replying"><a href={f.replyTo.cancelUrl}>{t('cancelReply')}</a></p> : null}
      <input type="hidden" name="item_id" value={String(f.itemId)} />
      <input type="hidden" name="token" value={f.token} />
      {f.replyTo ? <input type="hidden" name="parent_id" value={String(f.replyTo.id)} /> : null}
      <p class="comment-field">
        <label for="comment-name">{t('commentName')}</label>
        <input id="comment-name" name="name" type="text" required maxlength={100} autocomplete="name" value={f.values.name} aria-invalid={bad('name')} />
      </p>
      <p class="comment-field">
        <label for="comment-email">{t('commentEmail')}</label>
        <input id="comment-email" name="email" type="email" required maxlength={254} autocomplete="email" value={f.values.email} aria-describedby="comment-email-hint" aria-invalid={bad('email')} />
        <small id="comment-email-hint">{t('commentEmailHint')}</small>
      </p>
      <p class="comment-field">
        <label for="comment-body">{t('commentText')}</label>
        <textarea id="comment-body" name="body" rows={6} required maxlength={f.maxBody} dir="auto" aria-describedby="comment-body-hint" aria-invalid={bad('body')}>{f.values.body}</textarea>
        <small id="comment-body-hint">{t('commentTextHint', { max: f.maxBodyText })}</small>
      </p>
      <p class="comment-hp" aria-hidden="true">
        <label for="comment-website">{t('commentHoneypot')}</label>
        <input id="comment-website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
      </p>
      <p class="comment-check">
        <input id="comment-notify" name="notify" type="checkbox" value="1" checked={f.values.notify} />
        <label for="comment-notify">{t('commentNotify')}</label>
      </p>
      <p><button type="submit">{t('postComment')}</button></p>
    </form>
  );
}

/** Under an item: the count, the published comments as nested lists (oldest first), then the form or "Comments are closed". */
export function CommentsSection(props: { comments: CommentsVM; t: Translator }) {
  const { comments: c, t } = props;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{c.heading}</h2>
      {c.notice ? <p class="comment-notice" role="status">{c.notice}</p> : null}
      {c.comments.length ? <ol class="comment-list">{c.comments.map((x) => <Comment c={x} t={t} />)}</ol> : null}
      {c.form ? <CommentForm form={c.form} t={t} /> : c.closed ? <p class="comments-closed">{t('commentsClosed')}</p> : null}
    </section>
  );
}
