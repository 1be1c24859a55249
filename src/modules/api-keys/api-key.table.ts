import type { Generated } from 'kysely';

/** A key for the read API. The key itself is never stored: only its SHA-256 hash. */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  /** hex SHA-256 of the whole key */
  key_hash: string;
  /** the key's first characters (`nashr_ab12`), to tell keys apart in the newsroom */
  key_prefix: string;
  created_at: string;
  created_by: number | null;
  /** updated at most once a minute per key */
  last_used_at: string | null;
  revoked_at: string | null;
}
