import type { Generated } from 'kysely';

/** A message a reader sent through an edition's contact form: the newsroom inbox. */
export interface ContactMessageTable {
  id: Generated<number>;
  edition: string;
  name: string;
  email: string;
  subject: Generated<string>;
  /** plain text exactly as sent; always escaped when shown */
  body: string;
  created_at: string;
  read_at: string | null;
  archived_at: string | null;
  /** the sender's address, for rate limiting and abuse reports */
  ip: string | null;
}
