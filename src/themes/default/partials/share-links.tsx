import type { ShareLinkVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';

/** Plain share links (no third-party script); the script adds a Web Share button where the browser has one. */
export function ShareLinks(props: { links: ShareLinkVM[]; t: Translator; compact?: boolean }) {
  const { t } = props;
  return (
    <div class={props.compact ? 'share share-compact' : 'share'}>
      <span class="share-label">{t('share')}</span>
      <ul>
        {props.links.map((l) => (
          <li>
            <a class={`share-${l.network}`} href={l.url} rel="noopener nofollow" target="_blank" title={l.label}>
              <span class={props.compact ? 'visually-hidden' : undefined}>{l.label}</span>
              {props.compact ? <span aria-hidden="true">{l.network === 'email' ? '@' : l.network.slice(0, 2)}</span> : null}
            </a>
          </li>
        ))}
      </ul>
      <button type="button" class="web-share" hidden>{t('webShare')}</button>
    </div>
  );
}
