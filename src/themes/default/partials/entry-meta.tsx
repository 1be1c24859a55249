import type { CardVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';

/** Source line (or author), date and comment count. */
export function EntryMeta(props: { card: CardVM; t: Translator }) {
  const c = props.card;
  return (
    <p class="entry-meta">
      {c.sourceLine ? (
        <span class="source-line"><bdi>{c.sourceLine}</bdi></span>
      ) : c.author ? (
        <span class="source-line"><a href={c.author.url}><bdi>{c.author.label}</bdi></a></span>
      ) : null}
      <time datetime={c.datetime}>{c.date}</time>
      <a class="comment-count" href={`${c.url}#comments`}>{c.commentsLabel}</a>
    </p>
  );
}
