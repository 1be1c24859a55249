import type { Db } from '../../storage/database.js';

/** One published item as the index receives it: original text; the index folds it itself. */
export interface SearchDocument {
  itemId: number;
  edition: string;
  type: string;
  /** ISO 8601 UTC */
  publishedAt: string;
  title: string;
  excerpt: string;
  /** the body as plain text */
  body: string;
}

/** A query already folded into words (see text-normalize.ts) with its filters and page window. */
export interface IndexQuery {
  edition: string;
  /**
   * Folded words, grouped as typed: each group is a phrase (words written with only punctuation
   * between them, like "1=1" or "e-mail", stay adjacent). Every phrase must match; the last word
   * of each, when it has PREFIX_MIN+ letters, also matches as a prefix.
   */
  phrases: string[][];
  types: readonly string[];
  year?: number;
  /** ranking's "now", in whole days since 1970 */
  today: number;
  limit: number;
  offset: number;
}

/** Words shorter than this match whole words only: a short prefix ("the"*) expands to hundreds of words and costs more than all the rest of a search. */
export const PREFIX_MIN = 4;

/**
 * Full-text search over published items, one implementation per dialect
 * (sqlite-search-index.ts, postgres-search-index.ts), chosen in search-index-factory.ts.
 * Every method takes the handle to work on, so writes join the caller's transaction.
 *
 * Ranking, the same on both: relevance × (1 + 0.5 × 365 / (365 + age in days)). A new item gets
 * up to half again its relevance; after a year the boost is halved, and it fades from there, so
 * relevance decides between texts and recency between equally relevant ones.
 */
export interface SearchIndex {
  /** Adds or replaces the items' entries (a few statements for many items). */
  put(db: Db, docs: readonly SearchDocument[]): Promise<void>;
  /** Removes the items' entries (missing ones are fine). */
  remove(db: Db, itemIds: readonly number[]): Promise<void>;
  /** Empties the index. */
  clear(db: Db): Promise<void>;
  /** Removes every entry whose item is no longer published (or no longer exists). */
  prune(db: Db): Promise<void>;
  /** Matching item ids, best first, for one page window. */
  query(db: Db, q: IndexQuery): Promise<number[]>;
}

/** Days since 1970 of an ISO date (the index keeps whole days; ranking needs no more). */
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(iso) / 86_400_000);
}

/**
 * How many matches are ranked at most: the newest-created ones (highest item id). A word rarer
 * than this in an edition has every match ranked; for one so common that more items hold it
 * (a "the" in 25,000 articles), ranking them all would cost a tenth of a second or more, and the
 * newest of them are what a reader of a news site wants. Paging ends after this many results.
 */
export const RANK_CANDIDATES = 1000;

/** Recency boost shared by both dialects' SQL: see SearchIndex. */
export const BOOST = { weight: 0.5, halfDays: 365 };
