import type { Db } from '../../storage/database.js';
import { preparedStatement } from '../../storage/prepared-query.js';
import { isReservedSlug, sanitizeBody } from '../content/index.js';
import { importComments } from './import-comments.js';
import { permalinkPath, type ImportRun } from './import-run.js';
import { NewItems } from './new-items.js';
import { preparePost, type PostFields, type PreparedPost } from './post-fields.js';
import type { WxrItem } from './wxr.types.js';

/** An item as an earlier import left it. */
interface EarlierItem {
  id: number;
  slug: string;
  translation_key: string | null;
}

/** The rows of items by id (missing ones are gone). */
const earlierItems = (db: Db, ids: readonly number[]): Promise<EarlierItem[]> => db.selectFrom('items').select(['id', 'slug', 'translation_key']).where('id', 'in', ids).execute();

/** An item of the batch once its row is settled: its comments and redirects follow. */
interface Placed {
  p: PreparedPost;
  /** set once a new item is inserted */
  id?: number;
  existedBefore: boolean;
  slug: string;
}

/** An item of the edition with the slug, other than `selfId`: compiled once, run in the batch's transaction. */
const slugTaken = preparedStatement((db, a: { edition: string; slug: string; selfId: number | null }) => {
  let q = db.selectFrom('items').select('id').where('edition', '=', a.edition).where('slug', '=', a.slug);
  if (a.selfId !== null) q = q.where('id', '!=', a.selfId);
  return q.limit(1);
});

const key = (edition: string, s: string) => `${edition}\n${s}`;

/**
 * One batch of posts, pages and mapped custom posts, in the batch's transaction: each is read
 * and converted; a changed one is updated at once, new ones wait and are inserted together
 * (a later item of the batch that needs one of them in the database — the same WordPress id
 * again, or a page under it — has them inserted first); then, item by item, comments and
 * redirects. What the items' rows say is read for the whole batch at once, and what the batch
 * itself claims (slugs, translation groups of waiting items) is kept in memory, so every item
 * ends up as it would have one at a time. Returns the items whose comments changed.
 */
export async function importPosts(run: ImportRun, items: readonly WxrItem[]): Promise<number[]> {
  const prepared: PreparedPost[] = [];
  for (const item of items) {
    const p = await preparePost(run, item);
    if (p) prepared.push(p);
  }
  const batch = new PostBatch(run);
  await batch.load(prepared);
  const placed: Placed[] = [];
  for (const p of prepared) placed.push(await batch.place(p));
  await batch.flush();

  const recount: number[] = [];
  for (const { p, id, existedBefore, slug } of placed) {
    if (await importComments(run, p.item, id!, p.edition, p.date.iso, existedBefore)) recount.push(id!);
    await redirectItem(run, p.item, p.type, p.edition, slug, p.fields.status);
  }
  return recount;
}

class PostBatch {
  /** rows of items earlier imports made, by id (null: the row is gone) */
  private readonly rows = new Map<number, EarlierItem | null>();
  /** `edition\nslug` the batch asked about up front, and those of them taken then */
  private readonly asked = new Set<string>();
  private readonly takenAtStart = new Set<string>();
  /** `edition\nslug` given in this batch → the item's id (0 while it waits) */
  private readonly claimedSlugs = new Map<string, number>();
  /** `edition\ntranslation key` of waiting items */
  private readonly claimedGroups = new Set<string>();
  /** sourceKey-like `wpId\nedition` of waiting items */
  private readonly waitingPosts = new Set<string>();
  private readonly newItems = new NewItems();

  constructor(private readonly run: ImportRun) {}

