export * from './comments.errors.js';
export { commentsOpen, DEFAULT_COMMENT_LIMITS, isCommentable, postComment, type CommentEnv, type CommentInput, type CommentLimits } from './comment-posting.js';
export * from './comment-moderation.js';
export { commentThread, type CommentNode } from './comment-thread.js';
export type { CommentMailer, HeldNotice, ReplyNotice } from './comment-mail.js';
export { issueFormToken, MIN_FILL_MS, MAX_FORM_AGE_MS } from './form-token.js';
export { MAX_BODY, MAX_EMAIL, MAX_NAME } from './comment-text.js';
export { selectTarget as commentTarget, type TargetRow as CommentTarget } from './comments.repository.js';
