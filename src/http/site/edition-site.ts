import type { Edition } from '../../modules/editions/index.js';
import { EditionFormat, encodePath } from '../../modules/editions/index.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { shareNetworks } from './share-links.js';

/** What every public route of one edition needs: the edition, its formats, its strings and its URLs. Built once at start-up. */
export class EditionSite {
  readonly t: Translator;
  readonly format: EditionFormat;
  readonly shareNetworks: ReturnType<typeof shareNetworks>;

  constructor(readonly edition: Edition, readonly baseUrl: string) {
    this.format = new EditionFormat(edition);
    this.t = createTranslator(edition.uiLocale, edition.locale, (n) => this.format.number(n));
    this.shareNetworks = shareNetworks(this.t);
  }

  /** A site-relative URL inside this edition, percent-encoded. */
  url(path: string): string {
    return encodePath(this.edition.prefix + path);
  }

  home(): string {
    return this.url('/');
  }
  private readonly itemUrls = new Map<string, string>();

  /** An item's URL; remembered, since Persian and Arabic slugs cost a percent-encoding each time. */
  item(slug: string): string {
    let url = this.itemUrls.get(slug);
    if (url === undefined) {
      if (this.itemUrls.size >= 50_000) this.itemUrls.clear();
      url = this.url(`/${slug}/`);
      this.itemUrls.set(slug, url);
    }
    return url;
  }
  category(path: string[]): string {
    return this.url(`/category/${path.join('/')}/`);
  }
  tag(slug: string): string {
    return this.url(`/tag/${slug}/`);
  }
  author(slug: string): string {
    return this.url(`/author/${slug}/`);
  }
  search(): string {
    return this.url('/search');
  }
  /** `base` is an edition path ending in '/'; page 1 is the base itself. */
  page(base: string, n: number): string {
    return this.url(n <= 1 ? base : `${base}page/${n}/`);
  }
}
