import type { Clock } from '../../lib/clock.js';
import type { CommentLimits, CommentMailer } from '../../modules/comments/index.js';

/** What the public comment routes need beyond a site's context: one clock for form tokens, dates and limits. */
export interface CommentDeps {
  clock: Clock;
  limits: CommentLimits;
  mailer: CommentMailer;
}