  /** Reads the rows of items made before and which of the wanted slugs are taken, a query or two for the batch. */
  async load(prepared: readonly PreparedPost[]): Promise<void> {
    const { run } = this;
    const ids = [...new Set(prepared.map((p) => run.source('post', p.item.postId, p.edition)?.targetId).filter((id): id is number => id !== undefined))];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const id of chunk) this.rows.set(id, null);
      for (const r of await earlierItems(run.db, chunk)) this.rows.set(r.id, r);
    }
    const wanted = new Map<string, Set<string>>();
    for (const p of prepared) {
      const source = run.source('post', p.item.postId, p.edition);
      if (source && source.hash === p.hash && this.rows.get(source.targetId)) continue;
      let slugs = wanted.get(p.edition);
      if (!slugs) wanted.set(p.edition, (slugs = new Set()));
      slugs.add(p.wantedSlug);
    }
    for (const [edition, set] of wanted) {
      const slugs = [...set];
      for (let i = 0; i < slugs.length; i += 500) {
        const chunk = slugs.slice(i, i + 500);
        for (const s of chunk) this.asked.add(key(edition, s));
        for (const r of await run.db.selectFrom('items').select('slug').where('edition', '=', edition).where('slug', 'in', chunk).execute()) this.takenAtStart.add(key(edition, r.slug));
      }
    }
  }

  private async row(id: number): Promise<EarlierItem | undefined> {
    if (!this.rows.has(id)) this.rows.set(id, (await earlierItems(this.run.db, [id]))[0] ?? null);
    return this.rows.get(id) ?? undefined;
  }

  /** Settles one item's row: unchanged, updated now, or waiting to be inserted with the batch's other new items. */
  async place(p: PreparedPost): Promise<Placed> {
    const { run } = this;
    const { item, edition, fields } = p;
    // The same WordPress id again, or a page under one of the waiting items: those go in first, as they would have one at a time.
    if (this.waitingPosts.has(key(edition, String(item.postId))) || (p.type === 'page' && item.postParent && this.waitingPosts.has(key(edition, String(item.postParent))))) await this.flush();
    const count = (what: 'imported' | 'updated' | 'skipped') => {
      run.report.add(p.kind, what);
      if (fields.pinned) run.report.add('pinned', what);
    };
    const source = run.source('post', item.postId, edition);
    const existing = source ? await this.row(source.targetId) : undefined;
    if (existing && source!.hash === p.hash) {
      count('skipped');
      return { p, id: existing.id, existedBefore: true, slug: existing.slug };
    }

    const { warn } = p;
    if (!p.title) warn(`no title in WordPress: titled "${fields.title}"`);
    if (p.date.problem) warn(p.date.problem);
    if (p.statusProblem) warn(p.statusProblem);
    if (item.creator && fields.authorId === null) warn(`its author "${item.creator}" is not in the export: imported without an author`);
    if (!item.creator) warn('no author in WordPress: imported without an author');
    if (fields.translationKey) {
      const taken =
        this.claimedGroups.has(key(edition, fields.translationKey)) ||
        (await run.db.selectFrom('items').select('id').where('translation_key', '=', fields.translationKey).where('edition', '=', edition).where('id', '!=', existing?.id ?? 0).executeTakeFirst());
      if (taken) {
        warn(`another item of the ${edition} edition already belongs to the same translation group: not linked`);
        fields.translationKey = null;
      }
    }
    const wantedSlug = p.wantedSlug;
    const keepSlug = !!existing && (existing.slug === wantedSlug || new RegExp(`^${wantedSlug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`, 'u').test(existing.slug));
    const slug = keepSlug ? existing.slug : await this.freeSlug(edition, wantedSlug, existing?.id ?? null);
    if (slug !== wantedSlug && !keepSlug) warn(`the address "${wantedSlug}" is taken in the ${edition} edition (or is a word the site's addresses use): given "${slug}"`);
    const parentId = p.type === 'page' && item.postParent ? (run.source('post', item.postParent, edition)?.targetId ?? null) : null;

    if (existing) {
      await updateItem(run.db, existing.id, { ...fields, slug, parentId });
      this.rows.set(existing.id, { id: existing.id, slug, translation_key: fields.translationKey });
      this.claimedSlugs.set(key(edition, slug), existing.id);
      run.searchIds.push(existing.id);
      count('updated');
      await run.remember('post', item.postId, edition, 'item', existing.id, p.hash);
      return { p, id: existing.id, existedBefore: true, slug };
    }
    const placed: Placed = { p, existedBefore: false, slug };
    this.newItems.add({ ...fields, edition, type: p.type, slug, parentId }, async (id) => {
      placed.id = id;
      run.searchIds.push(id);
      await run.remember('post', item.postId, edition, 'item', id, p.hash);
    });
    this.claimedSlugs.set(key(edition, slug), 0);
    if (fields.translationKey) this.claimedGroups.add(key(edition, fields.translationKey));
    this.waitingPosts.add(key(edition, String(item.postId)));
    count('imported');
    return placed;
  }

  /** Inserts the waiting new items. */
  async flush(): Promise<void> {
    if (!this.newItems.size) return;
    await this.newItems.flush(this.run.db);
    this.waitingPosts.clear();
  }

  /** A free slug in the edition: the wanted one, else with -2, -3…; words the site's addresses use are avoided. */
  private async freeSlug(edition: string, wanted: string, selfId: number | null): Promise<string> {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? wanted : `${wanted}-${n}`;
      if (isReservedSlug(slug, this.run.opts.editions)) continue;
      const k = key(edition, slug);
      const claimedBy = this.claimedSlugs.get(k);
      if (claimedBy !== undefined && claimedBy !== selfId) continue;
      // Asked about up front and free then: nothing but this batch's own claims can have taken it since.
      if (claimedBy === undefined && this.asked.has(k) && !this.takenAtStart.has(k)) return slug;
      if (!(await slugTaken(this.run.db, { edition, slug, selfId })).length) return slug;
    }
  }
}

type ItemFields = PostFields & { slug: string; parentId: number | null };

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
      pinned: f.pinned ? 1 : 0,
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
