/**
 * Which video addresses nashr knows how to show: YouTube and Vimeo pages (shown as a
 * click-to-load poster, framed only when the reader asks) and direct MP4/WebM files (a `<video>`).
 * The public script (themes/default/assets/site.js) recognizes the same page addresses.
 */

export type VideoLink =
  | { kind: 'embed'; provider: 'youtube' | 'vimeo'; id: string; pageUrl: string; embedUrl: string }
  | { kind: 'file'; url: string; mime: 'video/mp4' | 'video/webm' };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** Hosts the click-to-load player frames; the CSP's frame-src names exactly these. */
export const EMBED_FRAME_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'] as const;

function youtubeId(u: URL): string | null {
  const host = u.hostname.replace(/^(www\.|m\.)/, '');
  let id: string | null = null;
  if (host === 'youtu.be') id = u.pathname.slice(1).split('/')[0] ?? null;
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    if (u.pathname === '/watch') id = u.searchParams.get('v');
    else {
      const m = /^\/(?:embed|shorts|live|v)\/([^/]+)/.exec(u.pathname);
      id = m?.[1] ?? null;
    }
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

function vimeoId(u: URL): string | null {
  const host = u.hostname.replace(/^www\./, '');
  if (host === 'vimeo.com') return /^\/(\d{1,12})\/?$/.exec(u.pathname)?.[1] ?? null;
  if (host === 'player.vimeo.com') return /^\/video\/(\d{1,12})\/?$/.exec(u.pathname)?.[1] ?? null;
  return null;
}

/** What an address is as a video, or null. Relative `/…` paths count as files of this site. */
export function parseVideoLink(address: string): VideoLink | null {
  let u: URL;
  try {
    u = new URL(address, 'http://relative.invalid');
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const relative = u.host === 'relative.invalid';
  if (relative && !address.startsWith('/')) return null;
  if (!relative) {
    const yt = youtubeId(u);
    if (yt) return { kind: 'embed', provider: 'youtube', id: yt, pageUrl: `https://www.youtube.com/watch?v=${yt}`, embedUrl: `https://www.youtube-nocookie.com/embed/${yt}?autoplay=1` };
    const vi = vimeoId(u);
    if (vi) return { kind: 'embed', provider: 'vimeo', id: vi, pageUrl: `https://vimeo.com/${vi}`, embedUrl: `https://player.vimeo.com/video/${vi}?autoplay=1&dnt=1` };
  }
  const ext = /\.(mp4|webm)$/i.exec(u.pathname)?.[1]?.toLowerCase();
  if (ext) return { kind: 'file', url: address, mime: ext === 'mp4' ? 'video/mp4' : 'video/webm' };
  return null;
}

/** The origin of an absolute http(s) address other than this site's own paths, for a CSP source list. */
export function foreignOrigin(address: string): string | null {
  if (!/^https?:\/\//i.test(address)) return null;
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}
