import type { Child } from '#jsx/jsx-runtime';
import { raw } from '#jsx/jsx-runtime';
import type { AdminChrome } from './view-models.js';

/** The newsroom's page shell: menu, the page's heading, a notice, the content. */
export function AdminLayout(props: { chrome: AdminChrome; children?: Child }) {
  const c = props.chrome;
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="en" dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="csrf-token" content={c.csrfToken} />
          <meta name="robots" content="noindex, nofollow" />
          <title>{`${c.title} · nashr newsroom`}</title>
          <link rel="stylesheet" href={c.css} />
          {(c.styles ?? []).map((href) => <link rel="stylesheet" href={href} />)}
          {(c.scripts ?? []).map((src) => <script src={src} defer></script>)}
          {c.refreshSeconds ? <noscript><meta http-equiv="refresh" content={String(c.refreshSeconds)} /></noscript> : null}
        </head>
        <body class="admin">
          <a class="skip-link" href="#main">Skip to content</a>
          <header class="admin-bar">
            <a class="admin-brand" href="/admin">nashr <span>newsroom</span></a>
            {c.user ? (
              <nav aria-label="Newsroom">
                <ul>
                  {c.nav.map((n) => 'children' in n ? (
                    <li class="nav-group">
                      <details data-nav-menu>
                        <summary class={n.children.some((k) => k.key === c.section) ? 'is-current' : undefined}>{n.label}</summary>
                        <ul>
                          {n.children.map((k) => <li><a href={k.href} aria-current={k.key === c.section ? 'page' : undefined}>{k.label}</a></li>)}
                        </ul>
                      </details>
                    </li>
                  ) : (
                    <li><a href={n.href} aria-current={n.key === c.section ? 'page' : undefined}>{n.label}</a></li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {c.user ? (
              <form class="sign-out" method="post" action="/admin/sign-out">
                <input type="hidden" name="_csrf" value={c.csrfToken} />
                <span class="who">{c.user.displayName} <small>({c.user.role})</small></span>
                <button type="submit">Sign out</button>
              </form>
            ) : null}
          </header>
          <main id="main" tabindex="-1">
            <h1>{c.title}</h1>
            {c.notice ? <p class={`notice notice-${c.notice.kind}`} role={c.notice.kind === 'error' ? 'alert' : 'status'}>{c.notice.text}</p> : null}
            {props.children}
          </main>
        </body>
      </html>
    </>
  );
}
