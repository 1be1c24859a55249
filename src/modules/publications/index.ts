export * from './publications.types.js';
export * from './publications.service.js';
