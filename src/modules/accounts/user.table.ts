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
  /** JSON array of edition codes the user may work in; null: every edition */
  editions: string | null;
  /** base32 TOTP secret once a second factor is confirmed */
  totp_secret: string | null;
  /** set when an administrator disables the account */
  disabled_at: string | null;
}

/** A signed-in visit. `id` is the SHA-256 of the cookie's token: a copy of the table opens no session. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  /** 1 while the password is checked but the TOTP code is not yet */
  second_factor_pending: Generated<number>;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
