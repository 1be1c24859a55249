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
