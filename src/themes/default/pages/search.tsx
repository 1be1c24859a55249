import type { Translator } from '../../../i18n/translator.js';
import type { CardVM, ChromeVM, PaginationVM } from '../view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Card } from '../partials/card.js';
import { Pagination } from '../partials/pagination.js';

/** One choice of a filter's drop-down. */
export interface FilterOptionVM {
  value: string;
  label: string;
  selected: boolean;
}

/** The search page: the query, its filters and one page of ranked results. */
export interface SearchVM {
  heading: string;
  query: string;
  types: FilterOptionVM[];
  years: FilterOptionVM[];
  /** cards whose summary is the highlighted snippet */
  cards: CardVM[];
  pagination: PaginationVM;
  emptyTitle: string;
}

function Filter(props: { id: string; name: string; label: string; options: FilterOptionVM[] }) {
  return (
    <p class="search-filter">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name}>
        {props.options.map((o) => <option value={o.value} selected={o.selected}>{o.label}</option>)}
      </select>
    </p>
  );
}

function Filters(props: { search: SearchVM; t: Translator; action: string }) {
  const { search, t } = props;
  return (
    <form class="search-filters" role="search" aria-label={t('searchRefine')} method="get" action={props.action}>
      <p class="search-filter">
        <label for="search-page-q">{t('searchLabel')}</label>
        <input id="search-page-q" type="search" name="q" value={search.query} maxlength={200} />
      </p>
      <Filter id="search-type" name="type" label={t('searchFilterType')} options={search.types} />
      <Filter id="search-year" name="year" label={t('searchFilterYear')} options={search.years} />
      <button type="submit">{t('search')}</button>
    </form>
  );
}

/** Search results: snippets with the reader's words marked, newest-first pagination of a ranked list. */
export function SearchPage(props: { chrome: ChromeVM; search: SearchVM }) {
  const { chrome, search } = props;
  const { t } = chrome;
  return (
    <BaseLayout chrome={chrome}>
      <header class="archive-header">
        <h1>{search.heading}</h1>
      </header>
      <Filters search={search} t={t} action={chrome.searchUrl} />
      {search.cards.length ? (
        <div class="cards search-results">{search.cards.map((c) => <Card card={c} t={t} />)}</div>
      ) : (
        <section class="empty-state">
          <h2>{search.emptyTitle}</h2>
        </section>
      )}
      <Pagination pagination={search.pagination} t={t} />
    </BaseLayout>
  );
}
