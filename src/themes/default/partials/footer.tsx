import type { ChromeVM } from '../view-models.js';

/** Social links, copyright with the year range, and Back to top. */
export function Footer(props: { chrome: ChromeVM }) {
  const { t, social, copyright } = props.chrome;
  return (
    <footer class="site-footer">
      <div class="wrap footer-inner">
        {social.length ? (
          <nav class="social" aria-label={t('followUs')}>
            <ul>
              {social.map((s) => (
                <li>
                  <a href={s.url} class={`social-${s.network}`} rel="noopener">{s.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p class="copyright">{copyright}</p>
        <a class="back-to-top" href="#top">{t('backToTop')}</a>
      </div>
    </footer>
  );
}
