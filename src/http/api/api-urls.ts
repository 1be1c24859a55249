import { encodePath, type Edition } from '../../modules/editions/index.js';

/** Absolute addresses of the public site, as the read API gives them (every URL it sends is absolute). */
export class ApiUrls {
  private readonly prefixes: Map<string, string>;

  constructor(readonly baseUrl: string, editions: readonly Edition[]) {
    this.prefixes = new Map(editions.map((e) => [e.code, e.prefix]));
  }

  /** A path inside an edition, e.g. `/about-us/`. */
  inEdition(edition: string, path: string): string {
    return this.baseUrl + encodePath((this.prefixes.get(edition) ?? '') + path);
  }
  item(edition: string, slug: string): string {
    return this.inEdition(edition, `/${slug}/`);
  }
  category(edition: string, path: string[]): string {
    return this.inEdition(edition, `/category/${path.join('/')}/`);
  }
  tag(edition: string, slug: string): string {
    return this.inEdition(edition, `/tag/${slug}/`);
  }
  author(edition: string, slug: string): string {
    return this.inEdition(edition, `/author/${slug}/`);
  }
  /** A media file; its path is the library's, relative to the media directory. */
  media(path: string): string {
    return this.baseUrl + encodePath(`/media/${path}`);
  }
  download(id: number): string {
    return `${this.baseUrl}/media/download/${id}`;
  }
}
