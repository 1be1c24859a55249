export * from './content.types.js';
export * from './content.service.js';
export type { ListingFilter } from './content.repository.js';
export { sanitizeBody } from './body-html.js';
export { createItem, newItemSchema, type NewItem } from './item-writer.js';
