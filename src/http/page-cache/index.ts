export { PageCache, type CachedPage } from './page-cache.js';
export { ChangeFollower } from './change-follower.js';
export { registerHttpCaching } from './http-caching.js';
export { pageShowsItems, pageTag, tagPage } from './page-tags.js';
