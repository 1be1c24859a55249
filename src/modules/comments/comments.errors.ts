/** Why a comment or a moderation step was refused; `code` is stable, the message is for logs and the newsroom. */
export type CommentErrorCode =
  | 'comments.invalid_input'
  | 'comments.not_found'
  | 'comments.closed'
  | 'comments.bad_parent'
  | 'comments.too_deep'
  | 'comments.honeypot'
  | 'comments.too_fast'
  | 'comments.bad_token'
  | 'comments.duplicate'
  | 'comments.rate_limited'
  | 'comments.forbidden';

export class CommentError extends Error {
  constructor(
    readonly code: CommentErrorCode,
    message: string,
    /** for invalid input: the fields at fault */
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'CommentError';
  }
}
