export * from './feed.types.js';
export { feedPage, findPeriodical, FEED_TYPES, MAX_FEED_PAGE, type FeedFilter } from './feeds.service.js';
export { renderRss } from './rss.js';
export { renderAtom } from './atom.js';
export { renderJsonFeed } from './json-feed.js';
export { absolutizeHtml, absoluteUrl } from './absolute-urls.js';
export { escapeXml, xmlSafeText } from './xml.js';
