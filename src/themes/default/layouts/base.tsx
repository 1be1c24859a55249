import type { Child } from '#jsx/jsx-runtime';
import { raw } from '#jsx/jsx-runtime';
import type { ChromeVM } from '../view-models.js';
import { Header } from '../partials/header.js';
import { Sidebar } from '../partials/sidebar.js';
import { Footer } from '../partials/footer.js';
import { MetaTags } from '../partials/meta-tags.js';
import { renderOnce } from '../../../lib/jsx/memo.js';

/** The page shell every public page shares. */
export function BaseLayout(props: { chrome: ChromeVM; children?: Child; sidebar?: boolean }) {
  const c = props.chrome;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang={c.lang} dir={c.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{c.title}</title>
          {c.description ? <meta name="description" content={c.description} /> : null}
          {c.noindex ? <meta name="robots" content="noindex" /> : null}
          {c.canonical ? <link rel="canonical" href={c.canonical} /> : null}
          {c.alternates.map((a) => <link rel="alternate" hreflang={a.hreflang} href={a.href} />)}
          {c.feeds.map((f) => <link rel="alternate" type={f.type} title={f.title} href={f.href} />)}
          <MetaTags meta={c.meta} />
          <link rel="icon" href={c.assets.icon} type="image/svg+xml" />
          <link rel="stylesheet" href={c.assets.css} />
          <script src={c.assets.js} defer></script>
        </head>
        <body>
          <a class="skip-link" href="#content">{c.t('skipToContent')}</a>
          <Header chrome={c} />
          <div class={props.sidebar === false ? 'wrap layout layout-wide' : 'wrap layout'}>
            <main id="content" tabindex="-1">
              {props.children}
            </main>
            {props.sidebar === false ? null : renderOnce(c.recent, () => <Sidebar chrome={c} />)}
          </div>
          {renderOnce(c.social, () => <Footer chrome={c} />)}
        </body>
      </html>
    </>
  );
}
