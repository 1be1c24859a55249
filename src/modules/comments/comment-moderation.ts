import type { Db } from '../../storage/database.js';
import { canModerateComments, canUseEdition, type Actor } from '../accounts/index.js';
import { editionSettings } from '../settings/index.js';
import { CommentError } from './comments.errors.js';
import * as repo from './comments.repository.js';
import { queueReplyNotices } from './comment-mail.js';
import { contentHash, looksBinary, MAX_BODY, normalizeBody } from './comment-text.js';
import type { CommentEnv } from './comment-posting.js';

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
/** What a moderator can do to comments: give them a status, or delete them for good. */
export type ModerationAction = CommentStatus | 'delete';

export function isModerationAction(s: string): s is ModerationAction {
  return s === 'delete' || (COMMENT_STATUSES as readonly string[]).includes(s);
}

/** Loads comments the actor may moderate, or refuses them all (so a bulk action is all or nothing). */
async function moderatable(db: Db, actor: Actor, ids: number[]) {
  const rows = await repo.selectComments(db, ids);
  if (rows.length !== new Set(ids).size) throw new CommentError('comments.not_found', 'no such comment');
  for (const c of rows) {
    const item = await repo.selectTarget(db, c.item_id);
    if (!item || !canModerateComments(actor, { edition: item.edition, authorId: item.author_id })) throw new CommentError('comments.forbidden', 'you may not moderate this comment');
  }
  return rows;
}

/**
 * Approves, holds, marks as spam, trashes or deletes comments, and keeps each item's comment count
 * exact in the same transaction. Newly approved replies tell the authors who asked for it.
 */
export async function moderate(db: Db, env: CommentEnv, actor: Actor, ids: number[], action: ModerationAction): Promise<number> {
  if (!ids.length) return 0;
  return db.transaction().execute(async (trx) => {
    const rows = await moderatable(trx, actor, ids);
    const chosen = rows.map((r) => r.id);
    if (action === 'delete') await trx.deleteFrom('comments').where('id', 'in', chosen).execute();
    else await trx.updateTable('comments').set({ status: action }).where('id', 'in', chosen).execute();
    await repo.recount(trx, rows.map((r) => r.item_id));
    if (action === 'approved' && env.mailer) await queueReplyNotices(trx, env.mailer, chosen, env.now);
    return chosen.length;
  });
}

/** The signed-in person who answers, as the comment shows them. */
export interface Replier {
  actor: Actor;
  name: string;
  email: string | null;
}

/**
 * A newsroom reply: published at once under the person's name. Answering a held comment approves
 * it first (a reply under an unpublished comment would hang in the air).
 */
export async function replyAsNewsroom(db: Db, env: CommentEnv, who: Replier, parentId: number, text: string): Promise<number> {
  const body = normalizeBody(text);
  if (!body || body.length > MAX_BODY || looksBinary(text)) throw new CommentError('comments.invalid_input', 'a reply needs text, at most 5,000 characters', ['body']);
  return db.transaction().execute(async (trx) => {
    const [parent] = await moderatable(trx, who.actor, [parentId]);
    if (parent!.status === 'spam' || parent!.status === 'trash') throw new CommentError('comments.bad_parent', 'spam and trashed comments cannot be answered');
    const settings = await editionSettings(trx, parent!.edition);
    if (parent!.depth >= settings.comments.depth) throw new CommentError('comments.too_deep', `replies nest at most ${settings.comments.depth} level(s) deep in this edition`);
    if (parent!.status === 'pending') await trx.updateTable('comments').set({ status: 'approved' }).where('id', '=', parent!.id).execute();
    const email = (who.email ?? '').toLowerCase();
    const row = await trx
      .insertInto('comments')
      .values({
        item_id: parent!.item_id, parent_id: parent!.id, edition: parent!.edition, depth: parent!.depth + 1, author_name: who.name, author_email: email, user_id: who.actor.id,
        body, status: 'approved', created_at: env.now.toISOString(), ip: null, user_agent: null, notify_replies: 0,
        content_hash: contentHash(parent!.item_id, `${email}#${who.actor.id}#${env.now.getTime()}`, body),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await repo.recount(trx, [parent!.item_id]);
    if (env.mailer) await queueReplyNotices(trx, env.mailer, [parent!.id, id], env.now);
    return id;
  });
}

/** Closes or reopens an item's comments (those who may moderate its comments may). */
export async function setCommentsClosed(db: Db, actor: Actor, itemId: number, closed: boolean): Promise<void> {
  const item = await repo.selectTarget(db, itemId);
  if (!item || !canUseEdition(actor, item.edition)) throw new CommentError('comments.not_found', 'no such item');
  if (!canModerateComments(actor, { edition: item.edition, authorId: item.author_id })) throw new CommentError('comments.forbidden', 'you may not close comments on this item');
  await db.updateTable('items').set({ comments_closed: closed ? 1 : 0 }).where('id', '=', itemId).execute();
}

/** One row of the moderation queue. */
export interface QueueRow {
  id: number;
  itemId: number;
  parentId: number | null;
  edition: string;
  authorName: string;
  authorEmail: string;
  fromNewsroom: boolean;
  body: string;
  status: string;
  createdAt: string;
  ip: string | null;
  item: { title: string; slug: string; status: string; commentsClosed: boolean };
}

/** A page of the queue the actor may see (their editions; an author only their own items' comments), newest first. */
export async function commentQueue(db: Db, actor: Actor, filter: { edition?: string; status?: string; itemId?: number; id?: number }, page: number, perPage = 50): Promise<{ rows: QueueRow[]; hasMore: boolean }> {
  if (actor.role === 'contributor') return { rows: [], hasMore: false };
  const rows = await repo.selectQueue(
    db,
    { ...filter, editions: actor.editions, ...(actor.role === 'author' ? { authorId: actor.id } : {}) },
    perPage + 1,
    (page - 1) * perPage,
  );
  return {
    hasMore: rows.length > perPage,
    rows: rows.slice(0, perPage).map((r) => ({
      id: r.id, itemId: r.item_id, parentId: r.parent_id, edition: r.edition, authorName: r.author_name, authorEmail: r.author_email, fromNewsroom: r.user_id !== null,
      body: r.body, status: r.status, createdAt: r.created_at, ip: r.ip,
      item: { title: r.item_title, slug: r.item_slug, status: r.item_status, commentsClosed: !!r.comments_closed },
    })),
  };
}

/** One comment as the queue shows it, if it exists and the actor may moderate it. */
export async function commentForModeration(db: Db, actor: Actor, id: number): Promise<QueueRow> {
  const [row] = await moderatable(db, actor, [id]);
  const { rows } = await commentQueue(db, { ...actor, editions: null, role: 'administrator' }, { id: row!.id }, 1, 1);
  return rows[0]!;
}

/** Whether the actor sees the Comments screen at all. */
export function canSeeCommentQueue(actor: Actor): boolean {
  return actor.role !== 'contributor';
}
