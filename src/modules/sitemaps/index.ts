export * from './sitemap-xml.js';
export * from './sitemap.service.js';
