import type { Generated } from 'kysely';

/** One outgoing message. It stays here after sending (`sent_at`), as a record of what was sent. */
export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: string;
  /** how many sends were tried */
  attempts: Generated<number>;
  /** the last failure's message, for the newsroom and the log */
  last_error: string | null;
  /** not tried again before this time (backoff after failures) */
  next_attempt_at: string;
  sent_at: string | null;
}
