import { gzipSync } from 'node:zlib';

export interface PageWeight {
  url: string;
  files: { url: string; kind: 'html' | 'css' | 'js'; bytes: number; gzipBytes: number }[];
  gzipKB: number;
  /** absolute URLs in src/href/srcset of <link>, <script>, <img>, <source> that point to another host */
  thirdParty: string[];
}

const TAG = /<(link|script|img|source)\b[^>]*>/gi;
const ATTR = /\b(src|href|srcset|rel)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&quot;/g, '"');

async function fetchBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * What a first visit to a page downloads in text: its HTML plus the stylesheets and scripts it
 * references, each gzip-compressed (zlib, default level). `sameHosts` are the server's own hosts.
 */
export async function pageWeight(url: string, sameHosts: string[]): Promise<PageWeight> {
  const html = await fetchBytes(url);
  const files: PageWeight['files'] = [{ url, kind: 'html', bytes: html.length, gzipBytes: gzipSync(html).length }];
  const thirdParty: string[] = [];
  const assets: { url: string; kind: 'css' | 'js' }[] = [];
  for (const [tag, name] of html.toString('utf8').matchAll(TAG)) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(ATTR)) attrs.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
    const refs = [attrs.get('src'), attrs.get('href'), ...(attrs.get('srcset')?.split(',').map((c) => c.trim().split(/\s+/)[0]) ?? [])];
    for (const ref of refs) {
      if (ref && /^(https?:)?\/\//i.test(ref) && !sameHosts.includes(new URL(ref, url).host)) thirdParty.push(ref);
    }
    const kind = name!.toLowerCase();
    if (kind === 'link' && /\bstylesheet\b/i.test(attrs.get('rel') ?? '') && attrs.get('href')) assets.push({ url: new URL(attrs.get('href')!, url).href, kind: 'css' });
    if (kind === 'script' && attrs.get('src')) assets.push({ url: new URL(attrs.get('src')!, url).href, kind: 'js' });
  }
  for (const a of assets) {
    const body = await fetchBytes(a.url);
    files.push({ ...a, bytes: body.length, gzipBytes: gzipSync(body).length });
  }
  const gzipKB = files.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
  return { url, files, gzipKB, thirdParty: [...new Set(thirdParty)] };
}
