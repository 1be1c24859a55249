export { changesSince, itemFacts, itemsByAuthor, itemsShowingMedia, latestChange, pruneChanges, type Change, type ChangeScope } from './change-log.js';
export type { ChangeTable } from './change.table.js';
