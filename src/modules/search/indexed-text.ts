import { searchTokens, withoutArticle } from './text-normalize.js';
import type { SearchDocument } from './search-index.js';

/** How much body text is indexed: PostgreSQL's tsvector has a 1 MB ceiling, and the opening of a text carries its words. */
const BODY_MAX_CHARS = 200_000;

/** The document's fields as both indexes store them: folded words joined by single spaces. */
export function indexedText(doc: SearchDocument): { title: string; excerpt: string; body: string } {
  const fold = (s: string) =>
    searchTokens(s)
      .flatMap((t) => {
        const bare = withoutArticle(t);
        return bare ? [t, bare] : [t];
      })
      .join(' ');
  return { title: fold(doc.title), excerpt: fold(doc.excerpt), body: fold(doc.body.slice(0, BODY_MAX_CHARS)) };
}
