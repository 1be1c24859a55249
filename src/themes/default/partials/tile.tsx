import type { GridKind, TileVM } from '../media-view-models.js';
import { Picture } from './picture.js';

const SIZES: Record<GridKind, string> = {
  images: '(min-width: 1100px) 280px, (min-width: 600px) 45vw, 100vw',
  albums: '(min-width: 1100px) 280px, (min-width: 600px) 45vw, 100vw',
  videos: '(min-width: 1100px) 400px, (min-width: 600px) 45vw, 100vw',
  books: '(min-width: 1100px) 200px, (min-width: 600px) 30vw, 50vw',
};

/** One tile of a media grid: the picture links to the item, as does the title (the one link a screen reader hears). */
export function Tile(props: { tile: TileVM; kind: GridKind; eager?: boolean }) {
  const { tile: c, kind } = props;
  return (
    <article class={`tile tile-${kind}`}>
      <a class="tile-image" href={c.url} tabindex="-1" aria-hidden="true">
        {c.image ? <Picture image={c.image} sizes={SIZES[kind]} eager={props.eager} /> : <span class="tile-placeholder"></span>}
        {kind === 'videos' ? <span class="play-mark"></span> : null}
        {c.badge ? <span class="tile-badge">{c.badge}</span> : null}
      </a>
      <div class="tile-body">
        <h2 class="tile-title"><a href={c.url}>{c.title}</a></h2>
        {c.facts.map((f) => <p class="tile-fact"><bdi>{f}</bdi></p>)}
        <time datetime={c.datetime}>{c.date}</time>
      </div>
    </article>
  );
}
