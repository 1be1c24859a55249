import type { PlayerVM } from '../media-view-models.js';
import { Picture } from './picture.js';

/**
 * A video: a file plays in `<video>`; a YouTube or Vimeo page is a local poster linking to it,
 * which the public script swaps for the provider's player only when the reader clicks.
 */
export function VideoPlayer(props: { player: PlayerVM }) {
  const p = props.player;
  if (p.kind === 'file') {
    return (
      <div class="video-frame">
        <video controls preload="metadata" poster={p.poster ?? undefined}>
          <source src={p.src} type={p.mime} />
          <a href={p.src}>{p.fallbackLabel}</a>
        </video>
      </div>
    );
  }
  if (p.kind === 'embed') {
    return (
      <figure class="video-embed">
        <a class="video-embed-link" href={p.pageUrl} rel="noopener noreferrer">
          {p.poster ? <Picture image={{ ...p.poster, alt: '' }} sizes="(min-width: 1100px) 760px, 100vw" eager /> : null}
          <span class="video-embed-label">{p.label}</span>
        </a>
      </figure>
    );
  }
  return <></>;
}
