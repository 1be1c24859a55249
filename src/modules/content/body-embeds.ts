import { escapeHtml } from '#jsx/jsx-runtime';
import { parseVideoLink } from '../../lib/video-links.js';

/**
 * Turns a video address standing alone in a paragraph into a player, on save, in sanitized HTML:
 * - an MP4/WebM file becomes `<video controls preload="metadata">` (its link kept as the fallback);
 * - a YouTube or Vimeo page becomes `<figure class="video-embed">` around the link, which the
 *   public script turns into a click-to-load player: nothing is asked of YouTube or Vimeo until
 *   the reader clicks, and without script the link still leads to the video.
 * The figure keeps the plain link inside, so an editor that does not know it reads back a link
 * and the next save makes the same figure again.
 */

// A paragraph (any attributes) holding only one link, or only one bare address.
const LONE_LINK = /<p(?:\s[^>]*)?>\s*(?:<a\s[^>]*?href="([^"]*)"[^>]*>((?:(?!<\/a>|<a[\s>]|<\/?p[\s>])[\s\S])*)<\/a>|(https?:\/\/[^\s<>"]+))\s*<\/p>/g;

const ENTITY: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const unescape = (s: string) => s.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITY[e]!);

/** Body HTML (already sanitized) with lone video links made players. */
export function embedVideos(html: string): string {
  if (!html.includes('<p')) return html;
  return html.replace(LONE_LINK, (whole, href: string | undefined, text: string | undefined, bare: string | undefined) => {
    const address = href !== undefined ? unescape(href) : unescape(bare!);
    const video = parseVideoLink(address);
    if (!video) return whole;
    const url = escapeHtml(address);
    const label = text !== undefined ? text : escapeHtml(address);
    const rel = /^https?:\/\//i.test(address) ? ' rel="noopener noreferrer"' : '';
    if (video.kind === 'file') return `<video src="${url}" controls preload="metadata"><a href="${url}"${rel}>${label}</a></video>`;
    return `<figure class="video-embed"><a href="${url}"${rel} class="video-embed-link">${label}</a></figure>`;
  });
}

// A quoted tweet as Twitter's and WordPress's embed code writes it (its script already removed by
// the sanitizer), or as this rule wrote it before (so a second save gives the same body).
const TWEET_QUOTE = /<blockquote\s[^>]*?class="[^"]*\b(?:twitter-tweet|tweet-embed)\b[^"]*"[^>]*>((?:(?!<\/?blockquote[\s>])[\s\S])*)<\/blockquote>/g;
const STATUS_LINK = /(<a\s[^>]*?href=")(https?:\/\/(?:www\.|mobile\.)?(twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{1,25})[^"]*)"/g;

/**
 * Body HTML (already sanitized) with quoted tweets made a styled `<blockquote class="tweet-embed">`
 * citing the original, whose link (the tweet's date) is kept and cleaned of tracking parameters.
 * No script of Twitter/X is ever loaded: the quote is the tweet's text as the author pasted it.
 */
export function embedTweets(html: string): string {
  if (!html.includes('<blockquote')) return html;
  return html.replace(TWEET_QUOTE, (whole, inner: string) => {
    let original: string | undefined;
    const cleaned = inner.replace(STATUS_LINK, (_m, start: string, _href: string, host: string, user: string, id: string) => {
      original = `https://${host}.com/${user}/status/${id}`;
      return `${start}${original}"`;
    });
    if (!original) return whole;
    return `<blockquote class="tweet-embed" cite="${original}">${cleaned}</blockquote>`;
  });
}
