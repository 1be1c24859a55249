export { CategoryTree, type CategoryNode } from './category-tree.js';
export * from './taxonomy.service.js';
export { createCategory, createTag } from './taxonomy.writer.js';
