import type { Generated } from 'kysely';

/** A person: newsroom user and/or author shown on the site. */
export interface UserTable {
  id: Generated<number>;
  email: string | null;
  display_name: string;
  slug: string;
  bio: Generated<string>;
  /** administrator | editor | author | contributor | none (an author without sign-in rights) */
  role: string;
  password_hash: string | null;
  created_at: string;
}
