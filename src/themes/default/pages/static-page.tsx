import type { Html } from '#jsx/jsx-runtime';
import type { ChromeVM, StaticPageVM } from '../view-models.js';
import { BaseLayout } from '../layouts/base.js';

/** About Us, Contact us and any other page the editors make. */
export function StaticPage(props: { chrome: ChromeVM; page: StaticPageVM; after?: Html | null }) {
  return (
    <BaseLayout chrome={props.chrome}>
      <article class="entry page">
        <header class="entry-header">
          <h1 class="entry-title">{props.page.title}</h1>
        </header>
        <div class="entry-content">{props.page.body}</div>
        {props.after ?? null}
      </article>
    </BaseLayout>
  );
}
