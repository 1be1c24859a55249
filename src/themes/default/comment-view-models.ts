/** View models of the comments under an item: the published thread and the form. */

export interface CommentVM {
  id: number;
  author: string;
  /** a moderator's answer, marked as the newsroom's */
  fromNewsroom: boolean;
  date: string;
  datetime: string;
  /** plain text as the reader typed it; the template escapes it and makes web addresses links */
  body: string;
  /** `?replyto=<id>#comment-form`, or null where replies may not nest deeper */
  replyUrl: string | null;
  children: CommentVM[];
}

export interface CommentFormVM {
  action: string;
  itemId: number;
  token: string;
  /** the comment being answered (from `?replyto=`), with a way back to a plain comment */
  replyTo: { id: number; author: string; cancelUrl: string } | null;
  /** what a refused form held, so nothing typed is lost */
  values: { name: string; email: string; body: string; notify: boolean };
  /** fields to mark as wrong */
  invalid: string[];
  maxBody: number;
  /** the same in the edition's digits */
  maxBodyText: string;
}

export interface CommentsVM {
  /** "3 comments" */
  heading: string;
  comments: CommentVM[];
  /** null when comments are closed (or on a preview) */
  form: CommentFormVM | null;
  closed: boolean;
  /** after posting: "held for moderation" or "published" */
  notice: string | null;
}
