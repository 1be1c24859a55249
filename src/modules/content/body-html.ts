import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import { embedTweets, embedVideos } from './body-embeds.js';

/** The HTML an item body may keep. Anything else is removed on save, before it reaches the database. */
const options: SanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'cite', 'figure', 'figcaption', 'ul', 'ol', 'li',
    'a', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup', 'code', 'pre', 'hr', 'img', 'picture', 'source',
    'video', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'bdi', 'span', 'section', 'aside',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'id', 'hreflang'],
    img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading'],
    source: ['srcset', 'type', 'sizes', 'src'],
    video: ['src', 'controls', 'poster', 'preload', 'width', 'height'],
    blockquote: ['cite', 'class'],
    section: ['class'],
    aside: ['class'],
    ol: ['start', 'class'],
    li: ['id'],
    sup: ['id'],
    th: ['scope'],
    td: ['colspan', 'rowspan'],
    '*': ['dir', 'lang'],
  },
  // Only the classes of the click-to-load video poster (body-embeds.ts); `class` on other tags stays as it was.
  allowedClasses: { figure: ['video-embed'], a: ['video-embed-link'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs };
    },
  },
};

let sanitizeHtml: typeof SanitizeHtml | undefined;

/**
 * Cleans body HTML against nashr's allowlist, then makes lone video links players and quoted
 * tweets styled quotes (on clean HTML, so only checked addresses become embeds). The sanitizer loads on first use: reading pages never needs it.
 */
export function sanitizeBody(html: string): string {
  sanitizeHtml ??= createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml;
  return embedTweets(embedVideos(sanitizeHtml(html, options)));
}
