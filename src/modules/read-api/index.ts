export type { ItemQuery, ItemSort } from './read-api.repository.js';
export * from './read-api.types.js';
export { listItems, getItem, categoryIdsFor, tagIdsFor, listCategories, listTags, type ReadPage } from './read-api.service.js';
