import type { Db } from '../../storage/database.js';
import { enqueueMail, MailError } from '../mail/index.js';
import * as repo from './comments.repository.js';

/** What a comment mail says about the comment it concerns. */
export interface HeldNotice {
  edition: string;
  itemTitle: string;
  itemSlug: string;
  author: string;
  body: string;
}

export interface ReplyNotice {
  edition: string;
  itemTitle: string;
  itemSlug: string;
  /** the name under the comment that was answered */
  parentAuthor: string;
  replyAuthor: string;
  replyBody: string;
  replyId: number;
}

/**
 * The words of comment mails, written by the transport layer (it knows the editions' languages and
 * the site's addresses). Without one, no comment mail is sent.
 */
export interface CommentMailer {
  held(n: HeldNotice): { subject: string; text: string };
  reply(n: ReplyNotice): { subject: string; text: string };
}

/** Queues "a comment waits for you" for every moderator of the edition (in the caller's transaction). */
export async function queueHeldNotices(db: Db, mailer: CommentMailer, n: HeldNotice, now: Date): Promise<number> {
  const to = await repo.selectModerators(db, n.edition);
  const message = mailer.held(n);
  for (const address of to) {
    await enqueueMail(db, { to: address, ...message }, now).catch((err: unknown) => {
      if (!(err instanceof MailError)) throw err;
    });
  }
  return to.length;
}

/**
 * Tells the authors of answered comments who asked for it that a reply is now public: once per
 * reply, never to the replier themselves.
 */
export async function queueReplyNotices(db: Db, mailer: CommentMailer, replyIds: number[], now: Date): Promise<void> {
  for (const reply of await repo.selectComments(db, replyIds)) {
    if (reply.status !== 'approved' || reply.parent_id === null || reply.reply_notice_sent) continue;
    const parent = await repo.selectComment(db, reply.parent_id);
    await db.updateTable('comments').set({ reply_notice_sent: 1 }).where('id', '=', reply.id).execute();
    if (!parent || !parent.notify_replies || !parent.author_email || parent.author_email === reply.author_email) continue;
    const item = await repo.selectTarget(db, reply.item_id);
    if (!item) continue;
    const message = mailer.reply({
      edition: item.edition, itemTitle: item.title, itemSlug: item.slug,
      parentAuthor: parent.author_name, replyAuthor: reply.author_name, replyBody: reply.body, replyId: reply.id,
    });
    await enqueueMail(db, { to: parent.author_email, ...message }, now).catch((err: unknown) => {
      if (!(err instanceof MailError)) throw err;
    });
  }
}
