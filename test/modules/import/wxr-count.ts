import { readFileSync } from 'node:fs';

/**
 * Counts what a WordPress export holds with plain regular expressions over its text — on
 * purpose not with the importer's parser, so the tests compare the import with an independent
 * reading of the file.
 */
export interface WxrCounts {
  postTypes: Record<string, { found: number; content: number }>;
  /** comments on posts and pages: all, and those of reader types */
  comments: { found: number; readers: number };
  categories: number;
  tags: number;
  authors: number;
}

const field = (item: string, name: string) => new RegExp(`<wp:${name}>(?:<!\\[CDATA\\[)?([^<\\]]*)`).exec(item)?.[1]?.trim() ?? '';

export function countWxr(file: URL | string): WxrCounts {
  const xml = readFileSync(file, 'utf8');
  const postTypes: WxrCounts['postTypes'] = {};
  const comments = { found: 0, readers: 0 };
  const categories = new Set<string>();
  const tags = new Set<string>();
  const authors = new Set<string>();
  for (const m of xml.matchAll(/<wp:category_nicename>(?:<!\[CDATA\[)?([^<\]]*)/g)) if (m[1]!.trim()) categories.add(m[1]!.trim());
  for (const m of xml.matchAll(/<wp:tag_slug>(?:<!\[CDATA\[)?([^<\]]*)/g)) if (m[1]!.trim()) tags.add(m[1]!.trim());
  for (const m of xml.matchAll(/<wp:author_login>(?:<!\[CDATA\[)?([^<\]]*)/g)) authors.add(m[1]!.trim());
  for (const [, item] of xml.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
    const type = field(item!, 'post_type');
    const status = field(item!, 'status');
    const counts = (postTypes[type] ??= { found: 0, content: 0 });
    counts.found++;
    if (!['trash', 'auto-draft', 'inherit'].includes(status)) counts.content++;
    const creator = /<dc:creator>(?:<!\[CDATA\[)?([^<\]]*)/.exec(item!)?.[1]?.trim();
    if (creator) authors.add(creator);
    for (const m of item!.matchAll(/<category domain="(category|post_tag|tag)" nicename="([^"]*)"/g)) (m[1] === 'category' ? categories : tags).add(m[2]!.trim());
    if (type === 'post' || type === 'page') {
      for (const [, c] of item!.matchAll(/<wp:comment>([\s\S]*?)<\/wp:comment>/g)) {
        comments.found++;
        if (['', 'comment', 'pingback', 'trackback'].includes(field(c!, 'comment_type'))) comments.readers++;
      }
    }
  }
  return { postTypes, comments, categories: categories.size, tags: tags.size, authors: authors.size };
}
