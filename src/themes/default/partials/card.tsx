import type { CardVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';
import { Picture } from './picture.js';
import { ShareLinks } from './share-links.js';
import { EntryMeta } from './entry-meta.js';

/**
 * One item in a listing: image, category label, title, summary, byline, date, comments, share.
 * `lead` is the first, large card of a listing; `brief` (related posts) leaves out summary and share links.
 */
export function Card(props: { card: CardVM; t: Translator; variant?: 'lead' | 'brief' }) {
  const c = props.card;
  const { variant } = props;
  const sizes = variant === 'lead' ? '(min-width: 1100px) 720px, 100vw' : variant === 'brief' ? '(min-width: 700px) 240px, 100vw' : '(min-width: 700px) 280px, 100vw';
  return (
    <article class={variant ? `card card-${variant}` : 'card'}>
      {c.image ? (
        <a class="card-image" href={c.url} tabindex="-1" aria-hidden="true">
          <Picture image={c.image} sizes={sizes} eager={variant === 'lead'} />
        </a>
      ) : null}
      <div class="card-body">
        {c.category ? <a class="category-label" href={c.category.url}>{c.category.label}</a> : null}
        <h2 class="card-title"><a href={c.url}>{c.title}</a></h2>
        {variant === 'brief' ? null : <div class="card-summary">{c.summary}</div>}
        <EntryMeta card={c} t={props.t} />
        {variant === 'brief' ? null : <ShareLinks links={c.share} t={props.t} compact />}
      </div>
    </article>
  );
}
