import type { ChromeVM } from '../view-models.js';
import { Menu } from './menu.js';
import { renderOnce } from '../../../lib/jsx/memo.js';

/** Site name, edition switcher, search box and the main menu. */
export function Header(props: { chrome: ChromeVM }) {
  const c = props.chrome;
  const { t } = c;
  return (
    <header class="site-header" id="top">
      <div class="topbar">
        <div class="wrap topbar-inner">
          <nav class="edition-switch" aria-label={t('languageSwitcher')}>
            <ul>
              {c.editions.map((e) => (
                <li>
                  <a href={e.url} lang={e.code} hreflang={e.code} dir={e.dir} aria-current={e.current ? 'true' : undefined}>
                    {e.nativeName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <form class="search-form" role="search" aria-label={t("search")} method="get" action={c.searchUrl}>
            <label class="visually-hidden" for="search-q">{t('searchLabel')}</label>
            <input id="search-q" type="search" name="q" value={c.searchQuery} placeholder={t('searchPlaceholder')} maxlength={200} />
            <button type="submit">{t('search')}</button>
          </form>
        </div>
      </div>
      <div class="wrap brand-row">
        <a class="brand" href={c.homeUrl} rel="home">
          <span class="brand-mark" aria-hidden="true">ن</span>
          <span class="brand-text">
            <span class="site-title">{c.siteTitle}</span>
            {c.tagline ? <span class="tagline">{c.tagline}</span> : null}
          </span>
        </a>
        <a class="menu-toggle" href="#site-nav" aria-controls="site-nav" aria-expanded="false">
          <span class="menu-icon" aria-hidden="true"></span>
          {t('menu')}
        </a>
      </div>
      <nav class="site-nav" id="site-nav" aria-label={t('mainMenu')}>
        <div class="wrap">
          {renderOnce(c.menu, () => <Menu items={c.menu} t={t} />)}
        </div>
      </nav>
    </header>
  );
}
