export { PageCache, type CachedPage } from './page-cache.js';
export { ChangeFollower } from './change-follower.js';
export { frontDoor, registerHttpCaching } from './http-caching.js';
export type { CachedAnswers } from './cached-answers.js';
export { pageShowsItems, pageTag, tagPage } from './page-tags.js';
