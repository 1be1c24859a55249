/** What a WordPress export (WXR) says about the site it came from. */
export interface WxrChannel {
  title: string;
  link: string;
  pubDate: string;
  language: string;
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  id: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

/** A category, tag or other term, from the channel's list or from an item's own `<category>`. */
export interface WxrTerm {
  /** category | post_tag | language | post_translations | … */
  taxonomy: string;
  termId: number | null;
  slug: string;
  name: string;
  /** the parent's slug (WordPress exports parents by slug) */
  parent: string;
  description: string;
}

export interface WxrComment {
  id: number;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  /** 1 | 0 | spam | trash | post-trashed */
  approved: string;
  /** '' | comment | pingback | trackback | … */
  type: string;
  parent: number;
  userId: number;
}

/** A post, page, attachment or other post type, with its terms, meta and comments. */
export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: number;
  postDate: string;
  postDateGmt: string;
  commentStatus: string;
  postName: string;
  status: string;
  postParent: number;
  menuOrder: number;
  postType: string;
  isSticky: boolean;
  /** a password-protected post's password: such a post is not made public */
  postPassword: string;
  attachmentUrl: string;
  /** item-level `<category domain nicename>` (only those with a nicename, as WordPress's own importer reads them) */
  terms: { domain: string; slug: string; name: string }[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export type WxrEvent =
  | { type: 'channel'; channel: WxrChannel }
  | { type: 'author'; author: WxrAuthor }
  | { type: 'term'; term: WxrTerm }
  | { type: 'item'; item: WxrItem };
