import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import { ImportError } from './import.errors.js';
import type { WxrAuthor, WxrChannel, WxrComment, WxrEvent, WxrItem, WxrTerm } from './wxr.types.js';

/** The WXR versions WordPress has written (1.0 up to WordPress 3.0, 1.1, 1.2 since 3.1). */
export const WXR_VERSIONS = ['1.0', '1.1', '1.2'];

/** A small element tree, built only for one `<item>` (or author, term) at a time. */
interface XNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XNode[];
}

/** Channel children read whole, each into one event. */
const CAPTURED = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term']);
const CHANNEL_FIELDS: Record<string, keyof WxrChannel> = {
  title: 'title',
  link: 'link',
  pubDate: 'pubDate',
  language: 'language',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};

const child = (n: XNode, name: string) => n.children.find((c) => c.name === name);
const text = (n: XNode, name: string) => child(n, name)?.text.trim() ?? '';
/** Post content keeps its spacing: wpautop reads the line breaks. */
const raw = (n: XNode, name: string) => child(n, name)?.text ?? '';
const int = (n: XNode, name: string) => {
  const v = Number.parseInt(text(n, name), 10);
  return Number.isFinite(v) ? v : 0;
};
const intOrNull = (n: XNode, name: string) => (text(n, name) === '' ? null : int(n, name));

function toAuthor(n: XNode): WxrAuthor {
  return {
    id: intOrNull(n, 'wp:author_id'),
    login: text(n, 'wp:author_login'),
    email: text(n, 'wp:author_email'),
    displayName: text(n, 'wp:author_display_name'),
    firstName: text(n, 'wp:author_first_name'),
    lastName: text(n, 'wp:author_last_name'),
  };
}

function toTerm(n: XNode): WxrTerm {
  if (n.name === 'wp:category') {
    return { taxonomy: 'category', termId: intOrNull(n, 'wp:term_id'), slug: text(n, 'wp:category_nicename'), name: text(n, 'wp:cat_name'), parent: text(n, 'wp:category_parent'), description: text(n, 'wp:category_description') };
  }
  if (n.name === 'wp:tag') {
    return { taxonomy: 'post_tag', termId: intOrNull(n, 'wp:term_id'), slug: text(n, 'wp:tag_slug'), name: text(n, 'wp:tag_name'), parent: '', description: text(n, 'wp:tag_description') };
  }
  return { taxonomy: text(n, 'wp:term_taxonomy'), termId: intOrNull(n, 'wp:term_id'), slug: text(n, 'wp:term_slug'), name: text(n, 'wp:term_name'), parent: text(n, 'wp:term_parent'), description: text(n, 'wp:term_description') };
}

function toComment(n: XNode): WxrComment {
  return {
    id: int(n, 'wp:comment_id'),
    author: text(n, 'wp:comment_author'),
    authorEmail: text(n, 'wp:comment_author_email'),
    authorUrl: text(n, 'wp:comment_author_url'),
    authorIp: text(n, 'wp:comment_author_IP'),
    date: text(n, 'wp:comment_date'),
    dateGmt: text(n, 'wp:comment_date_gmt'),
    content: raw(n, 'wp:comment_content'),
    approved: text(n, 'wp:comment_approved'),
    type: text(n, 'wp:comment_type'),
    parent: int(n, 'wp:comment_parent'),
    userId: int(n, 'wp:comment_user_id'),
  };
}

/** An item without `<wp:post_id>` (hand-made exports) is known by the id in its guid or link, else by its place in the file. */
function postIdOf(n: XNode, position: number): number {
  const id = int(n, 'wp:post_id');
  if (id > 0) return id;
  const fromUrl = /[?&](?:p|page_id|attachment_id)=(\d{1,12})\b/.exec(`${text(n, 'guid')} ${text(n, 'link')}`)?.[1];
  return fromUrl ? Number(fromUrl) : 1_000_000_000 + position;
}

function toItem(n: XNode, position: number): WxrItem {
  const meta = new Map<string, string>();
  const terms: WxrItem['terms'] = [];
  const comments: WxrComment[] = [];
  for (const c of n.children) {
    if (c.name === 'wp:postmeta') {
      const key = text(c, 'wp:meta_key');
      if (key && !meta.has(key)) meta.set(key, raw(c, 'wp:meta_value'));
    } else if (c.name === 'category' && c.attrs.nicename !== undefined) {
      // WXR 1.0 spelled post tags `tag`.
      const domain = c.attrs.domain === 'tag' ? 'post_tag' : (c.attrs.domain ?? 'category');
      terms.push({ domain, slug: c.attrs.nicename.trim(), name: c.text.trim() });
    } else if (c.name === 'wp:comment') {
      comments.push(toComment(c));
    }
  }
  return {
    title: text(n, 'title'),
    link: text(n, 'link'),
    pubDate: text(n, 'pubDate'),
    creator: text(n, 'dc:creator'),
    guid: text(n, 'guid'),
    content: raw(n, 'content:encoded'),
    excerpt: raw(n, 'excerpt:encoded'),
    postId: postIdOf(n, position),
    postDate: text(n, 'wp:post_date'),
    postDateGmt: text(n, 'wp:post_date_gmt'),
    commentStatus: text(n, 'wp:comment_status'),
    postName: text(n, 'wp:post_name'),
    status: text(n, 'wp:status'),
    postParent: int(n, 'wp:post_parent'),
    menuOrder: int(n, 'wp:menu_order'),
    postType: text(n, 'wp:post_type'),
    isSticky: text(n, 'wp:is_sticky') === '1',
    postPassword: text(n, 'wp:post_password'),
    attachmentUrl: text(n, 'wp:attachment_url'),
    terms,
    meta,
    comments,
  };
}

