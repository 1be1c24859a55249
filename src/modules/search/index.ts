export { normalizeText, searchTokens } from './text-normalize.js';
export type { SearchIndex, SearchDocument, IndexQuery } from './search-index.js';
export { searchIndexFor } from './search-index-factory.js';
export { syncSearchEntries, forgetSearchEntries, rebuildSearchIndex } from './search-sync.js';
export { searchEdition, queryPhrases, SEARCHABLE_TYPES, MAX_QUERY_TERMS, type SearchableType, type SearchHit, type SearchPage, type SearchRequest } from './search.service.js';
export { snippetHtml } from './snippet.js';
export { SearchRateLimiter } from './search-rate-limit.js';
