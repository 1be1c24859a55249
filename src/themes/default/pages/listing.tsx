import type { ChromeVM, ListingVM } from '../view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Card } from '../partials/card.js';
import { Pagination } from '../partials/pagination.js';

/** Home, section, category, tag, author, date and search listings. */
export function ListingPage(props: { chrome: ChromeVM; listing: ListingVM }) {
  const { chrome, listing } = props;
  const { t } = chrome;
  const first = listing.pagination.newer === null;
  return (
    <BaseLayout chrome={chrome}>
      {listing.heading ? (
        <header class="archive-header">
          <h1>{listing.heading}</h1>
          {listing.description ? <p class="archive-description">{listing.description}</p> : null}
          {listing.children.length ? (
            <nav aria-label={t('subcategories')} class="subcategories">
              <ul>{listing.children.map((c) => <li><a href={c.url}>{c.label}</a></li>)}</ul>
            </nav>
          ) : null}
        </header>
      ) : (
        <h1 class="visually-hidden">{chrome.siteTitle}</h1>
      )}
      {listing.cards.length ? (
        <div class="cards">{listing.cards.map((c, i) => <Card card={c} t={t} variant={first && i === 0 ? 'lead' : undefined} />)}</div>
      ) : (
        <section class="empty-state">
          <h2>{listing.emptyTitle}</h2>
          <p>{listing.emptyText}</p>
        </section>
      )}
      <Pagination pagination={listing.pagination} t={t} />
    </BaseLayout>
  );
}
