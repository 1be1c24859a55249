import { createHash } from 'node:crypto';
import type { ItemSpool } from './item-spool.js';
import { readWxr } from './wxr-reader.js';
import type { WxrAuthor, WxrChannel, WxrItem, WxrTerm } from './wxr.types.js';

/**
 * What the first reading of an export learns before anything is written: the file is whole and
 * well-formed, its site, authors and terms, its attachments (posts may name them before they
 * appear), how many items of each type it holds, and the site's time zone offset.
 */
export interface WxrScan {
  channel: WxrChannel;
  /** the WordPress site, by its blog address: imports of several sites never mix their ids */
  site: string;
  /** the path the old site lived under (`''` at the root, `/news` in a folder) */
  basePath: string;
  /** a short, stable name of the site for translation keys */
  siteTag: string;
  authors: Map<string, WxrAuthor>;
  categories: Map<string, WxrTerm>;
  tags: Map<string, WxrTerm>;
  attachments: WxrItem[];
  /** post id → its attachments' ids, in menu order */
  attachmentsByParent: Map<number, number[]>;
  /** items per WordPress post type */
  postTypes: Map<string, number>;
  /** every item's id → its type and permalink (to link pages to parents and redirect attachment pages) */
  items: Map<number, { postType: string; parent: number }>;
  /** creators named by items but not in the export's author list */
  undeclaredCreators: Set<string>;
  /** minutes east of UTC, read from items that carry both their local and their UTC date */
  utcOffsetMinutes: number;
  /** items in the file (every type), for progress */
  itemCount: number;
  /** digest of the file's identity, for its checkpoint */
  fileKey: string;
}

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A WordPress `Y-m-d H:i:s` as milliseconds, read as UTC; NaN for `0000-00-00 00:00:00` and other non-dates. */
export function wpDateMs(s: string): number {
  const m = WP_DATE.exec(s.trim());
  if (!m || m[1] === '0000') return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

/** Reads the whole file once, spooling its items other than attachments; throws ImportError for anything that makes it unimportable. */
export async function scanWxr(file: string, fileIdentity: string, spool: ItemSpool, onBytes?: (bytesRead: number) => void): Promise<WxrScan> {
  let channel: WxrChannel | undefined;
  const authors = new Map<string, WxrAuthor>();
  const categories = new Map<string, WxrTerm>();
  const tags = new Map<string, WxrTerm>();
  const attachments: WxrItem[] = [];
  const postTypes = new Map<string, number>();
  const items = new Map<number, { postType: string; parent: number }>();
  const creators = new Set<string>();
  const offsets = new Map<number, number>();
  let itemCount = 0;

  const addTerm = (map: Map<string, WxrTerm>, term: WxrTerm) => {
    if (term.slug && !map.has(term.slug)) map.set(term.slug, term);
  };
  for await (const event of readWxr(file, undefined, onBytes)) {
    if (event.type === 'channel') channel = event.channel;
    else if (event.type === 'author') {
      if (event.author.login && !authors.has(event.author.login)) authors.set(event.author.login, event.author);
    } else if (event.type === 'term') {
      if (event.term.taxonomy === 'category') addTerm(categories, event.term);
      else if (event.term.taxonomy === 'post_tag') addTerm(tags, event.term);
    } else {
      const item = event.item;
      itemCount++;
      postTypes.set(item.postType, (postTypes.get(item.postType) ?? 0) + 1);
      items.set(item.postId, { postType: item.postType, parent: item.postParent });
      if (item.creator) creators.add(item.creator);
      for (const t of item.terms) {
        if (t.domain === 'category') addTerm(categories, { taxonomy: 'category', termId: null, slug: t.slug, name: t.name || t.slug, parent: '', description: '' });
        else if (t.domain === 'post_tag') addTerm(tags, { taxonomy: 'post_tag', termId: null, slug: t.slug, name: t.name || t.slug, parent: '', description: '' });
      }
      const local = wpDateMs(item.postDate);
      const utc = wpDateMs(item.postDateGmt);
      if (!Number.isNaN(local) && !Number.isNaN(utc)) {
        const offset = Math.round((local - utc) / 60_000 / 15) * 15;
        offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
      }
      if (item.postType === 'attachment') attachments.push({ ...item, content: '', comments: [] });
      else await spool.write(item);
    }
  }
  // readWxr throws before the end when there is no channel.
  const ch = channel!;
  const site = (ch.baseBlogUrl || ch.baseSiteUrl || ch.link || 'wordpress').replace(/\/+$/, '');
  let basePath = '';
  try {
    basePath = new URL(site).pathname.replace(/\/+$/, '');
  } catch {
    // not an address: the site lived at the root
  }
  const byParent = new Map<number, WxrItem[]>();
  for (const a of attachments) {
    if (!a.postParent) continue;
    const list = byParent.get(a.postParent) ?? [];
    list.push(a);
    byParent.set(a.postParent, list);
  }
  const attachmentsByParent = new Map([...byParent].map(([parent, list]) => [parent, list.sort((x, y) => x.menuOrder - y.menuOrder || x.postId - y.postId).map((a) => a.postId)]));
  const undeclaredCreators = new Set([...creators].filter((c) => !authors.has(c)));
  const utcOffsetMinutes = [...offsets].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  return {
    channel: ch,
    site,
    basePath,
    siteTag: hash(site).slice(0, 10),
    authors,
    categories,
    tags,
    attachments,
    attachmentsByParent,
    postTypes,
    items,
    undeclaredCreators,
    utcOffsetMinutes,
    itemCount,
    fileKey: hash(`${site}\n${fileIdentity}`),
  };
}
