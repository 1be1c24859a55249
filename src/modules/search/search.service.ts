import type { Db } from '../../storage/database.js';
import { summariesByIds, type ItemSummary } from '../content/index.js';
import { htmlToText } from './html-text.js';
import { searchIndexFor } from './search-index-factory.js';
import { dayOf } from './search-index.js';
import { openingHtml, snippetHtml } from './snippet.js';
import { searchTokens, withoutArticle } from './text-normalize.js';

/** The types a reader may search and filter by, in the order the filter offers them. */
export const SEARCHABLE_TYPES = ['article', 'cartoon', 'newspic', 'gallery', 'video', 'book', 'issue', 'page'] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

/** How many words of a query count: a reader's query is a few words; more only costs. */
export const MAX_QUERY_TERMS = 10;

export interface SearchRequest {
  edition: string;
  text: string;
  type?: SearchableType;
  year?: number;
  page: number;
  perPage: number;
  now: Date;
}

export interface SearchHit extends ItemSummary {
  type: string;
  /** escaped text with <mark> around matched words; safe to insert as HTML */
  snippetHtml: string;
}

export interface SearchPage {
  items: SearchHit[];
  page: number;
  hasOlder: boolean;
}

/** The folded words of a query (at most MAX_QUERY_TERMS, duplicates dropped, Arabic article off); none for a query of only punctuation. */
export function queryTerms(text: string): string[] {
  return [...new Set(searchTokens(text).map((t) => withoutArticle(t) ?? t))].slice(0, MAX_QUERY_TERMS);
}

/**
 * One page of an edition's published items matching every word of the query, best first, with
 * a highlighted snippet each. Null for a page past the last one; an empty first page when
 * nothing matches (or nothing searchable was typed).
 */
export async function searchEdition(db: Db, req: SearchRequest): Promise<SearchPage | null> {
  const terms = queryTerms(req.text);
  const ids = terms.length
    ? await searchIndexFor(db).query(db, {
        edition: req.edition,
        terms,
        types: req.type ? [req.type] : SEARCHABLE_TYPES,
        year: req.year,
        today: dayOf(req.now.toISOString()),
        limit: req.perPage + 1,
        offset: (req.page - 1) * req.perPage,
      })
    : [];
  if (!ids.length && req.page > 1) return null;
  const items = await summariesByIds(db, req.edition, ids.slice(0, req.perPage));
  return {
    items: items.map((item) => ({ ...item, snippetHtml: snippetOf(item, terms) })),
    page: req.page,
    hasOlder: ids.length > req.perPage,
  };
}

function snippetOf(item: ItemSummary, terms: string[]): string {
  const body = htmlToText(item.bodyHtml);
  return snippetHtml(item.excerpt, terms) ?? snippetHtml(body, terms) ?? openingHtml(item.excerpt || body);
}
