import type { ChromeVM, MessageVM } from '../view-models.js';
import { BaseLayout } from '../layouts/base.js';

/** Not found, bad request and error pages: a message in the edition's language and a way home. */
export function MessagePage(props: { chrome: ChromeVM; message: MessageVM }) {
  const { chrome, message } = props;
  return (
    <BaseLayout chrome={chrome}>
      <section class="message-page">
        <h1>{message.title}</h1>
        <p>{message.text}</p>
        <form class="search-form search-form-large" role="search" aria-label={chrome.t("searchPlaceholder")} method="get" action={chrome.searchUrl}>
          <label class="visually-hidden" for="search-q-404">{chrome.t('searchLabel')}</label>
          <input id="search-q-404" type="search" name="q" placeholder={chrome.t('searchPlaceholder')} maxlength={200} />
          <button type="submit">{chrome.t('search')}</button>
        </form>
        <p><a href={message.homeUrl}>{chrome.t('goHome')}</a></p>
      </section>
    </BaseLayout>
  );
}
