import type { ChromeVM } from '../view-models.js';
import type { MediaListingVM } from '../media-view-models.js';
import { BaseLayout } from '../layouts/base.js';
import { Pagination } from '../partials/pagination.js';
import { Tile } from '../partials/tile.js';

/** Cartoons, NewsPics, Photo Gallery, Videos and Books: a responsive grid with Newer/Older pages. */
export function MediaListingPage(props: { chrome: ChromeVM; listing: MediaListingVM }) {
  const { chrome, listing: l } = props;
  return (
    <BaseLayout chrome={chrome}>
      <header class="archive-header">
        <h1>{l.heading}</h1>
      </header>
      {l.tiles.length ? (
        <div class={`tile-grid tile-grid-${l.kind}`}>{l.tiles.map((tile, i) => <Tile tile={tile} kind={l.kind} eager={i < 2} />)}</div>
      ) : (
        <section class="empty-state">
          <h2>{l.emptyTitle}</h2>
          <p>{l.emptyText}</p>
        </section>
      )}
      <Pagination pagination={l.pagination} t={chrome.t} />
    </BaseLayout>
  );
}
