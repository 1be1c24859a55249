import type { MenuLinkVM } from '../view-models.js';
import type { Translator } from '../../../i18n/translator.js';

/**
 * The nested main menu. Without script, sub-menus open on hover and keyboard focus; the script
 * adds tap and Escape through the toggle buttons (aria-expanded).
 */
export function Menu(props: { items: MenuLinkVM[]; t: Translator }) {
  const { t } = props;
  let counter = 0;
  const entry = (item: MenuLinkVM, depth: number) => {
    const current = item.current ? 'page' : undefined;
    if (!item.children.length) {
      return (
        <li>
          <a href={item.url} aria-current={current}>{item.label}</a>
        </li>
      );
    }
    const id = `submenu-${depth}-${++counter}`;
    const hasPage = item.url !== '#';
    return (
      <li class="has-sub">
        {hasPage ? (
          <>
            <a href={item.url} aria-current={current}>{item.label}</a>
            <button type="button" class="sub-toggle" aria-expanded="false" aria-controls={id}>
              <span class="visually-hidden">{t('openSubmenu', { label: item.label })}</span>
            </button>
          </>
        ) : (
          <button type="button" class="sub-toggle sub-toggle-label" aria-expanded="false" aria-controls={id}>
            {item.label}
          </button>
        )}
        <ul class="sub-menu" id={id}>
          {item.children.map((c) => entry(c, depth + 1))}
        </ul>
      </li>
    );
  };
  return <ul class="menu">{props.items.map((i) => entry(i, 0))}</ul>;
}
