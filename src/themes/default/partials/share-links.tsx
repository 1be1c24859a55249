import type { ShareLinkVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';

/** Plain share links (no third-party script); the script adds a Web Share button where the browser has one. */
export function ShareLinks(props: { links: ShareLinkVM[]; t: Translator; compact?: boolean }) {
  return (
    <div class={props.compact ? 'share share-compact' : 'share'}>
      <span class="share-label">{props.t('share')}</span>
      <ul>
        {props.links.map((l) => (
          <li>
            <a class={`share-${l.network}`} href={l.url} rel="noopener nofollow" target="_blank" aria-label={l.label}>{l.name}</a>
          </li>
        ))}
      </ul>
      <button type="button" class="web-share" hidden>{props.t('webShare')}</button>
    </div>
  );
}
