import { digest, type ImportRun } from './import-run.js';
import { ensureCategory, ensureTag, termSlug } from './import-terms.js';
import { convertWordpressHtml } from './wordpress-body.js';
import { wpDateMs } from './wxr-scan.js';
import { htmlToPlain } from './wp-text.js';
import type { WxrItem } from './wxr.types.js';

/** WordPress statuses that are not content: never imported. */
const NOT_CONTENT = new Set(['trash', 'auto-draft', 'inherit']);
const MIN_DATE = Date.UTC(1900, 0, 1);
const MAX_DATE = Date.UTC(2200, 0, 1);

/** The public date: the UTC date, else the local one in the site's offset; out of range, the export's own date (with a warning). */
function publishDate(run: ImportRun, item: WxrItem): { iso: string; problem?: string } {
  const gmt = wpDateMs(item.postDateGmt);
  const local = wpDateMs(item.postDate);
  const ms = !Number.isNaN(gmt) ? gmt : !Number.isNaN(local) ? local - run.scan.utcOffsetMinutes * 60_000 : Date.parse(item.pubDate);
  if (!Number.isNaN(ms) && ms >= MIN_DATE && ms <= MAX_DATE) return { iso: new Date(ms).toISOString() };
  const exported = Date.parse(run.scan.channel.pubDate);
  const fallback = Number.isNaN(exported) || exported < MIN_DATE || exported > MAX_DATE ? Date.UTC(2000, 0, 1) : exported;
  const given = item.postDateGmt || item.postDate || item.pubDate || 'none';
  return { iso: new Date(fallback).toISOString(), problem: `its date (${given.slice(0, 40)}) is missing or out of range: dated ${new Date(fallback).toISOString().slice(0, 10)} instead` };
}

type ItemStatus = 'draft' | 'pending' | 'scheduled' | 'published';

/** nashr's status for WordPress's; private and password-protected posts stay out of public view as drafts. */
function itemStatus(item: WxrItem, iso: string, now: number): { status: ItemStatus; problem?: string } {
  const future = Date.parse(iso) > now;
  const live = future ? 'scheduled' : 'published';
  let result: ReturnType<typeof itemStatus>;
  if (item.status === 'publish' || item.status === 'future') result = { status: live };
  else if (item.status === 'draft' || item.status === 'pending') result = { status: item.status };
  else if (item.status === 'private') result = { status: 'draft', problem: 'private in WordPress: imported as a draft, so it stays out of public view' };
  else result = { status: 'draft', problem: `WordPress status "${item.status.slice(0, 40)}": imported as a draft` };
  if (item.postPassword && (result.status === 'published' || result.status === 'scheduled')) {
    return { status: 'draft', problem: 'password-protected in WordPress: imported as a draft, so its text is not made public' };
  }
  return result;
}

/** The first category of the post (one other than "uncategorized" when it has one): a nashr item has one. */
function mainCategory(item: WxrItem): string | undefined {
  const cats = item.terms.filter((t) => t.domain === 'category').map((t) => t.slug);
  return cats.find((c) => c !== 'uncategorized') ?? cats[0];
}

/** What an item of the export becomes, before its slug is settled; `hash` is what the next import compares. */
export interface PostFields {
  title: string;
  excerpt: string;
  /** converted, not yet sanitized */
  bodyHtml: string;
  status: ItemStatus;
  publishedAt: string;
  authorId: number | null;
  featuredMediaId: number | null;
  categoryId: number | null;
  tagIds: number[];
  translationKey: string | null;
  /** sticky in WordPress */
  pinned: boolean;
}

/** A post, page or mapped custom post of the export, read and converted, its terms made. */
export interface PreparedPost {
  item: WxrItem;
  /** the report's kind (article, page, …) and the nashr type */
  kind: string;
  type: string;
  /** the plain title as WordPress had it ('' when it had none) */
  title: string;
  edition: string;
  date: { iso: string; problem?: string };
  statusProblem?: string;
  wantedSlug: string;
  fields: PostFields;
  hash: string;
  warn(message: string): void;
}

/**
 * Reads one item of the export into what it becomes (counting it as found); undefined when it
 * is not imported (not mapped, or not content), counted as skipped. Its category and tags are
 * made on first use.
 */
export async function preparePost(run: ImportRun, item: WxrItem): Promise<PreparedPost | undefined> {
  const mapped = run.mapping.get(item.postType);
  const kind = mapped && mapped !== 'skip' ? mapped : item.postType;
  run.report.add(kind, 'found');
  if (!mapped || mapped === 'skip') {
    run.report.add(kind, 'skipped');
    return undefined;
  }
  const title = htmlToPlain(item.title).replace(/\s+/g, ' ').trim().slice(0, 500);
  const warn = (message: string) => run.report.warn({ kind, wpId: item.postId, title: title || undefined, message });
  if (NOT_CONTENT.has(item.status)) {
    run.report.add(kind, 'skipped');
    if (item.status === 'trash') warn('in the trash: not imported');
    return undefined;
  }
  // Sticky posts become pinned items: the report counts them apart as well.
  if (item.isSticky) run.report.add('pinned', 'found');
  const edition = run.editionOf(item);
  const date = publishDate(run, item);
  const status = itemStatus(item, date.iso, Date.now());
  const wantedSlug = termSlug(item.postName, title, `${item.postType}-${item.postId}`).slice(0, 190);
  const categorySlug = mainCategory(item);
  const category = categorySlug ? await ensureCategory(run, edition, categorySlug) : undefined;
  const tagIds: number[] = [];
  for (const t of item.terms) {
    if (t.domain !== 'post_tag') continue;
    const tag = await ensureTag(run, edition, t.slug);
    if (tag && !tagIds.includes(tag.id)) tagIds.push(tag.id);
  }
  const thumbnail = Number.parseInt(item.meta.get('_thumbnail_id') ?? '', 10);
  const fields: PostFields = {
    title: title || `${kind} ${item.postId}`,
    excerpt: htmlToPlain(item.excerpt).slice(0, 2000),
    bodyHtml: convertWordpressHtml(item.content, {
      postId: item.postId,
      mediaByUploadPath: (p) => run.mediaByPath.get(p),
      mediaByAttachmentId: (id) => run.media.get(id),
      originalAttachment: (id) => run.originalAttachment(id),
      attachmentsOf: (id) => run.scan.attachmentsByParent.get(id) ?? [],
      onUnknownShortcode: (name) => run.report.shortcode(name),
    }),
    status: status.status,
    publishedAt: date.iso,
    authorId: run.authorIds.get(item.creator) ?? null,
    featuredMediaId: run.media.get(thumbnail)?.id ?? null,
    categoryId: category?.id ?? null,
    tagIds,
    translationKey: run.translationKeyOf(item),
    pinned: item.isSticky,
  };
  // An unpinned post hashes as before pinning existed, so a re-import leaves it alone.
  const { pinned, ...hashed } = fields;
  const hash = digest({ ...hashed, ...(pinned ? { pinned } : {}), wpStatus: item.status, wantedSlug, type: mapped });
  return { item, kind, type: mapped, title, edition, date, statusProblem: status.problem, wantedSlug, fields, hash, warn };
}
