import type { ChromeVM } from '../view-models.js';

/** The sidebar: Recent Posts. */
export function Sidebar(props: { chrome: ChromeVM }) {
  const { t, recent } = props.chrome;
  return (
    <aside class="sidebar" aria-label={t('sidebar')}>
      <section class="widget">
        <h2 class="widget-title">{t('recentPosts')}</h2>
        <ul class="recent-posts">
          {recent.map((r) => (
            <li>
              <a href={r.url} dir="auto">{r.title}</a>
              <time datetime={r.datetime}>{r.date}</time>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
