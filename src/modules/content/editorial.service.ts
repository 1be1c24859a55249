import type { Db } from '../../storage/database.js';
import { slugify, SLUG_PATTERN } from '../../lib/slug.js';
import { canAssignAuthor, canEditItem, canSetStatus, canUseEdition, type Actor } from '../accounts/index.js';
import { sanitizeBody } from './body-html.js';
import { ContentError } from './content.errors.js';
import { EDITABLE_TYPES, itemStateSchema, type ItemState, type ItemStateInput, type ItemStatus } from './editorial.schema.js';
import { isReservedSlug } from './reserved-slugs.js';
import { isItemType, parseDetails, readDetails } from './item-types.js';
import { ZodError } from 'zod';
import { recordRevision } from './revisions.js';
import { LISTED_TYPES } from './content.types.js';
import { forgetSearchEntries, syncSearchEntries } from '../search/search-sync.js';

/** An item as the editor opens it. */
export interface EditableItem extends ItemState {
  id: number;
  edition: string;
  type: string;
  translationKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewItemTarget {
  edition: string;
  type: string;
  /** an item in another edition this one translates */
  translationOf?: number | null;
}

function invalid(message: string): ContentError {
  return new ContentError('content.invalid_input', message);
}

/** Loads an item for the editor; 404 for ids the actor may not see (a guessed id learns nothing). */
export async function loadEditable(db: Db, actor: Actor, id: number): Promise<EditableItem> {
  const row = await db.selectFrom('items as i').leftJoin('item_bodies as b', 'b.item_id', 'i.id').selectAll('i').select('b.body_html').where('i.id', '=', id).executeTakeFirst();
  if (!row || !canUseEdition(actor, row.edition)) throw new ContentError('content.not_found', 'no such item');
  const tags = await db.selectFrom('item_tags').select('tag_id').where('item_id', '=', id).execute();
  const photos = await db.selectFrom('gallery_photos').select(['media_id', 'caption', 'credit']).where('item_id', '=', id).orderBy('position').execute();
  return {
    id: row.id,
    edition: row.edition,
    type: row.type,
    title: row.title,
    slug: row.slug,
    excerpt: row.excerpt,
    bodyHtml: row.body_html ?? '',
    status: row.status as ItemStatus,
    publishedAt: row.published_at,
    authorId: row.author_id,
    sourceLine: row.source_line,
    featuredMediaId: row.featured_media_id,
    categoryId: row.category_id,
    parentId: row.parent_id,
    tagIds: tags.map((t) => t.tag_id),
    seoTitle: row.seo_title ?? '',
    seoDescription: row.seo_description ?? '',
    pinned: !!row.pinned,
    details: readDetails(row.type, row.details),
    photos: photos.map((p) => ({ mediaId: p.media_id, caption: p.caption, credit: p.credit })),
    translationKey: row.translation_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The status an item really gets: publishing with a future date schedules; scheduling a past date publishes. */
function effectiveStatus(status: ItemStatus, publishedAt: string, now: Date): ItemStatus {
  const future = Date.parse(publishedAt) > now.getTime();
  if (status === 'published' && future) return 'scheduled';
  if (status === 'scheduled' && !future) return 'published';
  return status;
}

function normalizeDate(raw: string, now: Date): string {
  if (!raw) return now.toISOString();
  const t = Date.parse(raw);
  if (Number.isNaN(t) || t < Date.UTC(1900, 0, 1) || t > Date.UTC(2200, 0, 1)) throw invalid('publish date: not a date');
  return new Date(t).toISOString();
}

async function chooseSlug(db: Db, edition: string, wanted: string, title: string, itemId: number | null, editionCodes: readonly string[]): Promise<string> {
  const typed = wanted.normalize('NFC').trim();
  const base = typed ? typed.toLowerCase() : slugify(title) || 'item';
  if (!SLUG_PATTERN.test(base)) throw invalid('slug: use letters, digits and single hyphens');
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const reserved = isReservedSlug(slug, editionCodes);
    let q = db.selectFrom('items').select('id').where('edition', '=', edition).where('slug', '=', slug);
    if (itemId !== null) q = q.where('id', '!=', itemId);
    const taken = reserved || (await q.executeTakeFirst()) !== undefined;
    if (!taken) return slug;
    // A slug the editor typed is theirs to change; one made from the title finds a free variant.
    if (typed) throw new ContentError('content.slug_taken', reserved ? `slug: "${slug}" is a word the site's addresses use` : `slug: another item of this edition already uses "${slug}"`);
  }
  throw new ContentError('content.slug_taken', 'slug: no free variant');
}

/** Every reference must point into the item's own edition (and exist). */
async function checkReferences(db: Db, edition: string, s: ItemState): Promise<void> {
  if (s.categoryId !== null) {
    const c = await db.selectFrom('categories').select('edition').where('id', '=', s.categoryId).executeTakeFirst();
    if (c?.edition !== edition) throw invalid('category: not a category of this edition');
  }
  if (s.tagIds.length) {
    const found = await db.selectFrom('tags').select('id').where('id', 'in', s.tagIds).where('edition', '=', edition).execute();
    if (found.length !== new Set(s.tagIds).size) throw invalid('tags: not all are tags of this edition');
  }
  if (s.featuredMediaId !== null && !(await db.selectFrom('media').select('id').where('id', '=', s.featuredMediaId).executeTakeFirst())) {
    throw invalid('featured image: no such file in the media library');
  }
  if (s.parentId !== null) {
    const p = await db.selectFrom('items').select('edition').where('id', '=', s.parentId).executeTakeFirst();
    if (p?.edition !== edition) throw invalid('parent: not an item of this edition');
  }
  if (s.authorId !== null && !(await db.selectFrom('users').select('id').where('id', '=', s.authorId).executeTakeFirst())) {
    throw invalid('author: no such person');
  }
  // Each chosen file must exist and be of the kind its field holds.
  const wanted: [unknown, string, string][] = [[s.details.videoMediaId, 'video', 'video file'], [s.details.pdfMediaId, 'pdf', 'PDF'], ...s.photos.map((p) => [p.mediaId, 'image', 'photo'] as [unknown, string, string])];
  const ids = wanted.map(([id]) => id).filter((m): m is number => typeof m === 'number');
  if (ids.length) {
    const kinds = new Map((await db.selectFrom('media').select(['id', 'kind']).where('id', 'in', ids).execute()).map((m) => [m.id, m.kind]));
    for (const [id, kind, label] of wanted) {
      if (typeof id !== 'number') continue;
      if (!kinds.has(id)) throw invalid(`${label}: not in the media library`);
      if (kinds.get(id) !== kind) throw invalid(`${label}: the chosen file is not a ${label}`);
    }
  }
  const contents = (s.details.contents as { itemId: number | null }[] | undefined) ?? [];
  const linked = contents.map((c) => c.itemId).filter((i): i is number => i !== null);
  if (linked.length) {
    const found = await db.selectFrom('items').select('id').where('id', 'in', linked).where('edition', '=', edition).execute();
    if (found.length !== new Set(linked).size) throw invalid('contents: a linked item is not an item of this edition');
  }
}

/** The type's own fields, validated; an issue must belong to a periodical of its edition. */
async function checkedDetails(db: Db, type: string, edition: string, state: ItemState): Promise<Record<string, unknown>> {
  if (!isItemType(type)) throw invalid('type: unknown');
  let details: Record<string, unknown>;
  try {
    details = parseDetails(type, state.details);
  } catch (err) {
    if (err instanceof ZodError) throw invalid(err.issues.map((i) => `${i.path.join('.') || 'details'}: ${i.message}`).join('; '));
    throw err;
  }
  if (type === 'issue') {
    const parent = state.parentId === null ? undefined : await db.selectFrom('items').select(['type', 'edition']).where('id', '=', state.parentId).executeTakeFirst();
    if (parent?.type !== 'periodical' || parent.edition !== edition) throw invalid('periodical: choose the periodical this issue belongs to');
  }
  if (type !== 'gallery' && state.photos.length) throw invalid('photos: only galleries have photos');
  if ((type === 'cartoon' || type === 'newspic') && state.featuredMediaId === null && (state.status === 'published' || state.status === 'scheduled')) {
    throw invalid(`${type === 'cartoon' ? 'cartoon image' : 'photo'}: choose the image before publishing`);
  }
  if (type === 'video' && !details.videoMediaId && !details.externalUrl && (state.status === 'published' || state.status === 'scheduled')) {
    throw invalid('video: upload a video file or give its address before publishing');
  }
  return details;
}

export interface SaveContext {
  actor: Actor;
  now: Date;
  editionCodes: readonly string[];
}

/**
 * Creates (id null) or updates an item from the editor's fields, keeping a revision. The rules of
 * roles and editions are checked here, on the server, whatever the form offered.
 */
export async function saveItem(db: Db, sc: SaveContext, id: number | null, input: ItemStateInput, target?: NewItemTarget): Promise<number> {
  const parsed = itemStateSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const state = parsed.data;
  const { actor, now } = sc;
  const existing = id === null ? undefined : await loadEditable(db, actor, id);
  const edition = existing?.edition ?? target?.edition ?? '';
  const type = existing?.type ?? target?.type ?? '';
  if (!sc.editionCodes.includes(edition)) throw invalid('edition: unknown');
  if (!(EDITABLE_TYPES as readonly string[]).includes(type)) throw invalid('type: unknown');
  if (!canUseEdition(actor, edition)) throw new ContentError('content.forbidden', 'you do not work in this edition');
  if (existing && !canEditItem(actor, { edition, authorId: existing.authorId, status: existing.status })) throw new ContentError('content.forbidden', 'you may not edit this item');

  // The form shows dates to the minute: the same minute sent back means the date was left alone.
  const unchanged = existing && state.publishedAt && existing.publishedAt.slice(0, 16) === state.publishedAt.slice(0, 16);
  const publishedAt = unchanged ? existing.publishedAt : normalizeDate(state.publishedAt, now);
  const status = effectiveStatus(state.status, publishedAt, now);
  // Contributors hand over: keeping an already published item published is not theirs to decide either.
  if (!canSetStatus(actor, status)) throw new ContentError('content.forbidden', 'your role can save drafts and submit them for review, not publish');
  const authorId = canAssignAuthor(actor) ? (state.authorId ?? existing?.authorId ?? actor.id) : (existing?.authorId ?? actor.id);
  if (!canEditItem(actor, { edition, authorId, status })) throw new ContentError('content.forbidden', 'you may not save this item');
  const details = await checkedDetails(db, type, edition, state);
  await checkReferences(db, edition, { ...state, details, authorId });
  const slug = await chooseSlug(db, edition, state.slug, state.title, id, sc.editionCodes);
  const bodyHtml = sanitizeBody(state.bodyHtml);
  const stamp = now.toISOString();
  const row = {
    slug,
    title: state.title,
    excerpt: state.excerpt,
    status,
    published_at: publishedAt,
    updated_at: stamp,
    author_id: authorId,
    source_line: state.sourceLine,
    featured_media_id: state.featuredMediaId,
    category_id: state.categoryId,
    parent_id: state.parentId,
    seo_title: state.seoTitle || null,
    seo_description: state.seoDescription || null,
    details: JSON.stringify(details),
    pinned: state.pinned && LISTED_TYPES.includes(type) ? 1 : 0,
  };

  return db.transaction().execute(async (trx) => {
    let itemId: number;
    if (existing) {
      itemId = existing.id;
      await trx.updateTable('items').set(row).where('id', '=', itemId).execute();
      await trx.updateTable('item_bodies').set({ body_html: bodyHtml }).where('item_id', '=', itemId).execute();
    } else {
      const translationKey = target?.translationOf ? await translationKeyFor(trx, actor, target.translationOf, edition) : null;
      const inserted = await trx
        .insertInto('items')
        .values({ ...row, edition, type, created_at: stamp, translation_key: translationKey })
        .returning('id')
        .executeTakeFirstOrThrow();
      itemId = inserted.id;
      await trx.insertInto('item_bodies').values({ item_id: itemId, body_html: bodyHtml }).execute();
    }
    // Only the tags that changed: an edit that keeps them leaves every tag archive as it was.
    const tagIds = new Set(state.tagIds);
    const had = existing ? new Set((await trx.selectFrom('item_tags').select('tag_id').where('item_id', '=', itemId).execute()).map((r) => r.tag_id)) : new Set<number>();
    const gone = [...had].filter((t) => !tagIds.has(t));
    const added = [...tagIds].filter((t) => !had.has(t));
    if (gone.length) await trx.deleteFrom('item_tags').where('item_id', '=', itemId).where('tag_id', 'in', gone).execute();
    if (added.length) await trx.insertInto('item_tags').values(added.map((tag_id) => ({ item_id: itemId, tag_id }))).execute();
    if (existing) await trx.deleteFrom('gallery_photos').where('item_id', '=', itemId).execute();
    if (state.photos.length) {
      await trx.insertInto('gallery_photos').values(state.photos.map((p, position) => ({ item_id: itemId, media_id: p.mediaId, position, caption: p.caption, credit: p.credit }))).execute();
    }
    await recordRevision(trx, itemId, actor.id, stamp, { ...state, slug, bodyHtml, publishedAt, status, authorId, details, pinned: row.pinned === 1 });
    // In the same transaction: the index never shows what was not committed, nor misses what was.
    await syncSearchEntries(trx, [itemId]);
    return itemId;
  });
}

/** The translation key the new item shares with `otherId`, giving the other item one if it has none. */
async function translationKeyFor(db: Db, actor: Actor, otherId: number, edition: string): Promise<string> {
  const other = await db.selectFrom('items').select(['id', 'edition', 'translation_key']).where('id', '=', otherId).executeTakeFirst();
  if (!other || !canUseEdition(actor, other.edition)) throw invalid('translation: no such item');
  if (other.edition === edition) throw invalid('translation: the original is in the same edition');
  const taken = other.translation_key
    ? await db.selectFrom('items').select('id').where('translation_key', '=', other.translation_key).where('edition', '=', edition).executeTakeFirst()
    : undefined;
  if (taken) throw new ContentError('content.conflict', 'translation: this edition already has a translation of that item');
  if (other.translation_key) return other.translation_key;
  const key = `item-${other.id}`;
  await db.updateTable('items').set({ translation_key: key }).where('id', '=', other.id).execute();
  return key;
}

/** Links an existing item of another edition (not yet translated) into this item's group of translations. */
export async function linkTranslation(db: Db, actor: Actor, itemId: number, otherId: number): Promise<void> {
  const item = await loadEditable(db, actor, itemId);
  if (!canEditItem(actor, { edition: item.edition, authorId: item.authorId, status: item.status })) throw new ContentError('content.forbidden', 'you may not edit this item');
  const other = await db.selectFrom('items').select(['id', 'edition', 'translation_key']).where('id', '=', otherId).executeTakeFirst();
  if (!other || !canUseEdition(actor, other.edition)) throw invalid('translation: no such item');
  if (other.edition === item.edition) throw invalid('translation: that item is in the same edition');
  if (other.translation_key) throw new ContentError('content.conflict', 'translation: that item is already linked to translations of its own');
  await db.transaction().execute(async (trx) => {
    const key = item.translationKey ?? `item-${item.id}`;
    const taken = await trx.selectFrom('items').select('id').where('translation_key', '=', key).where('edition', '=', other.edition).executeTakeFirst();
    if (taken) throw new ContentError('content.conflict', 'translation: this item already has a translation in that edition');
    await trx.updateTable('items').set({ translation_key: key }).where('id', 'in', [item.id, other.id]).execute();
  });
}

/** The items of other editions linked to this one as translations. */
export async function translationsOfItem(db: Db, item: { id: number; translationKey: string | null }) {
  if (!item.translationKey) return [];
  return db.selectFrom('items').select(['id', 'edition', 'title', 'status']).where('translation_key', '=', item.translationKey).where('id', '!=', item.id).execute();
}

/** Recent items of an edition and type not yet linked to a translation (candidates to link). */
export function untranslatedItems(db: Db, edition: string, type: string, limit = 100) {
  return db.selectFrom('items').select(['id', 'title']).where('edition', '=', edition).where('type', '=', type).where('translation_key', 'is', null)
    .orderBy('updated_at', 'desc').limit(limit).execute();
}

/** Deletes items the actor may delete; returns how many. */
export async function deleteItems(db: Db, actor: Actor, ids: number[]): Promise<number> {
  let n = 0;
  await db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const item = await loadEditable(trx, actor, id);
      if (!canEditItem(actor, { edition: item.edition, authorId: item.authorId, status: item.status })) throw new ContentError('content.forbidden', `you may not delete "${item.title}"`);
      await forgetSearchEntries(trx, [id]);
      await trx.deleteFrom('items').where('id', '=', id).execute();
      n++;
    }
  });
  return n;
}

/** Sets the status of several items at once (bulk publish, back to draft…), each as a saved revision. */
export async function setStatusOf(db: Db, sc: SaveContext, ids: number[], status: ItemStatus): Promise<number> {
  // Check every item first, so a refusal leaves all of them as they were.
  const items = await Promise.all(ids.map((id) => loadEditable(db, sc.actor, id)));
  for (const item of items) {
    if (!canEditItem(sc.actor, item) || !canSetStatus(sc.actor, status)) throw new ContentError('content.forbidden', `you may not change "${item.title}"`);
  }
  for (const item of items) {
    const id = item.id;
    await saveItem(db, sc, id, { ...item, status, publishedAt: status === 'published' && item.status !== 'published' && Date.parse(item.publishedAt) > sc.now.getTime() ? '' : item.publishedAt });
  }
  return ids.length;
}
