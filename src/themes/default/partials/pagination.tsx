import type { PaginationVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';

/** "Newer posts" / "Older posts" with the page position between them. */
export function Pagination(props: { pagination: PaginationVM; t: Translator }) {
  const p = props.pagination;
  if (!p.newer && !p.older) return <></>;
  return (
    <nav class="pagination" aria-label={props.t('pagination')}>
      {p.newer ? <a class="newer" href={p.newer} rel="prev">{props.t('newerPosts')}</a> : <span></span>}
      <span class="page-position">{p.label}</span>
      {p.older ? <a class="older" href={p.older} rel="next">{props.t('olderPosts')}</a> : <span></span>}
    </nav>
  );
}
