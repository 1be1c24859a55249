import type { Db } from '../../storage/database.js';
import { summariesByIds, type ItemSummary } from '../content/index.js';
import { htmlToText } from './html-text.js';
import { searchIndexFor } from './search-index-factory.js';
import { dayOf } from './search-index.js';
import { openingHtml, snippetHtml } from './snippet.js';
import { normalizeText, withoutArticle, WORD } from './text-normalize.js';

/** The types a reader may search and filter by, in the order the filter offers them. */
export const SEARCHABLE_TYPES = ['article', 'cartoon', 'newspic', 'gallery', 'video', 'book', 'issue', 'page'] as const;
export type SearchableType = (typeof SEARCHABLE_TYPES)[number];

/** How much of a body a snippet is looked for in. */
const SNIPPET_SOURCE_CHARS = 50_000;

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

/**
 * A query as phrases of folded words: split at spaces (after folding, so "می روم" is already one
 * word), each piece's words kept together as a phrase ("1=1" is the phrase "1 1", not two loose
 * 1s). A one-word piece loses its Arabic article. At most MAX_QUERY_TERMS pieces, duplicates
 * dropped; none for a query of only punctuation.
 */
export function queryPhrases(text: string): string[][] {
  const seen = new Map<string, string[]>();
  for (const piece of normalizeText(text).split(/\s+/)) {
    const words = piece.match(WORD);
    if (!words) continue;
    const phrase = words.length === 1 ? [withoutArticle(words[0]!) ?? words[0]!] : words;
    seen.set(phrase.join(' '), phrase);
  }
  return [...seen.values()].slice(0, MAX_QUERY_TERMS);
}

/**
 * One page of an edition's published items matching every word of the query, best first, with
 * a highlighted snippet each. Null for a page past the last one; an empty first page when
 * nothing matches (or nothing searchable was typed).
 */
export async function searchEdition(db: Db, req: SearchRequest): Promise<SearchPage | null> {
  const phrases = queryPhrases(req.text);
  const terms = phrases.flat();
  const ids = phrases.length
    ? await searchIndexFor(db).query(db, {
        edition: req.edition,
        phrases,
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
  const inExcerpt = snippetHtml(item.excerpt, terms);
  if (inExcerpt !== null) return inExcerpt;
  // The passage comes from the opening of a long body: where the words were found is what the reader sees first.
  const body = htmlToText(item.bodyHtml.slice(0, SNIPPET_SOURCE_CHARS));
  return snippetHtml(body, terms) ?? openingHtml(item.excerpt || body);
}
