import { escapeHtml } from '#jsx/jsx-runtime';
import { sanitizeBody } from '../content/index.js';
import { replaceShortcodes, type Shortcode } from './wp-shortcodes.js';
import { wpautop } from './wpautop.js';

/** A file of the media library as a converted body refers to it. */
export interface BodyMedia {
  url: string;
  kind: 'image' | 'pdf' | 'video';
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  /** JPEG variants of an image, narrowest first */
  variants: { url: string; width: number }[];
}

/** What the conversion asks of the import: the new files of the old site's uploads. */
export interface BodyContext {
  /** the post the body belongs to (a `[gallery]` without ids shows its attachments) */
  postId: number;
  /** the new file for a path under `wp-content/uploads/` (`2019/05/photo.jpg`) */
  mediaByUploadPath(path: string): BodyMedia | undefined;
  mediaByAttachmentId(id: number): BodyMedia | undefined;
  /** an attachment not in the library (no --uploads, or its file missing): its old address, so a gallery still shows it */
  originalAttachment?(id: number): BodyMedia | undefined;
  /** the attachment ids of a post, in their menu order */
  attachmentsOf(postId: number): number[];
  /** an unknown shortcode, kept as text */
  onUnknownShortcode(name: string): void;
}

const BLOCK_COMMENT = /<!--\s*\/?wp:[\s\S]*?-->/g;
// A block editor embed: the address alone inside its wrapper.
const BLOCK_EMBED = /<figure[^>]*\bwp-block-embed\b[^>]*>\s*<div[^>]*\bwp-block-embed__wrapper\b[^>]*>\s*(https?:\/\/[^\s<]+)\s*<\/div>(?:\s*<figcaption[^>]*>([\s\S]*?)<\/figcaption>)?\s*<\/figure>/g;
// An address alone on its line: WordPress embeds it (oEmbed); nashr makes it a link paragraph
// that body-embeds.ts turns into a player where it knows the site.
const BARE_URL_LINE = /^[ \t]*(https?:\/\/[^\s<>"'\]]+)[ \t]*$/gm;
const UPLOADS = /\/wp-content\/uploads\/(?:sites\/\d+\/)?([^?#"'\s]+)/;

/** `path` under uploads with WordPress's size suffix (`-300x200`) or `-scaled` removed: the original file. */
export function originalUploadPath(path: string): string {
  return path.replace(/-(?:\d+x\d+|scaled)(\.[A-Za-z0-9]+)$/, '$1');
}

function uploadPathOf(url: string): string | undefined {
  const m = UPLOADS.exec(url.replace(/&amp;/g, '&'));
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1];
  }
}

function findMedia(ctx: BodyContext, url: string): BodyMedia | undefined {
  const path = uploadPathOf(url);
  if (!path) return undefined;
  return ctx.mediaByUploadPath(path) ?? ctx.mediaByUploadPath(originalUploadPath(path));
}

function imgTag(m: BodyMedia, alt: string): string {
  const srcset = m.variants.length > 1 ? ` srcset="${escapeHtml(m.variants.map((v) => `${v.url} ${v.width}w`).join(', '))}" sizes="(max-width: 48rem) 100vw, 48rem"` : '';
  const size = m.width && m.height ? ` width="${m.width}" height="${m.height}"` : '';
  return `<img src="${escapeHtml(m.url)}"${srcset} alt="${escapeHtml(alt)}"${size} loading="lazy">`;
}

const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);

/** `<img>` of an old upload made the library's image (with its variants); `href`/`src` of other uploads their new address. */
function rewriteUploads(html: string, ctx: BodyContext): string {
  if (!html.includes('wp-content/uploads')) return html;
  let out = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = attrOf(tag, 'src');
    const media = src ? findMedia(ctx, src[2] ?? src[3] ?? '') : undefined;
    if (!media || media.kind !== 'image') return tag;
    const alt = attrOf(tag, 'alt');
    return imgTag(media, alt ? (alt[2] ?? alt[3] ?? '') : media.alt);
  });
  out = out.replace(/(\s(?:href|src)\s*=\s*)("([^"]*)"|'([^']*)')/gi, (whole, start: string, _q, dq: string | undefined, sq: string | undefined) => {
    const media = findMedia(ctx, dq ?? sq ?? '');
    return media ? `${start}"${escapeHtml(media.url)}"` : whole;
  });
  return out;
}

function figure(inner: string, caption: string): string {
  return `<figure>${inner}${caption.trim() ? `<figcaption>${caption.trim()}</figcaption>` : ''}</figure>`;
}

/** `[caption]<a><img></a> text[/caption]`: the image and its caption as a figure. */
function caption(s: Shortcode): string {
  const content = s.content ?? '';
  const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  if (!m) return figure(content, s.attrs.caption ?? '');
  return figure(m[1]!, s.attrs.caption ?? m[2]!);
}

