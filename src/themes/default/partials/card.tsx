import type { CardVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';
import { Picture } from './picture.js';
import { ShareLinks } from './share-links.js';
import { EntryMeta } from './entry-meta.js';

/** One item in a listing: image, category label, title, summary, byline, date, comments, share. */
export function Card(props: { card: CardVM; t: Translator; lead?: boolean }) {
  const c = props.card;
  return (
    <article class={props.lead ? 'card card-lead' : 'card'}>
      {c.image ? (
        <a class="card-image" href={c.url} tabindex="-1" aria-hidden="true">
          <Picture image={c.image} sizes={props.lead ? '(min-width: 1100px) 720px, 100vw' : '(min-width: 700px) 280px, 100vw'} eager={props.lead} />
        </a>
      ) : null}
      <div class="card-body">
        {c.category ? <a class="category-label" href={c.category.url}>{c.category.label}</a> : null}
        <h2 class="card-title"><a href={c.url}>{c.title}</a></h2>
        <div class="card-summary">{c.summary}</div>
        <EntryMeta card={c} t={props.t} />
        <ShareLinks links={c.share} t={props.t} compact />
      </div>
    </article>
  );
}