function toEvent(n: XNode, position: number): WxrEvent {
  if (n.name === 'item') return { type: 'item', item: toItem(n, position) };
  if (n.name === 'wp:author') return { type: 'author', author: toAuthor(n) };
  return { type: 'term', term: toTerm(n) };
}

/**
 * Reads a WordPress export as a stream of events — the channel's header, then each author, term
 * and item in file order — with memory bounded by the largest single item, whatever the file's
 * size. A document type declaration is refused outright (entity expansion and external entities
 * are never processed), and so is anything that is not well-formed XML or not a WXR of a known
 * version: an ImportError naming the line.
 */
export async function* readWxr(file: string, chunkBytes = 256 * 1024, onBytes?: (bytesRead: number) => void): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const out: WxrEvent[] = [];
  const names: string[] = [];
  const channel: WxrChannel = { title: '', link: '', pubDate: '', language: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' };
  let headerSent = false;
  let channelText: keyof WxrChannel | null = null;
  let sawChannel = false;
  let items = 0;
  // The subtree being captured: its path of open nodes, root first.
  const open: XNode[] = [];
  const where = () => `line ${parser.line}, column ${parser.column}`;

  const sendHeader = () => {
    if (headerSent) return;
    headerSent = true;
    if (!channel.wxrVersion) throw new ImportError('not a WordPress export: the file has no <wp:wxr_version> before its content');
    if (!WXR_VERSIONS.includes(channel.wxrVersion)) {
      throw new ImportError(`unknown WXR version "${channel.wxrVersion.slice(0, 40)}": nashr reads WordPress exports of version ${WXR_VERSIONS.join(', ')}`);
    }
    out.push({ type: 'channel', channel: { ...channel } });
  };

  parser.on('doctype', () => {
    throw new ImportError(`the file declares a document type (${where()}): WordPress exports have none, and nashr refuses them so entity declarations (entity expansion, external entities) are never read`);
  });
  parser.on('opentag', (tag) => {
    const depth = names.length;
    names.push(tag.name);
    if (depth === 0 && tag.name !== 'rss') throw new ImportError(`not a WordPress export: the document is <${tag.name}>, not <rss>`);
    if (depth === 1 && tag.name === 'channel') sawChannel = true;
    if (open.length) {
      const node: XNode = { name: tag.name, attrs: tag.attributes as Record<string, string>, text: '', children: [] };
      open[open.length - 1]!.children.push(node);
      open.push(node);
    } else if (depth === 2 && names[1] === 'channel' && CAPTURED.has(tag.name)) {
      sendHeader();
      open.push({ name: tag.name, attrs: tag.attributes as Record<string, string>, text: '', children: [] });
    } else if (depth === 2 && names[1] === 'channel') {
      channelText = CHANNEL_FIELDS[tag.name] ?? null;
      if (channelText) channel[channelText] = '';
    }
  });
  const onText = (t: string) => {
    if (open.length) open[open.length - 1]!.text += t;
    else if (channelText) channel[channelText] += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    names.pop();
    if (open.length) {
      const node = open.pop()!;
      if (!open.length) out.push(toEvent(node, node.name === 'item' ? ++items : 0));
    } else if (channelText) {
      channel[channelText] = channel[channelText].trim();
      channelText = null;
    }
  });

  const fail = (err: unknown): never => {
    if (err instanceof ImportError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new ImportError(`not well-formed XML: ${message.replace(/^[^:]*:\d+:\d+: /, '')} (${where()})`, { cause: err });
  };

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      try {
        parser.write(chunk);
      } catch (err) {
        fail(err);
      }
      onBytes?.(stream.bytesRead);
      if (out.length) yield* out.splice(0);
    }
    try {
      parser.close();
    } catch (err) {
      fail(err);
    }
  } finally {
    stream.destroy();
  }
  if (!sawChannel) throw new ImportError('not a WordPress export: the file has no <channel>');
  sendHeader();
  if (out.length) yield* out.splice(0);
}