function gallery(s: Shortcode, ctx: BodyContext): string {
  const listed = (v: string | undefined) => (v ?? '').split(',').map((x) => Number.parseInt(x.trim(), 10)).filter((n) => Number.isFinite(n) && n > 0);
  let ids = listed(s.attrs.ids ?? s.attrs.include);
  if (!ids.length) {
    const exclude = new Set(listed(s.attrs.exclude));
    ids = ctx.attachmentsOf(Number.parseInt(s.attrs.id ?? '', 10) || ctx.postId).filter((id) => !exclude.has(id));
  }
  const figures = ids
    .map((id) => ctx.mediaByAttachmentId(id) ?? ctx.originalAttachment?.(id))
    .filter((m): m is BodyMedia => m?.kind === 'image')
    .map((m) => figure(imgTag(m, m.alt), escapeHtml(m.caption)));
  return figures.length ? `\n\n<section class="gallery">${figures.join('')}</section>\n\n` : '';
}

/** A media address from a shortcode's attributes, made the new file's when it was an upload. */
function mediaAddress(s: Shortcode, keys: string[], ctx: BodyContext): string | undefined {
  for (const key of keys) {
    const v = s.attrs[key]?.trim();
    if (v && /^https?:\/\//i.test(v)) return findMedia(ctx, v)?.url ?? v;
  }
  return undefined;
}

function linkParagraph(url: string, label = url): string {
  return `\n\n<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>\n\n`;
}

function convertShortcode(s: Shortcode, ctx: BodyContext): string | undefined {
  switch (s.name) {
    case 'caption':
    case 'wp_caption':
      return caption(s);
    case 'gallery':
      return gallery(s, ctx);
    case 'embed': {
      const url = (s.content ?? '').trim();
      return /^https?:\/\/\S+$/i.test(url) ? linkParagraph(url.replace(/&amp;/g, '&')) : '';
    }
    case 'video': {
      const url = mediaAddress(s, ['mp4', 'webm', 'src', 'm4v', 'ogv', 'wmv', 'flv'], ctx);
      return url ? linkParagraph(url) : '';
    }
    case 'audio': {
      const url = mediaAddress(s, ['mp3', 'src', 'ogg', 'm4a', 'wav'], ctx);
      return url ? linkParagraph(url, decodeURIComponent(url.split('/').pop() ?? url)) : '';
    }
    default:
      return undefined;
  }
}

/**
 * A WordPress post body as nashr stores it: block comments removed, WordPress's automatic
 * paragraphs applied to classic (non-block) content, `[caption]`, `[gallery]`, `[embed]`,
 * `[video]` and `[audio]` and lone addresses turned into nashr's own markup, other shortcodes kept
 * as text (and reported), links and images of `wp-content/uploads` pointed at the media library,
 * and the whole sanitized like any body.
 */
export function convertWordpressBody(raw: string, ctx: BodyContext): string {
  return sanitizeBody(convertWordpressHtml(raw, ctx));
}

/** The conversion before sanitizing, for a writer that sanitizes on save anyway (createItem). */
export function convertWordpressHtml(raw: string, ctx: BodyContext): string {
  let html = raw.replace(/\r\n?/g, '\n');
  const blocks = BLOCK_COMMENT.test(html);
  BLOCK_COMMENT.lastIndex = 0;
  // WordPress's own markers (<!--more-->, <!--nextpage-->) and other comments mean nothing here.
  html = html.replace(/<!--(?!\s*\/?wp:)[\s\S]*?-->/g, '');
  if (blocks) html = html.replace(BLOCK_COMMENT, '').replace(BLOCK_EMBED, (_m, url: string, cap?: string) => `\n\n${url}\n\n${cap?.trim() ? `<p>${cap.trim()}</p>` : ''}`);
  // Converted shortcodes wait as empty <pre> placeholders, which wpautop leaves alone (as
  // WordPress runs shortcodes after wpautop).
  const converted: string[] = [];
  html = replaceShortcodes(
    html,
    (s) => {
      const out = convertShortcode(s, ctx);
      if (out === undefined) return undefined;
      converted.push(out.trim());
      return `\n\n<pre nashr-shortcode-${converted.length - 1}></pre>\n\n`;
    },
    ctx.onUnknownShortcode,
  );
  html = html.replace(BARE_URL_LINE, (_m, url: string) => linkParagraph(url.replace(/&amp;/g, '&')));
  if (!blocks) html = wpautop(html);
  html = html.replace(/<pre nashr-shortcode-(\d+)><\/pre>/g, (_m, i: string) => converted[Number(i)]!).replace(/\n{3,}/g, '\n\n');
  return rewriteUploads(html, ctx);
}
