import type { Db } from '../../storage/database.js';
import { preparedStatement } from '../../storage/prepared-query.js';
import { createItem, isReservedSlug, sanitizeBody } from '../content/index.js';
import { importComments } from './import-comments.js';
import { digest, permalinkPath, type ImportRun } from './import-run.js';
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

/** nashr's status for WordPress's; private and password-protected posts stay out of public view as drafts. */
function itemStatus(item: WxrItem, iso: string, now: number): { status: 'draft' | 'pending' | 'scheduled' | 'published'; problem?: string } {
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

/** An item of the edition with the slug, other than `selfId`: compiled once, run in the batch's transaction. */
const slugTaken = preparedStatement((db, a: { edition: string; slug: string; selfId: number | null }) => {
  let q = db.selectFrom('items').select('id').where('edition', '=', a.edition).where('slug', '=', a.slug);
  if (a.selfId !== null) q = q.where('id', '!=', a.selfId);
  return q.limit(1);
});

/** A free slug in the edition: the wanted one, else with -2, -3…; words the site's addresses use are avoided. */
async function freeSlug(db: Db, edition: string, wanted: string, editions: readonly string[], selfId: number | null): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? wanted : `${wanted}-${n}`;
    if (isReservedSlug(slug, editions)) continue;
    if (!(await slugTaken(db, { edition, slug, selfId })).length) return slug;
  }
}

/** The first category of the post (one other than "uncategorized" when it has one): a nashr item has one. */
function mainCategory(item: WxrItem): string | undefined {
  const cats = item.terms.filter((t) => t.domain === 'category').map((t) => t.slug);
  return cats.find((c) => c !== 'uncategorized') ?? cats[0];
}

/**
 * Imports one post, page or mapped custom post with its comments and redirects. Returns the
 * item's id when its comments changed (its count is recounted with the batch).
 */
export async function importPost(run: ImportRun, item: WxrItem): Promise<number | undefined> {
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
  const fields = {
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
  };
  const hash = digest({ ...fields, wpStatus: item.status, wantedSlug, type: mapped });
  const source = run.source('post', item.postId, edition);
  const existing = source ? await run.db.selectFrom('items').select(['id', 'slug', 'translation_key']).where('id', '=', source.targetId).executeTakeFirst() : undefined;
  if (existing && source!.hash === hash) {
    run.report.add(kind, 'skipped');
    const changed = await importComments(run, item, existing.id, edition, date.iso, true);
    await redirectItem(run, item, mapped, edition, existing.slug, status.status);
    return changed ? existing.id : undefined;
  }

  if (!title) warn(`no title in WordPress: titled "${fields.title}"`);
  if (date.problem) warn(date.problem);
  if (status.problem) warn(status.problem);
  if (item.isSticky) warn('sticky in WordPress: nashr has no sticky posts, so it is listed by its date');
  if (item.creator && fields.authorId === null) warn(`its author "${item.creator}" is not in the export: imported without an author`);
  if (!item.creator) warn('no author in WordPress: imported without an author');
  if (fields.translationKey) {
    const taken = await run.db.selectFrom('items').select('id').where('translation_key', '=', fields.translationKey).where('edition', '=', edition).where('id', '!=', existing?.id ?? 0).executeTakeFirst();
    if (taken) {
      warn(`another item of the ${edition} edition already belongs to the same translation group: not linked`);
      fields.translationKey = null;
    }
  }
  const keepSlug = !!existing && (existing.slug === wantedSlug || new RegExp(`^${wantedSlug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`, 'u').test(existing.slug));
  const slug = keepSlug ? existing.slug : await freeSlug(run.db, edition, wantedSlug, run.opts.editions, existing?.id ?? null);
  if (slug !== wantedSlug && !keepSlug) warn(`the address "${wantedSlug}" is taken in the ${edition} edition (or is a word the site's addresses use): given "${slug}"`);
  const parentId = mapped === 'page' && item.postParent ? (run.source('post', item.postParent, edition)?.targetId ?? null) : null;

  let itemId: number;
  if (existing) {
    itemId = existing.id;
    await updateItem(run.db, itemId, { ...fields, slug, parentId });
    run.searchIds.push(itemId);
    run.report.add(kind, 'updated');
  } else {
    itemId = await createItem(run.db, { ...fields, edition, type: mapped, slug, parentId }, { indexLater: true });
    run.searchIds.push(itemId);
    run.report.add(kind, 'imported');
  }
  await run.remember('post', item.postId, edition, 'item', itemId, hash);
  const changed = await importComments(run, item, itemId, edition, date.iso, !!existing);
  await redirectItem(run, item, mapped, edition, slug, status.status);
  return changed ? itemId : undefined;
}

type ItemFields = { title: string; excerpt: string; bodyHtml: string; status: string; publishedAt: string; authorId: number | null; featuredMediaId: number | null; categoryId: number | null; tagIds: number[]; translationKey: string | null; slug: string; parentId: number | null };

/** An item changed in WordPress, brought up to date (in the batch's transaction; its search entry at the batch's end). */
async function updateItem(db: Db, id: number, f: ItemFields): Promise<void> {
  await db
    .updateTable('items')
    .set({
      slug: f.slug,
      title: f.title,
      excerpt: f.excerpt,
      status: f.status,
      published_at: f.publishedAt,
      updated_at: new Date().toISOString(),
      author_id: f.authorId,
      featured_media_id: f.featuredMediaId,
      category_id: f.categoryId,
      translation_key: f.translationKey,
      ...(f.parentId !== null ? { parent_id: f.parentId } : {}),
    })
    .where('id', '=', id)
    .execute();
  await db.updateTable('item_bodies').set({ body_html: sanitizeBody(f.bodyHtml) }).where('item_id', '=', id).execute();
  await db.deleteFrom('item_tags').where('item_id', '=', id).execute();
  if (f.tagIds.length) await db.insertInto('item_tags').values(f.tagIds.map((tag_id) => ({ item_id: id, tag_id }))).execute();
}

/** Old addresses of a public item (`/?p=`, `/?page_id=`, its permalink) lead to its new one. */
async function redirectItem(run: ImportRun, item: WxrItem, type: string, edition: string, slug: string, status: string): Promise<void> {
  if (status !== 'published' && status !== 'scheduled') return;
  const to = run.url(edition, `/${slug}/`);
  const from = new Set([run.oldPath(`/?p=${item.postId}`)]);
  if (type === 'page' || item.postType === 'page') from.add(run.oldPath(`/?page_id=${item.postId}`));
  const link = permalinkPath(item.link);
  if (link && link !== `${run.scan.basePath}/` && link !== '/') from.add(link);
  for (const f of from) if (f !== to) await run.redirect(f, to);
}

