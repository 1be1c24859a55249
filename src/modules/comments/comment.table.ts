import type { Generated } from 'kysely';

/** A reader's comment (or a newsroom reply) on an item. `author_email` is never shown on the site. */
export interface CommentTable {
  id: Generated<number>;
  item_id: number;
  /** the comment this one answers; null for a top-level comment */
  parent_id: number | null;
  edition: string;
  /** 1 for a top-level comment, the parent's depth + 1 for a reply */
  depth: Generated<number>;
  author_name: string;
  /** lower-cased; '' for a newsroom reply by a user without an address */
  author_email: Generated<string>;
  /** set when a newsroom user wrote it (a moderator's reply) */
  user_id: number | null;
  /** plain text as typed (normalized), never HTML */
  body: string;
  /** pending | approved | spam | trash */
  status: string;
  created_at: string;
  ip: string | null;
  user_agent: string | null;
  /** 1 when the commenter asked to be told of approved replies */
  notify_replies: Generated<number>;
  /** 1 once the parent's author has been told of this reply */
  reply_notice_sent: Generated<number>;
  /** SHA-256 of email + item + text: the same comment twice is refused */
  content_hash: string;
}
