import type { Db } from '../../storage/database.js';
import { editionSettings, type EditionSettings } from '../settings/index.js';
import { CommentError } from './comments.errors.js';
import * as repo from './comments.repository.js';
import { queueHeldNotices, queueReplyNotices, type CommentMailer } from './comment-mail.js';
import { contentHash, isEmail, looksBinary, MAX_BODY, MAX_NAME, normalizeBody, normalizeLine } from './comment-text.js';
import { checkFormToken } from './form-token.js';

/** How many comments one address, or one item, may receive in a window of time. */
export interface CommentLimits {
  perIp: { max: number; windowMs: number };
  perItem: { max: number; windowMs: number };
}

export const DEFAULT_COMMENT_LIMITS: CommentLimits = {
  perIp: { max: 5, windowMs: 10 * 60_000 },
  perItem: { max: 30, windowMs: 10 * 60_000 },
};

/** What commenting needs from its surroundings. */
export interface CommentEnv {
  now: Date;
  limits?: CommentLimits;
  /** writes comment mails; without one none is queued */
  mailer?: CommentMailer;
}

/** Types readers may comment on: everything but plain pages (About, Contact…). */
export function isCommentable(type: string): boolean {
  return type !== 'page';
}

/** Whether an item takes new comments now: published, of a commentable type, not closed by hand or by age. */
export function commentsOpen(item: Pick<repo.TargetRow, 'type' | 'status' | 'published_at' | 'comments_closed'>, settings: EditionSettings, now: Date): boolean {
  if (!isCommentable(item.type) || item.status !== 'published' || item.comments_closed) return false;
  const days = settings.comments.closeAfterDays;
  return days === 0 || Date.parse(item.published_at) + days * 86_400_000 > now.getTime();
}

/** A comment as the public form sends it. */
export interface CommentInput {
  itemId: number;
  /** the edition of the page the form was on: the item must belong to it */
  edition: string;
  parentId: number | null;
  name: string;
  email: string;
  body: string;
  notify: boolean;
  /** the field people never see; a script fills it */
  honeypot: string;
  token: string;
  ip: string | null;
  userAgent: string | null;
}

/** The item a form posts to, if readers can see it in that edition at all. */
async function targetOf(db: Db, itemId: number, edition: string): Promise<repo.TargetRow> {
  const item = await repo.selectTarget(db, itemId);
  if (!item || item.edition !== edition || item.status !== 'published' || !isCommentable(item.type)) throw new CommentError('comments.not_found', 'no such item takes comments');
  return item;
}

function validated(input: CommentInput) {
  const name = normalizeLine(input.name);
  const email = input.email.trim().toLowerCase();
  const body = normalizeBody(input.body);
  const bad: string[] = [];
  if (!name || name.length > MAX_NAME || looksBinary(input.name)) bad.push('name');
  if (!isEmail(email) || looksBinary(input.email)) bad.push('email');
  if (!body || body.length > MAX_BODY || looksBinary(input.body)) bad.push('body');
  if (bad.length) throw new CommentError('comments.invalid_input', `invalid ${bad.join(', ')}`, bad);
  return { name, email, body };
}

/**
 * Takes a reader's comment, or refuses it with a reason and stores nothing. Checks, in order: the
 * item, the honeypot, the signed form (forged, expired, too fast), closed comments, the fields,
 * the parent (an approved comment of the same item, not too deep), rate limits, duplicates. New
 * commenters wait for moderation; returning ones may be published at once (an edition setting).
 * Returns the new comment's id and status, and the slug of its item (where the reader goes next).
 */
export async function postComment(db: Db, env: CommentEnv, input: CommentInput): Promise<{ id: number; status: 'pending' | 'approved'; itemSlug: string }> {
  const { now } = env;
  const item = await targetOf(db, input.itemId, input.edition);
  if (input.honeypot.trim() !== '') throw new CommentError('comments.honeypot', 'the hidden field was filled');
  await checkFormToken(db, input.token, item.edition, item.id, now);
  const settings = await editionSettings(db, item.edition);
  if (!commentsOpen(item, settings, now)) throw new CommentError('comments.closed', 'comments are closed on this item');
  const { name, email, body } = validated(input);

  let depth = 1;
  if (input.parentId !== null) {
    const parent = await repo.selectComment(db, input.parentId);
    if (!parent || parent.item_id !== item.id || parent.edition !== item.edition || parent.status !== 'approved') throw new CommentError('comments.bad_parent', 'a reply must answer a published comment of the same item');
    if (parent.depth >= settings.comments.depth) throw new CommentError('comments.too_deep', 'replies do not nest this deep');
    depth = parent.depth + 1;
  }

  const limits = env.limits ?? DEFAULT_COMMENT_LIMITS;
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  if (input.ip && (await repo.reachedFromIp(db, input.ip, since(limits.perIp.windowMs), limits.perIp.max))) throw new CommentError('comments.rate_limited', 'too many comments from this address');
  if (await repo.reachedOnItem(db, item.id, since(limits.perItem.windowMs), limits.perItem.max)) throw new CommentError('comments.rate_limited', 'too many comments on this item just now');

  // Duplicates are refused by the unique index on the insert (one query fewer for every comment
  // that is not one, and it holds for two identical posts at once too).
  const hash = contentHash(item.id, email, body);
  const status = settings.comments.autoApproveReturning && (await repo.hasApprovedFrom(db, email, item.edition)) ? 'approved' : 'pending';
  try {
    const id = await db.transaction().execute(async (trx) => {
      const [row] = await repo.insertComment(trx, {
        item_id: item.id, parent_id: input.parentId, edition: item.edition, depth, author_name: name, author_email: email, body, status,
        created_at: now.toISOString(), ip: input.ip?.slice(0, 100) ?? null, user_agent: input.userAgent?.slice(0, 500) ?? null, notify_replies: input.notify ? 1 : 0, content_hash: hash,
      });
      const id = Number(row!.id);
      if (status === 'approved') {
        await repo.recount(trx, [item.id]);
        if (env.mailer) await queueReplyNotices(trx, env.mailer, [id], now);
      } else if (env.mailer && settings.comments.notifyModerators) {
        await queueHeldNotices(trx, env.mailer, { edition: item.edition, itemTitle: item.title, itemSlug: item.slug, author: name, body }, now);
      }
      return id;
    });
    return { id, status, itemSlug: item.slug };
  } catch (err) {
    // The unique index refused it: the same comment was stored before (or a moment ago, by a twin post).
    if (await repo.duplicateExists(db, item.id, hash)) throw new CommentError('comments.duplicate', 'this comment was already sent');
    throw err;
  }
}
